import { describe, expect, it } from 'vitest';
import { diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'mesh-server-count';

describe('mesh-server-count', () => {
  it.each(['ce', 'carbonio'] as const)('passes with 1 or 3 Mesh servers (%s)', (edition) => {
    const one = makePlan([['srv1.example.com', ['mesh-directory']], ['srv2.example.com', ['proxy']]], edition);
    expect(diagnose(one, RULE)).toEqual([]);
    const three = makePlan(
      [
        ['srv1.example.com', ['mesh-directory']],
        ['srv2.example.com', ['mesh-server', 'proxy']],
        ['srv3.example.com', ['mesh-server']],
      ],
      edition,
    );
    expect(diagnose(three, RULE)).toEqual([]);
  });

  it('leaves a plan without any Mesh server to core-required', () => {
    expect(diagnose(makePlan([['srv1.example.com', ['proxy']]]), RULE)).toEqual([]);
  });

  it('counts a node holding both mesh roles as one Mesh server', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-directory', 'mesh-server']], ['srv2.example.com', ['mta']]]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it.each(['ce', 'carbonio'] as const)('reports 2 Mesh servers as an error naming both (%s)', (edition) => {
    const plan = makePlan(
      [
        ['srv1.example.com', ['mesh-directory']],
        ['srv2.example.com', ['proxy']],
        ['srv3.example.com', ['mesh-server']],
      ],
      edition,
    );
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n1', 'n3'], roleId: 'mesh-server' });
    expect(found[0]!.message).toContain('2 Carbonio Mesh servers');
    expect(found[0]!.message).toContain('srv1.example.com and srv3.example.com');
    expect(found[0]!.message).toContain('exactly 1 or 3');
    expect(found[0]!.message).toContain('third node');
  });

  it.each([
    [4, 'Remove 1 of them'],
    [5, 'Remove 2 of them'],
  ])('reports %i Mesh servers (older docs allowed odd numbers, the installer does not)', (count, advice) => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory']],
      ...Array.from({ length: count - 1 }, (_, i) => [`mesh${i + 2}.example.com`, ['mesh-server']] as const),
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.nodeIds).toHaveLength(count);
    expect(found[0]!.message).toContain(`${count} Carbonio Mesh servers`);
    expect(found[0]!.message).toContain(advice);
    expect(found[0]!.message).toContain(`mesh${count}.example.com`);
  });
});
