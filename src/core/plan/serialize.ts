import { SERVICE_IDS, type Plan, type PlanNode } from './schema';

const PLAN_KEYS = ['format', 'version', 'name', 'edition', 'webmailHostname', 'services', 'sizing', 'nodes'] as const;
const NODE_KEYS = ['id', 'hostname', 'roles', 'privateIp', 'publicIp', 'zone', 'os', 'resources', 'position'] as const;
const RESOURCE_KEYS = ['vcpu', 'ramGb', 'diskGb'] as const;
const SIZING_KEYS = ['accounts', 'mailboxQuotaGb'] as const;

function pick<T extends object>(value: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function orderNode(node: PlanNode): Record<string, unknown> {
  const out = pick(node, NODE_KEYS);
  if (node.resources) out.resources = pick(node.resources, RESOURCE_KEYS);
  if (node.position) out.position = { x: node.position.x, y: node.position.y };
  return out;
}

/**
 * The plan as a file: format v1, keys in a stable order, two-space indent, final newline.
 * Serialising a loaded plan again gives identical bytes.
 */
export function serializePlan(plan: Plan): string {
  const out = pick(plan, PLAN_KEYS);
  // Written only when present, so plans without them keep their bytes; services in catalog order.
  if (plan.services) out.services = pick(plan.services, SERVICE_IDS);
  if (plan.sizing) out.sizing = pick(plan.sizing, SIZING_KEYS);
  out.nodes = plan.nodes.map(orderNode);
  return `${JSON.stringify(out, null, 2)}\n`;
}
