import { describe, expect, it } from 'vitest';
import { emptyPlan } from '../core/plan/empty-plan';
import { makePlan } from '../core/test-support/plan-builder';
import {
  browserStorage,
  createPlanLibrary,
  describeStorageError,
  INDEX_KEY,
  LAST_OPENED_KEY,
  planKey,
} from './plan-library';
import { BlockedStorage, FullStorage, MemoryStorage, quotaError, securityError } from './test-storage';

/** A clock that moves one minute per call, from 2025-01-01. */
function ticking(start = Date.parse('2025-01-01T10:00:00.000Z')) {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 60_000;
    return d;
  };
}

const twoNodes = () =>
  makePlan(
    [
      ['mail.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'], { resources: { vcpu: 8, ramGb: 16 }, position: { x: 10, y: 20 } }],
      ['files.example.com', ['files', 'docs'], { zone: 'lan', privateIp: '10.0.0.2' }],
    ],
    'ce',
    'Office',
  );

describe('createPlanLibrary with working storage', () => {
  it('round-trips a plan: load gives a deep-equal plan through the loader', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage, ticking());
    const plan = { ...twoNodes(), webmailHostname: 'mail.example.com' };
    expect(library.save('p1', plan)).toEqual({ ok: true });
    expect(storage.getItem(planKey('p1'))).toBe(JSON.stringify(plan, null, 2));
    const loaded = library.load('p1');
    expect(loaded).toEqual({ ok: true, plan });
    // A new library on the same storage (a reload) sees the same.
    expect(createPlanLibrary(storage).load('p1')).toEqual({ ok: true, plan });
  });

  it('namespaces every key', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage, ticking());
    library.save('p1', twoNodes());
    library.setLastOpened('p1');
    expect([...storage.data.keys()].sort()).toEqual([INDEX_KEY, LAST_OPENED_KEY, planKey('p1')].sort());
    for (const key of storage.data.keys()) expect(key.startsWith('carbonio-designer:')).toBe(true);
  });

  it('lists summaries, most recently updated first', () => {
    const library = createPlanLibrary(new MemoryStorage(), ticking());
    library.save('a', emptyPlan('Alpha'));
    library.save('b', twoNodes());
    library.save('c', emptyPlan('Gamma'));
    library.save('a', { ...emptyPlan('Alpha'), edition: 'carbonio' }); // changed: moves to the top
    expect(library.list()).toEqual([
      { id: 'a', name: 'Alpha', updatedAt: '2025-01-01T10:03:00.000Z', nodeCount: 0 },
      { id: 'c', name: 'Gamma', updatedAt: '2025-01-01T10:02:00.000Z', nodeCount: 0 },
      { id: 'b', name: 'Office', updatedAt: '2025-01-01T10:01:00.000Z', nodeCount: 2 },
    ]);
  });

  it('saving unchanged content keeps the date and the order', () => {
    const library = createPlanLibrary(new MemoryStorage(), ticking());
    library.save('a', emptyPlan('Alpha'));
    library.save('b', emptyPlan('Beta'));
    expect(library.save('a', emptyPlan('Alpha'))).toEqual({ ok: true });
    expect(library.list().map((p) => [p.id, p.updatedAt])).toEqual([
      ['b', '2025-01-01T10:01:00.000Z'],
      ['a', '2025-01-01T10:00:00.000Z'],
    ]);
  });

  it('returns undefined for a plan that is not there', () => {
    const library = createPlanLibrary(new MemoryStorage());
    expect(library.load('nope')).toBeUndefined();
    expect(library.list()).toEqual([]);
    expect(library.lastOpenedId()).toBeUndefined();
  });

  it('renames: the stored plan and its summary get the new name', () => {
    const library = createPlanLibrary(new MemoryStorage(), ticking());
    library.save('b', twoNodes());
    expect(library.rename('b', 'Head office')).toEqual({ ok: true });
    const loaded = library.load('b');
    expect(loaded?.ok && loaded.plan).toEqual({ ...twoNodes(), name: 'Head office' });
    expect(library.list()[0]).toMatchObject({ id: 'b', name: 'Head office', nodeCount: 2 });
  });

  it('refuses to rename a plan that is missing or no longer loads', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage, ticking());
    expect(library.rename('nope', 'X')).toMatchObject({ ok: false, reason: 'error' });
    library.save('a', emptyPlan('Alpha'));
    storage.setItem(planKey('a'), '{"format":"carbonio-plan"');
    const result = library.rename('a', 'X');
    expect(result).toMatchObject({ ok: false, reason: 'error' });
    expect(!result.ok && result.message).toMatch(/does not load/);
    expect(storage.getItem(planKey('a'))).toBe('{"format":"carbonio-plan"'); // untouched
  });

  it('removes a plan, its index entry, and the last-opened mark pointing at it', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage, ticking());
    library.save('a', emptyPlan('Alpha'));
    library.save('b', emptyPlan('Beta'));
    library.setLastOpened('a');
    expect(library.remove('a')).toEqual({ ok: true });
    expect(library.load('a')).toBeUndefined();
    expect(storage.getItem(planKey('a'))).toBeNull();
    expect(library.list().map((p) => p.id)).toEqual(['b']);
    expect(library.lastOpenedId()).toBeUndefined();
  });

  it('keeps the last opened id', () => {
    const library = createPlanLibrary(new MemoryStorage());
    expect(library.setLastOpened('p-9')).toEqual({ ok: true });
    expect(library.lastOpenedId()).toBe('p-9');
  });

  it('makes unique ids of the documented shape', () => {
    const library = createPlanLibrary(new MemoryStorage(), () => new Date('2025-01-01T00:00:00Z'));
    const ids = Array.from({ length: 200 }, () => library.newId());
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^plan-[0-9a-z]+-[0-9a-z]{6}$/);
    expect(ids[0]!.split('-')[1]).toBe(Date.parse('2025-01-01T00:00:00Z').toString(36));
  });

  it('a saved plan that no longer loads gives the loader problems, not a throw', () => {
    const storage = new MemoryStorage();
    const library = createPlanLibrary(storage, ticking());
    library.save('a', twoNodes());
    storage.setItem(planKey('a'), '{ "format": "carbonio-plan", "version": 1, "nodes": [');
    const truncated = library.load('a');
    expect(truncated?.ok).toBe(false);
    expect(!truncated?.ok && truncated?.problems[0]?.message).toMatch(/ends too early/);

    storage.setItem(planKey('a'), JSON.stringify({ format: 'carbonio-plan', version: 1, name: 'x', edition: 'ce', nodes: [{ id: '' }] }));
    const invalid = library.load('a');
    expect(invalid?.ok).toBe(false);
    expect(!invalid?.ok && invalid?.problems.map((p) => p.path)).toContain('$.nodes[0].id');

    storage.setItem(planKey('a'), JSON.stringify({ ...twoNodes(), version: 99 }));
    const newer = library.load('a');
    expect(!newer?.ok && newer?.problems[0]).toMatchObject({ path: '$.version' });
    // Still listed (under its indexed name), so the user can see and delete it.
    expect(library.list().map((p) => p.name)).toEqual(['Office']);
  });

  describe('a damaged or out-of-step index', () => {
    it.each([
      ['not JSON', '{oops'],
      ['not an array', '{"a":1}'],
      ['null', 'null'],
      ['bad entries', '[{"id":42},"x",null]'],
    ])('rebuilds from the plan keys when the index is %s', (_what, raw) => {
      const storage = new MemoryStorage();
      const library = createPlanLibrary(storage, ticking());
      library.save('a', emptyPlan('Alpha'));
      library.save('b', twoNodes());
      storage.setItem(INDEX_KEY, raw);
      expect(library.list().map((p) => [p.id, p.name, p.nodeCount]).sort()).toEqual([
        ['a', 'Alpha', 0],
        ['b', 'Office', 2],
      ]);
      // The index is repaired on the way.
      expect(JSON.parse(storage.getItem(INDEX_KEY)!)).toHaveLength(2);
      expect(library.load('b')).toEqual({ ok: true, plan: twoNodes() });
    });

    it('keeps valid entries of a partly damaged index with their dates', () => {
      const storage = new MemoryStorage();
      const library = createPlanLibrary(storage, ticking());
      library.save('a', emptyPlan('Alpha'));
      const index = JSON.parse(storage.getItem(INDEX_KEY)!) as unknown[];
      storage.setItem(INDEX_KEY, JSON.stringify([...index, { id: 'b', name: 3 }]));
      expect(library.list()).toEqual([{ id: 'a', name: 'Alpha', updatedAt: '2025-01-01T10:00:00.000Z', nodeCount: 0 }]);
    });

    it('never lists a plan whose text is missing, and finds a plan written before its index entry', () => {
      const storage = new MemoryStorage();
      const library = createPlanLibrary(storage, ticking());
      library.save('a', emptyPlan('Alpha'));
      storage.removeItem(planKey('a')); // index says "a", text gone
      storage.setItem(planKey('z'), JSON.stringify(emptyPlan('Zulu'), null, 2)); // text, no index entry
      expect(library.list().map((p) => p.id)).toEqual(['z']);
    });

    it('lists an unindexed plan that does not load under a placeholder name', () => {
      const storage = new MemoryStorage();
      storage.setItem(planKey('q'), 'garbage');
      const library = createPlanLibrary(storage, ticking());
      expect(library.list()).toEqual([{ id: 'q', name: 'Unreadable plan (q)', updatedAt: '2025-01-01T10:00:00.000Z', nodeCount: 0 }]);
      expect(library.load('q')?.ok).toBe(false);
      expect(library.remove('q')).toEqual({ ok: true });
      expect(library.list()).toEqual([]);
    });

    it('ignores other keys of the origin', () => {
      const storage = new MemoryStorage();
      storage.setItem('other-app', 'x');
      storage.setItem('carbonio-designer:plan:', 'no id');
      const library = createPlanLibrary(storage, ticking());
      library.save('a', emptyPlan('Alpha'));
      expect(library.list().map((p) => p.id)).toEqual(['a']);
      expect(storage.getItem('other-app')).toBe('x');
    });
  });
});

