import { SOURCES } from '../../catalog/sources';
import type { Rule } from '../rule';

/** A core role ("required for the basic operation") is missing from the plan. */
export const coreRequired: Rule = {
  id: 'core-required',
  summary: 'Every core role (Mesh & Directory, Database, MTA AV/AS, Proxy, Mailstore & Provisioning) is in the plan.',
  check(ctx) {
    return ctx.catalog
      .byKind('core')
      .filter((role) => ctx.holders(role.id).length === 0)
      .map((role) => ({
        rule: this.id,
        severity: 'error',
        message: `The plan has no ${role.name} (${role.id}): it is a core role, required for the basic operation of Carbonio. Add it to a node.`,
        nodeIds: [],
        roleId: role.id,
        source: SOURCES.ceArchitecture,
      }));
  },
};
