import { SOURCES } from '../../catalog/sources';
import type { Rule } from '../rule';

/** A node with no role: nothing would be installed on it. */
export const emptyNode: Rule = {
  id: 'empty-node',
  summary: 'Every node holds at least one role.',
  check(ctx) {
    return ctx.plan.nodes
      .filter((node) => node.roles.length === 0)
      .map((node) => ({
        rule: this.id,
        severity: 'warning' as const,
        message: `${ctx.label(node)} has no role, so nothing would be installed on it. Add a role, or delete the node.`,
        nodeIds: [node.id],
        source: SOURCES.ceArchitecture,
        fix: { label: `Delete ${ctx.label(node)}`, commands: [{ type: 'remove-node' as const, nodeId: node.id }] },
      }));
  },
};
