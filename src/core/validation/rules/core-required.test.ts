import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'core-required';

/** Names of the core roles as the docs write them (domain §2). */
const CORE_NAMES: Record<(typeof CORE_ROLES)[number], string> = {
  'mesh-directory': 'Mesh & Directory',
  database: 'Database',
  mta: 'MTA AV/AS',
  proxy: 'Proxy',
  mailstore: 'Mailstore & Provisioning',
};

describe('core-required', () => {
  it.each(['ce', 'carbonio'] as const)('passes when every core role is on some node (%s)', (edition) => {
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES]], edition), RULE)).toEqual([]);
    const spread = makePlan(
      [
        ['srv1.example.com', ['mesh-directory', 'database']],
        ['srv2.example.com', ['mta', 'proxy']],
        ['srv3.example.com', ['mailstore']],
      ],
      edition,
    );
    expect(diagnose(spread, RULE)).toEqual([]);
  });

  it.each(CORE_ROLES)('reports a missing %s as a plan-wide error', (missing) => {
    const plan = makePlan([['srv1.example.com', CORE_ROLES.filter((r) => r !== missing)]]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: [], roleId: missing });
    expect(d!.message).toContain(CORE_NAMES[missing]);
    expect(d!.message).toContain(`(${missing})`);
    expect(d!.fix).toBeUndefined();
  });

  it.each(['ce', 'carbonio'] as const)('reports each of the five core roles when the plan has none (%s)', (edition) => {
    const found = diagnose(makePlan([['srv1.example.com', ['files', 'monitoring']]], edition), RULE);
    expect(found.map((d) => d.roleId).sort()).toEqual([...CORE_ROLES].sort());
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('does not count non-core roles as core', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-server', 'directory-replica', 'db-connection', 'files-ui']]]);
    expect(diagnose(plan, RULE)).toHaveLength(5);
  });
});
