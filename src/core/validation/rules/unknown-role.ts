import { roleDefinition } from '../../catalog/catalog';
import { EDITION_NAMES, isRoleId } from '../../catalog/role-ids';
import { SOURCES } from '../../catalog/sources';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** A role id the plan's edition does not have: a typo, or a commercial-only role in a CE plan. */
export const unknownRole: Rule = {
  id: 'unknown-role',
  summary: "Every role is one of the plan's edition (Video Recording and Event Streaming are commercial only).",
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const roleId of ctx.usedRoles) {
      if (ctx.catalog.get(roleId)) continue;
      const holders = ctx.holders(roleId);
      const edition = EDITION_NAMES[ctx.catalog.edition];
      const reason = isRoleId(roleId)
        ? `${roleDefinition(roleId).name} (${roleId}) is not part of ${edition}; it exists in ${roleDefinition(roleId)
            .editions.map((e) => EDITION_NAMES[e])
            .join(' and ')} only. Switch the plan's edition, or remove it`
        : `"${roleId}" is not a Carbonio role. Remove it, or use one of the catalog's role ids`;
      for (const node of holders) {
        out.push({
          rule: this.id,
          severity: 'error',
          message: `${reason} (on ${ctx.label(node)}).`,
          nodeIds: [node.id],
          roleId,
          source: isRoleId(roleId) ? roleDefinition(roleId).source : SOURCES.ceArchitecture,
          fix: {
            label: `Remove "${roleId}"`,
            commands: node.roles
              .filter((r) => r === roleId)
              .map(() => ({ type: 'remove-role' as const, nodeId: node.id, roleId })),
          },
        });
      }
    }
    return out;
  },
};
