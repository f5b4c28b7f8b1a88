import type { PlanCommand } from '../../commands/commands';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** A UI role sits on a node without Proxy: "All the *-UI packages … must be installed on the Proxy Node". */
export const uiOnProxy: Rule = {
  id: 'ui-on-proxy',
  summary: 'UI roles (Files UI, Tasks UI, Chats UI) are only on nodes with Proxy.',
  check(ctx) {
    const out: Diagnostic[] = [];
    const proxies = ctx.holders('proxy');
    for (const role of ctx.catalog.byKind('ui')) {
      for (const node of ctx.holders(role.id)) {
        if (ctx.has(node, 'proxy')) continue;
        const targets = proxies.filter((p) => !ctx.has(p, role.id));
        const commands: PlanCommand[] = [
          { type: 'remove-role', nodeId: node.id, roleId: role.id },
          ...targets.map((p): PlanCommand => ({ type: 'add-role', nodeId: p.id, roleId: role.id })),
        ];
        out.push({
          rule: this.id,
          severity: 'error',
          message: `${role.name} is on ${ctx.label(node)}, which has no Proxy: all UI packages must be installed on the Proxy nodes. Move it to ${proxies.length > 0 ? 'every Proxy node' : 'a node with Proxy'}.`,
          nodeIds: [node.id],
          roleId: role.id,
          source: role.source,
          ...(proxies.length > 0
            ? { fix: { label: `Move ${role.name} to the Proxy node${proxies.length > 1 ? 's' : ''}`, commands } }
            : {}),
        });
      }
    }
    return out;
  },
};
