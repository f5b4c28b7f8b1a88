import { MarkerType, type Edge } from '@xyflow/react';
import { INTERNET, type Flow } from '../core/network/flows';

/** Id of the Internet endpoint on the canvas; plan node ids never contain a colon-prefixed namespace like this. */
export const INTERNET_NODE_ID = 'carbonio-designer:internet';

/**
 * Canvas edges from the derived flows: one arrow per public-facing node from the Internet
 * (its ports in the accessible name), and, when asked, one per pair of nodes that talk to each other.
 */
export function flowEdges(flows: readonly Flow[], nodeIds: ReadonlySet<string>, showInternal: boolean): Edge[] {
  const grouped = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const flow of flows) {
    const external = flow.from === INTERNET;
    if (!external && !showInternal) continue;
    if (!nodeIds.has(flow.to) || (!external && !nodeIds.has(flow.from))) continue;
    const key = `${flow.from}->${flow.to}`;
    const label = `${flow.protocol === 'udp' ? 'UDP ' : ''}${flow.ports}`;
    const group = grouped.get(key);
    if (group) {
      if (!group.labels.includes(label)) group.labels.push(label);
    } else grouped.set(key, { from: flow.from, to: flow.to, labels: [label] });
  }
  return [...grouped.entries()].map(([key, g]): Edge => {
    const external = g.from === INTERNET;
    return {
      id: key,
      source: external ? INTERNET_NODE_ID : g.from,
      target: g.to,
      // Internet arrows enter cards from the right, down the gap between columns, so they do
      // not run behind the cards of the same column.
      ...(external ? { targetHandle: 'internet' } : {}),
      type: external ? 'smoothstep' : 'default',
      className: external ? 'flow-edge flow-edge-internet' : 'flow-edge flow-edge-internal',
      // The ports are written on the card ("Internet: …"): labels on arrows that share a path overlap.
      ariaLabel: `${external ? 'Internet' : g.from} to ${g.to}: ${g.labels.join(', ')}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      selectable: false,
      focusable: false,
    };
  });
}
