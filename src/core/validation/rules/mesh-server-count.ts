import { SOURCES } from '../../catalog/sources';
import { listText } from '../context';
import type { PlanNode } from '../../plan/schema';
import type { Rule } from '../rule';

/** The Carbonio Mesh needs exactly 1 or 3 servers (mesh-directory plus mesh-server nodes). */
export const meshServerCount: Rule = {
  id: 'mesh-server-count',
  summary: 'Mesh servers (Mesh & Directory plus Mesh server nodes) number exactly 1 or 3.',
  check(ctx) {
    const meshRoles = ctx.catalog.roles.filter((r) => r.meshServer).map((r) => r.id);
    const servers = ctx.plan.nodes.filter((node: PlanNode) => meshRoles.some((id) => ctx.has(node, id)));
    const count = servers.length;
    if (count === 0 || count === 1 || count === 3) return [];
    const advice =
      count === 2
        ? 'Add a Mesh server (mesh-server) on a third node, or remove one'
        : `Remove ${count - 3} of them`;
    return [
      {
        rule: this.id,
        severity: 'error',
        message: `The plan has ${count} Carbonio Mesh servers (${listText(servers.map(ctx.label))}); the installer accepts exactly 1 or 3 (older docs said "odd numbers"). ${advice}.`,
        nodeIds: servers.map((n) => n.id),
        roleId: 'mesh-server',
        source: SOURCES.meshCount,
      },
    ];
  },
};
