import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog/catalog';
import { EDITIONS, ROLE_IDS } from '../catalog/role-ids';
import { loadPlanValue } from '../plan/loader';
import type { Plan } from '../plan/schema';
import { PLAN_TEMPLATES } from '../templates';
import { CORE_ROLES, deepFreeze, makePlan, validatePlan } from '../test-support/plan-builder';
import type { Diagnostic } from './diagnostic';
import { SEVERITIES } from './diagnostic';
import type { Rule } from './rule';
import { RULES } from './rules';
import { countBySeverity, validate } from './validate';

const RULES_DIR = new URL('./rules/', import.meta.url);

/** A plan that trips rules of every severity, on several nodes, in no particular order. */
function messyPlan(): Plan {
  return makePlan([
    ['srv1', ['mesh-directory', 'database', 'directory-replica', 'mta', 'proxy']],
    ['srv2.example.com', ['files-ui', 'proxy', 'proxy', 'kafka'], { resources: { vcpu: 2, ramGb: 4 } }],
    ['', []],
    ['srv2.example.com', ['docs', 'video-server', 'chats', 'video-recording']],
    ['srv5.example.com', ['mesh-server', 'docs', 'tasks-ui']],
  ]);
}

const severityRank = (d: Diagnostic) => SEVERITIES.indexOf(d.severity);

/** Plans made of random roles (catalog ids plus a few unknown ones) and random hostnames. */
const arbitraryPlan: fc.Arbitrary<Plan> = fc
  .record({
    edition: fc.constantFrom(...EDITIONS),
    nodes: fc.array(
      fc.record({
        hostname: fc.constantFrom('', 'srv1', 'srv1.example.com', 'SRV1.example.com.', 'srv2.example.com', '10.0.0.1', 'bad_name.example'),
        roles: fc.array(fc.constantFrom(...ROLE_IDS, 'kafka', 'Proxy'), { maxLength: 8 }),
        id: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
        resources: fc.option(
          fc.record({ vcpu: fc.integer({ min: 0, max: 16 }), ramGb: fc.integer({ min: 0, max: 64 }) }, { requiredKeys: [] }),
          { nil: undefined },
        ),
      }),
      { maxLength: 7 },
    ),
  })
  .map(({ edition, nodes }) =>
    makePlan(
      nodes.map((n) => [n.hostname, n.roles, { ...(n.id ? { id: n.id } : {}), ...(n.resources ? { resources: n.resources } : {}) }] as const),
      edition,
    ),
  );

