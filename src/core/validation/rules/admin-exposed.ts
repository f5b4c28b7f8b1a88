import { SOURCES } from '../../catalog/sources';
import { effectiveServices } from '../../network/services';
import type { Rule } from '../rule';

/** The Admin Panel (6071/tcp) offered to the Internet: the docs say "VPN only, never public". */
export const adminExposed: Rule = {
  id: 'admin-exposed',
  summary: 'The Admin Panel (6071/tcp) is not offered to the Internet: "VPN only, never public".',
  check(ctx) {
    if (effectiveServices(ctx.plan).admin !== 'internet') return [];
    return [
      {
        rule: this.id,
        severity: 'warning',
        message:
          'The Admin Panel (6071/tcp) is offered to the Internet; the docs say "VPN only, never public". Make it internal (private network or VPN only).',
        nodeIds: ctx.holders('proxy').map((n) => n.id),
        roleId: 'proxy',
        source: SOURCES.adminVpnOnly,
        fix: { label: 'Make the Admin Panel internal', commands: [{ type: 'set-service', service: 'admin', exposure: 'internal' }] },
      },
    ];
  },
};
