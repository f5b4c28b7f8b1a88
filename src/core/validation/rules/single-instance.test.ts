import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'single-instance';

describe('single-instance', () => {
  it.each(['ce', 'carbonio'] as const)('passes when limited roles are on one node each (%s)', (edition) => {
    const plan = makePlan(
      [
        ['srv1.example.com', ['mesh-directory', 'database', 'monitoring', 'log-server', 'db-connection']],
        ['srv2.example.com', ['mta', 'proxy']],
        ['srv3.example.com', ['mailstore', 'files', 'docs']],
      ],
      edition,
    );
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it.each([
    ['mesh-directory', 'Mesh & Directory'],
    ['database', 'Database'],
    ['db-connection', 'Database Connector (PgPool-II)'],
    ['monitoring', 'Monitoring'],
    ['log-server', 'Log Server'],
  ])('reports %s on two nodes as an error, in both editions', (roleId, name) => {
    for (const edition of ['ce', 'carbonio'] as const) {
      const plan = makePlan(
        [
          ['srv1.example.com', [...CORE_ROLES, roleId]],
          ['srv2.example.com', ['mailstore']],
          ['srv3.example.com', [roleId]],
        ],
        edition,
      );
      const found = diagnose(plan, RULE);
      expect(found).toHaveLength(1);
      const [d] = found;
      expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n1', 'n3'], roleId });
      expect(d!.message).toContain(name);
      expect(d!.message).toContain('srv1.example.com');
      expect(d!.message).toContain('srv3.example.com');
      expect(d!.message).not.toContain('srv2.example.com');
    }
  });

  it('limits Docs to one instance in CE only (the commercial Redundant scenario has two)', () => {
    const nodes = [
      ['srv1.example.com', [...CORE_ROLES, 'files', 'docs']],
      ['srv2.example.com', ['docs']],
    ] as const;
    const ce = diagnose(makePlan(nodes, 'ce'), RULE);
    expect(ce).toHaveLength(1);
    expect(ce[0]).toMatchObject({ severity: 'error', roleId: 'docs', nodeIds: ['n1', 'n2'] });
    expect(ce[0]!.message).toContain('Docs & Editor');
    expect(ce[0]!.message).toMatch(/srv1\.example\.com and srv2\.example\.com/);
    expect(diagnose(makePlan(nodes, 'carbonio'), RULE)).toEqual([]);
  });

  it('leaves roles without a limit alone (several proxies, MTAs, mailstores)', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy', 'mailstore', 'preview']],
      ['srv3.example.com', ['mta', 'proxy', 'mailstore', 'preview']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('counts nodes, not entries: a role listed twice on one node is not two instances', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'monitoring', 'monitoring']]]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });
});
