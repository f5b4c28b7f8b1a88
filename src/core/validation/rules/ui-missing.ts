import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** A feature (Files, Tasks, Chats) exists but its UI is not on every Proxy node: users cannot reach it there. */
export const uiMissing: Rule = {
  id: 'ui-missing',
  summary: 'When Files, Tasks or Chats is in the plan, its UI is on every Proxy node.',
  check(ctx) {
    const out: Diagnostic[] = [];
    const proxies = ctx.holders('proxy');
    for (const ui of ctx.catalog.byKind('ui')) {
      if (!ui.uiFor || ctx.holders(ui.uiFor).length === 0) continue;
      const lacking = proxies.filter((p) => !ctx.has(p, ui.id));
      if (lacking.length === 0) continue;
      const feature = ctx.roleName(ui.uiFor);
      out.push({
        rule: this.id,
        severity: 'error',
        message: `${feature} is in the plan but ${ui.name} (${ui.id}) is missing on the Proxy node${lacking.length > 1 ? 's' : ''} ${listText(lacking.map(ctx.label))}: users reaching Carbonio through ${lacking.length > 1 ? 'them' : 'it'} cannot use ${feature}. Add ${ui.name} to every Proxy node.`,
        nodeIds: lacking.map((n) => n.id),
        roleId: ui.id,
        source: ui.source,
        fix: {
          label: `Add ${ui.name} to every Proxy node`,
          commands: lacking.map((p) => ({ type: 'add-role', nodeId: p.id, roleId: ui.id })),
        },
      });
    }
    return out;
  },
};
