import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'pgpool-suggested';

const threeNodes = [
  ['srv1.example.com', ['mesh-directory', 'mta']],
  ['db.example.com', ['database']],
  ['srv3.example.com', ['proxy', 'mailstore']],
] as const;

describe('pgpool-suggested', () => {
  it('passes a CE Multi-Server that already has the Database Connector', () => {
    const plan = makePlan([...threeNodes, ['pool.example.com', ['db-connection']]]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('stays silent for a CE Single-Server, a commercial plan, or a plan without Database', () => {
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES]], 'ce'), RULE)).toEqual([]);
    expect(diagnose(makePlan(threeNodes, 'carbonio'), RULE)).toEqual([]);
    const noDatabase = makePlan([
      ['srv1.example.com', ['mesh-directory', 'mta']],
      ['srv2.example.com', ['proxy', 'mailstore']],
    ]);
    expect(diagnose(noDatabase, RULE)).toEqual([]);
  });

  it('suggests PgPool-II in a CE Multi-Server, as an info naming the Database node', () => {
    const found = diagnose(makePlan(threeNodes, 'ce'), RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'info', nodeIds: [], roleId: 'db-connection' });
    expect(d!.message).toContain('PgPool-II');
    expect(d!.message).toContain('Database on db.example.com');
    expect(d!.fix).toBeUndefined();
  });
});
