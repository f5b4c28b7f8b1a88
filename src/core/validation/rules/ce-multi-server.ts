import { SOURCES } from '../../catalog/sources';
import type { Rule } from '../rule';

/** A CE plan with several nodes: valid, but the CE guide has described Single-Server only since 26.x. */
export const ceMultiServer: Rule = {
  id: 'ce-multi-server',
  summary: 'Multi-Server Carbonio CE is no longer documented upstream (since docs 26.x).',
  check(ctx) {
    if (ctx.catalog.edition !== 'ce' || ctx.plan.nodes.length < 2) return [];
    return [
      {
        rule: this.id,
        severity: 'info',
        message: `This Carbonio CE plan has ${ctx.plan.nodes.length} nodes. CE documented Multi-Server layouts until February 2026; since docs 26.x the CE guide describes Single-Server only, so follow the 2024-2025 CE docs or the commercial edition for Multi-Server.`,
        nodeIds: [],
        source: SOURCES.ceSingleServerOnly,
      },
    ];
  },
};
