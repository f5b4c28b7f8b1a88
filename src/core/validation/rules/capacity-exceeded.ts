import { SOURCES } from '../../catalog/sources';
import { COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS, isCommercialSingleServer } from '../../network/sizing';
import type { Rule } from '../rule';

/**
 * More accounts than the layout supports. The docs give a figure for the commercial
 * Single-Server only (up to 500 accounts); other layouts ("up to thousands", "tens of thousands")
 * have no hard limit, so they are not judged.
 */
export const capacityExceeded: Rule = {
  id: 'capacity-exceeded',
  summary: 'The planned accounts fit the layout: a commercial Single-Server supports up to 500.',
  check(ctx) {
    const accounts = ctx.plan.sizing?.accounts;
    if (accounts === undefined || accounts <= COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS || !isCommercialSingleServer(ctx.plan)) return [];
    return [
      {
        rule: this.id,
        severity: 'warning',
        message: `The plan is sized for ${accounts} accounts, but the docs say a commercial Single-Server supports up to ${COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS}. Plan a Multi-Server layout (Essential or Full Small: "up to thousands").`,
        nodeIds: ctx.plan.nodes.map((n) => n.id),
        source: SOURCES.singleServerCapacity,
      },
    ];
  },
};
