import { SOURCES } from '../../catalog/sources';
import { formatGb, OS_AND_CARBONIO_DISK_GB, sizingReport } from '../../network/sizing';
import type { PlanCommand } from '../../commands/commands';
import type { Rule } from '../rule';

/**
 * The Mailstore nodes' disk, in total, below the docs' rule: 50 GB for OS + Carbonio on each
 * plus accounts × quota. Judged only when the plan gives accounts and quota and every Mailstore
 * node gives its disk.
 */
export const mailstoreDisk: Rule = {
  id: 'mailstore-disk',
  summary: 'The Mailstore nodes have disk for OS + Carbonio (50 GB each) plus accounts × mailbox quota.',
  check(ctx) {
    const report = sizingReport(ctx.plan);
    const { mailstoreDiskGb: needed, mailstorePlannedDiskGb: planned, perMailstoreNodeGb: perNode } = report;
    if (needed === null || planned === null || perNode === null || planned >= needed) return [];
    const nodes = ctx.holders('mailstore');
    const target = Math.ceil(perNode);
    const commands: PlanCommand[] = nodes
      .filter((n) => n.resources!.diskGb! < target)
      .map((n) => ({ type: 'update-node', nodeId: n.id, changes: { resources: { ...n.resources, diskGb: target } } }));
    const where = nodes.length === 1 ? `${ctx.label(nodes[0]!)} has` : `The ${nodes.length} Mailstore nodes have`;
    return [
      {
        rule: this.id,
        severity: 'warning',
        message: `${where} ${formatGb(planned)} GB of disk${nodes.length === 1 ? '' : ' in total'}; for ${report.accounts} accounts × ${formatGb(report.quotaGb!)} GB the docs' rule gives about ${formatGb(needed)} GB (${OS_AND_CARBONIO_DISK_GB} GB for OS and Carbonio per Mailstore node + accounts × quota). Give ${nodes.length === 1 ? 'it' : 'them'} more disk.`,
        nodeIds: nodes.map((n) => n.id),
        roleId: 'mailstore',
        source: SOURCES.mailstoreDisk,
        fix: { label: `Set Mailstore disk to ${target} GB per node`, commands },
      },
    ];
  },
};
