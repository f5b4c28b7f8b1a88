import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../core/plan/empty-plan';
import { makePlan } from '../core/test-support/plan-builder';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { createPlanLibrary, planKey } from './plan-library';
import { BlockedStorage, FullStorage, MemoryStorage } from './test-storage';
import { startAutosave } from './useAutosave';

/**
 * Every distinct notice shown, as "tone: text". (Zustand hands listeners the latest state, so a
 * notice set from inside another listener can be seen twice; the notice id tells them apart.)
 */
function recordNotices(store: EditorStore) {
  const ids = new Set<number>();
  const notices: string[] = [];
  const stop = store.subscribe((s) => {
    if (!s.notice || ids.has(s.notice.id)) return;
    ids.add(s.notice.id);
    notices.push(`${s.notice.tone}: ${s.notice.text}`);
  });
  return { notices, stop };
}

const addNode = (id: string) => ({ type: 'add-node' as const, node: { id, hostname: `${id}.example.com`, roles: [] } });

describe('startAutosave', () => {
  it('saves the plan after each dispatch and marks it last opened', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage);
    const store = createEditorStore(emptyPlan('Lab'), 'doc-1');
    const stop = startAutosave(store, library);

    expect(library.load('doc-1')).toBeUndefined(); // nothing is written before the first change
    store.getState().dispatch(addNode('n1'));
    expect(library.load('doc-1')).toEqual({ ok: true, plan: store.getState().plan });
    expect(library.lastOpenedId()).toBe('doc-1');

    store.getState().dispatch({ type: 'set-plan-fields', changes: { name: 'Lab 2' } });
    expect(library.list()).toMatchObject([{ id: 'doc-1', name: 'Lab 2', nodeCount: 1 }]);

    store.getState().undo();
    expect(library.load('doc-1')).toMatchObject({ ok: true, plan: { name: 'Lab' } });
    stop();
  });

  it('saves under the new id when the document changes, leaving the old one as it was', () => {
    const library = createPlanLibrary(new MemoryStorage());
    const store = createEditorStore(emptyPlan('First'), 'doc-1');
    const stop = startAutosave(store, library);
    store.getState().dispatch(addNode('n1'));
    const other = makePlan([['a.example.com', ['mta']]], 'ce', 'Second');
    store.getState().replacePlan(other, { documentId: 'doc-2' });
    expect(library.load('doc-2')).toEqual({ ok: true, plan: other });
    expect(library.load('doc-1')).toMatchObject({ ok: true, plan: { name: 'First', nodes: [{ id: 'n1' }] } });
    expect(library.lastOpenedId()).toBe('doc-2');
    stop();
  });

  it('ignores state changes other than the plan and the document id', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore(emptyPlan(), 'doc-1');
    const stop = startAutosave(store, createPlanLibrary(storage));
    store.getState().setPresentation(true);
    store.getState().notify('info', 'hello');
    store.getState().select({ nodeIds: [] });
    expect(storage.length).toBe(0);
    stop();
  });

  it('stops saving after unsubscribe', () => {
    const library = createPlanLibrary(new MemoryStorage());
    const store = createEditorStore(emptyPlan(), 'doc-1');
    startAutosave(store, library)();
    store.getState().dispatch(addNode('n1'));
    expect(library.load('doc-1')).toBeUndefined();
  });

  it('when storage is full, warns once per failure streak and resumes silently once it works', () => {
    const storage = new FullStorage();
    const store = createEditorStore(emptyPlan(), 'doc-1');
    const stop = startAutosave(store, createPlanLibrary(storage));
    const recorder = recordNotices(store);

    store.getState().dispatch(addNode('n1'));
    store.getState().dispatch(addNode('n2'));
    store.getState().dispatch(addNode('n3'));
    expect(storage.writeAttempts).toBe(3); // it kept trying on every change
    expect(recorder.notices).toEqual(['warning: Autosave failed: browser storage is full. Delete old plans or export this one.']);

    storage.full = false;
    store.getState().dispatch(addNode('n4'));
    expect(recorder.notices).toHaveLength(1); // recovery is silent
    expect(storage.getItem(planKey('doc-1'))).toContain('n4');

    storage.full = true;
    store.getState().dispatch(addNode('n5'));
    store.getState().dispatch(addNode('n6'));
    expect(recorder.notices).toHaveLength(2); // a new streak, a new warning
    recorder.stop();
    stop();
  });

  it('when the browser blocks storage, says autosave is off, once', () => {
    const store = createEditorStore(emptyPlan(), 'doc-1');
    const stop = startAutosave(store, createPlanLibrary(new BlockedStorage()));
    const recorder = recordNotices(store);
    expect(() => {
      store.getState().dispatch(addNode('n1'));
      store.getState().dispatch(addNode('n2'));
    }).not.toThrow();
    expect(recorder.notices).toHaveLength(1);
    expect(store.getState().notice).toMatchObject({
      tone: 'warning',
      text: 'Autosave is off: this browser blocks local storage. Export the plan to keep it.',
    });
    recorder.stop();
    stop();
  });

  it('with no storage at all, warns the same way', () => {
    const store = createEditorStore(emptyPlan(), 'doc-1');
    const stop = startAutosave(store, createPlanLibrary(undefined));
    store.getState().dispatch(addNode('n1'));
    expect(store.getState().notice?.text).toMatch(/^Autosave is off/);
    stop();
  });
});
