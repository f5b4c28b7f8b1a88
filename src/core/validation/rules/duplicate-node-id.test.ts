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
    expect(d!.fix?.commands).toEqual([{ type: 'reassign-duplicate-ids' }]);
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

describe('duplicate-node-id fix', () => {
  it('gives the later nodes fresh ids, so every node can be drawn and edited', async () => {
    const { applyCommands } = await import('../../commands/commands');
    const { makePlan, validatePlan } = await import('../../test-support/plan-builder');
    const plan = makePlan([
      ['a.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'], { id: 'x' }],
      ['b.example.com', [], { id: 'x' }],
      ['c.example.com', [], { id: 'x' }],
    ]);
    const diagnostic = validatePlan(plan).find((d) => d.rule === 'duplicate-node-id')!;
    const fixed = applyCommands(plan, diagnostic.fix!.commands);
    expect(fixed.nodes.map((n) => n.hostname)).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
    expect(new Set(fixed.nodes.map((n) => n.id)).size).toBe(3);
    expect(fixed.nodes[0]!.id).toBe('x');
    expect(validatePlan(fixed).some((d) => d.rule === 'duplicate-node-id')).toBe(false);
  });
});
