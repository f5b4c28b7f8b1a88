import { describe, expect, it } from 'vitest';
import { diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'duplicate-hostname';

describe('duplicate-hostname', () => {
  it('passes distinct hostnames, and does not pair up blank ones (hostname-fqdn reports those)', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory']],
      ['srv2.example.com', ['proxy']],
      ['', ['mta']],
      ['  ', ['mailstore']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('reports two nodes with the same hostname, naming it and both ids', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory']],
      ['srv2.example.com', ['proxy']],
      ['srv1.example.com', ['mta']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n1', 'n3'] });
    expect(d!.message).toContain('2 nodes are named srv1.example.com');
    expect(d!.message).toContain('ids n1 and n3');
    expect(d!.fix).toBeUndefined();
  });

  it('compares hostnames as DNS does: without case, surrounding blanks or a trailing dot', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory']],
      ['SRV1.Example.com.', ['proxy']],
      [' srv1.example.com ', ['mta']],
      ['srv10.example.com', ['mailstore']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.nodeIds).toEqual(['n1', 'n2', 'n3']);
    expect(found[0]!.message).toContain('3 nodes');
  });

  it('reports each group of duplicates separately', () => {
    const plan = makePlan([
      ['a.example.com', ['mesh-directory']],
      ['b.example.com', ['proxy']],
      ['a.example.com', ['mta']],
      ['b.example.com', ['mailstore']],
    ]);
    expect(diagnose(plan, RULE).map((d) => d.nodeIds)).toEqual([
      ['n1', 'n3'],
      ['n2', 'n4'],
    ]);
  });
});
