import { describe, expect, it } from 'vitest';
import { arrangeNodes } from '../core/commands/arrange';
import { getCatalog } from '../core/catalog/catalog';
import type { Plan } from '../core/plan/schema';
import { makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import type { Diagnostic } from '../core/validation/diagnostic';
import { createEditorStore } from '../store/editor-store';
import { selectDiagnosticsByNode } from '../store/selectors';
import type { CardNode } from './NodeCard';
import { syncFlowNodes } from './sync-flow-nodes';

const NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'database'], { position: { x: 0, y: 0 } }],
  ['srv2.example.com', ['mta', 'proxy'], { position: { x: 340, y: 0 } }],
  ['srv3.example.com', ['mailstore', 'files-ui'], { position: { x: 680, y: 0 } }],
];

/** A store plus the flow nodes the canvas would hold for it. */
function setup(nodes: readonly NodeSpec[] = NODES) {
  const store = createEditorStore(makePlan(nodes));
  const sync = (previous: readonly CardNode[]) => {
    const s = store.getState();
    return syncFlowNodes(previous, s.plan, selectDiagnosticsByNode(s), s.selection);
  };
  return { store, sync, first: sync([]) };
}

const byId = (nodes: readonly CardNode[], id: string) => nodes.find((n) => n.id === id)!;

/** Asserts which flow nodes are new objects (the others must be the very same objects). */
function expectRebuilt(before: readonly CardNode[], after: readonly CardNode[], changed: readonly string[]) {
  for (const node of after) {
    const old = before.find((n) => n.id === node.id);
    if (changed.includes(node.id)) expect(node, `${node.id} should be new`).not.toBe(old);
    else expect(node, `${node.id} should be reused`).toBe(old);
  }
}

