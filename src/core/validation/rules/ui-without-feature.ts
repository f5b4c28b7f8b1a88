import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** A UI role whose feature is nowhere in the plan: a dead package. */
export const uiWithoutFeature: Rule = {
  id: 'ui-without-feature',
  summary: 'A UI role is only placed when its feature (Files, Tasks, Chats) is in the plan.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const ui of ctx.catalog.byKind('ui')) {
      const holders = ctx.holders(ui.id);
      if (!ui.uiFor || holders.length === 0 || ctx.holders(ui.uiFor).length > 0) continue;
      const feature = ctx.roleName(ui.uiFor);
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `${ui.name} is on ${listText(holders.map(ctx.label))} but no node runs ${feature} (${ui.uiFor}): the installer would not install it. Add ${feature} to a node, or remove ${ui.name}.`,
        nodeIds: holders.map((n) => n.id),
        roleId: ui.id,
        source: ui.source,
        fix: {
          label: `Remove ${ui.name}`,
          commands: holders.map((n) => ({ type: 'remove-role', nodeId: n.id, roleId: ui.id })),
        },
      });
    }
    return out;
  },
};
