import { SOURCES } from '../../catalog/sources';
import type { PlanNode } from '../../plan/schema';
import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** Two nodes share a hostname (compared as DNS does: without case, without a trailing dot). */
export const duplicateHostname: Rule = {
  id: 'duplicate-hostname',
  summary: 'Every node has its own hostname.',
  check(ctx) {
    const groups = new Map<string, PlanNode[]>();
    for (const node of ctx.plan.nodes) {
      const key = node.hostname.trim().toLowerCase().replace(/\.$/, '');
      if (key === '') continue;
      const group = groups.get(key);
      if (group) group.push(node);
      else groups.set(key, [node]);
    }
    const out: Diagnostic[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      out.push({
        rule: this.id,
        severity: 'error',
        message: `${group.length} nodes are named ${group[0]!.hostname.trim()} (ids ${listText(group.map((n) => n.id))}): every node needs its own FQDN that the other nodes resolve. Rename all but one.`,
        nodeIds: group.map((n) => n.id),
        source: SOURCES.nodeNetwork,
      });
    }
    return out;
  },
};
