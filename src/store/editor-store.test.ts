import { describe, expect, it } from 'vitest';
import type { PlanCommand } from '../core/commands/commands';
import { makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import { createEditorStore, HISTORY_LIMIT, type EditorStore } from './editor-store';

const THREE_NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'database']],
  ['srv2.example.com', ['mta', 'proxy']],
  ['srv3.example.com', ['mailstore']],
];

function makeStore(nodes: readonly NodeSpec[] = THREE_NODES): EditorStore {
  return createEditorStore(makePlan(nodes));
}

const rolesOf = (store: EditorStore, nodeId: string) => store.getState().plan.nodes.find((n) => n.id === nodeId)?.roles;
const nodeIds = (store: EditorStore) => store.getState().plan.nodes.map((n) => n.id);
const setName = (name: string): PlanCommand => ({ type: 'set-plan-fields', changes: { name } });

describe('editor store: dispatch and history', () => {
  it('records several commands of one dispatch as one undoable step', () => {
    const store = makeStore();
    const initial = store.getState().plan;
    const changed = store.getState().dispatch([
      { type: 'add-role', nodeId: 'n1', roleId: 'monitoring' },
      { type: 'move-role', fromNodeId: 'n2', toNodeId: 'n3', roleId: 'mta' },
      { type: 'update-node', nodeId: 'n3', changes: { zone: 'dmz' } },
    ]);
    expect(changed).toBe(true);
    expect(rolesOf(store, 'n1')).toEqual(['mesh-directory', 'database', 'monitoring']);
    expect(rolesOf(store, 'n2')).toEqual(['proxy']);
    expect(rolesOf(store, 'n3')).toEqual(['mailstore', 'mta']);
    expect(store.getState().past).toEqual([initial]);

    store.getState().undo();
    expect(store.getState().plan).toBe(initial);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().future).toHaveLength(1);

    store.getState().redo();
    expect(rolesOf(store, 'n3')).toEqual(['mailstore', 'mta']);
    expect(store.getState().plan.nodes[2]!.zone).toBe('dmz');
  });

  it('accepts a single command as well as a list', () => {
    const store = makeStore();
    expect(store.getState().dispatch({ type: 'add-role', nodeId: 'n3', roleId: 'files' })).toBe(true);
    expect(rolesOf(store, 'n3')).toEqual(['mailstore', 'files']);
    expect(store.getState().past).toHaveLength(1);
  });

  it('records nothing for a dispatch that changes nothing', () => {
    const store = makeStore();
    store.getState().dispatch(setName('first'));
    store.getState().undo(); // leaves one redo step, which a no-op must not clear
    const before = store.getState();

    expect(store.getState().dispatch({ type: 'add-role', nodeId: 'n1', roleId: 'database' })).toBe(false); // already there
    expect(store.getState().dispatch({ type: 'remove-role', nodeId: 'n3', roleId: 'proxy' })).toBe(false); // absent
    expect(store.getState().dispatch({ type: 'remove-node', nodeId: 'nope' })).toBe(false);
    expect(store.getState().dispatch([])).toBe(false);
    expect(store.getState().dispatch({ type: 'move-nodes', positions: { ghost: { x: 1, y: 1 } } })).toBe(false);

    const after = store.getState();
    expect(after).toBe(before); // no state update at all
    expect(after.past).toHaveLength(0);
    expect(after.future).toHaveLength(1);
  });

  it('undoes and redoes over 150 steps, in order', () => {
    const store = makeStore();
    const initial = store.getState().plan;
    const steps = 150;
    const plans = [initial];
    for (let i = 1; i <= steps; i++) {
      expect(store.getState().dispatch(setName(`name ${i}`))).toBe(true);
      plans.push(store.getState().plan);
    }
    expect(store.getState().past).toHaveLength(steps);

    for (let i = steps - 1; i >= 0; i--) {
      store.getState().undo();
      expect(store.getState().plan).toBe(plans[i]);
    }
    expect(store.getState().plan).toBe(initial);
    expect(store.getState().future).toHaveLength(steps);

    store.getState().undo(); // nothing left: no change
    expect(store.getState().plan).toBe(initial);

    for (let i = 1; i <= steps; i++) {
      store.getState().redo();
      expect(store.getState().plan).toBe(plans[i]);
    }
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo(); // nothing left
    expect(store.getState().plan.name).toBe(`name ${steps}`);
    expect(store.getState().past).toHaveLength(steps);
  });

  it(`keeps the newest ${HISTORY_LIMIT} steps and drops the oldest`, () => {
    expect(HISTORY_LIMIT).toBe(200);
    const store = makeStore();
    const steps = HISTORY_LIMIT + 50;
    for (let i = 1; i <= steps; i++) store.getState().dispatch(setName(`name ${i}`));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    // The oldest kept plan is the one just before the 51st edit.
    expect(store.getState().past[0]!.name).toBe('name 50');

    for (let i = 0; i < HISTORY_LIMIT; i++) store.getState().undo();
    expect(store.getState().plan.name).toBe('name 50');
    expect(store.getState().past).toHaveLength(0);
    store.getState().undo();
    expect(store.getState().plan.name).toBe('name 50'); // the first 50 steps are gone

    for (let i = 0; i < HISTORY_LIMIT; i++) store.getState().redo();
    expect(store.getState().plan.name).toBe(`name ${steps}`);
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('clears redo on a new edit', () => {
    const store = makeStore();
    store.getState().dispatch(setName('a'));
    store.getState().dispatch(setName('b'));
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);

    store.getState().dispatch(setName('c'));
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().plan.name).toBe('c');
    store.getState().undo();
    expect(store.getState().plan.name).toBe('a');
  });
});

