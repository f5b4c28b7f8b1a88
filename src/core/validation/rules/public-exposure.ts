import { formatPort } from '../../catalog/ports';
import { SOURCES } from '../../catalog/sources';
import type { ServiceDefinition } from '../../network/services';
import { serviceStates } from '../../network/services';
import type { PlanNode } from '../../plan/schema';
import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** Roles that keep to the private network; putting their node in the DMZ is `internal-in-dmz`. */
const INTERNAL_ROLES = ['database', 'mesh-directory', 'mesh-server', 'directory-replica'];

/**
 * Whether the node's network is described at all: a private IP or a zone. Like missing
 * resources, a network not described yet is not judged (and a node is judged on its own fields
 * only, so editing one node never changes another node's findings).
 */
function describesNetwork(node: PlanNode): boolean {
  return node.zone !== undefined || (node.privateIp ?? '').trim() !== '';
}

/** `25, 443/tcp and 20000-40000/udp`. */
function portsText(services: readonly ServiceDefinition[]): string {
  const groups = (['tcp', 'udp'] as const)
    .map((protocol) => {
      const ports = services
        .filter((s) => s.protocol === protocol)
        .map((s) => s.port)
        .sort((a, b) => (typeof a === 'number' ? a : a[0]) - (typeof b === 'number' ? b : b[0]));
      return ports.length === 0 ? '' : `${ports.map(formatPort).join(', ')}/${protocol}`;
    })
    .filter((g) => g !== '');
  return listText(groups);
}

/**
 * A node serving something to the Internet (Proxy, MTA, Video Server) with neither a public IP
 * nor the DMZ zone: the docs want Proxy and MTA "reachable from the Internet (or via port
 * forwarding)", and give the Video Server a public IP. Judged for nodes whose network the plan
 * describes (a private IP or a zone): a bare node is not judged yet.
 */
export const publicExposure: Rule = {
  id: 'public-exposure',
  summary: 'A node serving Internet clients (Proxy, MTA, Video Server) has a public IP or sits in the DMZ.',
  check(ctx) {
    const internet = serviceStates(ctx.plan).filter((s) => s.exposure === 'internet').map((s) => s.service);
    if (internet.length === 0) return [];
    const out: Diagnostic[] = [];
    for (const node of ctx.plan.nodes) {
      if ((node.publicIp ?? '').trim() !== '' || node.zone === 'dmz' || !describesNetwork(node)) continue;
      const served = internet.filter((s) => ctx.has(node, s.role) && ctx.catalog.get(s.role));
      if (served.length === 0) continue;
      const servedRoles = new Set<string>(served.map((s) => s.role));
      const roles = [...ctx.rolesOf(node)].filter((r) => servedRoles.has(r));
      const canMove = !INTERNAL_ROLES.some((r) => ctx.has(node, r));
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `${ctx.label(node)} opens ${portsText(served)} to the Internet (${listText(roles.map(ctx.roleName))}) but has no public IP and is not in the DMZ. Give it a public IP, put it in the DMZ, or make sure port forwarding reaches it (at minimum 25 → MTA and 443 → Proxy).`,
        nodeIds: [node.id],
        roleId: roles[0]!,
        source: SOURCES.publicReachability,
        ...(canMove
          ? { fix: { label: `Put ${ctx.label(node)} in the DMZ`, commands: [{ type: 'update-node', nodeId: node.id, changes: { zone: 'dmz' } }] } }
          : {}),
      });
    }
    return out;
  },
};
