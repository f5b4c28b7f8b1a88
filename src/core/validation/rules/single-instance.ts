import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** More nodes hold a role than the edition allows (mesh-directory, database, monitoring, …). */
export const singleInstance: Rule = {
  id: 'single-instance',
  summary: 'Roles limited to one instance per installation are on at most one node.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const role of ctx.catalog.roles) {
      if (role.maxInstances === undefined) continue;
      const holders = ctx.holders(role.id);
      if (holders.length <= role.maxInstances) continue;
      out.push({
        rule: this.id,
        severity: 'error',
        message: `${role.name} (${role.id}) is on ${holders.length} nodes (${listText(holders.map(ctx.label))}), but an installation allows only ${role.maxInstances}. Keep it on one node and remove it from the others.`,
        nodeIds: holders.map((n) => n.id),
        roleId: role.id,
        source: role.source,
      });
    }
    return out;
  },
};
