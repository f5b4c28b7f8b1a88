import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog/catalog';
import { EDITIONS, ROLE_IDS } from '../catalog/role-ids';
import { applyCommands } from '../commands/commands';
import { PLAN_TEMPLATES } from '../templates';
import { SEVERITIES, type Diagnostic } from '../validation/diagnostic';
import { RULES } from '../validation/rules';
import { validate } from '../validation/validate';
import { formatJsonPath, loadPlan, loadPlanValue, type LoadResult } from './loader';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, type Plan, type PlanNode } from './schema';

// Properties of the loader and the validator together: whatever comes in, the loader answers
// (never throws), and whatever it lets in, the validator can check (never throws either).

const RULE_IDS = new Set(RULES.map((r) => r.id));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Checks the shape of a load result; for a plan, validates it and checks the diagnostics. */
function checkResult(result: LoadResult): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    checkValidation(result.plan);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(p.path).toMatch(/^\$/);
      expect(typeof p.message).toBe('string');
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

/** Validates the plan (frozen, so a mutating rule throws) and checks every diagnostic is well formed. */
function checkValidation(plan: Plan): Diagnostic[] {
  deepFreeze(plan);
  const diagnostics = validate(plan, getCatalog(plan.edition));
  const nodeIds = new Set(plan.nodes.map((n) => n.id));
  let lastRank = 0;
  for (const d of diagnostics) {
    expect(RULE_IDS.has(d.rule), `unknown rule id ${d.rule}`).toBe(true);
    expect(SEVERITIES).toContain(d.severity);
    expect(typeof d.message).toBe('string');
    expect(d.message.trim()).not.toBe('');
    expect(typeof d.source).toBe('string');
    expect(d.source.trim()).not.toBe('');
    for (const id of d.nodeIds) expect(nodeIds.has(id), `diagnostic names node id ${JSON.stringify(id)}`).toBe(true);
    // Documented order: worst severity first.
    const rank = SEVERITIES.indexOf(d.severity);
    expect(rank).toBeGreaterThanOrEqual(lastRank);
    lastRank = rank;
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------------------------
// Arbitrary input
// ---------------------------------------------------------------------------------------------

describe('the loader never throws on arbitrary input', () => {
  it('any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        checkResult(loadPlanValue(value));
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value, as text, gives the same answer as the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(JSON.stringify(loadPlan(text))).toBe(JSON.stringify(loadPlanValue(value)));
      }),
      { numRuns: 200 },
    );
  });

  it('any JavaScript value, including Maps, boxed values, null prototypes and sparse arrays', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    fc.assert(
      fc.property(anything, (value) => {
        checkResult(loadPlanValue(value));
      }),
      { numRuns: 300 },
    );
  });

  it('objects that look almost like plans', () => {
    const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
    const almost = fc.record(
      {
        format: fc.oneof(fc.constant(PLAN_FORMAT), field),
        version: fc.oneof(fc.constant(CURRENT_PLAN_VERSION), fc.integer({ min: -2, max: 5 }), fc.double(), field),
        name: field,
        edition: fc.oneof(fc.constantFrom(...EDITIONS), field),
        webmailHostname: field,
        nodes: fc.oneof(fc.array(fc.dictionary(fc.constantFrom('id', 'hostname', 'roles', 'zone', 'resources', 'position', 'x'), field)), field),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(almost, (value) => {
        checkResult(loadPlanValue(value));
      }),
      { numRuns: 300 },
    );
  });

  it('any string, JSON or not', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.constantFrom('{', '}', '[', '"', '\\', '\uFEFF{}', '\uD800', '{"format":"carbonio-plan","version":1e999}'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = loadPlan(t);
        checkResult(result);
        if (t.trim() === '') expect(result.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Mutated templates
// ---------------------------------------------------------------------------------------------

type Segment = string | number;

/** Every path below the root, depth first. */
function pathsOf(value: unknown, prefix: Segment[] = []): Segment[][] {
  const out: Segment[][] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push([...prefix, index], ...pathsOf(item, [...prefix, index]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) out.push([...prefix, key], ...pathsOf(item, [...prefix, key]));
  }
  return out;
}

function getAt(doc: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((current, segment) => (current as Record<Segment, unknown>)[segment], doc);
}

/** A copy of `doc` with the value at `path` replaced, or removed when `replacement` is `DELETE`. */
const DELETE = Symbol('delete');
function changeAt(doc: unknown, path: readonly Segment[], replacement: unknown): unknown {
  const copy = structuredClone(doc);
  const parent = getAt(copy, path.slice(0, -1)) as Record<Segment, unknown> | unknown[];
  const last = path[path.length - 1]!;
  if (replacement === DELETE) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    (parent as Record<Segment, unknown>)[last] = replacement;
  }
  return copy;
}

/** A value of another JSON type, derived from the current one. */
function retype(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  return Object.values(value as object);
}

interface Mutation {
  readonly path: Segment[];
  readonly doc: unknown;
}

const templateDoc = fc.constantFrom(...PLAN_TEMPLATES.map((t) => t.document));

/** One random edit somewhere in a template: delete, replace with random JSON, or change the type. */
function mutationOf(doc: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(doc);
  return fc.record({ pick: fc.nat({ max: paths.length - 1 }), kind: fc.constantFrom('delete', 'replace', 'retype'), value: fc.jsonValue({ maxDepth: 2 }) }).map(
    ({ pick, kind, value }) => {
      const path = paths[pick]!;
      const replacement = kind === 'delete' ? DELETE : kind === 'retype' ? retype(getAt(doc, path)) : value;
      return { path, doc: changeAt(doc, path, replacement) };
    },
  );
}

const mutatedTemplate = templateDoc.chain(mutationOf);

/** True when one path is the other, or lies inside it. */
function related(a: string, b: string): boolean {
  const inside = (x: string, y: string) => x === y || x.startsWith(`${y}.`) || x.startsWith(`${y}[`);
  return inside(a, b) || inside(b, a);
}

describe('mutated templates', () => {
  it('every template path is reachable by the generator (sanity)', () => {
    for (const t of PLAN_TEMPLATES) expect(pathsOf(t.document).length).toBeGreaterThan(10);
  });

  it('one random edit never makes the loader throw; a refusal points at the edit', () => {
    fc.assert(
      fc.property(mutatedTemplate, ({ path, doc }) => {
        const result = loadPlanValue(doc);
        checkResult(result);
        if (!result.ok) {
          const edited = formatJsonPath(path);
          const paths = result.problems.map((p) => p.path);
          expect(
            paths.some((p) => related(p, edited)),
            `edit at ${edited}, problems at ${paths.join(', ')}`,
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('several random edits in a row never make the loader throw', () => {
    const edits = fc.tuple(templateDoc, fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'replace', 'retype'), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(edits, ([start, steps]) => {
        let doc: unknown = start;
        for (const [pick, kind, value] of steps) {
          const paths = pathsOf(doc);
          if (paths.length === 0) break;
          const path = paths[pick % paths.length]!;
          doc = changeAt(doc, path, kind === 'delete' ? DELETE : kind === 'retype' ? retype(getAt(doc, path)) : value);
        }
        checkResult(loadPlanValue(doc));
        checkResult(loadPlan(JSON.stringify(doc)));
      }),
      { numRuns: 300 },
    );
  });

  it('a template truncated anywhere is refused as ending too early', () => {
    const cut = templateDoc.chain((doc) => {
      const text = JSON.stringify(doc, null, 2);
      return fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at));
    });
    fc.assert(
      fc.property(cut, (text) => {
        const result = loadPlan(text);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]!.path).toBe('$');
        const expected = text.trim() === '' ? 'the file is empty; expected a Carbonio plan (JSON)' : 'not valid JSON: the file ends too early (truncated?)';
        expect(result.problems[0]!.message).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a template with one character changed never makes the loader throw', () => {
    const garbled = templateDoc.chain((doc) => {
      const text = JSON.stringify(doc, null, 2);
      return fc.tuple(fc.nat({ max: text.length - 1 }), fc.string({ unit: 'binary', minLength: 0, maxLength: 2 })).map(
        ([at, insert]) => text.slice(0, at) + insert + text.slice(at + 1),
      );
    });
    fc.assert(
      fc.property(garbled, (text) => {
        checkResult(loadPlan(text));
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random valid plans
// ---------------------------------------------------------------------------------------------

const HOSTILE_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u202Egro.elpmaxe.1vrs',
  '<script>alert(1)</script>',
  '"; DROP TABLE nodes; --',
  '${process.exit()}',
  '.',
  '..',
  'a..b',
  '-srv.example.com',
  'srv1.example.com.',
  'SRV1.example.com',
  'srv1.example.com',
  'localhost',
  '😀.example.com',
  'x'.repeat(300),
  `${'a'.repeat(64)}.example.com`,
];

const hostile = fc.constantFrom(...HOSTILE_STRINGS);
const hostname = fc.oneof(hostile, fc.domain(), fc.string(), fc.string({ unit: 'binary', maxLength: 20 }));
const roleId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ROLE_IDS) },
  { weight: 1, arbitrary: hostile },
  { weight: 1, arbitrary: fc.constantFrom('MTA', 'mta ', 'unknown-role', 'video-recording', 'event-streaming') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const roles = fc.oneof(
  fc.array(roleId, { maxLength: 10 }), // duplicates and unknown ids
  fc.shuffledSubarray([...ROLE_IDS]), // a random subset of the catalog
);
const nodeId = fc.oneof(fc.constantFrom('n1', 'n2', 'n3'), hostile.filter((s) => s.length > 0), fc.string({ minLength: 1, maxLength: 6 }));
const size = fc.double({ min: 0, max: 1e6, noNaN: true });
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true });

const planNode: fc.Arbitrary<PlanNode> = fc.record(
  {
    id: nodeId,
    hostname,
    roles,
    privateIp: fc.oneof(fc.ipV4(), hostile),
    publicIp: fc.oneof(fc.ipV4(), hostile),
    zone: fc.constantFrom('lan', 'dmz'),
    os: fc.string({ maxLength: 10 }),
    resources: fc.record({ vcpu: size, ramGb: size, diskGb: size }, { requiredKeys: [] }),
    position: fc.record({ x: coordinate, y: coordinate }),
  },
  { requiredKeys: ['id', 'hostname', 'roles'] },
);

const plan: fc.Arbitrary<Plan> = fc.record(
  {
    format: fc.constant(PLAN_FORMAT),
    version: fc.constant(CURRENT_PLAN_VERSION),
    name: fc.oneof(fc.string(), hostile),
    edition: fc.constantFrom(...EDITIONS),
    webmailHostname: hostname,
    nodes: fc.array(planNode, { maxLength: 8 }),
  },
  { requiredKeys: ['format', 'version', 'name', 'edition', 'nodes'] },
);

/** A plan whose nodes also share hostnames and ids, to exercise the duplicate rules. */
const planWithDuplicates: fc.Arbitrary<Plan> = fc
  .tuple(plan, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }))
  .map(([p, copies]) => {
    if (p.nodes.length === 0) return p;
    const nodes = p.nodes.slice();
    for (const [from, to] of copies) {
      const source = nodes[from % nodes.length]!;
      const at = to % nodes.length;
      nodes[at] = to % 2 === 0 ? { ...nodes[at]!, hostname: source.hostname } : { ...nodes[at]!, id: source.id };
    }
    return { ...p, nodes };
  });

describe('random valid plans', () => {
  it('are let in by the loader unchanged', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const result = loadPlanValue(p);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        expect(result.plan).toEqual(p);
      }),
      { numRuns: 150 },
    );
  });

  it('validate never throws, never mutates, and gives well-formed diagnostics', () => {
    fc.assert(
      fc.property(fc.oneof(plan, planWithDuplicates), (p) => {
        checkValidation(p);
      }),
      { numRuns: 300 },
    );
  });

  it('validate is deterministic: same plan, or an equal copy, gives the same diagnostics', () => {
    fc.assert(
      fc.property(planWithDuplicates, (p) => {
        const first = validate(p, getCatalog(p.edition));
        const again = validate(p, getCatalog(p.edition));
        const onCopy = validate(structuredClone(p), getCatalog(p.edition));
        expect(again).toEqual(first);
        expect(onCopy).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('validate works against either catalog, whatever the plan says its edition is', () => {
    fc.assert(
      fc.property(plan, fc.constantFrom(...EDITIONS), (p, edition) => {
        deepFreeze(p);
        expect(() => validate(p, getCatalog(edition))).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('every quick fix applies without throwing and leaves a plan the loader accepts', () => {
    fc.assert(
      fc.property(planWithDuplicates, (p) => {
        for (const d of checkValidation(p)) {
          if (!d.fix) continue;
          expect(d.fix.label.trim()).not.toBe('');
          const fixed = applyCommands(p, d.fix.commands);
          const reloaded = loadPlanValue(JSON.parse(JSON.stringify(fixed)));
          if (!reloaded.ok) throw new Error(`fix of ${d.rule} breaks the plan: ${JSON.stringify(reloaded.problems)}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});
