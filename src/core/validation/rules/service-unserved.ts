import { SOURCES } from '../../catalog/sources';
import { serviceLabel, serviceStates } from '../../network/services';
import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/**
 * A service the plan sets to `internet` or `internal` with no node to serve it: its port opens
 * "only on the node that runs the component". Services left at their default are not judged
 * here: a missing core role is `core-required`'s finding, and Chats / video default to off
 * without their feature.
 */
export const serviceUnserved: Rule = {
  id: 'service-unserved',
  summary: 'A service the plan offers has a node holding the role that serves it (and its feature, for Chats and video).',
  check(ctx) {
    const out: Diagnostic[] = [];
    for (const { service, exposure, explicit } of serviceStates(ctx.plan)) {
      if (!explicit || exposure === 'off') continue;
      const missing = [...new Set([service.role, ...(service.feature ? [service.feature] : [])])].filter(
        (role) => ctx.holders(role).length === 0 || !ctx.catalog.get(role),
      );
      if (missing.length === 0) continue;
      const names = listText(missing.map(ctx.roleName));
      out.push({
        rule: this.id,
        severity: 'error',
        message: `${serviceLabel(service)} is offered (${exposure}) but no node holds ${names}, which ${missing.length === 1 ? 'serves' : 'serve'} it. Add ${names} to a node, or set ${service.name} to off.`,
        nodeIds: [],
        roleId: missing[0]!,
        source: SOURCES.externalPorts,
        fix: {
          label: `Set ${service.name} to off`,
          commands: [{ type: 'set-service', service: service.id, exposure: 'off' }],
        },
      });
    }
    return out;
  },
};
