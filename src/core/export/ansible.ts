import { getCatalog } from '../catalog/catalog';
import type { Plan, PlanNode } from '../plan/schema';
import { hostnameProblem } from '../validation/rules/hostname-fqdn';
import { validate } from '../validation/validate';
import { isIpAddress, oneLine, shown, truncate } from './ansible-text';

/**
 * The Ansible inventory of the commercial installer (Galaxy `zxbot.carbonio_install`), domain §6.
 * `ok: false` means the installer would fail or the inventory cannot say what the plan says; the
 * text is then still given, with the problems as `# PROBLEM:` comments at the top, for a caller
 * that insists (the CLI's `--force`).
 */
export type AnsibleExport =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problems: string[]; readonly text: string };

/** One INI group of the inventory and the plan roles whose nodes it lists. */
export interface AnsibleGroup {
  readonly name: string;
  readonly roles: readonly string[];
}

/** Every group the collection reads, in the order of its example inventory (domain §6). */
export const ANSIBLE_GROUPS: readonly AnsibleGroup[] = [
  { name: 'postgresServers', roles: ['database'] },
  { name: 'masterDirectoryServers', roles: ['mesh-directory'] },
  { name: 'replicaDirectoryServers', roles: ['directory-replica'] },
  { name: 'serviceDiscoverServers', roles: ['mesh-directory', 'mesh-server'] },
  { name: 'dbsConnectorServers', roles: [] },
  { name: 'mtaServers', roles: ['mta'] },
  { name: 'proxyServers', roles: ['proxy'] },
  { name: 'applicationServers', roles: ['mailstore'] },
  { name: 'filesServers', roles: ['files'] },
  { name: 'docsServers', roles: ['docs'] },
  { name: 'taskServers', roles: ['tasks'] },
  { name: 'previewServers', roles: ['preview'] },
  { name: 'videoServers', roles: ['video-server'] },
  { name: 'workStreamServers', roles: ['chats'] },
  { name: 'prometheusServers', roles: ['monitoring'] },
  { name: 'syslogServer', roles: ['log-server'] },
];

/** The commands that install Carbonio from this inventory (domain §6). */
export const ANSIBLE_INSTALL_COMMANDS = [
  'ansible-galaxy collection install zxbot.carbonio_install -U',
  'ansible-playbook zxbot.carbonio_install.carbonio_install -u root -i carbonio-inventory',
] as const;

/** Longest problem message; longer ones (a validation message quoting a huge hostname) are cut. */
const MAX_PROBLEM_LENGTH = 600;

const UNSAFE_HOST_CHARS = /[^A-Za-z0-9.-]/g;
const HAS_UNSAFE_HOST_CHAR = /[^A-Za-z0-9.-]/;
const UNSAFE_IP_CHARS = /[^0-9A-Fa-f.:]/g;

/** A host as written: unsafe characters replaced, one trailing dot (absolute name) dropped. */
function writtenHost(hostname: string): string {
  return hostname.replace(UNSAFE_HOST_CHARS, '_').replace(/(?<=.)\.$/, '');
}

/** Why a value cannot be an inventory host name, or `undefined` when it can. */
function hostValueProblem(value: string): string | undefined {
  const problem = hostnameProblem(value);
  if (problem) return problem;
  if (HAS_UNSAFE_HOST_CHAR.test(value)) return 'has characters other than letters, digits, dots and hyphens in its hostname';
  return undefined;
}

/** The public IP as given, or `undefined` when unset or blank. */
function publicIpOf(node: PlanNode): string | undefined {
  return node.publicIp === undefined || node.publicIp.trim() === '' ? undefined : node.publicIp;
}

function nodeLabel(node: PlanNode): string {
  const host = node.hostname.trim();
  return host === '' ? `node ${shown(node.id)}` : `${shown(host)} (node ${shown(node.id)})`;
}

function listHosts(nodes: readonly PlanNode[]): string {
  const names = nodes.map((n) => shown(n.hostname.trim() || n.id));
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
}

/**
 * Builds the inventory; never throws. Hosts are FQDNs in plan order. No value from the plan can
 * start a line or a group: hostnames and IPs are written only from a safe alphabet (anything else
 * is a problem and is replaced by `_`), and comments have every line break replaced by a space.
 */
