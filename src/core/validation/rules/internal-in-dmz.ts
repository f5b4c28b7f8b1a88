import { SOURCES } from '../../catalog/sources';
import { serviceStates } from '../../network/services';
import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** Roles whose ports are internal only (domain §4): Database, Directory and Mesh servers. */
const INTERNAL_ROLES = ['database', 'mesh-directory', 'mesh-server', 'directory-replica'] as const;

/**
 * Database, Directory or Mesh servers on a DMZ node. The docs list their ports among the internal
 * ones only, "between nodes on the private network"; keeping them out of the DMZ is the
 * designer's assumption (the docs do not speak of zones).
 */
export const internalInDmz: Rule = {
  id: 'internal-in-dmz',
  summary: 'Database, Mesh & Directory, Mesh servers and Directory replicas are not on a DMZ node (assumption from the internal port list).',
  check(ctx) {
    const internetRoles = new Set(serviceStates(ctx.plan).filter((s) => s.exposure === 'internet').map((s) => s.service.role));
    const out: Diagnostic[] = [];
    for (const node of ctx.plan.nodes) {
      if (node.zone !== 'dmz') continue;
      const found = INTERNAL_ROLES.filter((r) => ctx.has(node, r));
      if (found.length === 0) continue;
      const servesInternet = [...internetRoles].some((r) => ctx.has(node, r));
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `${ctx.label(node)} is in the DMZ but holds ${listText(found.map(ctx.roleName))}, whose ports are for the private network only. Move ${found.length === 1 ? 'it' : 'them'} to a LAN node${servesInternet ? '' : ', or put this node in the LAN zone'}.`,
        nodeIds: [node.id],
        roleId: found[0]!,
        source: SOURCES.internalZone,
        ...(servesInternet
          ? {}
          : { fix: { label: `Put ${ctx.label(node)} in the LAN zone`, commands: [{ type: 'update-node', nodeId: node.id, changes: { zone: 'lan' } }] } }),
      });
    }
    return out;
  },
};
