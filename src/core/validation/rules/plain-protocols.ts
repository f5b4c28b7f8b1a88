import { SOURCES } from '../../catalog/sources';
import { effectiveServices, exposureRank, SERVICE_LIST, serviceLabel, SERVICES } from '../../network/services';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/**
 * POP3 or IMAP offered more widely than their TLS variants. The docs support both (POP3 and
 * POP3S, IMAP and IMAPS); this is advice, not a fault.
 */
export const plainProtocols: Rule = {
  id: 'plain-protocols',
  summary: 'POP3 and IMAP are not offered without POP3S and IMAPS.',
  check(ctx) {
    const exposure = effectiveServices(ctx.plan);
    const out: Diagnostic[] = [];
    for (const plain of SERVICE_LIST) {
      if (!plain.tlsVariant) continue;
      const tls = SERVICES[plain.tlsVariant];
      const wanted = exposure[plain.id];
      if (exposureRank(wanted) <= exposureRank(exposure[tls.id])) continue;
      out.push({
        rule: this.id,
        severity: 'info',
        message: `${serviceLabel(plain)} is offered (${wanted}) but ${serviceLabel(tls)} is ${exposure[tls.id] === 'off' ? 'off' : `only ${exposure[tls.id]}`}. Offer ${tls.name} as well, so clients can use TLS.`,
        nodeIds: ctx.holders(plain.role).map((n) => n.id),
        roleId: plain.role,
        source: SOURCES.mailProtocols,
        fix: { label: `Offer ${tls.name} (${wanted})`, commands: [{ type: 'set-service', service: tls.id, exposure: wanted }] },
      });
    }
    return out;
  },
};
