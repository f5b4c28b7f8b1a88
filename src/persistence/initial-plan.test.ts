import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../core/plan/empty-plan';
import { loadPlanValue } from '../core/plan/loader';
import { makePlan } from '../core/test-support/plan-builder';
import { resolveInitialPlan } from './initial-plan';
import { createPlanLibrary, LAST_OPENED_KEY, planKey } from './plan-library';
import { BlockedStorage, MemoryStorage } from './test-storage';

const EMPTY = { format: 'carbonio-plan', version: 1, name: 'Untitled plan', edition: 'ce', nodes: [] };

describe('emptyPlan', () => {
  it('is the documented empty plan, and a valid one', () => {
    expect(emptyPlan()).toEqual(EMPTY);
    expect(emptyPlan('Lab', 'carbonio')).toEqual({ ...EMPTY, name: 'Lab', edition: 'carbonio' });
    expect(loadPlanValue(emptyPlan())).toEqual({ ok: true, plan: EMPTY });
    expect(emptyPlan()).not.toBe(emptyPlan());
  });
});

describe('resolveInitialPlan', () => {
  it('restores the last opened plan', () => {
    const library = createPlanLibrary(new MemoryStorage());
    const plan = makePlan([['mail.example.com', ['mta']]], 'ce', 'Office');
    library.save('doc-7', plan);
    library.save('doc-8', emptyPlan('Other'));
    library.setLastOpened('doc-7');
    expect(resolveInitialPlan(library)).toEqual({ plan, documentId: 'doc-7', restored: true });
  });

  it('starts an empty plan with a new id on a first visit', () => {
    const library = createPlanLibrary(new MemoryStorage());
    const initial = resolveInitialPlan(library);
    expect(initial).toEqual({ plan: EMPTY, documentId: expect.stringMatching(/^plan-/), restored: false });
    expect(initial.problem).toBeUndefined();
  });

  it('starts an empty plan when the last opened plan has been deleted', () => {
    const storage = new MemoryStorage();
    storage.setItem(LAST_OPENED_KEY, 'gone');
    const initial = resolveInitialPlan(createPlanLibrary(storage));
    expect(initial).toMatchObject({ plan: EMPTY, restored: false });
    expect(initial.documentId).not.toBe('gone');
    expect(initial.problem).toBeUndefined();
  });

  it('when the last plan no longer loads: a new plan, a problem naming why, and the saved text kept', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage);
    library.save('doc-1', makePlan([['a.example.com', ['mta']]], 'ce', 'Office'));
    library.setLastOpened('doc-1');
    const damaged = JSON.stringify({ ...emptyPlan('Office'), version: 7 });
    storage.setItem(planKey('doc-1'), damaged);

    const initial = resolveInitialPlan(library);
    expect(initial.plan).toEqual(EMPTY);
    expect(initial.restored).toBe(false);
    expect(initial.documentId).not.toBe('doc-1');
    expect(initial.problem).toMatch(/^Your last plan "Office" could not be opened: \$\.version: format version 7 comes from a newer version/);
    expect(initial.problem).toMatch(/still stored in this browser/);
    expect(storage.getItem(planKey('doc-1'))).toBe(damaged);
    expect(library.list().map((p) => p.id)).toEqual(['doc-1']);
  });

  it('starts an empty plan when storage is blocked or missing', () => {
    for (const library of [createPlanLibrary(new BlockedStorage()), createPlanLibrary(undefined)]) {
      const initial = resolveInitialPlan(library);
      expect(initial).toMatchObject({ plan: EMPTY, restored: false });
      expect(initial.problem).toBeUndefined();
    }
  });
});
