import { SOURCES } from '../../catalog/sources';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** The same role listed twice on one node. */
export const duplicateRole: Rule = {
  id: 'duplicate-role',
  summary: 'A role appears at most once on a node.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const node of ctx.plan.nodes) {
      if (ctx.rolesOf(node).size === node.roles.length) continue;
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const roleId of node.roles) {
        if (!seen.has(roleId)) {
          seen.add(roleId);
          continue;
        }
        if (reported.has(roleId)) continue;
        reported.add(roleId);
        const extra = node.roles.filter((r) => r === roleId).length - 1;
        out.push({
          rule: this.id,
          severity: 'error',
          message: `${ctx.roleName(roleId)} is listed ${extra + 1} times on ${ctx.label(node)}; a role is installed once per node. Remove the duplicate.`,
          nodeIds: [node.id],
          roleId,
          source: SOURCES.ceArchitecture,
          fix: {
            label: 'Remove the duplicate',
            commands: Array.from({ length: extra }, () => ({ type: 'remove-role' as const, nodeId: node.id, roleId })),
          },
        });
      }
    }
    return out;
  },
};