describe('createPlanLibrary when storage fails', () => {
  it('works without storage at all (undefined): nothing throws, saves report unavailable', () => {
    const library = createPlanLibrary(undefined);
    expect(library.available()).toBe(false);
    expect(library.list()).toEqual([]);
    expect(library.load('a')).toBeUndefined();
    expect(library.save('a', emptyPlan())).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(library.remove('a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(library.rename('a', 'x')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(library.lastOpenedId()).toBeUndefined();
    expect(library.setLastOpened('a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(library.newId()).toMatch(/^plan-/);
  });

  it('reports "unavailable" when every access throws SecurityError', () => {
    const library = createPlanLibrary(new BlockedStorage());
    expect(library.available()).toBe(false);
    expect(library.list()).toEqual([]);
    expect(library.save('a', emptyPlan())).toEqual({ ok: false, reason: 'unavailable', message: 'this browser blocks local storage' });
    expect(library.remove('a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(library.rename('a', 'b')).toMatchObject({ ok: false });
    expect(library.lastOpenedId()).toBeUndefined();
    expect(library.setLastOpened('a')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(library.newId()).toMatch(/^plan-/);
    const loaded = library.load('a');
    expect(loaded?.ok).toBe(false);
    expect(!loaded?.ok && loaded?.problems[0]?.message).toMatch(/cannot read the saved plan: this browser blocks local storage/);
  });

  it('reports "full" when setItem throws QuotaExceededError, and keeps the previous save intact', () => {
    const storage = new FullStorage();
    storage.full = false;
    const library = createPlanLibrary(storage, ticking());
    library.save('a', twoNodes());
    const indexBefore = storage.getItem(INDEX_KEY);
    storage.full = true;
    const result = library.save('a', { ...twoNodes(), name: 'Bigger' });
    expect(result).toEqual({ ok: false, reason: 'full', message: 'browser storage is full' });
    expect(library.load('a')).toEqual({ ok: true, plan: twoNodes() });
    expect(storage.getItem(INDEX_KEY)).toBe(indexBefore);
    expect(library.list().map((p) => p.name)).toEqual(['Office']);
  });

  it('writes the plan before the index: when only the index write fails, the plan is still found', () => {
    const storage = new MemoryStorage();
    const writes: string[] = [];
    const original = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string) => {
      writes.push(key);
      if (key === INDEX_KEY) throw quotaError();
      original(key, value);
    };
    const library = createPlanLibrary(storage, ticking());
    expect(library.save('a', emptyPlan('Alpha'))).toMatchObject({ ok: false, reason: 'full' });
    expect(writes.slice(0, 2)).toEqual([planKey('a'), INDEX_KEY]);
    expect(library.load('a')).toEqual({ ok: true, plan: emptyPlan('Alpha') });
    expect(library.list().map((p) => p.id)).toEqual(['a']);
  });

  it('classifies storage exceptions', () => {
    expect(describeStorageError(quotaError()).reason).toBe('full');
    expect(describeStorageError(new DOMException('x', 'NS_ERROR_DOM_QUOTA_REACHED')).reason).toBe('full');
    expect(describeStorageError(securityError()).reason).toBe('unavailable');
    const other = describeStorageError(new Error('disk on fire'));
    expect(other).toEqual({ ok: false, reason: 'error', message: 'browser storage failed (disk on fire)' });
    expect(describeStorageError('weird').reason).toBe('error');
  });
});

describe('browserStorage', () => {
  it('is undefined outside a browser (node environment)', () => {
    expect(typeof window).toBe('undefined');
    expect(browserStorage()).toBeUndefined();
  });

  it('is undefined when touching localStorage throws', () => {
    const g = globalThis as { window?: unknown };
    g.window = Object.defineProperty({}, 'localStorage', {
      get() {
        throw securityError();
      },
    });
    try {
      expect(browserStorage()).toBeUndefined();
    } finally {
      delete g.window;
    }
  });

  it('is window.localStorage when it is there', () => {
    const g = globalThis as { window?: unknown };
    const storage = new MemoryStorage();
    g.window = { localStorage: storage };
    try {
      expect(browserStorage()).toBe(storage);
    } finally {
      delete g.window;
    }
  });
});
