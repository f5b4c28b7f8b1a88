import { describe, expect, it } from 'vitest';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'legacy-role';

describe('legacy-role', () => {
  it('passes a commercial plan without the Database Connector', () => {
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES]], 'carbonio'), RULE)).toEqual([]);
  });

  it('leaves the Database Connector alone in CE (the 2024 CE docs still had it)', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'db-connection']],
      ['srv2.example.com', ['mta', 'proxy', 'mailstore']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('warns about the Database Connector in a commercial plan, with a fix that removes it', () => {
    const plan = makePlan(
      [
        ['srv1.example.com', ['mesh-directory', 'database']],
        ['srv2.example.com', ['mta', 'proxy', 'mailstore', 'db-connection']],
      ],
      'carbonio',
    );
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'], roleId: 'db-connection' });
    expect(d!.message).toContain('Database Connector (PgPool-II) on srv2.example.com');
    expect(d!.message).toContain('Nov 2024');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[1]!.roles).toEqual(['mta', 'proxy', 'mailstore']);
  });
});
