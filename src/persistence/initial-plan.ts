import { emptyPlan } from '../core/plan/empty-plan';
import { summarizeProblems } from '../core/plan/loader';
import type { Plan } from '../core/plan/schema';
import type { PlanLibrary } from './plan-library';

export interface InitialPlan {
  readonly plan: Plan;
  readonly documentId: string;
  /** True when this is the plan the user had open last time. */
  readonly restored: boolean;
  /** Why the last plan could not be restored (a sentence for the user). */
  readonly problem?: string;
}

/**
 * What the editor opens with: the last opened plan when it still loads; otherwise a new empty
 * plan. A saved plan that no longer loads is left in storage untouched, and `problem` says why.
 */
export function resolveInitialPlan(library: PlanLibrary): InitialPlan {
  const lastId = library.lastOpenedId();
  if (lastId !== undefined) {
    const loaded = library.load(lastId);
    if (loaded?.ok) return { plan: loaded.plan, documentId: lastId, restored: true };
    if (loaded && !loaded.ok) {
      const name = library.list().find((p) => p.id === lastId)?.name;
      const which = name ? `Your last plan "${name}"` : 'Your last plan';
      return {
        plan: emptyPlan(),
        documentId: library.newId(),
        restored: false,
        problem: `${which} could not be opened: ${summarizeProblems(loaded.problems)}. It is still stored in this browser; this is a new plan.`,
      };
    }
  }
  return { plan: emptyPlan(), documentId: library.newId(), restored: false };
}