describe('editor store: replacePlan', () => {
  const other = makePlan([['mail.example.org', ['proxy']]], 'carbonio', 'other');

  it('without keepHistory replaces the plan and restarts the history', () => {
    const store = makeStore();
    store.getState().dispatch(setName('a'));
    store.getState().dispatch(setName('b'));
    store.getState().undo();
    store.getState().select({ nodeIds: ['n1'] });
    const fitSeq = store.getState().fitSeq;

    store.getState().replacePlan(other);
    const s = store.getState();
    expect(s.plan).toBe(other);
    expect(s.past).toHaveLength(0);
    expect(s.future).toHaveLength(0);
    expect(s.selection).toEqual({ nodeIds: [] });
    expect(s.documentId).toBe('plan-1');
    expect(s.fitSeq).toBe(fitSeq + 1);
  });

  it('with keepHistory is one undoable step on the same document', () => {
    const store = makeStore();
    store.getState().dispatch(setName('a'));
    const before = store.getState().plan;
    store.getState().openAddRole('n1');
    store.getState().openMoveRole({ nodeId: 'n2', roleId: 'mta' });

    store.getState().replacePlan(other, { keepHistory: true });
    expect(store.getState().plan).toBe(other);
    expect(store.getState().past).toHaveLength(2);
    expect(store.getState().addRoleFor).toBeUndefined();
    expect(store.getState().moveRole).toBeUndefined();

    store.getState().undo();
    expect(store.getState().plan).toBe(before);
    store.getState().redo();
    expect(store.getState().plan).toBe(other);
  });

  it('with keepHistory and the same documentId still keeps the history', () => {
    const store = createEditorStore(makePlan(THREE_NODES), 'doc-a');
    store.getState().dispatch(setName('a'));
    store.getState().replacePlan(other, { keepHistory: true, documentId: 'doc-a' });
    expect(store.getState().past).toHaveLength(2);
    expect(store.getState().documentId).toBe('doc-a');
  });

  it('with a new documentId switches document and restarts the history, even with keepHistory', () => {
    const store = createEditorStore(makePlan(THREE_NODES), 'doc-a');
    expect(store.getState().documentId).toBe('doc-a');
    store.getState().dispatch(setName('a'));
    store.getState().dispatch(setName('b'));
    store.getState().undo();

    store.getState().replacePlan(other, { keepHistory: true, documentId: 'doc-b' });
    const s = store.getState();
    expect(s.documentId).toBe('doc-b');
    expect(s.plan).toBe(other);
    expect(s.past).toHaveLength(0);
    expect(s.future).toHaveLength(0);
    s.undo();
    expect(store.getState().plan).toBe(other);
  });
});

