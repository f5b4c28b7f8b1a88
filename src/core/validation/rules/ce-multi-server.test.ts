import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'ce-multi-server';

const threeNodes = [
  ['srv1.example.com', ['mesh-directory', 'database']],
  ['srv2.example.com', ['mta', 'proxy']],
  ['srv3.example.com', ['mailstore']],
] as const;

describe('ce-multi-server', () => {
  it('passes a CE Single-Server (the only layout the CE guide documents since 26.x)', () => {
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES]], 'ce'), RULE)).toEqual([]);
  });

  it('passes a commercial Multi-Server', () => {
    expect(diagnose(makePlan(threeNodes, 'carbonio'), RULE)).toEqual([]);
  });

  it('notes, as an info only, that a CE Multi-Server is no longer documented upstream', () => {
    const found = diagnose(makePlan(threeNodes, 'ce'), RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'info', nodeIds: [] });
    expect(d!.roleId).toBeUndefined();
    expect(d!.message).toContain('Carbonio CE plan has 3 nodes');
    expect(d!.message).toContain('26.x');
    expect(d!.fix).toBeUndefined();
  });
});