describe('validate', () => {
  describe('documented templates (domain §5)', () => {
    it('has templates of both editions', () => {
      const editions = new Set(PLAN_TEMPLATES.map((t) => (t.document as { edition?: string }).edition));
      expect([...editions].sort()).toEqual(['carbonio', 'ce']);
    });

    it.each(PLAN_TEMPLATES.map((t) => [t.id, t] as const))('%s loads and validates with zero errors', (_id, template) => {
      const loaded = loadPlanValue(template.document);
      if (!loaded.ok) throw new Error(`template does not load: ${JSON.stringify(loaded.problems)}`);
      expect(loaded.migratedFrom).toBeUndefined();
      const diagnostics = validate(loaded.plan, getCatalog(loaded.plan.edition));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    });
  });

  it.each(PLAN_TEMPLATES.map((t) => [t.id, t] as const))('%s trips none of the network and capacity rules', (_id, template) => {
    const loaded = loadPlanValue(template.document);
    if (!loaded.ok) throw new Error('template does not load');
    const network = ['service-unserved', 'public-exposure', 'internal-in-dmz', 'admin-exposed', 'plain-protocols', 'capacity-exceeded', 'mailstore-disk'];
    expect(validatePlan(loaded.plan).filter((d) => network.includes(d.rule))).toEqual([]);
  });

  it('gives exactly the five core-required errors for an empty plan', () => {
    for (const edition of EDITIONS) {
      const diagnostics = validatePlan(makePlan([], edition));
      expect(diagnostics).toHaveLength(5);
      expect(diagnostics.every((d) => d.rule === 'core-required' && d.severity === 'error')).toBe(true);
      expect(diagnostics.map((d) => d.roleId).sort()).toEqual([...CORE_ROLES].sort());
    }
  });

  it('gives no diagnostic at all for a clean commercial Single-Server', () => {
    const plan = makePlan([['srv1.example.com', CORE_ROLES, { resources: { vcpu: 8, ramGb: 24, diskGb: 100 } }]], 'carbonio');
    expect(validatePlan(plan)).toEqual([]);
  });

  describe('ordering', () => {
    it('puts errors first, then warnings, then infos', () => {
      const diagnostics = validatePlan(messyPlan());
      const counts = countBySeverity(diagnostics);
      // The fixture must exercise every severity, or this test proves nothing.
      expect(counts.error).toBeGreaterThan(0);
      expect(counts.warning).toBeGreaterThan(0);
      expect(counts.info).toBeGreaterThan(0);
      const ranks = diagnostics.map(severityRank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });

    it('within a severity, puts plan-wide findings first, then follows plan order of the first node', () => {
      const plan = messyPlan();
      const position = (d: Diagnostic) => (d.nodeIds.length === 0 ? -1 : plan.nodes.findIndex((n) => n.id === d.nodeIds[0]));
      const diagnostics = validatePlan(plan);
      for (let i = 1; i < diagnostics.length; i++) {
        const [a, b] = [diagnostics[i - 1]!, diagnostics[i]!];
        if (a.severity !== b.severity) continue;
        expect(position(a)).toBeLessThanOrEqual(position(b));
        if (position(a) === position(b)) expect(a.rule <= b.rule).toBe(true);
      }
    });

    it('sorts by severity, first node, rule id, role, then message, whatever order rules emit in', () => {
      const plan = makePlan([
        ['srv1.example.com', ['mta']],
        ['srv2.example.com', ['proxy']],
      ]);
      const d = (rule: string, severity: Diagnostic['severity'], nodeIds: string[], roleId: string | undefined, message: string): Diagnostic => ({
        rule,
        severity,
        nodeIds,
        message,
        source: 'test',
        ...(roleId ? { roleId } : {}),
      });
      const expected = [
        d('z', 'error', [], 'mta', 'plan-wide'),
        d('a', 'error', ['n1'], undefined, 'm'),
        d('b', 'error', ['n1'], 'mta', 'a message'),
        d('b', 'error', ['n1'], 'mta', 'b message'),
        d('b', 'error', ['n1'], 'proxy', 'a message'),
        d('a', 'error', ['n2', 'n1'], undefined, 'm'),
        d('a', 'warning', [], undefined, 'm'),
        d('a', 'info', ['n1'], undefined, 'm'),
      ];
      const emitting = (diagnostics: Diagnostic[]): Rule => ({ id: 'synthetic', summary: 'test', check: () => [...diagnostics] });
      const catalog = getCatalog('ce');
      expect(validate(plan, catalog, [emitting([...expected].reverse())])).toEqual(expected);
      const odd = expected.filter((_, i) => i % 2 === 1);
      const even = expected.filter((_, i) => i % 2 === 0);
      expect(validate(plan, catalog, [emitting(odd), emitting(even)])).toEqual(expected);
    });

    it('holds for random plans', () => {
      fc.assert(
        fc.property(arbitraryPlan, (plan) => {
          const ranks = validatePlan(plan).map(severityRank);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('determinism', () => {
    it('gives deep-equal output for the same input, and for a copy of it', () => {
      const plan = messyPlan();
      const first = validatePlan(plan);
      expect(first.length).toBeGreaterThan(5);
      expect(validatePlan(plan)).toEqual(first);
      expect(validatePlan(structuredClone(plan))).toEqual(first);
    });

    it('does not depend on the order the rules run in', () => {
      const catalog = getCatalog('ce');
      const plan = messyPlan();
      const expected = validate(plan, catalog, RULES);
      expect(validate(plan, catalog, [...RULES].reverse())).toEqual(expected);
      const rotated = [...RULES.slice(7), ...RULES.slice(0, 7)];
      expect(validate(plan, catalog, rotated)).toEqual(expected);
    });

    it('keeps no state between calls: validating A then B equals B then A', () => {
      const a = messyPlan();
      const b = makePlan(
        [
          ['srv1.example.com', ['mesh-directory', 'database']],
          ['srv2.example.com', ['mta', 'proxy', 'files-ui']],
          ['srv3.example.com', ['mailstore', 'files', 'video-server', 'video-recording']],
        ],
        'carbonio',
      );
      const aFirst = [validatePlan(a), validatePlan(b)];
      const bFirst = [validatePlan(b), validatePlan(a)].reverse();
      expect(bFirst).toEqual(aFirst);
    });

    it('holds for random plans, with the rules in any order', () => {
      fc.assert(
        fc.property(arbitraryPlan, fc.func(fc.integer()), (plan, key) => {
          const catalog = getCatalog(plan.edition);
          const shuffled = [...RULES].map((r, i) => [key(r.id, i), r] as const).sort((x, y) => x[0] - y[0]).map(([, r]) => r);
          expect(validate(plan, catalog, shuffled)).toEqual(validate(structuredClone(plan), catalog));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('purity', () => {
    it('does not mutate the plan (deep-frozen input)', () => {
      const plan = messyPlan();
      const snapshot = structuredClone(plan);
      deepFreeze(plan);
      expect(() => validatePlan(plan)).not.toThrow();
      expect(plan).toEqual(snapshot);
    });

    it('does not mutate random deep-frozen plans, nor the rule list', () => {
      const rules = deepFreeze([...RULES]);
      fc.assert(
        fc.property(arbitraryPlan, (plan) => {
          const snapshot = structuredClone(plan);
          deepFreeze(plan);
          validate(plan, getCatalog(plan.edition), rules);
          expect(plan).toEqual(snapshot);
        }),
        { numRuns: 200 },
      );
    });

    it('gives diagnostics that are valid: known severity, known rule, node ids of the plan', () => {
      const ids = new Set(RULES.map((r) => r.id));
      fc.assert(
        fc.property(arbitraryPlan, (plan) => {
          const nodeIds = new Set(plan.nodes.map((n) => n.id));
          for (const d of validatePlan(plan)) {
            expect(SEVERITIES).toContain(d.severity);
            expect(ids.has(d.rule)).toBe(true);
            expect(d.message.length).toBeGreaterThan(0);
            for (const id of d.nodeIds) expect(nodeIds.has(id)).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('rule registry', () => {
    const dir = fileURLToPath(RULES_DIR);
    const ruleFiles = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();

    it('finds the rule files', () => {
      expect(ruleFiles.length).toBeGreaterThan(0);
    });

    it('registers exactly one rule per file, with unique ids', () => {
      const ids = RULES.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ruleFiles);
    });

    it.each(ruleFiles)('%s: is registered under its file name, exported from it, and has a sibling test', async (name) => {
      const registered = RULES.find((r) => r.id === name);
      expect(registered, `no rule with id "${name}" in RULES`).toBeDefined();
      const module = (await import(`./rules/${name}.ts`)) as Record<string, unknown>;
      const exported = Object.values(module).filter((v): v is Rule => typeof v === 'object' && v !== null && 'check' in v);
      expect(exported).toEqual([registered]);
      expect(registered!.summary.length).toBeGreaterThan(0);
      expect(existsSync(fileURLToPath(new URL(`${name}.test.ts`, RULES_DIR))), `${name}.test.ts is missing`).toBe(true);
    });
  });
});
