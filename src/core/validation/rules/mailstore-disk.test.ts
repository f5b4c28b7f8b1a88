import { describe, expect, it } from 'vitest';
import type { Plan } from '../../plan/schema';
import { applyFix, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'mailstore-disk';

function plan(disks: (number | undefined)[], sizing: Plan['sizing']): Plan {
  return {
    ...makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy']],
      ...disks.map(
        (diskGb, i) => [`ms${i + 1}.example.com`, ['mailstore'], diskGb === undefined ? {} : { resources: { vcpu: 4, diskGb } }] as const,
      ),
    ]),
    ...(sizing ? { sizing } : {}),
  };
}

describe('mailstore-disk', () => {
  it('passes the docs example: 20 users × 10 GB on one node with 250 GB', () => {
    expect(diagnose(plan([250], { accounts: 20, mailboxQuotaGb: 10 }), RULE)).toEqual([]);
  });

  it('says nothing without accounts and quota, or when a Mailstore node gives no disk', () => {
    expect(diagnose(plan([10], undefined), RULE)).toEqual([]);
    expect(diagnose(plan([10], { accounts: 20 }), RULE)).toEqual([]);
    expect(diagnose(plan([10], { mailboxQuotaGb: 10 }), RULE)).toEqual([]);
    expect(diagnose(plan([10, undefined], { accounts: 20, mailboxQuotaGb: 10 }), RULE)).toEqual([]);
  });

  it('warns when one Mailstore has less; the fix sets its disk and keeps its other resources', () => {
    const p = plan([200], { accounts: 20, mailboxQuotaGb: 10 });
    const [d, ...rest] = diagnose(p, RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'], roleId: 'mailstore' });
    expect(d!.message).toContain('ms1.example.com has 200 GB of disk; for 20 accounts × 10 GB the docs\' rule gives about 250 GB');
    const fixed = applyFix(p, d!);
    expect(fixed.nodes[1]!.resources).toEqual({ vcpu: 4, diskGb: 250 });
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('compares the total over several Mailstores (50 GB each plus the data), and the fix splits evenly', () => {
    // 150 × 5 = 750 GB of mail + 2 × 50 → 850 GB needed.
    expect(diagnose(plan([500, 350], { accounts: 150, mailboxQuotaGb: 5 }), RULE)).toEqual([]);
    const p = plan([500, 300], { accounts: 150, mailboxQuotaGb: 5 });
    const [d] = diagnose(p, RULE);
    expect(d!.nodeIds).toEqual(['n2', 'n3']);
    expect(d!.message).toContain('The 2 Mailstore nodes have 800 GB of disk in total');
    expect(d!.message).toContain('about 850 GB');
    const fixed = applyFix(p, d!);
    expect(fixed.nodes.slice(1).map((n) => n.resources?.diskGb)).toEqual([500, 425]);
    expect(diagnose(fixed, RULE)).toEqual([]);
  });
});
