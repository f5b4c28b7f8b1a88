import { loadPlan, summarizeProblems, type LoadResult } from '../core/plan/loader';
import type { Plan } from '../core/plan/schema';

/** Every key this app writes starts with this. */
export const STORAGE_PREFIX = 'carbonio-designer:';
/** JSON array of {@link SavedPlanSummary}: what the "Saved plans" list shows without loading every plan. */
export const INDEX_KEY = `${STORAGE_PREFIX}plans`;
/** Id of the plan the editor had open last. */
export const LAST_OPENED_KEY = `${STORAGE_PREFIX}last-opened`;
const PLAN_KEY_PREFIX = `${STORAGE_PREFIX}plan:`;

/** Key of one saved plan's text (`JSON.stringify(plan, null, 2)`). */
export function planKey(id: string): string {
  return PLAN_KEY_PREFIX + id;
}

/** One line of the saved-plans list. */
export interface SavedPlanSummary {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 time of the last save that changed the plan. */
  readonly updatedAt: string;
  readonly nodeCount: number;
}

/** Why storage refused: blocked by the browser, out of space, or anything else. */
export type StorageFailureReason = 'unavailable' | 'full' | 'error';

export interface StorageFailure {
  readonly ok: false;
  readonly reason: StorageFailureReason;
  /** Lower-case phrase for a sentence, e.g. "browser storage is full". */
  readonly message: string;
}

export type SaveResult = { readonly ok: true } | StorageFailure;

/** Plans saved in the browser. No method throws, whatever the storage does. */
export interface PlanLibrary {
  /** Whether storage can be read at all (false when the browser blocks it). */
  available(): boolean;
  /** Saved plans, most recently updated first. */
  list(): SavedPlanSummary[];
  /** The saved plan through the loader, or `undefined` when there is no plan with this id. */
  load(id: string): LoadResult | undefined;
  /** Writes the plan text, then the index entry. Saving unchanged content keeps its date. */
  save(id: string, plan: Plan): SaveResult;
  remove(id: string): SaveResult;
  /** Loads the plan, changes its name, saves it. */
  rename(id: string, name: string): SaveResult;
  lastOpenedId(): string | undefined;
  setLastOpened(id: string): SaveResult;
  /** A new id no saved plan uses, `plan-<time36>-<random>`. */
  newId(): string;
}

const OK: SaveResult = { ok: true };
const UNAVAILABLE: StorageFailure = {
  ok: false,
  reason: 'unavailable',
  message: 'this browser blocks local storage',
};

/** `window.localStorage`, or `undefined` when there is none or touching it throws (storage disabled). */
export function browserStorage(): Storage | undefined {
  try {
    if (typeof window === 'undefined') return undefined;
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** What a storage exception means for the user. */
export function describeStorageError(error: unknown): StorageFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? Number(error.code) : undefined;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) {
    return { ok: false, reason: 'full', message: 'browser storage is full' };
  }
  if (name === 'SecurityError' || code === 18) return UNAVAILABLE;
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, reason: 'error', message: `browser storage failed (${detail || name || 'unknown error'})` };
}

type Attempt<T> = { readonly ok: true; readonly value: T } | StorageFailure;

function attempt<T>(operation: () => T): Attempt<T> {
  try {
    return { ok: true, value: operation() };
  } catch (error) {
    return describeStorageError(error);
  }
}

function isSummary(value: unknown): value is SavedPlanSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    v.id !== '' &&
    typeof v.name === 'string' &&
    typeof v.updatedAt === 'string' &&
    typeof v.nodeCount === 'number' &&
    Number.isInteger(v.nodeCount) &&
    v.nodeCount >= 0
  );
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

