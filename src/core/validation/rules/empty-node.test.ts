import { describe, expect, it } from 'vitest';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'empty-node';

describe('empty-node', () => {
  it('passes when every node holds a role', () => {
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES]]), RULE)).toEqual([]);
  });

  it('warns about a node with no role, and its fix deletes the node', () => {
    const plan = makePlan([
      ['srv1.example.com', CORE_ROLES],
      ['spare.example.com', []],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'] });
    expect(d!.roleId).toBeUndefined();
    expect(d!.message).toContain('spare.example.com has no role');
    expect(d!.fix!.label).toContain('spare.example.com');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.map((n) => n.id)).toEqual(['n1']);
  });

  it('labels a nameless empty node by its id', () => {
    const [d] = diagnose(makePlan([['srv1.example.com', CORE_ROLES], ['', []]]), RULE);
    expect(d!.message).toContain('node "n2" has no role');
  });
});
