import { SOURCES } from '../../catalog/sources';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** Database Connector (PgPool-II) in a commercial plan: the installer dropped it in Nov 2024. */
export const legacyRole: Rule = {
  id: 'legacy-role',
  summary: 'Legacy roles (Database Connector) are flagged where the current installer no longer installs them.',
  check(ctx) {
    if (ctx.catalog.edition !== 'carbonio') return [];
    const out: Diagnostic[] = [];
    for (const node of ctx.holders('db-connection')) {
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `Database Connector (PgPool-II) on ${ctx.label(node)} was removed from the commercial installer in Nov 2024: the Ansible inventory has no group for it and it must be installed by hand. Remove it unless you maintain PgPool yourself.`,
        nodeIds: [node.id],
        roleId: 'db-connection',
        source: SOURCES.pgpoolRemoved,
        fix: { label: 'Remove Database Connector', commands: [{ type: 'remove-role', nodeId: node.id, roleId: 'db-connection' }] },
      });
    }
    return out;
  },
};
