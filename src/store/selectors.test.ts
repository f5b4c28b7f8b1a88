import { describe, expect, it } from 'vitest';
import { makePlan, validatePlan, type NodeSpec } from '../core/test-support/plan-builder';
import { createEditorStore } from './editor-store';
import {
  computeTotals,
  selectCanRedo,
  selectCanUndo,
  selectCounts,
  selectDiagnostics,
  selectDiagnosticsByNode,
  selectSelectedNode,
  selectTotals,
} from './selectors';

const NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'database'], { resources: { vcpu: 4, ramGb: 16, diskGb: 50 } }],
  ['srv2.example.com', ['mta', 'proxy'], { resources: { vcpu: 2, ramGb: 8 } }],
  ['srv2.example.com', ['mailstore', 'files-ui']],
];

describe('selectDiagnostics', () => {
  it('is computed once per plan object', () => {
    const store = createEditorStore(makePlan(NODES));
    const first = selectDiagnostics(store.getState());
    expect(first).toEqual(validatePlan(store.getState().plan));
    expect(first.length).toBeGreaterThan(0);
    expect(selectDiagnostics(store.getState())).toBe(first);

    // A state change that keeps the plan keeps the array.
    store.getState().select({ nodeIds: ['n1'] });
    store.getState().notify('info', 'hello');
    expect(selectDiagnostics(store.getState())).toBe(first);

    // A plan change gives a new array; undo returns to the old plan and its cached array.
    store.getState().dispatch({ type: 'update-node', nodeId: 'n3', changes: { hostname: 'srv3.example.com' } });
    const second = selectDiagnostics(store.getState());
    expect(second).not.toBe(first);
    expect(second.some((d) => d.rule === 'duplicate-hostname')).toBe(false);
    store.getState().undo();
    expect(selectDiagnostics(store.getState())).toBe(first);
  });

  it('is cached by plan identity, not by store', () => {
    const plan = makePlan(NODES);
    const a = createEditorStore(plan);
    const b = createEditorStore(plan);
    expect(selectDiagnostics(a.getState())).toBe(selectDiagnostics(b.getState()));
    const equal = makePlan(NODES);
    expect(selectDiagnostics({ ...a.getState(), plan: equal })).not.toBe(selectDiagnostics(a.getState()));
  });

  it('counts by severity, cached with the diagnostics', () => {
    const store = createEditorStore(makePlan(NODES));
    const counts = selectCounts(store.getState());
    const diagnostics = selectDiagnostics(store.getState());
    expect(counts.error).toBe(diagnostics.filter((d) => d.severity === 'error').length);
    expect(counts.warning).toBe(diagnostics.filter((d) => d.severity === 'warning').length);
    expect(counts.info).toBe(diagnostics.filter((d) => d.severity === 'info').length);
    expect(counts.error).toBeGreaterThan(0);
    expect(selectCounts(store.getState())).toBe(counts);
  });
});

