import { describe, expect, it } from 'vitest';
import { loadPlanValue, type LoadResult } from './loader';
import { migrateDocument, PLAN_MIGRATIONS, type PlanMigration } from './migrations';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from './schema';

/** Freezes a value and everything reachable from it, so any mutation throws (test files are strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------------------------
// The real migrations. Every entry of PLAN_MIGRATIONS needs a fixture here: a document of version
// `from` and what the step must turn it into. Adding a migration without a fixture fails the
// guard below (the tldraw approach: no untested migration can ship).
// ---------------------------------------------------------------------------------------------

interface MigrationFixture {
  /** A document of version `from`, as files of that version look. */
  readonly before: Record<string, unknown>;
  /** The document the step must produce (version `from + 1`). */
  readonly after: Record<string, unknown>;
}

/** Fixtures of the real migrations, keyed by their `from` version. Empty while the format is v1. */
const MIGRATION_FIXTURES: Readonly<Record<number, MigrationFixture>> = {};

/** The `from` versions this file tests. */
const TESTED_MIGRATIONS: readonly number[] = Object.keys(MIGRATION_FIXTURES)
  .map(Number)
  .sort((a, b) => a - b);

describe('the real PLAN_MIGRATIONS', () => {
  it('every migration has a test fixture here, and every fixture a migration', () => {
    expect(PLAN_MIGRATIONS.map((m) => m.from)).toEqual(TESTED_MIGRATIONS);
  });

  it('the current version is one past the last migration', () => {
    expect(CURRENT_PLAN_VERSION).toBe(PLAN_MIGRATIONS.length + 1);
  });

  it('migrations are listed oldest first, one per version from 1, with a description', () => {
    expect(PLAN_MIGRATIONS.map((m) => m.from)).toEqual(PLAN_MIGRATIONS.map((_, i) => i + 1));
    for (const m of PLAN_MIGRATIONS) expect(m.description.trim()).not.toBe('');
  });

  it('each migration turns its fixture into the expected document, without mutating it', () => {
    for (const migration of PLAN_MIGRATIONS) {
      const fixture = MIGRATION_FIXTURES[migration.from];
      if (!fixture) throw new Error(`no fixture for the migration from version ${migration.from}`);
      expect(fixture.before.version).toBe(migration.from);
      const before = deepFreeze(clone(fixture.before));
      const outcome = migrateDocument(before, migration.from, migration.from + 1);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(outcome.applied).toEqual([migration.from]);
      expect(outcome.doc).toEqual({ ...fixture.after, version: migration.from + 1 });
      expect(before).toEqual(fixture.before);
    }
  });

  it('each fixture loads through the whole chain to a current plan, reporting where it came from', () => {
    for (const from of TESTED_MIGRATIONS) {
      const result = loadPlanValue(deepFreeze(clone(MIGRATION_FIXTURES[from]!.before)));
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.plan.version).toBe(CURRENT_PLAN_VERSION);
      expect(result.migratedFrom).toBe(from);
    }
  });

  it('a current document is not migrated', () => {
    const result = loadPlanValue({ format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, name: 'p', edition: 'ce', nodes: [] });
    expect(result).toEqual({
      ok: true,
      plan: { format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, name: 'p', edition: 'ce', nodes: [] },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The mechanism, with a synthetic chain 1 → 2 → 3:
//   v1 calls the plan `title` and its nodes `servers`;
//   v2 renames `title` to `name`;
//   v3 renames `servers` to `nodes` (the current shape).
// Each step checks it gets the shape of its own version, so running them out of order fails.
// ---------------------------------------------------------------------------------------------

type Calls = number[];

function syntheticChain(calls: Calls): PlanMigration[] {
  return [
    {
      from: 1,
      description: 'title → name',
      migrate: (doc) => {
        calls.push(1);
        if (doc.version !== 1 || !('title' in doc)) throw new Error('step 1 got a document that is not v1');
        const { title, ...rest } = doc;
        return { ...rest, name: title };
      },
    },
    {
      from: 2,
      description: 'servers → nodes',
      migrate: (doc) => {
        calls.push(2);
        if (doc.version !== 2 || !('name' in doc) || 'title' in doc) throw new Error('step 2 got a document that is not v2');
        const { servers, ...rest } = doc;
        return { ...rest, nodes: servers };
      },
    },
  ];
}

function v1Doc(): Record<string, unknown> {
  return {
    format: PLAN_FORMAT,
    version: 1,
    title: 'old plan',
    edition: 'carbonio',
    servers: [{ id: 'n1', hostname: 'srv1.example.com', roles: ['mta'] }],
  };
}

function v2Doc(): Record<string, unknown> {
  return {
    format: PLAN_FORMAT,
    version: 2,
    name: 'old plan',
    edition: 'carbonio',
    servers: [{ id: 'n1', hostname: 'srv1.example.com', roles: ['mta'] }],
  };
}

const v3Plan = {
  format: PLAN_FORMAT,
  version: 3,
  name: 'old plan',
  edition: 'carbonio',
  nodes: [{ id: 'n1', hostname: 'srv1.example.com', roles: ['mta'] }],
};

function problemsOf(result: LoadResult) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.plan)}`);
  return result.problems;
}

describe('migrateDocument', () => {
  it('applies each step in order, exactly once, and sets each version', () => {
    const calls: Calls = [];
    const outcome = migrateDocument(v1Doc(), 1, 3, syntheticChain(calls));
    expect(calls).toEqual([1, 2]);
    expect(outcome).toEqual({ ok: true, doc: v3Plan, applied: [1, 2] });
  });

  it('starts at the document version: a v2 document only gets the 2 → 3 step', () => {
    const calls: Calls = [];
    const outcome = migrateDocument(v2Doc(), 2, 3, syntheticChain(calls));
    expect(calls).toEqual([2]);
    expect(outcome).toEqual({ ok: true, doc: v3Plan, applied: [2] });
  });

  it('finds steps by `from`, whatever their order in the list', () => {
    const calls: Calls = [];
    const outcome = migrateDocument(v1Doc(), 1, 3, syntheticChain(calls).reverse());
    expect(calls).toEqual([1, 2]);
    expect(outcome.ok).toBe(true);
  });

  it('does nothing when the document is already at the target', () => {
    const calls: Calls = [];
    const doc = v1Doc();
    const outcome = migrateDocument(doc, 3, 3, syntheticChain(calls));
    expect(calls).toEqual([]);
    expect(outcome).toEqual({ ok: true, doc, applied: [] });
  });

  it('sets the version itself, whatever a step writes there', () => {
    const outcome = migrateDocument({ version: 1 }, 1, 2, [
      { from: 1, description: 'sloppy', migrate: (doc) => ({ ...doc, version: 99 }) },
    ]);
    expect(outcome).toEqual({ ok: true, doc: { version: 2 }, applied: [1] });
  });

  it('fails with a clear message when a step is missing, before running later steps', () => {
    const calls: Calls = [];
    const onlyFirst = syntheticChain(calls).slice(0, 1);
    expect(migrateDocument(v1Doc(), 1, 3, onlyFirst)).toEqual({
      ok: false,
      message: 'no migration from format version 2 to 3',
    });
    expect(calls).toEqual([1]);
  });

  it('fails at the first gap when the first step is missing, running nothing', () => {
    const calls: Calls = [];
    const onlySecond = syntheticChain(calls).slice(1);
    expect(migrateDocument(v1Doc(), 1, 3, onlySecond)).toEqual({
      ok: false,
      message: 'no migration from format version 1 to 2',
    });
    expect(calls).toEqual([]);
  });

  it('uses PLAN_MIGRATIONS by default', () => {
    const outcome = migrateDocument({ version: CURRENT_PLAN_VERSION }, CURRENT_PLAN_VERSION, CURRENT_PLAN_VERSION + 1);
    expect(outcome).toEqual({
      ok: false,
      message: `no migration from format version ${CURRENT_PLAN_VERSION} to ${CURRENT_PLAN_VERSION + 1}`,
    });
  });

  it('turns a throwing step into a failure naming the version and the reason', () => {
    const calls: Calls = [];
    const chain = syntheticChain(calls);
    chain[1] = {
      from: 2,
      description: 'broken',
      migrate: () => {
        throw new Error('servers is not an array');
      },
    };
    let outcome: ReturnType<typeof migrateDocument> | undefined;
    expect(() => {
      outcome = migrateDocument(v1Doc(), 1, 3, chain);
    }).not.toThrow();
    expect(outcome).toEqual({ ok: false, message: 'migration from format version 2 failed: servers is not an array' });
  });

  it('reports a thrown non-Error value too', () => {
    const outcome = migrateDocument({ version: 1 }, 1, 2, [
      {
        from: 1,
        description: 'throws a string',
        migrate: () => {
          throw 'nope';
        },
      },
    ]);
    expect(outcome).toEqual({ ok: false, message: 'migration from format version 1 failed: nope' });
  });

  it('does not mutate its input (frozen input still migrates)', () => {
    const input = deepFreeze(v1Doc());
    const snapshot = clone(input);
    const outcome = migrateDocument(input, 1, 3, syntheticChain([]));
    expect(outcome.ok).toBe(true);
    expect(input).toEqual(snapshot);
    expect(outcome.ok && outcome.doc).not.toBe(input);
  });
});

describe('loadPlanValue with injected migrations', () => {
  const options = (calls: Calls, migrations = syntheticChain(calls)) => ({ migrations, currentVersion: 3 });

  it('migrates a v1 document through 1 → 2 → 3 and reports migratedFrom', () => {
    const calls: Calls = [];
    const result = loadPlanValue(v1Doc(), options(calls));
    expect(calls).toEqual([1, 2]);
    expect(result).toEqual({ ok: true, plan: v3Plan, migratedFrom: 1 });
  });

  it('migrates a v2 document with the last step only', () => {
    const calls: Calls = [];
    const result = loadPlanValue(v2Doc(), options(calls));
    expect(calls).toEqual([2]);
    expect(result).toEqual({ ok: true, plan: v3Plan, migratedFrom: 2 });
  });

  it('loads a document of the current version without migrating it', () => {
    const calls: Calls = [];
    const result = loadPlanValue(clone(v3Plan), options(calls));
    expect(calls).toEqual([]);
    expect(result).toEqual({ ok: true, plan: v3Plan });
  });

  it('refuses a document newer than the injected current version', () => {
    const calls: Calls = [];
    const result = loadPlanValue({ ...clone(v3Plan), version: 4 }, options(calls));
    expect(calls).toEqual([]);
    const [p] = problemsOf(result);
    expect(p!.path).toBe('$.version');
    expect(p!.message).toContain('format version 4');
    expect(p!.message).toContain('up to 3');
  });

  it('names the injected current version when the version is invalid', () => {
    const result = loadPlanValue({ ...v1Doc(), version: 0 }, options([]));
    expect(problemsOf(result)).toEqual([{ path: '$.version', message: 'expected a format version number from 1 to 3, got the number 0' }]);
  });

  it('fails at $.version when a step is missing', () => {
    const calls: Calls = [];
    const result = loadPlanValue(v1Doc(), options(calls, syntheticChain(calls).slice(0, 1)));
    expect(problemsOf(result)).toEqual([{ path: '$.version', message: 'no migration from format version 2 to 3' }]);
  });

  it('with no injected migrations, uses the real (empty) list and fails cleanly', () => {
    const result = loadPlanValue(v1Doc(), { currentVersion: CURRENT_PLAN_VERSION + 1 });
    expect(problemsOf(result)).toEqual([
      { path: '$.version', message: `no migration from format version ${CURRENT_PLAN_VERSION} to ${CURRENT_PLAN_VERSION + 1}` },
    ]);
  });

  it('fails, without throwing, when a step throws', () => {
    const chain: PlanMigration[] = [
      syntheticChain([])[0]!,
      {
        from: 2,
        description: 'throws',
        migrate: () => {
          throw new TypeError('cannot read servers');
        },
      },
    ];
    let result: LoadResult | undefined;
    expect(() => {
      result = loadPlanValue(v1Doc(), { migrations: chain, currentVersion: 3 });
    }).not.toThrow();
    expect(problemsOf(result!)).toEqual([{ path: '$.version', message: 'migration from format version 2 failed: cannot read servers' }]);
  });

  it('checks the migrated document against the schema: a bad migration cannot let a broken plan in', () => {
    const chain: PlanMigration[] = [
      syntheticChain([])[0]!,
      { from: 2, description: 'forgets to rename servers', migrate: (doc) => ({ ...doc }) },
    ];
    const result = loadPlanValue(v1Doc(), { migrations: chain, currentVersion: 3 });
    expect(problemsOf(result)).toEqual([{ path: '$.nodes', message: 'required field is missing; expected an array' }]);
  });

  it('reports schema problems of the migrated document by path', () => {
    const doc = v1Doc();
    doc.servers = [{ id: 'n1', hostname: 7, roles: [] }];
    const result = loadPlanValue(doc, options([]));
    expect(problemsOf(result)).toEqual([{ path: '$.nodes[0].hostname', message: 'expected a string, got the number 7' }]);
  });

  it('does not mutate the input document', () => {
    const input = deepFreeze(v1Doc());
    const snapshot = clone(input);
    const result = loadPlanValue(input, options([]));
    expect(result.ok).toBe(true);
    expect(input).toEqual(snapshot);
  });
});
