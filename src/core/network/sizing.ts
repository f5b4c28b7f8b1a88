import { SOURCES } from '../catalog/sources';
import type { Plan, PlanNode, Resources } from '../plan/schema';

/** Disk for the OS and Carbonio on every node, before mailbox data (domain §3 Resources). */
export const OS_AND_CARBONIO_DISK_GB = 50;

/** Accounts a commercial Single-Server supports, per the docs (domain §3 Resources). */
export const COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS = 500;

/** Sum of one resource over the nodes that give it, and how many nodes do not. */
export interface ResourceTotal {
  readonly total: number;
  /** Nodes without this figure: the total leaves them out. */
  readonly nodesWithout: number;
}

/** The capacity picture of a plan: mailbox disk from the docs' formula, and what the nodes have. */
export interface SizingReport {
  /** `plan.sizing.accounts`, or null when not set. */
  readonly accounts: number | null;
  /** `plan.sizing.mailboxQuotaGb`, or null when not set. */
  readonly quotaGb: number | null;
  /** Node ids holding Mailstore & Provisioning, in plan order. */
  readonly mailstoreNodeIds: readonly string[];
  /** accounts × quota; null unless both are set. */
  readonly mailboxDataGb: number | null;
  /**
   * Disk the Mailstore nodes need in total: 50 GB for OS + Carbonio per Mailstore node plus
   * accounts × quota (about; domain §3 Resources). Null unless accounts and quota are set.
   */
  readonly mailstoreDiskGb: number | null;
  /**
   * `mailstoreDiskGb` split evenly: 50 + accounts × quota / Mailstore nodes. Null without
   * accounts and quota, or without a Mailstore node.
   */
  readonly perMailstoreNodeGb: number | null;
  /** Disk the Mailstore nodes have, when every one of them gives `diskGb`; else null. */
  readonly mailstorePlannedDiskGb: number | null;
  /** The plan's resources, summed over the nodes that give them. */
  readonly totals: { readonly vcpu: ResourceTotal; readonly ramGb: ResourceTotal; readonly diskGb: ResourceTotal };
  /** Explanations, each naming its docs source or saying "assumption". */
  readonly notes: readonly string[];
}

/** "1 node", "3 nodes". */
function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Up to two decimals, without trailing zeros: 250, 12.5, 0.33. */
export function formatGb(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function total(nodes: readonly PlanNode[], field: keyof Resources): ResourceTotal {
  let sum = 0;
  let without = 0;
  for (const node of nodes) {
    const value = node.resources?.[field];
    if (value === undefined) without++;
    else sum += value;
  }
  return { total: sum, nodesWithout: without };
}

/** True when the plan is a commercial Single-Server (one node, as the node-resources rule counts it). */
export function isCommercialSingleServer(plan: Plan): boolean {
  return plan.edition === 'carbonio' && plan.nodes.length === 1;
}

/**
 * The sizing report of a plan (domain §3 Resources). Mailbox disk follows the CE requirements'
 * rule: 50 GB for OS + Carbonio on each Mailstore node plus accounts × quota (their example: 20
 * users × 10 GB → about 250 GB). Pure; one pass over the nodes.
 */
export function sizingReport(plan: Plan): SizingReport {
  const accounts = plan.sizing?.accounts ?? null;
  const quotaGb = plan.sizing?.mailboxQuotaGb ?? null;
  const mailstores = plan.nodes.filter((n) => n.roles.includes('mailstore'));
  const mailstoreNodeIds = mailstores.map((n) => n.id);
  const data = accounts !== null && quotaGb !== null ? accounts * quotaGb : null;
  const mailstoreDiskGb = data === null ? null : OS_AND_CARBONIO_DISK_GB * mailstores.length + data;
  const perMailstoreNodeGb = data === null || mailstores.length === 0 ? null : OS_AND_CARBONIO_DISK_GB + data / mailstores.length;
  const planned = mailstores.length > 0 && mailstores.every((n) => n.resources?.diskGb !== undefined)
    ? mailstores.reduce((sum, n) => sum + n.resources!.diskGb!, 0)
    : null;
  const totals = { vcpu: total(plan.nodes, 'vcpu'), ramGb: total(plan.nodes, 'ramGb'), diskGb: total(plan.nodes, 'diskGb') };

  const notes: string[] = [];
  if (data === null) {
    notes.push('Set the number of accounts and the mailbox quota to estimate the Mailstore disk.');
  } else {
    notes.push(
      `Mailstore disk: about ${formatGb(mailstoreDiskGb!)} GB = ${OS_AND_CARBONIO_DISK_GB} GB for OS and Carbonio on each of ${count(mailstores.length, 'Mailstore node')} + ${accounts} accounts × ${formatGb(quotaGb!)} GB quota (${SOURCES.mailstoreDisk}).`,
    );
    if (perMailstoreNodeGb !== null && mailstores.length > 1) {
      notes.push(
        `Per Mailstore node: about ${formatGb(perMailstoreNodeGb)} GB, with the accounts spread evenly over the ${mailstores.length} Mailstore nodes (assumption: the docs give no split).`,
      );
    }
    if (mailstores.length === 0) notes.push('The plan has no Mailstore node to hold the mailboxes.');
    notes.push('The estimate adds no margin for growth (assumption: the docs give none).');
  }
  if (planned !== null && mailstoreDiskGb !== null && planned < mailstoreDiskGb) {
    notes.push(`The Mailstore nodes have ${formatGb(planned)} GB of disk, below the estimate.`);
  }
  if (isCommercialSingleServer(plan)) {
    notes.push(
      `A commercial Single-Server supports up to ${COMMERCIAL_SINGLE_SERVER_MAX_ACCOUNTS} accounts (${SOURCES.singleServerCapacity}).`,
    );
  }
  const unsized = Object.entries(totals).filter(([, t]) => t.nodesWithout > 0);
  if (unsized.length > 0) {
    const names: Record<string, string> = { vcpu: 'vCPU', ramGb: 'RAM', diskGb: 'disk' };
    notes.push(
      `Totals count only the nodes that give a figure: ${unsized.map(([field, t]) => `${count(t.nodesWithout, 'node')} without ${names[field]}`).join(', ')}.`,
    );
  }
  if (plan.nodes.some((n) => n.roles.includes('video-recording'))) {
    notes.push(`Video recordings take about 400 MB per hour at 1280×720, 25 fps (${SOURCES.videoRecordingSize}).`);
  }
  return { accounts, quotaGb, mailstoreNodeIds, mailboxDataGb: data, mailstoreDiskGb, perMailstoreNodeGb, mailstorePlannedDiskGb: planned, totals, notes };
}
