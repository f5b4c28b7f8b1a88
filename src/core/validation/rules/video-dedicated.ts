import { SOURCES } from '../../catalog/sources';
import { listText } from '../context';
import type { Diagnostic } from '../diagnostic';
import type { Rule } from '../rule';

/** Video Server sharing its node with other roles (Video Recording aside) in a Multi-Server. */
export const videoDedicated: Rule = {
  id: 'video-dedicated',
  summary: 'In a Multi-Server, the Video Server has a node of its own (Video Recording may join it).',
  check(ctx) {
    if (ctx.plan.nodes.length < 2) return [];
    const out: Diagnostic[] = [];
    for (const node of ctx.holders('video-server')) {
      const others = [...ctx.rolesOf(node)].filter((r) => r !== 'video-server' && r !== 'video-recording');
      if (others.length === 0) continue;
      out.push({
        rule: this.id,
        severity: 'warning',
        message: `The Video Server shares ${ctx.label(node)} with ${listText(others.map(ctx.roleName))}; it "requires a considerable amount of resources", so the docs advise a node of its own. Move the other roles away if calls are expected to be busy.`,
        nodeIds: [node.id],
        roleId: 'video-server',
        source: SOURCES.videoResources,
      });
    }
    return out;
  },
};
