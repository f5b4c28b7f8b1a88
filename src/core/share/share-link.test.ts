import fc from 'fast-check';
import type { Plan } from '../plan/schema';
import { PLAN_TEMPLATES } from '../templates';
import { templatePlan } from '../test-support/plan-builder';
import { decodeSharedPlan, encodeSharedPlan, shareFragment, sharedPlanData } from './share-link';


describe('share links', () => {
  it.each(PLAN_TEMPLATES.map((t) => t.id))('round-trips the %s template', (id) => {
    const plan = templatePlan(id);
    const fragment = shareFragment(plan);
    const data = sharedPlanData(fragment);
    expect(data).toBeDefined();
    const decoded = decodeSharedPlan(data!);
    expect(decoded).toEqual({ ok: true, plan });
  });

  it('keeps the five-node example link under 1,000 characters', () => {
    for (const id of ['ce-five-nodes', 'carbonio-five-nodes']) {
      const url = `https://designer.example.com/${shareFragment(templatePlan(id))}`;
      expect(url.length).toBeLessThan(1000);
    }
  });

  it('uses only URL-safe characters', () => {
    expect(encodeSharedPlan(templatePlan('ce-single-server'))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('finds the plan among other fragment parameters, and nothing when absent', () => {
    expect(sharedPlanData('#view=1&plan=abc')).toBe('abc');
    expect(sharedPlanData('#view=1')).toBeUndefined();
    expect(sharedPlanData('')).toBeUndefined();
  });

  it('a truncated link gives a clear problem, not an exception', () => {
    const data = encodeSharedPlan(templatePlan('ce-five-nodes'));
    for (const cut of [1, 10, data.length / 2, data.length - 3]) {
      const result = decodeSharedPlan(data.slice(0, Math.floor(cut)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.message).toMatch(/share link cannot be read|not valid JSON|expected/);
    }
  });

  it('a link with foreign characters says so', () => {
    const result = decodeSharedPlan('abc$%^');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toContain('characters a share link never has');
  });

  it('a link that decodes to something else than a plan goes through the loader', () => {
    const result = decodeSharedPlan(encodeSharedPlan({ ...templatePlan('ce-single-server'), version: 9 } as unknown as Plan));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/newer version/);
  });

  it('never throws on random input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => decodeSharedPlan(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips plans with any unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (name, host) => {
        const plan: Plan = { ...templatePlan('ce-single-server'), name };
        plan.nodes = [{ ...plan.nodes[0]!, hostname: host }];
        const decoded = decodeSharedPlan(encodeSharedPlan(plan));
        // JSON cannot carry lone surrogates faithfully; everything else must survive.
        if (decoded.ok) expect(decoded.plan.nodes[0]!.hostname.length).toBe(host.length);
        else throw new Error(decoded.problems[0]!.message);
      }),
      { numRuns: 200 },
    );
  });
});
