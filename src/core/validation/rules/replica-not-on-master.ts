import { SOURCES } from '../../catalog/sources';
import type { PlanCommand } from '../../commands/commands';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** A Directory Server Replica on the node of the master Directory (mesh-directory). */
export const replicaNotOnMaster: Rule = {
  id: 'replica-not-on-master',
  summary: 'A Directory Server Replica is never on the Mesh & Directory node.',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const node of ctx.holders('directory-replica')) {
      if (!ctx.has(node, 'mesh-directory')) continue;
      const target = ctx.plan.nodes.find(
        (n) => n !== node && n.id !== node.id && !ctx.has(n, 'mesh-directory') && !ctx.has(n, 'directory-replica'),
      );
      const commands: PlanCommand[] = target
        ? [{ type: 'move-role', fromNodeId: node.id, toNodeId: target.id, roleId: 'directory-replica' }]
        : [{ type: 'remove-role', nodeId: node.id, roleId: 'directory-replica' }];
      out.push({
        rule: this.id,
        severity: 'error',
        message: `The Directory Server Replica is on ${ctx.label(node)}, the node of the master Directory (Mesh & Directory): a replica must run on another node. Move it to ${target ? ctx.label(target) : 'another node'}.`,
        nodeIds: [node.id],
        roleId: 'directory-replica',
        source: SOURCES.directoryReplica,
        fix: {
          label: target ? `Move the replica to ${ctx.label(target)}` : 'Remove the replica',
          commands,
        },
      });
    }
    return out;
  },
};
