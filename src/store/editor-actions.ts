import { getCatalog } from '../core/catalog/catalog';
import { EDITION_NAMES, type Edition } from '../core/catalog/role-ids';
import type { PlanCommand } from '../core/commands/commands';
import { newNodeForRole, roleDropRefusal } from '../core/commands/node-factory';
import type { Position } from '../core/plan/schema';
import { arrangeNodes } from '../core/commands/arrange';
import { cloneNodes } from '../core/commands/node-factory';
import type { PlanNode } from '../core/plan/schema';
import type { Fix } from '../core/validation/diagnostic';
import type { EditorStore } from './editor-store';

/** A role being placed: from the palette (an add) or from a node's chip (a move). */
export interface RoleDrag {
  readonly roleId: string;
  /** Set when a chip is dragged off a node (a move); absent for a palette role (an add). */
  readonly fromNodeId?: string;
}

/**
 * Drops a role on a node (add, or move when it comes from another node's chip). Refused drops
 * tell the user why and change nothing. Returns whether the plan changed.
 */
export function dropRoleOnNode(store: EditorStore, drag: RoleDrag, nodeId: string): boolean {
  const { plan, dispatch, notify, select } = store.getState();
  if (drag.fromNodeId === nodeId) return false;
  const refusal = roleDropRefusal(plan, getCatalog(plan.edition), nodeId, drag.roleId);
  if (refusal) {
    notify('warning', refusal);
    return false;
  }
  const command: PlanCommand =
    drag.fromNodeId !== undefined
      ? { type: 'move-role', fromNodeId: drag.fromNodeId, toNodeId: nodeId, roleId: drag.roleId }
      : { type: 'add-role', nodeId, roleId: drag.roleId };
  const changed = dispatch(command);
  if (changed) select({ nodeIds: [nodeId], role: { nodeId, roleId: drag.roleId } });
  return changed;
}

/** Drops a role on empty canvas: a new node holding it (moved off its old node for a chip), one step. */
export function dropRoleOnCanvas(store: EditorStore, drag: RoleDrag, position: Position): string | undefined {
  const { plan, dispatch, notify, select } = store.getState();
  const refusal = roleDropRefusal(plan, getCatalog(plan.edition), undefined, drag.roleId);
  if (refusal) {
    notify('warning', refusal);
    return undefined;
  }
  // A synthetic event may carry no coordinates; the plan format never stores NaN.
  const at = { x: Number.isFinite(position.x) ? Math.round(position.x) : 0, y: Number.isFinite(position.y) ? Math.round(position.y) : 0 };
  const node = newNodeForRole(plan, drag.roleId, at);
  const commands: PlanCommand[] = [{ type: 'add-node', node }];
  if (drag.fromNodeId !== undefined) commands.unshift({ type: 'remove-role', nodeId: drag.fromNodeId, roleId: drag.roleId });
  if (!dispatch(commands)) return undefined;
  select({ nodeIds: [node.id] });
  return node.id;
}

/** Removes one role from one node. */
export function removeRole(store: EditorStore, nodeId: string, roleId: string): boolean {
  return store.getState().dispatch({ type: 'remove-role', nodeId, roleId });
}

/** Adds an empty node (with a proposed hostname) and selects it. */
export function addEmptyNode(store: EditorStore, position?: Position): string | undefined {
  const { plan, dispatch, select } = store.getState();
  const node = newNodeForRole(plan, undefined, position ?? nextFreePosition(plan.nodes));
  if (!dispatch({ type: 'add-node', node })) return undefined;
  select({ nodeIds: [node.id] });
  return node.id;
}

/** Below the lowest card, so a new node never hides another. */
function nextFreePosition(nodes: readonly PlanNode[]): Position {
  if (nodes.length === 0) return { x: 0, y: 0 };
  const maxY = Math.max(...nodes.map((n) => n.position?.y ?? 0));
  return { x: 0, y: maxY + 220 };
}

/** Deletes the selected nodes, or the selected role chip when one is selected. */
export function deleteSelection(store: EditorStore): boolean {
  const { selection, dispatch } = store.getState();
  if (selection.role) return dispatch({ type: 'remove-role', nodeId: selection.role.nodeId, roleId: selection.role.roleId });
  if (selection.nodeIds.length === 0) return false;
  return dispatch(selection.nodeIds.map((nodeId) => ({ type: 'remove-node' as const, nodeId })));
}

/** Copies of the given nodes (new ids and hostnames), added as one step and selected. */
export function insertCopies(store: EditorStore, nodes: readonly PlanNode[]): string[] {
  const { plan, dispatch, select } = store.getState();
  if (nodes.length === 0) return [];
  const copies = cloneNodes(plan, nodes);
  if (!dispatch(copies.map((node) => ({ type: 'add-node' as const, node })))) return [];
  const ids = copies.map((n) => n.id);
  select({ nodeIds: ids });
  return ids;
}

/** The selected nodes, in plan order. */
export function selectedNodes(store: EditorStore): PlanNode[] {
  const { plan, selection } = store.getState();
  const ids = new Set(selection.role ? [selection.role.nodeId] : selection.nodeIds);
  return plan.nodes.filter((n) => ids.has(n.id));
}

/** Lays every node out tidily, as one step. */
export function arrange(store: EditorStore): boolean {
  const { plan, dispatch } = store.getState();
  return dispatch({ type: 'move-nodes', positions: arrangeNodes(plan, getCatalog(plan.edition)) });
}

/** Applies a diagnostic's quick fix as one undoable step. */
export function applyFix(store: EditorStore, fix: Fix): boolean {
  return store.getState().dispatch(fix.commands);
}

/** Switches the plan's edition (one step) and says which placed roles the new edition lacks. */
export function changeEdition(store: EditorStore, edition: Edition): boolean {
  const { plan, dispatch, notify } = store.getState();
  if (edition === plan.edition) return false;
  const catalog = getCatalog(edition);
  const missing = [...new Set(plan.nodes.flatMap((n) => n.roles))].filter((id) => !catalog.get(id));
  const changed = dispatch({ type: 'set-plan-fields', changes: { edition } });
  if (changed && missing.length > 0) {
    notify('warning', `Not in ${EDITION_NAMES[edition]}: ${missing.join(', ')}. See the Problems panel.`);
  }
  return changed;
}
