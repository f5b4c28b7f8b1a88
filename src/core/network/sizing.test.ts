import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/schema';
import { CORE_ROLES, makePlan } from '../test-support/plan-builder';
import { COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS, formatGb, isCommercialSingleServer, OS_AND_CARBONIO_DISK_GB, sizingReport } from './sizing';

describe('sizingReport', () => {
  it('follows the docs example: 20 users × 10 GB → about 250 GB on one node', () => {
    const plan: Plan = { ...makePlan([['srv1.example.com', [...CORE_ROLES]]]), sizing: { accounts: 20, mailboxQuotaGb: 10 } };
    const report = sizingReport(plan);
    expect(report).toMatchObject({
      accounts: 20,
      quotaGb: 10,
      mailstoreNodeIds: ['n1'],
      mailboxDataGb: 200,
      mailstoreDiskGb: 250,
      perMailstoreNodeGb: 250,
      mailstorePlannedDiskGb: null,
    });
    expect(report.notes[0]).toContain('about 250 GB = 50 GB for OS and Carbonio on each of 1 Mailstore node + 20 accounts × 10 GB quota');
    expect(report.notes[0]).toContain('[domain §3 Resources]');
  });

  it('splits evenly across Mailstore nodes (an assumption) and totals the resources given', () => {
    const plan: Plan = {
      ...makePlan([
        ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy'], { resources: { vcpu: 8, ramGb: 16, diskGb: 100 } }],
        ['ms1.example.com', ['mailstore'], { resources: { vcpu: 4, ramGb: 16, diskGb: 500 } }],
        ['ms2.example.com', ['mailstore'], { resources: { ramGb: 16, diskGb: 300 } }],
      ]),
      sizing: { accounts: 150, mailboxQuotaGb: 5 },
    };
    const report = sizingReport(plan);
    expect(report.mailstoreDiskGb).toBe(850);
    expect(report.perMailstoreNodeGb).toBe(425);
    expect(report.mailstorePlannedDiskGb).toBe(800);
    expect(report.totals).toEqual({
      vcpu: { total: 12, nodesWithout: 1 },
      ramGb: { total: 48, nodesWithout: 0 },
      diskGb: { total: 900, nodesWithout: 0 },
    });
    expect(report.notes.some((n) => n.includes('about 425 GB') && n.includes('assumption'))).toBe(true);
    expect(report.notes).toContain('The Mailstore nodes have 800 GB of disk, below the estimate.');
    expect(report.notes).toContain('Totals count only the nodes that give a figure: 1 node without vCPU.');
  });

  it('gives nulls and a hint without accounts or quota', () => {
    for (const sizing of [undefined, { accounts: 10 }, { mailboxQuotaGb: 2 }]) {
      const plan: Plan = { ...makePlan([['srv1.example.com', [...CORE_ROLES]]]), ...(sizing ? { sizing } : {}) };
      const report = sizingReport(plan);
      expect(report.mailstoreDiskGb).toBeNull();
      expect(report.perMailstoreNodeGb).toBeNull();
      expect(report.notes[0]).toBe('Set the number of accounts and the mailbox quota to estimate the Mailstore disk.');
    }
  });

  it('without a Mailstore node: data only, no per-node figure', () => {
    const plan: Plan = { ...makePlan([['srv1.example.com', ['proxy']]]), sizing: { accounts: 10, mailboxQuotaGb: 1 } };
    const report = sizingReport(plan);
    expect(report.mailstoreDiskGb).toBe(10);
    expect(report.perMailstoreNodeGb).toBeNull();
    expect(report.notes).toContain('The plan has no Mailstore node to hold the mailboxes.');
  });

  it('notes the commercial Single-Server limit and video recording size, each with its source', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'chats', 'video-server', 'video-recording']]], 'carbonio');
    expect(isCommercialSingleServer(plan)).toBe(true);
    const notes = sizingReport(plan).notes;
    expect(notes.some((n) => n.includes(`up to ${COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS} accounts`) && n.includes('[domain §3 Resources]'))).toBe(true);
    expect(notes.some((n) => n.includes('400 MB per hour'))).toBe(true);
    expect(isCommercialSingleServer(makePlan([['srv1.example.com', [...CORE_ROLES]]], 'ce'))).toBe(false);
  });

  it('every note names a docs source or says "assumption" (or is a hint about the plan itself)', () => {
    const plan: Plan = {
      ...makePlan([
        ['ms1.example.com', [...CORE_ROLES], { resources: { diskGb: 10 } }],
        ['ms2.example.com', ['mailstore'], { resources: { diskGb: 10 } }],
      ], 'carbonio'),
      sizing: { accounts: 600, mailboxQuotaGb: 0.5 },
    };
    for (const note of sizingReport(plan).notes) {
      expect(note).toMatch(/\[domain §|assumption|below the estimate|count only the nodes|no Mailstore node|Set the number/);
    }
  });

  it('formats GB figures', () => {
    expect([formatGb(250), formatGb(12.5), formatGb(1 / 3)]).toEqual(['250', '12.5', '0.33']);
    expect(OS_AND_CARBONIO_DISK_GB).toBe(50);
  });
});
