import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** A role's dependency (per edition, from the catalog) is nowhere in the plan. */
export const requiresRole: Rule = {
  id: 'requires-role',
  summary: 'Every role that depends on another (Docs on Files, Files on Database and Mailstore, …) finds it in the plan.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const role of ctx.catalog.roles) {
      const holders = ctx.holders(role.id);
      if (holders.length === 0) continue;
      for (const requirement of role.requires) {
        if (ctx.holders(requirement.role).length > 0) continue;
        const needed = ctx.roleName(requirement.role);
        out.push({
          rule: this.id,
          severity: 'error',
          message: `${role.name} on ${listText(holders.map(ctx.label))} needs ${needed} (${requirement.role}), which is not in the plan: it ${requirement.why}. Add ${needed} to a node, or remove ${role.name}.`,
          nodeIds: holders.map((n) => n.id),
          roleId: role.id,
          source: requirement.source,
        });
      }
    }
    return out;
  },
};
