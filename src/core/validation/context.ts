import type { Catalog } from '../catalog/catalog';
import type { Plan, PlanNode } from '../plan/schema';

/**
 * Indexes of a plan built once per validation, so every rule is a linear pass: which nodes hold
 * a role, which roles a node holds, where a node sits in the plan.
 */
export interface ValidationContext {
  readonly plan: Plan;
  readonly catalog: Catalog;
  /** Nodes holding the role (each node once, in plan order). */
  holders(roleId: string): readonly PlanNode[];
  /** Whether the node holds the role. */
  has(node: PlanNode, roleId: string): boolean;
  /** The distinct roles of a node. */
  rolesOf(node: PlanNode): ReadonlySet<string>;
  /** Every distinct role id used anywhere in the plan, in first-seen order. */
  readonly usedRoles: readonly string[];
  /** How the node is named in messages: its hostname, or its id when the hostname is blank. */
  label(node: PlanNode): string;
  /** The docs name of a role, or the raw id for unknown ones. */
  roleName(roleId: string): string;
}

const EMPTY: readonly PlanNode[] = [];

/** Builds the indexes in one pass over the nodes. */
export function createContext(plan: Plan, catalog: Catalog): ValidationContext {
  const holders = new Map<string, PlanNode[]>();
  const roleSets = new Map<PlanNode, Set<string>>();
  for (const node of plan.nodes) {
    const roles = new Set(node.roles);
    roleSets.set(node, roles);
    for (const role of roles) {
      const list = holders.get(role);
      if (list) list.push(node);
      else holders.set(role, [node]);
    }
  }
  return {
    plan,
    catalog,
    holders: (roleId) => holders.get(roleId) ?? EMPTY,
    has: (node, roleId) => roleSets.get(node)?.has(roleId) ?? false,
    rolesOf: (node) => roleSets.get(node) ?? new Set(),
    usedRoles: [...holders.keys()],
    label: (node) => (node.hostname.trim() === '' ? `node "${node.id}"` : node.hostname),
    roleName: (roleId) => catalog.get(roleId)?.name ?? roleId,
  };
}

/** "a, b and c" for messages; long lists end with "and N more" so a message stays readable. */
export function listText(items: readonly string[], max = 8): string {
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
