import { describe, expect, it } from 'vitest';
import { diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'duplicate-node-id';

describe('duplicate-node-id', () => {
  it('passes when every node has its own id', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory'], { id: 'srv1' }],
      ['srv2.example.com', ['proxy'], { id: 'SRV1' }],
      ['srv3.example.com', ['mta']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('reports nodes sharing an id, naming each of them', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory'], { id: 'x' }],
      ['srv2.example.com', ['proxy']],
      ['srv3.example.com', ['mta'], { id: 'x' }],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['x'] });
    expect(d!.message).toContain('2 nodes have the id "x"');
    expect(d!.message).toContain('srv1.example.com and srv3.example.com');
    expect(d!.message).not.toContain('srv2.example.com');
    expect(d!.fix).toBeUndefined();
  });

  it('labels nodes without a hostname by their id', () => {
    const plan = makePlan([
      ['', ['mesh-directory'], { id: 'dup' }],
      ['srv2.example.com', ['proxy'], { id: 'dup' }],
      ['', ['mta'], { id: 'dup' }],
    ]);
    const [d] = diagnose(plan, RULE);
    expect(d!.message).toContain('3 nodes have the id "dup" (node "dup", srv2.example.com and node "dup")');
  });
});
