import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** Two nodes share an id, so edits and links to one of them are ambiguous. */
export const duplicateNodeId: Rule = {
  id: 'duplicate-node-id',
  summary: 'Every node has its own id in the plan file.',
  check(ctx) {
    const counts = new Map<string, string[]>();
    for (const node of ctx.plan.nodes) {
      const names = counts.get(node.id);
      if (names) names.push(ctx.label(node));
      else counts.set(node.id, [ctx.label(node)]);
    }
    const out: Diagnostic[] = [];
    for (const [id, names] of counts) {
      if (names.length < 2) continue;
      out.push({
        rule: this.id,
        severity: 'error',
        message: `${names.length} nodes have the id "${id}" (${listText(names)}): node ids must be unique in a plan file. Give each node its own id.`,
        nodeIds: [id],
        source: 'Plan format v1: node ids are unique',
        fix: { label: 'Give the later nodes new ids', commands: [{ type: 'reassign-duplicate-ids' }] },
      });
    }
    return out;
  },
};
