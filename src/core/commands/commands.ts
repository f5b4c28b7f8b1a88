import { SERVICE_IDS, type Plan, type PlanNode, type Position, type ServiceExposure, type ServiceId } from '../plan/schema';

/**
 * Plan fields a command may change; nodes change through node commands. `services` and `sizing`
 * are replaced whole (`undefined` removes them); `set-service` edits one service.
 */
export type PlanFields = Partial<Pick<Plan, 'name' | 'edition' | 'webmailHostname' | 'services' | 'sizing'>>;

/** Node fields a command may change; id and roles change through their own commands. */
export type NodeFields = Partial<Omit<PlanNode, 'id' | 'roles'>>;

/**
 * A pure, serialisable edit of a plan. Quick fixes carry lists of these, the editor records
 * them for undo, and tests apply them without any UI.
 */
export type PlanCommand =
  | { readonly type: 'add-role'; readonly nodeId: string; readonly roleId: string }
  | { readonly type: 'remove-role'; readonly nodeId: string; readonly roleId: string }
  | { readonly type: 'move-role'; readonly fromNodeId: string; readonly toNodeId: string; readonly roleId: string }
  | { readonly type: 'add-node'; readonly node: PlanNode; readonly index?: number }
  | { readonly type: 'remove-node'; readonly nodeId: string }
  | { readonly type: 'reassign-duplicate-ids' }
  | { readonly type: 'update-node'; readonly nodeId: string; readonly changes: NodeFields }
  | { readonly type: 'move-nodes'; readonly positions: Readonly<Record<string, Position>> }
  | { readonly type: 'set-plan-fields'; readonly changes: PlanFields }
  /** Sets the exposure of one service; `null` drops the setting, back to the docs default. */
  | { readonly type: 'set-service'; readonly service: ServiceId; readonly exposure: ServiceExposure | null };

function mapNode(plan: Plan, nodeId: string, edit: (node: PlanNode) => PlanNode): Plan {
  const index = plan.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) return plan;
  const node = plan.nodes[index]!;
  const edited = edit(node);
  if (edited === node) return plan;
  const nodes = plan.nodes.slice();
  nodes[index] = edited;
  return { ...plan, nodes };
}

function withoutLast(roles: readonly string[], roleId: string): string[] | undefined {
  const at = roles.lastIndexOf(roleId);
  if (at < 0) return undefined;
  return [...roles.slice(0, at), ...roles.slice(at + 1)];
}

/** Drops keys whose value is `undefined`, so cleared fields leave the file instead of being written as null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Same keys, and values equal (nested plain data compared by content). */
function sameFields(a: object, b: object): boolean {
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    return x === y || (typeof x === 'object' && typeof y === 'object' && JSON.stringify(x) === JSON.stringify(y));
  });
}

/**
 * Applies one command and returns the new plan. The input is never mutated; a command that
 * changes nothing (unknown node, role absent, role already there) returns the same object, so
 * callers can skip recording no-ops.
 */
export function applyCommand(plan: Plan, command: PlanCommand): Plan {
  switch (command.type) {
    case 'add-role':
      return mapNode(plan, command.nodeId, (node) =>
        node.roles.includes(command.roleId) ? node : { ...node, roles: [...node.roles, command.roleId] },
      );
    case 'remove-role':
      return mapNode(plan, command.nodeId, (node) => {
        const roles = withoutLast(node.roles, command.roleId);
        return roles ? { ...node, roles } : node;
      });
    case 'move-role': {
      if (command.fromNodeId === command.toNodeId) return plan;
      const from = plan.nodes.find((n) => n.id === command.fromNodeId);
      const to = plan.nodes.find((n) => n.id === command.toNodeId);
      if (!from || !to || !from.roles.includes(command.roleId)) return plan;
      const removed = applyCommand(plan, { type: 'remove-role', nodeId: from.id, roleId: command.roleId });
      return applyCommand(removed, { type: 'add-role', nodeId: to.id, roleId: command.roleId });
    }
    case 'add-node': {
      const nodes = plan.nodes.slice();
      const index = command.index ?? nodes.length;
      nodes.splice(Math.max(0, Math.min(index, nodes.length)), 0, command.node);
      return { ...plan, nodes };
    }
    case 'remove-node': {
      // Like every node command, acts on the first node with the id (duplicate ids are a
      // validation error, and a fix must never delete a second node by accident).
      const index = plan.nodes.findIndex((n) => n.id === command.nodeId);
      if (index < 0) return plan;
      return { ...plan, nodes: [...plan.nodes.slice(0, index), ...plan.nodes.slice(index + 1)] };
    }
    case 'reassign-duplicate-ids': {
      // Every node whose id an earlier node already has gets a fresh `n<k>` id.
      const used = new Set(plan.nodes.map((n) => n.id));
      const seen = new Set<string>();
      let next = plan.nodes.length;
      let changed = false;
      const nodes = plan.nodes.map((node) => {
        if (!seen.has(node.id)) {
          seen.add(node.id);
          return node;
        }
        let id: string;
        do id = `n${++next}`;
        while (used.has(id));
        used.add(id);
        changed = true;
        return { ...node, id };
      });
      return changed ? { ...plan, nodes } : plan;
    }
    case 'update-node':
      return mapNode(plan, command.nodeId, (node) => {
        const next = compact({ ...node, ...command.changes });
        return sameFields(node, next) ? node : next;
      });
    case 'move-nodes': {
      let changed = false;
      const nodes = plan.nodes.map((node) => {
        // Own keys only: a node id such as `constructor` must not pick up an inherited property.
        const position = Object.hasOwn(command.positions, node.id) ? command.positions[node.id] : undefined;
        if (!position || (node.position && node.position.x === position.x && node.position.y === position.y)) return node;
        changed = true;
        return { ...node, position: { x: position.x, y: position.y } };
      });
      return changed ? { ...plan, nodes } : plan;
    }
    case 'set-plan-fields': {
      const next = compact({ ...plan, ...command.changes });
      return sameFields(plan, next) ? plan : next;
    }
    case 'set-service': {
      if (!(SERVICE_IDS as readonly string[]).includes(command.service)) return plan;
      const current = plan.services?.[command.service];
      const exposure = command.exposure ?? undefined;
      if (current === exposure) return plan;
      const services = compact({ ...plan.services, [command.service]: exposure });
      if (Object.keys(services).length > 0) return { ...plan, services };
      const { services: _dropped, ...rest } = plan;
      return rest;
    }
  }
}

/** Applies commands in order. */
export function applyCommands(plan: Plan, commands: readonly PlanCommand[]): Plan {
  return commands.reduce(applyCommand, plan);
}
