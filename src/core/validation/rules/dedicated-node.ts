import { SOURCES } from '../../catalog/sources';
import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/**
 * Red-box roles (Mesh & Directory, Proxy, MTA AV/AS, Mailstore) sharing a node in a Multi-Server.
 * The docs say "should", and their own five-node example puts MTA with Proxy: a warning, never an error.
 */
export const dedicatedNode: Rule = {
  id: 'dedicated-node',
  summary: 'In a Multi-Server, each red-box role (Mesh & Directory, Proxy, MTA AV/AS, Mailstore) has a node of its own.',
  check(ctx) {
    if (ctx.plan.nodes.length < 2) return [];
    const redBoxes = ctx.catalog.roles.filter((r) => r.redBox);
    const out: Diagnostic[] = [];
    for (const node of ctx.plan.nodes) {
      const shared = redBoxes.filter((r) => ctx.has(node, r.id));
      if (shared.length < 2) continue;
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `${listText(shared.map((r) => r.name))} share ${ctx.label(node)}; the docs advise a dedicated node for each of them in a Multi-Server. Acceptable for small installs (the docs' five-node example shares MTA and Proxy); move one to its own node to scale.`,
        nodeIds: [node.id],
        roleId: shared[1]!.id,
        source: SOURCES.redBoxes,
      });
    }
    return out;
  },
};
