import { planFlows } from '../core/network/flows';
import { applyCommand } from '../core/commands/commands';
import { templatePlan } from '../core/test-support/plan-builder';
import { flowEdges, INTERNET_NODE_ID } from './flow-edges';

const ids = (plan: { nodes: { id: string }[] }) => new Set(plan.nodes.map((n) => n.id));

describe('flow edges', () => {
  it('draws one Internet arrow per public-facing node, named with its ports', () => {
    const plan = templatePlan('ce-five-nodes');
    const edges = flowEdges(planFlows(plan), ids(plan), false);
    expect(edges.map((e) => [e.source, e.target])).toEqual([
      [INTERNET_NODE_ID, 'srv2'],
      [INTERNET_NODE_ID, 'srv5'],
    ]);
    expect(edges[0]!.ariaLabel).toContain('443');
    expect(edges[0]!.ariaLabel).toContain('25');
    expect(edges[1]!.ariaLabel).toBe('Internet to srv5: UDP 20000-40000');
    expect(edges.every((e) => e.targetHandle === 'internet')).toBe(true);
  });

  it('follows the services offered: video off removes the arrow to the Video Server', () => {
    const plan = applyCommand(templatePlan('ce-five-nodes'), { type: 'set-service', service: 'video', exposure: 'off' });
    const targets = flowEdges(planFlows(plan), ids(plan), false).map((e) => e.target);
    expect(targets).toEqual(['srv2']);
  });

  it('adds node-to-node edges only when internal flows are shown', () => {
    const plan = templatePlan('ce-five-nodes');
    const internal = flowEdges(planFlows(plan), ids(plan), true).filter((e) => e.source !== INTERNET_NODE_ID);
    expect(internal.length).toBeGreaterThan(5);
    expect(internal.some((e) => e.source === 'srv2' && e.target === 'srv3')).toBe(true); // proxy → mailstore
    expect(new Set(internal.map((e) => e.id)).size).toBe(internal.length);
    expect(internal.every((e) => e.source !== e.target)).toBe(true);
  });
});
