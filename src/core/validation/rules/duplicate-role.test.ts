import { describe, expect, it } from 'vitest';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'duplicate-role';

describe('duplicate-role', () => {
  it('passes when no node lists a role twice, even if several nodes share a role', () => {
    const plan = makePlan([
      ['srv1.example.com', [...CORE_ROLES]],
      ['srv2.example.com', ['mta', 'proxy', 'mailstore']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('reports a role listed twice on a node, and its fix keeps exactly one', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy', 'mta', 'mailstore']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n2'], roleId: 'mta' });
    expect(d!.message).toContain('MTA AV/AS is listed 2 times on srv2.example.com');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[1]!.roles.filter((r) => r === 'mta')).toHaveLength(1);
    expect(fixed.nodes[1]!.roles).toEqual(expect.arrayContaining(['mta', 'proxy', 'mailstore']));
  });

  it('reports a role listed three times once, and the fix removes both extras', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'files', 'files', 'files']]]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Files is listed 3 times');
    expect(found[0]!.fix!.commands).toHaveLength(2);
    const fixed = applyFix(plan, found[0]!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[0]!.roles.filter((r) => r === 'files')).toEqual(['files']);
  });

  it('reports each duplicated role on its own', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'proxy', 'database']]]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.roleId).sort()).toEqual(['database', 'proxy']);
    expect(diagnose(found.reduce(applyFix, plan), RULE)).toEqual([]);
  });

  it('names an unknown role by its raw id', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'zimbra', 'zimbra']]]);
    const [d] = diagnose(plan, RULE);
    expect(d).toMatchObject({ roleId: 'zimbra', nodeIds: ['n1'] });
    expect(d!.message).toContain('zimbra is listed 2 times on srv1.example.com');
  });
});