function byRecency(a: SavedPlanSummary, b: SavedPlanSummary): number {
  return time(b.updatedAt) - time(a.updatedAt) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function summaryOf(id: string, plan: Plan, updatedAt: string): SavedPlanSummary {
  return { id, name: plan.name, updatedAt, nodeCount: plan.nodes.length };
}

/**
 * The saved plans in `storage` (normally {@link browserStorage}). Plan texts always go through
 * {@link loadPlan}; the index is only a cache of names and dates, rebuilt from the plan keys when
 * it is damaged or out of step (a plan written but not yet indexed, an entry whose plan is gone).
 */
export function createPlanLibrary(storage: Storage | undefined, now: () => Date = () => new Date()): PlanLibrary {
  const issued = new Set<string>();

  /** Index entries as stored; `trusted` is false when the stored index had to be repaired. */
  function readIndex(store: Storage): Attempt<{ entries: SavedPlanSummary[]; trusted: boolean }> {
    const raw = attempt(() => store.getItem(INDEX_KEY));
    if (!raw.ok) return raw;
    if (raw.value === null) return { ok: true, value: { entries: [], trusted: true } };
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.value);
    } catch {
      return { ok: true, value: { entries: [], trusted: false } };
    }
    if (!Array.isArray(parsed)) return { ok: true, value: { entries: [], trusted: false } };
    const seen = new Set<string>();
    const entries: SavedPlanSummary[] = [];
    for (const item of parsed) {
      if (!isSummary(item) || seen.has(item.id)) continue;
      seen.add(item.id);
      entries.push({ id: item.id, name: item.name, updatedAt: item.updatedAt, nodeCount: item.nodeCount });
    }
    return { ok: true, value: { entries, trusted: entries.length === parsed.length } };
  }

  /** Ids of every plan text in storage, or `undefined` when storage cannot be enumerated. */
  function storedPlanIds(store: Storage): Set<string> | undefined {
    const scan = attempt(() => {
      const ids = new Set<string>();
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key !== null && key.startsWith(PLAN_KEY_PREFIX) && key.length > PLAN_KEY_PREFIX.length) {
          ids.add(key.slice(PLAN_KEY_PREFIX.length));
        }
      }
      return ids;
    });
    return scan.ok ? scan.value : undefined;
  }

  function writeIndex(store: Storage, entries: readonly SavedPlanSummary[]): SaveResult {
    const written = attempt(() => store.setItem(INDEX_KEY, JSON.stringify([...entries].sort(byRecency))));
    return written.ok ? OK : written;
  }

  /** The index reconciled with the plan keys actually present; repairs the stored index when it can. */
  function entries(store: Storage): Attempt<SavedPlanSummary[]> {
    const index = readIndex(store);
    if (!index.ok) return index;
    const byId = new Map(index.value.entries.map((e) => [e.id, e]));
    let changed = !index.value.trusted;
    const present = storedPlanIds(store);
    if (present) {
      for (const id of [...byId.keys()]) {
        if (!present.has(id)) {
          byId.delete(id);
          changed = true;
        }
      }
      for (const id of present) {
        if (byId.has(id)) continue;
        byId.set(id, orphanSummary(store, id));
        changed = true;
      }
    }
    const list = [...byId.values()].sort(byRecency);
    if (changed) writeIndex(store, list); // best effort: a full storage still lists correctly
    return { ok: true, value: list };
  }

  /** Summary of a plan text that the index does not know (an interrupted save, a damaged index). */
  function orphanSummary(store: Storage, id: string): SavedPlanSummary {
    const updatedAt = now().toISOString();
    const text = attempt(() => store.getItem(planKey(id)));
    const loaded = text.ok && text.value !== null ? loadPlan(text.value) : undefined;
    if (loaded?.ok) return summaryOf(id, loaded.plan, updatedAt);
    return { id, name: `Unreadable plan (${id})`, updatedAt, nodeCount: 0 };
  }

  function exists(store: Storage, id: string): boolean {
    const text = attempt(() => store.getItem(planKey(id)));
    return text.ok && text.value !== null;
  }

  const library: PlanLibrary = {
    available() {
      if (!storage) return false;
      return attempt(() => storage.getItem(INDEX_KEY)).ok;
    },

    list() {
      if (!storage) return [];
      const list = entries(storage);
      return list.ok ? list.value : [];
    },

    load(id) {
      if (!storage) return undefined;
      const text = attempt(() => storage.getItem(planKey(id)));
      if (!text.ok) return { ok: false, problems: [{ path: '$', message: `cannot read the saved plan: ${text.message}` }] };
      if (text.value === null) return undefined;
      return loadPlan(text.value);
    },

    save(id, plan) {
      if (!storage) return UNAVAILABLE;
      const text = JSON.stringify(plan, null, 2);
      const key = planKey(id);
      const previous = attempt(() => storage.getItem(key));
      if (!previous.ok) return previous;
      const current = entries(storage);
      if (!current.ok) return current;
      const existing = current.value.find((e) => e.id === id);
      if (
        previous.value === text &&
        existing &&
        existing.name === plan.name &&
        existing.nodeCount === plan.nodes.length
      ) {
        return OK; // nothing changed: keep the date, so opening a plan does not reorder the list
      }
      // The plan first, then the index: an interrupted save never lists a plan that is not there.
      const written = attempt(() => storage.setItem(key, text));
      if (!written.ok) return written;
      const others = current.value.filter((e) => e.id !== id);
      return writeIndex(storage, [summaryOf(id, plan, now().toISOString()), ...others]);
    },

    remove(id) {
      if (!storage) return UNAVAILABLE;
      // The text first: an interrupted removal leaves an index entry that list() drops.
      const removed = attempt(() => storage.removeItem(planKey(id)));
      if (!removed.ok) return removed;
      const last = attempt(() => storage.getItem(LAST_OPENED_KEY));
      if (last.ok && last.value === id) attempt(() => storage.removeItem(LAST_OPENED_KEY));
      const current = entries(storage);
      if (!current.ok) return current;
      return writeIndex(
        storage,
        current.value.filter((e) => e.id !== id),
      );
    },

    rename(id, name) {
      if (!storage) return UNAVAILABLE;
      const loaded = library.load(id);
      if (!loaded) return { ok: false, reason: 'error', message: 'the plan is no longer in browser storage' };
      if (!loaded.ok) {
        return { ok: false, reason: 'error', message: `the saved plan does not load: ${summarizeProblems(loaded.problems)}` };
      }
      return library.save(id, { ...loaded.plan, name });
    },

    lastOpenedId() {
      if (!storage) return undefined;
      const id = attempt(() => storage.getItem(LAST_OPENED_KEY));
      return id.ok && id.value ? id.value : undefined;
    },

    setLastOpened(id) {
      if (!storage) return UNAVAILABLE;
      const written = attempt(() => storage.setItem(LAST_OPENED_KEY, id));
      return written.ok ? OK : written;
    },

    newId() {
      const stamp = now().getTime();
      for (;;) {
        const random = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
        const id = `plan-${(Number.isFinite(stamp) ? stamp : Date.now()).toString(36)}-${random}`;
        if (issued.has(id) || (storage && exists(storage, id))) continue;
        issued.add(id);
        return id;
      }
    },
  };
  return library;
}
