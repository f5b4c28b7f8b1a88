/**
 * Test helpers: build plans tersely, run the validator, apply quick fixes. Plain TypeScript (no
 * vitest import) so any test, in any environment, can use it.
 */
import { getCatalog } from '../catalog/catalog';
import type { Edition } from '../catalog/role-ids';
import { applyCommands } from '../commands/commands';
import { loadPlanValue } from '../plan/loader';
import { PLAN_TEMPLATES } from '../templates';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, type Plan, type PlanNode } from '../plan/schema';
import type { Diagnostic } from '../validation/diagnostic';
import { validate } from '../validation/validate';

/** Everything of a node but hostname and roles; `id` overrides the default `n<index>`. */
export type NodeExtra = Partial<Omit<PlanNode, 'hostname' | 'roles'>>;

/** `[hostname, roles, extra?]`. */
export type NodeSpec = readonly [hostname: string, roles: readonly string[], extra?: NodeExtra];

/** The five core roles (domain §3), in catalog order. */
export const CORE_ROLES = ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'] as const;

/** A plan of format v1 whose nodes get ids n1..nN (unless `extra.id` says otherwise). */
export function makePlan(nodes: readonly NodeSpec[], edition: Edition = 'ce', name = 'test plan'): Plan {
  return {
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name,
    edition,
    nodes: nodes.map(([hostname, roles, extra], index) => ({
      id: `n${index + 1}`,
      hostname,
      roles: [...roles],
      ...extra,
    })),
  };
}

/** All diagnostics of the plan, against the catalog of its own edition. */
export function validatePlan(plan: Plan): Diagnostic[] {
  return validate(plan, getCatalog(plan.edition));
}

/** The diagnostics one rule gives for the plan, run through the full validator. */
export function diagnose(plan: Plan, ruleId: string): Diagnostic[] {
  return validatePlan(plan).filter((d) => d.rule === ruleId);
}

/** The plan after applying a diagnostic's quick fix; throws when it has none. */
export function applyFix(plan: Plan, diagnostic: Diagnostic): Plan {
  if (!diagnostic.fix) throw new Error(`diagnostic of ${diagnostic.rule} has no fix`);
  return applyCommands(plan, diagnostic.fix.commands);
}

/** Freezes a value and everything reachable from it, so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A documented template, loaded through the loader like any input. */
export function templatePlan(id: string): Plan {
  const found = PLAN_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  const loaded = loadPlanValue(found.document);
  if (!loaded.ok) throw new Error(`template ${id} does not load`);
  return loaded.plan;
}