describe('selectDiagnosticsByNode', () => {
  it('lists each diagnostic under every node it concerns, and skips plan-wide ones', () => {
    const store = createEditorStore(makePlan(NODES));
    const byNode = selectDiagnosticsByNode(store.getState());
    const diagnostics = selectDiagnostics(store.getState());

    const duplicate = diagnostics.find((d) => d.rule === 'duplicate-hostname')!;
    expect(duplicate.nodeIds).toEqual(['n2', 'n3']);
    expect(byNode.get('n2')).toContain(duplicate);
    expect(byNode.get('n3')).toContain(duplicate);

    const uiOnProxy = diagnostics.find((d) => d.rule === 'ui-on-proxy')!;
    expect(byNode.get('n3')).toContain(uiOnProxy);
    expect(byNode.get('n2')).not.toContain(uiOnProxy);

    for (const [id, list] of byNode) {
      for (const d of list) expect(d.nodeIds).toContain(id);
    }
    const listed = new Set([...byNode.values()].flat());
    expect(listed).toEqual(new Set(diagnostics.filter((d) => d.nodeIds.length > 0)));
  });

  it('is the same map for the same plan and a new one after an edit', () => {
    const store = createEditorStore(makePlan(NODES));
    const byNode = selectDiagnosticsByNode(store.getState());
    store.getState().select({ nodeIds: ['n2'] });
    expect(selectDiagnosticsByNode(store.getState())).toBe(byNode);
    store.getState().dispatch({ type: 'remove-role', nodeId: 'n3', roleId: 'files-ui' });
    const next = selectDiagnosticsByNode(store.getState());
    expect(next).not.toBe(byNode);
    expect((next.get('n3') ?? []).some((d) => d.rule === 'ui-on-proxy')).toBe(false);
  });

  it('has no entry for a node without findings', () => {
    const store = createEditorStore(makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore']]]));
    expect(selectDiagnosticsByNode(store.getState()).get('n1')).toBeUndefined();
  });
});

describe('selectTotals', () => {
  it('sums roles and resources, counting nodes with a missing figure', () => {
    const store = createEditorStore(makePlan(NODES));
    const totals = selectTotals(store.getState());
    expect(totals).toEqual({ nodes: 3, roles: 6, vcpu: 6, ramGb: 24, diskGb: 50, nodesWithoutResources: 2 });
    expect(selectTotals(store.getState())).toBe(totals);

    store.getState().dispatch({ type: 'update-node', nodeId: 'n3', changes: { resources: { vcpu: 8, ramGb: 32, diskGb: 200 } } });
    const next = selectTotals(store.getState());
    expect(next).not.toBe(totals);
    expect(next).toEqual({ nodes: 3, roles: 6, vcpu: 14, ramGb: 56, diskGb: 250, nodesWithoutResources: 1 });
  });

  it('is all zeros for an empty plan, and a zero figure is not a missing one', () => {
    expect(computeTotals([])).toEqual({ nodes: 0, roles: 0, vcpu: 0, ramGb: 0, diskGb: 0, nodesWithoutResources: 0 });
    expect(computeTotals([{ id: 'a', hostname: 'a', roles: [], resources: { vcpu: 0, ramGb: 0, diskGb: 0 } }])).toMatchObject({
      nodesWithoutResources: 0,
    });
  });
});

describe('small selectors', () => {
  it('selectSelectedNode gives the one selected node (or the chip node)', () => {
    const store = createEditorStore(makePlan(NODES));
    expect(selectSelectedNode(store.getState())).toBeUndefined();
    store.getState().select({ nodeIds: ['n2'] });
    expect(selectSelectedNode(store.getState())?.id).toBe('n2');
    store.getState().select({ nodeIds: ['n1', 'n2'] });
    expect(selectSelectedNode(store.getState())).toBeUndefined();
    store.getState().select({ nodeIds: [], role: { nodeId: 'n3', roleId: 'mailstore' } });
    expect(selectSelectedNode(store.getState())?.id).toBe('n3');
  });

  it('selectCanUndo and selectCanRedo follow the history', () => {
    const store = createEditorStore(makePlan(NODES));
    expect([selectCanUndo(store.getState()), selectCanRedo(store.getState())]).toEqual([false, false]);
    store.getState().dispatch({ type: 'remove-node', nodeId: 'n3' });
    expect([selectCanUndo(store.getState()), selectCanRedo(store.getState())]).toEqual([true, false]);
    store.getState().undo();
    expect([selectCanUndo(store.getState()), selectCanRedo(store.getState())]).toEqual([false, true]);
  });
});

describe('selectInternetPorts', () => {
  it('gives the ports each public-facing node serves to the Internet, cached per plan', async () => {
    const { templatePlan } = await import('../core/test-support/plan-builder');
    const { createEditorStore } = await import('./editor-store');
    const { selectInternetPorts } = await import('./selectors');
    const store = createEditorStore(templatePlan('ce-five-nodes'));
    const ports = selectInternetPorts(store.getState());
    expect([...ports.keys()]).toEqual(['srv2', 'srv5']);
    expect(ports.get('srv5')).toBe('UDP 20000-40000');
    expect(ports.get('srv2')).toContain('443');
    expect(selectInternetPorts(store.getState())).toBe(ports);
    store.getState().dispatch({ type: 'set-service', service: 'video', exposure: 'off' });
    expect(selectInternetPorts(store.getState()).has('srv5')).toBe(false);
  });
});
