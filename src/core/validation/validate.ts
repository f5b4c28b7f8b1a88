import type { Catalog } from '../catalog/catalog';
import type { Plan } from '../plan/schema';
import { createContext } from './context';
import type { Diagnostic, Severity } from './diagnostic';
import type { Rule } from './rule';
import { RULES } from './rules';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Checks a plan against every placement rule of the Carbonio docs. Pure and deterministic: the
 * same plan gives the same diagnostics in the same order (severity, then plan order of the first
 * node concerned, plan-wide findings first, then rule id, role and message).
 */
export function validate(plan: Plan, catalog: Catalog, rules: readonly Rule[] = RULES): Diagnostic[] {
  const ctx = createContext(plan, catalog);
  const position = new Map<string, number>();
  plan.nodes.forEach((node, index) => {
    if (!position.has(node.id)) position.set(node.id, index);
  });
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) diagnostics.push(...rule.check(ctx));
  // Sort keys are worked out once per diagnostic, not once per comparison.
  const keyed = diagnostics.map((d) => ({
    d,
    severity: SEVERITY_RANK[d.severity],
    node: d.nodeIds.length === 0 ? -1 : (position.get(d.nodeIds[0]!) ?? -1),
  }));
  keyed.sort(
    (a, b) =>
      a.severity - b.severity ||
      a.node - b.node ||
      compare(a.d.rule, b.d.rule) ||
      compare(a.d.roleId ?? '', b.d.roleId ?? '') ||
      compare(a.d.message, b.d.message),
  );
  return keyed.map((k) => k.d);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts per severity, for status bars and summaries. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
