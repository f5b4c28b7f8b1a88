import { describe, expect, it } from 'vitest';
import { planSchema } from '../plan/schema';
import { applyFix, deepFreeze, diagnose, makePlan } from './plan-builder';

describe('plan-builder', () => {
  it('builds a schema-valid plan with ids n1..nN, honouring extras', () => {
    const plan = makePlan(
      [
        ['srv1.example.com', ['mesh-directory']],
        ['srv2.example.com', ['proxy'], { id: 'custom', resources: { ramGb: 8 } }],
        ['srv3.example.com', []],
      ],
      'carbonio',
    );
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(plan.edition).toBe('carbonio');
    expect(plan.nodes.map((n) => n.id)).toEqual(['n1', 'custom', 'n3']);
    expect(plan.nodes[1]!.resources).toEqual({ ramGb: 8 });
    expect(makePlan([]).edition).toBe('ce');
  });

  it('copies role lists, so editing the plan never touches the spec', () => {
    const roles = ['mta'];
    const plan = makePlan([['srv1.example.com', roles]]);
    plan.nodes[0]!.roles.push('proxy');
    expect(roles).toEqual(['mta']);
  });

  it('applyFix refuses a diagnostic without a fix', () => {
    const [d] = diagnose(makePlan([]), 'core-required');
    expect(() => applyFix(makePlan([]), d!)).toThrow(/no fix/);
  });

  it('deepFreeze freezes nested objects and arrays', () => {
    const value = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
  });
});