describe('syncFlowNodes: first sync', () => {
  it('maps every plan node to a card node with its data, position, selection and label', () => {
    const { store, first } = setup();
    const plan = store.getState().plan;
    expect(first.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    const n3 = byId(first, 'n3');
    expect(n3).toMatchObject({ type: 'card', position: { x: 680, y: 0 }, selected: false, ariaLabel: 'srv3.example.com' });
    expect(n3.data.node).toBe(plan.nodes[2]);
    expect(n3.data.edition).toBe('ce');
    expect(n3.data.selectedRole).toBeUndefined();
    expect(n3.data.diagnostics.map((d) => d.rule)).toContain('ui-on-proxy');
    expect(byId(first, 'n1').data.diagnostics).toEqual(selectDiagnosticsByNode(store.getState()).get('n1') ?? []);
  });

  it('labels a node without hostname by its id', () => {
    const { first } = setup([['  ', []]]);
    expect(first[0]!.ariaLabel).toBe('(no hostname: n1)');
  });
});

describe('syncFlowNodes: reuse', () => {
  it('returns the very same objects when nothing changed', () => {
    const { sync, first } = setup();
    const again = sync(first);
    expect(again).not.toBe(first);
    expectRebuilt(first, again, []);
  });

  it('rebuilds only the edited node after an edit that changes no other card', () => {
    const { store, sync, first } = setup();
    store.getState().dispatch({ type: 'update-node', nodeId: 'n2', changes: { zone: 'dmz', privateIp: '10.0.0.2' } });
    const next = sync(first);
    expectRebuilt(first, next, ['n2']);
    expect(byId(next, 'n2').data.node.zone).toBe('dmz');
  });

  it('reuses a card whose diagnostics are new objects with the same content', () => {
    const { store, sync, first } = setup();
    const before = selectDiagnosticsByNode(store.getState()).get('n3');
    store.getState().dispatch({ type: 'update-node', nodeId: 'n1', changes: { zone: 'lan' } });
    const after = selectDiagnosticsByNode(store.getState()).get('n3');
    expect(after).not.toBe(before); // recomputed for the new plan…
    expect(after).toEqual(before); // …with the same findings
    expectRebuilt(first, sync(first), ['n1']);
  });

  it('rebuilds a card whose diagnostics change although its plan node did not', () => {
    const { store, sync, first } = setup();
    const n3 = store.getState().plan.nodes[2];
    // Renaming srv2 to srv3's hostname gives srv3 a duplicate-hostname error.
    store.getState().dispatch({ type: 'update-node', nodeId: 'n2', changes: { hostname: 'srv3.example.com' } });
    expect(store.getState().plan.nodes[2]).toBe(n3);
    const next = sync(first);
    expectRebuilt(first, next, ['n2', 'n3']);
    expect(byId(next, 'n3').data.node).toBe(n3);
    expect(byId(next, 'n3').data.diagnostics.map((d) => d.rule)).toContain('duplicate-hostname');
    expect(byId(first, 'n3').data.diagnostics.map((d) => d.rule)).not.toContain('duplicate-hostname');
  });

  it('reuses a card when only a diagnostic detail the card does not show changes (its fix)', () => {
    const { store, sync, first } = setup();
    // Moving Proxy from srv2 to srv1 retargets the fix of srv3's "UI without Proxy" error only.
    store.getState().dispatch({ type: 'move-role', fromNodeId: 'n2', toNodeId: 'n1', roleId: 'proxy' });
    const diagnostics = selectDiagnosticsByNode(store.getState()).get('n3')!;
    expect(diagnostics).not.toEqual(byId(first, 'n3').data.diagnostics);
    expectRebuilt(first, sync(first), ['n1', 'n2']);
  });

  it('rebuilds a card whose diagnostics differ only in message or severity', () => {
    const { store, first } = setup();
    const s = store.getState();
    const byNode = new Map(selectDiagnosticsByNode(s));
    const original = byNode.get('n3')!;
    const reworded: Diagnostic[] = original.map((d, i) => (i === 0 ? { ...d, message: `${d.message}!` } : { ...d }));
    byNode.set('n3', reworded);
    const next = syncFlowNodes(first, s.plan, byNode, s.selection);
    expectRebuilt(first, next, ['n3']);
    expect(byId(next, 'n3').data.diagnostics).toBe(reworded);
  });

  it('rebuilds the cards whose selection changes', () => {
    const { store, sync, first } = setup();
    store.getState().select({ nodeIds: ['n2'] });
    const selectedN2 = sync(first);
    expectRebuilt(first, selectedN2, ['n2']);
    expect(byId(selectedN2, 'n2').selected).toBe(true);
    expect(byId(selectedN2, 'n2').data).toBe(byId(first, 'n2').data); // same card content

    store.getState().select({ nodeIds: ['n3'], role: { nodeId: 'n3', roleId: 'mailstore' } });
    const chipOnN3 = sync(selectedN2);
    expectRebuilt(selectedN2, chipOnN3, ['n2', 'n3']);
    expect(byId(chipOnN3, 'n2').selected).toBe(false);
    expect(byId(chipOnN3, 'n3')).toMatchObject({ selected: true, data: { selectedRole: 'mailstore' } });

    store.getState().select({ nodeIds: ['n3'] }); // same node, chip deselected
    const plainN3 = sync(chipOnN3);
    expectRebuilt(chipOnN3, plainN3, ['n3']);
    expect(byId(plainN3, 'n3').data.selectedRole).toBeUndefined();
  });

  it('rebuilds a card that moved, keeping what React Flow measured', () => {
    const { store, sync, first } = setup();
    const measured = first.map((n) => ({ ...n, measured: { width: 280, height: 150 } }));
    store.getState().dispatch({ type: 'move-nodes', positions: { n1: { x: 10, y: 20 } } });
    const next = sync(measured);
    expectRebuilt(measured, next, ['n1']);
    expect(byId(next, 'n1').position).toEqual({ x: 10, y: 20 });
    expect(byId(next, 'n1').measured).toEqual({ width: 280, height: 150 });
    // Only the position changed: the card's data is reused, so the card itself does not re-render.
    expect(byId(next, 'n1').data).toBe(byId(measured, 'n1').data);
  });

  it('rebuilds every card on an edition change', () => {
    const { store, sync, first } = setup();
    store.getState().dispatch({ type: 'set-plan-fields', changes: { edition: 'carbonio' } });
    const next = sync(first);
    expect(next.every((n) => n.data.edition === 'carbonio')).toBe(true);
    expectRebuilt(first, next, ['n1', 'n2', 'n3']);
  });

  it('drops removed nodes and adds new ones', () => {
    const { store, sync, first } = setup();
    store.getState().dispatch([
      { type: 'remove-node', nodeId: 'n1' },
      { type: 'add-node', node: { id: 'n9', hostname: 'srv9.example.com', roles: [], position: { x: 5, y: 5 } } },
    ]);
    const next = sync(first);
    expect(next.map((n) => n.id)).toEqual(['n2', 'n3', 'n9']);
    expect(byId(next, 'n9')).toMatchObject({ position: { x: 5, y: 5 }, ariaLabel: 'srv9.example.com' });
  });
});

describe('syncFlowNodes: positions', () => {
  it('keeps the live position of a node being dragged', () => {
    const { store, sync, first } = setup();
    const dragging = first.map((n) => (n.id === 'n1' ? { ...n, dragging: true, position: { x: 123, y: 456 } } : n));
    // An edit elsewhere (and even one moving the dragged node) while dragging.
    store.getState().dispatch([
      { type: 'update-node', nodeId: 'n1', changes: { zone: 'lan' } },
      { type: 'move-nodes', positions: { n1: { x: 0, y: 999 } } },
    ]);
    const next = sync(dragging);
    expect(byId(next, 'n1').position).toEqual({ x: 123, y: 456 });
    expect(byId(next, 'n1').dragging).toBe(true);
    expect(byId(next, 'n1').data.node.zone).toBe('lan');

    // Once the drag ends the plan position wins.
    const dropped = next.map((n) => (n.id === 'n1' ? { ...n, dragging: false } : n));
    expect(byId(sync(dropped), 'n1').position).toEqual({ x: 0, y: 999 });
  });

  it('gives nodes without a position their arranged position', () => {
    const { store, first } = setup([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['proxy'], { position: { x: 900, y: 900 } }],
      ['srv3.example.com', ['mailstore']],
    ]);
    const plan: Plan = store.getState().plan;
    const arranged = arrangeNodes(plan, getCatalog(plan.edition));
    expect(byId(first, 'n1').position).toEqual(arranged.n1);
    expect(byId(first, 'n3').position).toEqual(arranged.n3);
    expect(byId(first, 'n2').position).toEqual({ x: 900, y: 900 });
    expect(byId(first, 'n1').position).not.toEqual(byId(first, 'n3').position);
  });

  it('draws a duplicated id once (the first node)', () => {
    const { store, first } = setup([
      ['srv1.example.com', ['mta'], { id: 'dup', position: { x: 0, y: 0 } }],
      ['srv2.example.com', ['proxy'], { id: 'dup', position: { x: 300, y: 0 } }],
      ['srv3.example.com', ['mailstore'], { position: { x: 600, y: 0 } }],
    ]);
    expect(first.map((n) => n.id)).toEqual(['dup', 'n3']);
    expect(byId(first, 'dup').data.node).toBe(store.getState().plan.nodes[0]);
    expect(byId(first, 'dup').position).toEqual({ x: 0, y: 0 });
  });
});

