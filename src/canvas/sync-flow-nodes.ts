import { arrangeNodes } from '../core/commands/arrange';
import { getCatalog } from '../core/catalog/catalog';
import type { Plan, PlanNode } from '../core/plan/schema';
import type { Diagnostic } from '../core/validation/diagnostic';
import type { Selection } from '../store/editor-store';
import type { CardData, CardNode } from './NodeCard';

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.rule !== y.rule || x.severity !== y.severity || x.roleId !== y.roleId || x.message !== y.message) return false;
  }
  return true;
}

/** Whether a card would look the same: every field but the position (moves keep other fields' identity). */
function sameCardContent(a: PlanNode, b: PlanNode): boolean {
  if (a === b) return true;
  for (const key of Object.keys(b) as (keyof PlanNode)[]) {
    if (key !== 'position' && a[key] !== b[key]) return false;
  }
  for (const key of Object.keys(a) as (keyof PlanNode)[]) {
    if (key !== 'position' && !(key in b)) return false;
  }
  return true;
}

/**
 * Maps the plan onto React Flow nodes, reusing every previous node object whose card would look
 * the same, so that one edit re-renders one card, not two hundred. A node being dragged keeps
 * its live position; measured sizes are kept.
 */
export function syncFlowNodes(
  previous: readonly CardNode[],
  plan: Plan,
  diagnosticsByNode: ReadonlyMap<string, readonly Diagnostic[]>,
  selection: Selection,
): CardNode[] {
  const previousById = new Map(previous.map((n) => [n.id, n] as const));
  const selected = new Set(selection.nodeIds);
  const fallback = plan.nodes.some((n) => !n.position) ? arrangeNodes(plan, getCatalog(plan.edition)) : undefined;
  const seen = new Set<string>();
  const result: CardNode[] = [];
  for (const node of plan.nodes) {
    if (seen.has(node.id)) continue; // duplicate ids are a validation error; draw the first
    seen.add(node.id);
    const before = previousById.get(node.id);
    const diagnostics = diagnosticsByNode.get(node.id) ?? NO_DIAGNOSTICS;
    const selectedRole = selection.role?.nodeId === node.id ? selection.role.roleId : undefined;
    const data: CardData =
      before &&
      sameCardContent(before.data.node, node) &&
      before.data.edition === plan.edition &&
      before.data.selectedRole === selectedRole &&
      sameDiagnostics(before.data.diagnostics, diagnostics)
        ? before.data
        : { node, edition: plan.edition, diagnostics, selectedRole };
    const position = before?.dragging ? before.position : (node.position ?? fallback?.[node.id] ?? { x: 0, y: 0 });
    const isSelected = selected.has(node.id);
    const ariaLabel = node.hostname.trim() || `(no hostname: ${node.id})`;
    if (
      before &&
      before.data === data &&
      before.selected === isSelected &&
      before.position.x === position.x &&
      before.position.y === position.y
    ) {
      result.push(before);
      continue;
    }
    result.push({ ...before, id: node.id, type: 'card', data, position, selected: isSelected, ariaLabel });
  }
  return result;
}
