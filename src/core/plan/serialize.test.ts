import fc from 'fast-check';
import { PLAN_TEMPLATES } from '../templates';
import { planArbitrary } from '../test-support/plan-arbitrary';
import { loadPlan, loadPlanValue } from './loader';
import { serializePlan } from './serialize';

describe('plan JSON', () => {
  it.each(PLAN_TEMPLATES.map((t) => t.id))('%s: export → import → export gives identical bytes', (id) => {
    const loaded = loadPlanValue(PLAN_TEMPLATES.find((t) => t.id === id)!.document);
    if (!loaded.ok) throw new Error('template must load');
    const text = serializePlan(loaded.plan);
    const again = loadPlan(text);
    if (!again.ok) throw new Error(again.problems[0]!.message);
    expect(serializePlan(again.plan)).toBe(text);
    expect(again.plan).toEqual(loaded.plan);
  });

  it('writes keys in a stable order whatever the order in the input', () => {
    const text = serializePlan({
      nodes: [{ roles: ['proxy'], hostname: 'a.example.com', id: 'a', position: { y: 2, x: 1 } }],
      edition: 'ce',
      name: 'n',
      version: 1,
      format: 'carbonio-plan',
    });
    expect(text).toBe(
      '{\n  "format": "carbonio-plan",\n  "version": 1,\n  "name": "n",\n  "edition": "ce",\n  "nodes": [\n    {\n      "id": "a",\n      "hostname": "a.example.com",\n      "roles": [\n        "proxy"\n      ],\n      "position": {\n        "x": 1,\n        "y": 2\n      }\n    }\n  ]\n}\n',
    );
  });

  it('round-trips any plan: load(serialize(p)) serialises to the same bytes', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const text = serializePlan(plan);
        const loaded = loadPlan(text);
        if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
        expect(serializePlan(loaded.plan)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
