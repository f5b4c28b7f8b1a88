import type { Catalog, CatalogRole } from '../../catalog/catalog';
import { SOURCES } from '../../catalog/sources';
import type { Plan, PlanNode, Resources } from '../../plan/schema';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

type Field = keyof Resources;

/** One documented minimum that applies to a node. */
export interface NodeMinimum {
  readonly field: Field;
  readonly value: number;
  readonly why: string;
  readonly source: string;
}

const UNITS: Record<Field, string> = { vcpu: 'vCPU', ramGb: 'GB RAM', diskGb: 'GB disk' };

function fromProfile(
  profile: Partial<Record<Field, number>>,
  why: string,
  source: string,
): NodeMinimum[] {
  return (Object.keys(profile) as Field[]).map((field) => ({ field, value: profile[field]!, why, source }));
}

/**
 * A dedicated video node: the Video Server, with Video Recording at most. The docs size it on its
 * own (8 vCPU / 8 GB / 50 GB, from the Video Server's minimums), not as a collaboration node.
 */
function isVideoNode(roles: readonly CatalogRole[]): boolean {
  return roles.some((r) => r.id === 'video-server') && roles.every((r) => r.id === 'video-server' || r.id === 'video-recording');
}

/**
 * The documented minimums for a node, given its roles, the edition and the plan size. CE: 4 vCPU,
 * 16 GB, 50 GB on every node. Commercial: a Single-Server needs 8/24/100; in a Multi-Server a
 * collaboration node 4/16/50 and a video node 8/8/50. Roles add their own (Files: 6 GB RAM).
 */
export function nodeMinimums(node: PlanNode, plan: Plan, catalog: Catalog): NodeMinimum[] {
  const roles = node.roles.map((id) => catalog.get(id)).filter((r) => r !== undefined);
  const minimums: NodeMinimum[] = [];
  if (catalog.edition === 'ce') {
    minimums.push(...fromProfile({ vcpu: 4, ramGb: 16, diskGb: 50 }, 'every CE node', SOURCES.ceRequirements));
  } else if (plan.nodes.length === 1) {
    minimums.push(
      ...fromProfile({ vcpu: 8, ramGb: 24, diskGb: 100 }, 'a commercial Single-Server', SOURCES.commercialRequirements),
    );
  } else if (!isVideoNode(roles) && roles.length > 0 && roles.every((r) => r.kind === 'collaboration' || r.kind === 'ui')) {
    minimums.push(
      ...fromProfile({ vcpu: 4, ramGb: 16, diskGb: 50 }, 'a commercial collaboration node', SOURCES.commercialRequirements),
    );
  }
  for (const role of roles) {
    const min = role.minResources;
    if (!min) continue;
    const { source, ...profile } = min;
    minimums.push(...fromProfile(profile, `a node with ${role.name}`, source));
  }
  return minimums;
}

/** Resources given for a node that fall below the docs' minimums. Missing figures are not judged. */
export const nodeResources: Rule = {
  id: 'node-resources',
  summary: "A node's vCPU, RAM and disk meet the docs' minimums for its roles and edition.",
  check(ctx) {
    const out: Diagnostic[] = [];
    // Minimums depend only on a node's roles (edition and plan size are fixed here): nodes with
    // the same roles share one computation.
    const byRoles = new Map<string, Map<Field, NodeMinimum>>();
    for (const node of ctx.plan.nodes) {
      const resources = node.resources;
      if (!resources) continue;
      const key = node.roles.join('\u0000');
      let strictest = byRoles.get(key);
      if (!strictest) {
        strictest = new Map<Field, NodeMinimum>();
        for (const min of nodeMinimums(node, ctx.plan, ctx.catalog)) {
          const current = strictest.get(min.field);
          if (!current || min.value > current.value) strictest.set(min.field, min);
        }
        byRoles.set(key, strictest);
      }
      const short = [...strictest.values()].filter((min) => {
        const actual = resources[min.field];
        return actual !== undefined && actual < min.value;
      });
      if (short.length === 0) continue;
      const parts = short.map(
        (min) => `${resources[min.field]} ${UNITS[min.field]} where ${min.why} needs at least ${min.value}`,
      );
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `${ctx.label(node)} has ${parts.join('; ')}. Give it more resources.`,
        nodeIds: [node.id],
        source: [...new Set(short.map((m) => m.source))].join('; '),
      });
    }
    return out;
  },
};
