import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'capacity-exceeded';
const single = (edition: 'ce' | 'carbonio', accounts?: number) => ({
  ...makePlan([['srv1.example.com', [...CORE_ROLES]]], edition),
  ...(accounts === undefined ? {} : { sizing: { accounts } }),
});

describe('capacity-exceeded', () => {
  it('passes a commercial Single-Server up to 500 accounts, or without sizing', () => {
    expect(diagnose(single('carbonio'), RULE)).toEqual([]);
    expect(diagnose(single('carbonio', 500), RULE)).toEqual([]);
  });

  it('warns for a commercial Single-Server above 500 accounts', () => {
    const [d, ...rest] = diagnose(single('carbonio', 501), RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n1'] });
    expect(d!.message).toContain('sized for 501 accounts, but the docs say a commercial Single-Server supports up to 500');
  });

  it('says nothing where the docs give no hard figure: CE, or a Multi-Server', () => {
    expect(diagnose(single('ce', 5000), RULE)).toEqual([]);
    const multi = {
      ...makePlan(
        [
          ['srv1.example.com', ['mesh-directory', 'database']],
          ['srv2.example.com', ['mta', 'proxy', 'mailstore']],
        ],
        'carbonio',
      ),
      sizing: { accounts: 100000 },
    };
    expect(diagnose(multi, RULE)).toEqual([]);
  });
});
