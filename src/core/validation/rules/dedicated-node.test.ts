import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'dedicated-node';

describe('dedicated-node', () => {
  it('passes a Single-Server, where everything shares the one node', () => {
    expect(diagnose(makePlan([['srv1.example.com', [...CORE_ROLES, 'files']]]), RULE)).toEqual([]);
  });

  it.each(['ce', 'carbonio'] as const)('passes a Multi-Server where each red box has its own node (%s)', (edition) => {
    const plan = makePlan(
      [
        // Database and Monitoring are not red boxes: they may join Mesh & Directory.
        ['srv1.example.com', ['mesh-directory', 'database', 'monitoring']],
        ['srv2.example.com', ['mta']],
        ['srv3.example.com', ['proxy', 'files-ui']],
        ['srv4.example.com', ['mailstore', 'tasks']],
      ],
      edition,
    );
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('warns (never errs) about MTA and Proxy sharing a node, as in the docs five-node scenario', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy']],
      ['srv3.example.com', ['mailstore']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'], roleId: 'proxy' });
    expect(d!.message).toContain('MTA AV/AS and Proxy share srv2.example.com');
  });

  it('names every red box on a crowded node, one warning per node', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy']],
      ['srv2.example.com', ['mailstore', 'mta']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.nodeIds)).toEqual([['n1'], ['n2']]);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found[0]!.message).toContain('Mesh & Directory, MTA AV/AS and Proxy share srv1.example.com');
    expect(found[1]!.message).toContain('MTA AV/AS and Mailstore & Provisioning share srv2.example.com');
  });
});
