import type { Catalog } from '../catalog/catalog';
import type { Plan, PlanNode, Position } from '../plan/schema';

/** The domain new hostnames use: the one most nodes of the plan share, else example.com. */
export function planDomain(plan: Plan): string {
  const counts = new Map<string, number>();
  for (const node of plan.nodes) {
    const name = node.hostname.trim().toLowerCase();
    const dot = name.indexOf('.');
    if (dot > 0 && dot < name.length - 1) {
      const domain = name.slice(dot + 1);
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
  }
  let best = 'example.com';
  let bestCount = 0;
  for (const [domain, count] of counts) {
    if (count > bestCount) {
      best = domain;
      bestCount = count;
    }
  }
  return best;
}

/** A short DNS label for a role: `proxy`, `mta`, `mailstore`, `video`, … */
export function hostLabelForRole(roleId: string): string {
  const label = roleId.replace(/-(server|directory|ui)$/, '').replace(/[^a-z0-9-]/gi, '').toLowerCase();
  return label === '' ? 'node' : label;
}

/** `base1.domain`, `base2.domain`, …: the first hostname not used in the plan (case-insensitive). */
export function proposeHostname(plan: Plan, base: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(plan.nodes.map((n) => n.hostname.trim().toLowerCase()));
  const domain = planDomain(plan);
  for (let i = 1; ; i++) {
    const candidate = `${base}${i}.${domain}`;
    if (!used.has(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** The first id `n1`, `n2`, … not used in the plan nor in `taken`. */
export function nextNodeId(plan: Plan, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(plan.nodes.map((n) => n.id));
  for (let i = plan.nodes.length + 1; ; i++) {
    const candidate = `n${i}`;
    if (!used.has(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** A new node holding `roleId`, with a hostname proposed from the role (`proxy1.example.com`). */
export function newNodeForRole(plan: Plan, roleId: string | undefined, position?: Position): PlanNode {
  const base = roleId ? hostLabelForRole(roleId) : 'srv';
  return {
    id: nextNodeId(plan),
    hostname: proposeHostname(plan, base),
    roles: roleId ? [roleId] : [],
    ...(position ? { position } : {}),
  };
}

/**
 * Copies of `nodes` ready to add to `plan`: new ids, new hostnames (`<first label>-copy1.domain`,
 * …), positions shifted by `offset`, and IP addresses dropped since two nodes cannot share them.
 */
export function cloneNodes(plan: Plan, nodes: readonly PlanNode[], offset: Position = { x: 40, y: 40 }): PlanNode[] {
  const takenIds = new Set<string>();
  const takenNames = new Set<string>();
  return nodes.map((node) => {
    const id = nextNodeId(plan, takenIds);
    takenIds.add(id);
    const label = node.hostname.trim().split('.')[0]?.replace(/-copy\d*$/, '') || 'srv';
    const hostname = proposeHostname(plan, `${label}-copy`, takenNames);
    takenNames.add(hostname);
    const { privateIp: _private, publicIp: _public, ...rest } = node;
    return {
      ...rest,
      id,
      hostname,
      roles: [...node.roles],
      ...(node.resources ? { resources: { ...node.resources } } : {}),
      position: { x: (node.position?.x ?? 0) + offset.x, y: (node.position?.y ?? 0) + offset.y },
    };
  });
}

/** Why a role cannot be dropped on a node, or `undefined` when it can. Every other rule break is allowed and flagged. */
export function roleDropRefusal(plan: Plan, catalog: Catalog, nodeId: string | undefined, roleId: string): string | undefined {
  const role = catalog.get(roleId);
  if (!role) {
    const edition = catalog.edition === 'ce' ? 'Carbonio CE' : 'Carbonio';
    return `${roleId} is not a role of ${edition}.`;
  }
  if (nodeId === undefined) return undefined;
  const node = plan.nodes.find((n) => n.id === nodeId);
  if (!node) return 'That node no longer exists.';
  if (node.roles.includes(roleId)) return `${node.hostname || 'This node'} already has ${role.name}.`;
  return undefined;
}