describe('editor store: selection', () => {
  it('drops selected nodes that an edit removes', () => {
    const store = makeStore();
    store.getState().select({ nodeIds: ['n1', 'n2'] });
    store.getState().dispatch({ type: 'remove-node', nodeId: 'n2' });
    expect(store.getState().selection).toEqual({ nodeIds: ['n1'] });
  });

  it('keeps the same selection object when nothing selected disappears', () => {
    const store = makeStore();
    store.getState().select({ nodeIds: ['n1'] });
    const selection = store.getState().selection;
    store.getState().dispatch({ type: 'remove-node', nodeId: 'n3' });
    expect(store.getState().selection).toBe(selection);
  });

  it('drops a selected role chip when the role leaves the node, keeping the node', () => {
    const store = makeStore();
    store.getState().select({ nodeIds: ['n2'], role: { nodeId: 'n2', roleId: 'mta' } });
    store.getState().dispatch({ type: 'move-role', fromNodeId: 'n2', toNodeId: 'n3', roleId: 'mta' });
    expect(store.getState().selection).toEqual({ nodeIds: ['n2'] });
  });

  it('prunes the selection on undo and redo too', () => {
    const store = makeStore();
    store.getState().dispatch({ type: 'add-node', node: { id: 'n4', hostname: 'srv4.example.com', roles: ['files'] } });
    store.getState().select({ nodeIds: ['n1', 'n4'], role: { nodeId: 'n4', roleId: 'files' } });
    store.getState().undo();
    expect(nodeIds(store)).toEqual(['n1', 'n2', 'n3']);
    expect(store.getState().selection).toEqual({ nodeIds: ['n1'] });

    store.getState().redo();
    store.getState().select({ nodeIds: ['n4'] });
    store.getState().dispatch({ type: 'remove-node', nodeId: 'n1' });
    store.getState().select({ nodeIds: ['n2', 'n4'] });
    store.getState().undo(); // n1 back, n4 stays
    expect(store.getState().selection).toEqual({ nodeIds: ['n2', 'n4'] });
    store.getState().undo(); // n4 gone
    expect(store.getState().selection).toEqual({ nodeIds: ['n2'] });
  });

  it('select ignores ids that do not exist', () => {
    const store = makeStore();
    store.getState().select({ nodeIds: ['n1', 'ghost'], role: { nodeId: 'n1', roleId: 'proxy' } });
    expect(store.getState().selection).toEqual({ nodeIds: ['n1'] });
  });

  it('reveal selects the nodes and bumps revealSeq', () => {
    const store = makeStore();
    expect(store.getState().revealSeq).toBe(0);
    store.getState().reveal(['n2', 'n3']);
    expect(store.getState().selection).toEqual({ nodeIds: ['n2', 'n3'] });
    expect(store.getState().revealSeq).toBe(1);
    store.getState().reveal(['n2', 'missing']);
    expect(store.getState().selection).toEqual({ nodeIds: ['n2'] });
    expect(store.getState().revealSeq).toBe(2);
  });

  it('requestFit bumps fitSeq', () => {
    const store = makeStore();
    store.getState().requestFit();
    store.getState().requestFit();
    expect(store.getState().fitSeq).toBe(2);
  });
});

describe('editor store: UI state', () => {
  it('notify gives increasing ids; dismissNotice clears', () => {
    const store = makeStore();
    expect(store.getState().notice).toBeUndefined();
    store.getState().notify('info', 'one');
    const first = store.getState().notice!;
    store.getState().notify('info', 'one'); // same text again is still a new notice
    const second = store.getState().notice!;
    store.getState().notify('error', 'three');
    const third = store.getState().notice!;
    expect(first).toMatchObject({ tone: 'info', text: 'one' });
    expect(third).toMatchObject({ tone: 'error', text: 'three' });
    expect(second.id).toBeGreaterThan(first.id);
    expect(third.id).toBeGreaterThan(second.id);
    store.getState().dismissNotice();
    expect(store.getState().notice).toBeUndefined();
  });

  it('opens and closes the add-role and move-role dialogs, and toggles presentation', () => {
    const store = makeStore();
    store.getState().openAddRole('n1');
    expect(store.getState().addRoleFor).toBe('n1');
    store.getState().openAddRole(undefined);
    expect(store.getState().addRoleFor).toBeUndefined();
    store.getState().openMoveRole({ nodeId: 'n2', roleId: 'mta' });
    expect(store.getState().moveRole).toEqual({ nodeId: 'n2', roleId: 'mta' });
    store.getState().setPresentation(true);
    expect(store.getState().presentation).toBe(true);
  });

  it('two stores from the factory share no state', () => {
    const plan = makePlan(THREE_NODES);
    const a = createEditorStore(plan, 'a');
    const b = createEditorStore(plan, 'b');

    a.getState().dispatch({ type: 'remove-node', nodeId: 'n1' });
    a.getState().select({ nodeIds: ['n2'] });
    a.getState().notify('info', 'in a');
    a.getState().notify('info', 'in a again');
    a.getState().reveal(['n2']);
    a.getState().openAddRole('n2');

    expect(b.getState().plan).toBe(plan);
    expect(b.getState().past).toHaveLength(0);
    expect(b.getState().selection).toEqual({ nodeIds: [] });
    expect(b.getState().notice).toBeUndefined();
    expect(b.getState().revealSeq).toBe(0);
    expect(b.getState().addRoleFor).toBeUndefined();
    expect(b.getState().documentId).toBe('b');

    b.getState().notify('info', 'in b');
    expect(b.getState().notice!.id).toBe(1); // its own counter
    expect(a.getState().notice!.text).toBe('in a again');
    expect(plan.nodes).toHaveLength(3); // the shared initial plan was never mutated
  });
});
