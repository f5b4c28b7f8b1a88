import type { Edition } from '../catalog/role-ids';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, type Plan } from './schema';

/** A new plan with no nodes: what "New plan" and a first visit start from. */
export function emptyPlan(name = 'Untitled plan', edition: Edition = 'ce'): Plan {
  return { format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, name, edition, nodes: [] };
}