export function exportAnsibleInventory(plan: Plan): AnsibleExport {
  const catalog = getCatalog(plan.edition);
  const problems: string[] = [];
  const notes: string[] = [];
  const roleName = (id: string) => catalog.get(id)?.name ?? id;

  if (plan.edition === 'ce') {
    problems.push(
      'The plan is for Carbonio CE, but the Ansible installer zxbot.carbonio_install installs the commercial edition (Carbonio) only: switch the edition to Carbonio, or install CE by hand following the CE guide.',
    );
  }

  const members = new Map<string, PlanNode[]>();
  for (const group of ANSIBLE_GROUPS) {
    members.set(
      group.name,
      plan.nodes.filter((node) => group.roles.some((role) => node.roles.includes(role))),
    );
  }
  const hostsOf = (name: string) => members.get(name) ?? [];

  // Every node that lands in a group needs a usable FQDN (the playbook rejects short names).
  const listed = new Set(ANSIBLE_GROUPS.flatMap((g) => hostsOf(g.name)));
  for (const node of plan.nodes) {
    if (!listed.has(node)) continue;
    const problem = hostValueProblem(node.hostname);
    if (problem) {
      problems.push(
        `${nodeLabel(node)} ${problem}: the Ansible inventory lists hosts by fully qualified domain name (e.g. srv1.example.com).`,
      );
    }
  }

  for (const [group, role] of [
    ['postgresServers', 'database'],
    ['masterDirectoryServers', 'mesh-directory'],
  ] as const) {
    const hosts = hostsOf(group);
    if (hosts.length > 1) {
      problems.push(
        `${group} would list ${hosts.length} hosts (${listHosts(hosts)}): the installer fails with more than one ${roleName(role)} (${role}) node. Keep it on one node.`,
      );
    }
  }

  const mesh = hostsOf('serviceDiscoverServers');
  if (mesh.length !== 1 && mesh.length !== 3) {
    problems.push(
      `serviceDiscoverServers would list ${mesh.length} host${mesh.length === 1 ? '' : 's'}${mesh.length ? ` (${listHosts(mesh)})` : ''}: the installer accepts exactly 1 or 3 Carbonio Mesh servers (${roleName('mesh-directory')} plus ${roleName('mesh-server')} nodes).`,
    );
  }

  for (const node of hostsOf('videoServers')) {
    if (publicIpOf(node) === undefined) {
      problems.push(
        `${nodeLabel(node)} holds ${roleName('video-server')} (video-server) but has no public IP: videoServers needs public_ip_address=x.y.z.t for every host.`,
      );
    } else if (!isIpAddress(publicIpOf(node) ?? '')) {
      problems.push(
        `${nodeLabel(node)} holds ${roleName('video-server')} (video-server), but its public IP ${shown(node.publicIp ?? '')} is not a valid IPv4 or IPv6 address.`,
      );
    }
  }

  if (hostsOf('videoServers').length > 0 && hostsOf('workStreamServers').length === 0) {
    problems.push(
      `videoServers lists ${listHosts(hostsOf('videoServers'))} but workStreamServers is empty: the installer requires ${roleName('chats')} (chats) when a ${roleName('video-server')} is defined ("WSC server is mandatory if videoserver is defined").`,
    );
  }

  const webmail = plan.webmailHostname ?? '';
  const webmailSet = webmail.trim() !== '';
  if (webmailSet) {
    const problem = hostValueProblem(webmail);
    if (problem) {
      problems.push(
        `The webmail hostname ${shown(webmail)} is not usable for [proxyServers:vars] webmailHostname: it ${problem}. Give the public FQDN of the webmail (e.g. mail.example.com).`,
      );
    }
  }

  for (const node of plan.nodes) {
    if (node.roles.includes('db-connection')) {
      problems.push(
        `${nodeLabel(node)} holds ${roleName('db-connection')} (db-connection): the installer has no group for it since Nov 2024 (dbsConnectorServers must stay empty). Remove it from the plan and install PgPool-II by hand if you need it.`,
      );
    }
    if (node.roles.includes('event-streaming')) {
      notes.push(`${roleName('event-streaming')} on ${nodeLabel(node)} has no group in this inventory.`);
    }
    if (node.roles.includes('video-recording') && !node.roles.includes('video-server')) {
      notes.push(
        `${roleName('video-recording')} on ${nodeLabel(node)}: the installer puts it with the ${roleName('video-server')} on the videoServers hosts.`,
      );
    }
  }

  for (const d of validate(plan, catalog)) {
    if (d.severity === 'error') problems.push(`Validation error (${d.rule}): ${d.message}`);
  }

  // Messages quote plan values (validation messages in full): one line each, and bounded.
  const lines = problems.map((p) => oneLine(truncate(p, MAX_PROBLEM_LENGTH)));
  const text = renderInventory(plan, members, webmailSet ? webmail : undefined, notes, lines);
  return lines.length === 0 ? { ok: true, text } : { ok: false, problems: lines, text };
}

function renderInventory(
  plan: Plan,
  members: ReadonlyMap<string, readonly PlanNode[]>,
  webmail: string | undefined,
  notes: readonly string[],
  problems: readonly string[],
): string {
  const lines: string[] = [];
  for (const problem of problems) lines.push(`# PROBLEM: ${problem}`);
  if (problems.length > 0) {
    lines.push('# This inventory was written despite the problems above: the installer is likely to fail.', '');
  }
  lines.push(
    `# Carbonio Ansible inventory for the plan "${oneLine(truncate(plan.name, 120))}"`,
    '# Written by Carbonio Deployment Designer for the collection zxbot.carbonio_install.',
    '# Save it as carbonio-inventory, then run:',
    ...ANSIBLE_INSTALL_COMMANDS.map((c) => `#   ${c}`),
  );
  for (const note of notes) lines.push(`# Note: ${oneLine(note)}`);

  for (const group of ANSIBLE_GROUPS) {
    lines.push('', `[${group.name}]`);
    const seen = new Set<string>();
    for (const node of members.get(group.name) ?? []) {
      const host = writtenHost(node.hostname);
      if (host === '') {
        lines.push(`# ${oneLine(`node ${shown(node.id)} has no hostname`)}`);
        continue;
      }
      if (seen.has(host)) continue;
      seen.add(host);
      if (group.name === 'videoServers') {
        const ip = publicIpOf(node);
        if (ip === undefined) lines.push(host);
        else lines.push(`${host} public_ip_address=${isIpAddress(ip) ? ip : ip.replace(UNSAFE_IP_CHARS, '_')}`);
      } else {
        lines.push(host);
      }
    }
    if (group.name === 'masterDirectoryServers') {
      lines.push('', '[masterDirectoryServers:vars]', '#default_domain=domain.com');
    } else if (group.name === 'dbsConnectorServers') {
      lines.push('# must stay empty: this group is used by the HA playbook only');
    } else if (group.name === 'proxyServers') {
      lines.push('', '[proxyServers:vars]');
      lines.push(webmail === undefined ? '#webmailHostname=webmail.example.com' : `webmailHostname=${writtenHost(webmail)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
