import { getCatalog } from '../catalog/catalog';
import { SUPPORTED_OS, type SupportedOs } from '../catalog/os';
import { formatPort } from '../catalog/ports';
import { EDITION_NAMES } from '../catalog/role-ids';
import { INTERNET, planFlows } from '../network/flows';
import { portTable, type PortRow, type PortRowExposure } from '../network/port-table';
import type { Plan, PlanNode } from '../plan/schema';
import { isIPv4 } from './ansible-text';
import { mdCell, mdInline, mdText } from './markdown';

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** The columns of {@link exportFirewallCsv}, in order. */
export const FIREWALL_CSV_COLUMNS = [
  'hostname',
  'node_id',
  'private_ip',
  'public_ip',
  'zone',
  'port',
  'protocol',
  'exposure',
  'purpose',
  'roles',
  'source',
] as const;

/**
 * One CSV field: a value a spreadsheet would read as a formula (leading `=`, `+`, `-`, `@`, tab
 * or CR, also after leading spaces) gets a leading `'`; then RFC 4180 quoting when the field
 * holds `"`, `,`, CR or LF (quotes doubled).
 */
export function csvField(value: string): string {
  const safe = /^(?:[\t\r]| *[=+\-@])/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/**
 * The firewall table of the whole plan as CSV: a header line, then one line per node and port
 * row ({@link portTable}), in plan order then port-table order. Every node of the plan has its
 * lines, even one whose id is duplicated. LF line ends and a final newline; values from the plan
 * are quoted per RFC 4180 and cannot start a spreadsheet formula.
 */
export function exportFirewallCsv(plan: Plan): string {
  const lines = [csvLine(FIREWALL_CSV_COLUMNS)];
  for (const node of plan.nodes) {
    for (const row of portTable(plan, node)) {
      lines.push(
        csvLine([
          node.hostname,
          node.id,
          node.privateIp ?? '',
          node.publicIp ?? '',
          node.zone ?? '',
          formatPort(row.port),
          row.protocol,
          row.exposure,
          row.purpose,
          row.roles.join('; '),
          row.source,
        ]),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

/** The private network the commands open internal ports to (`$CLUSTER_NET`). */
export interface ClusterNetwork {
  /** An IPv4 CIDR such as `172.16.0.0/24`. */
  readonly cidr: string;
  /**
   * True when worked out from the plan's private IPv4 addresses; false for the placeholder
   * `172.16.0.0/24`, used when the plan has no private IPv4 address or they share no /8.
   */
  readonly derived: boolean;
}

/** The placeholder network when the plan does not tell. */
const FALLBACK_NETWORK = '172.16.0.0/24';

/**
 * The smallest of the /24, /16 or /8 networks that covers every valid private IPv4 address of
 * the plan (addresses that are missing or not IPv4 are left out); the placeholder otherwise.
 */
export function clusterNetwork(plan: Plan): ClusterNetwork {
  const addresses = plan.nodes
    .map((n) => n.privateIp?.trim() ?? '')
    .filter(isIPv4)
    .map((ip) => ip.split('.').map(Number));
  if (addresses.length === 0) return { cidr: FALLBACK_NETWORK, derived: false };
  const first = addresses[0]!;
  for (const octets of [3, 2, 1]) {
    if (addresses.every((a) => a.slice(0, octets).every((o, i) => o === first[i]))) {
      const network = [...first.slice(0, octets), ...Array<number>(4 - octets).fill(0)].join('.');
      return { cidr: `${network}/${octets * 8}`, derived: true };
    }
  }
  return { cidr: FALLBACK_NETWORK, derived: false };
}

/** The firewall tool of a node and the shell lines that set it up. */
export interface FirewallCommands {
  /** `ufw` on Ubuntu (and when the OS is not set), `firewall-cmd` (firewalld) on RHEL. */
  readonly family: 'ufw' | 'firewall-cmd';
  /**
   * The script, first line `CLUSTER_NET=<cidr>`. No value from the plan appears in it: only port
   * numbers, protocols, the derived network and comments taken from the catalog.
   */
  readonly lines: readonly string[];
}

/** The supported OS of a node, or `undefined` when not set or unknown. */
function osOf(node: PlanNode): SupportedOs | undefined {
  return SUPPORTED_OS.find((os) => os.id === node.os);
}

/** A catalog purpose fit for a single-quoted shell word: anything unusual is dropped. */
function shellComment(text: string): string {
  return text
    .replace(/[^A-Za-z0-9 (),.;:/+-]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function ufwLine(row: PortRow): string | undefined {
  const port = typeof row.port === 'number' ? String(row.port) : `${row.port[0]}:${row.port[1]}`;
  const comment = shellComment(row.purpose);
  const tail = comment ? ` comment '${comment}'` : '';
  if (row.exposure === 'internet') return `ufw allow ${port}/${row.protocol}${tail}`;
  if (row.exposure === 'internal') return `ufw allow from "$CLUSTER_NET" to any port ${port} proto ${row.protocol}${tail}`;
  return undefined;
}

function firewalldLine(row: PortRow): string | undefined {
  const port = formatPort(row.port);
  if (row.exposure === 'internet') return `firewall-cmd --permanent --add-port=${port}/${row.protocol}`;
  if (row.exposure === 'internal') {
    return `firewall-cmd --permanent --add-rich-rule="rule family=\\"ipv4\\" source address=\\"$CLUSTER_NET\\" port port=\\"${port}\\" protocol=\\"${row.protocol}\\" accept"`;
  }
  return undefined;
}

function clusterNetLine(network: ClusterNetwork): string {
  return network.derived ? `CLUSTER_NET=${network.cidr}` : `CLUSTER_NET=${network.cidr}  # set your private network`;
}

function commandsFor(node: PlanNode, rows: readonly PortRow[], network: ClusterNetwork): FirewallCommands {
  const net = clusterNetLine(network);
  if (osOf(node)?.packageManager === 'dnf') {
    const allow = rows.map(firewalldLine).filter((l): l is string => l !== undefined);
    return { family: 'firewall-cmd', lines: [net, 'systemctl enable --now firewalld', ...allow, 'firewall-cmd --reload'] };
  }
  const allow = rows.map(ufwLine).filter((l): l is string => l !== undefined);
  return {
    family: 'ufw',
    lines: [net, 'ufw default deny incoming', 'ufw default allow outgoing', ...allow, 'ufw enable'],
  };
}

/**
 * The firewall commands of a node: `ufw` on Ubuntu and when the OS is not set (or unknown),
 * `firewall-cmd` on RHEL. Internet rows are opened to everyone, internal rows to `$CLUSTER_NET`
 * (see {@link clusterNetwork}) and localhost rows are left closed. A node id picks the first node
 * with that id; an unknown id gives the `ufw` family with no lines.
 */
export function firewallCommands(plan: Plan, node: string | PlanNode): FirewallCommands {
  const target = typeof node === 'string' ? plan.nodes.find((n) => n.id === node) : node;
  if (!target) return { family: 'ufw', lines: [] };
  return commandsFor(target, portTable(plan, target), clusterNetwork(plan));
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

const OPEN_TO: Record<PortRowExposure, string> = {
  internet: 'Internet',
  internal: 'Private network',
  localhost: 'This node only',
};

/** The node's hostname (else its id) as Markdown text: escaped, one line, never empty. */
function nodeTitle(node: PlanNode): string {
  return mdText(node.hostname).trim() || mdText(node.id).trim() || 'unnamed node';
}

function nodeFacts(node: PlanNode, os: SupportedOs | undefined, family: FirewallCommands['family']): string {
  const facts = [`Node id ${mdInline(node.id)}`];
  if (node.privateIp) facts.push(`private IP ${mdInline(node.privateIp)}`);
  if (node.publicIp) facts.push(`public IP ${mdInline(node.publicIp)}`);
  if (node.zone) facts.push(`zone ${mdInline(node.zone.toUpperCase())}`);
  facts.push(
    os
      ? `OS: ${mdInline(os.name)}`
      : `OS: ${node.os ? 'not one the Carbonio docs support' : 'not set in the plan'}, so the commands are for Ubuntu (${family}); set the OS to get RHEL (firewalld) commands`,
  );
  return `${facts.join(' · ')}.`;
}

/**
 * The firewall of every node as Markdown: the ports to open (from {@link portTable}), the
 * commands for the node's OS ({@link firewallCommands}) and the flows between nodes
 * ({@link planFlows}). Every value from the plan is escaped; none reaches a command.
 */
export function exportFirewallMarkdown(plan: Plan, options: { date: string }): string {
  const catalog = getCatalog(plan.edition);
  const network = clusterNetwork(plan);
  const byId = new Map<string, PlanNode>();
  for (const node of plan.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const out: string[] = [
    `# Firewall: ${mdText(plan.name) || 'untitled plan'}`,
    '',
    `${EDITION_NAMES[plan.edition]} · ${plan.nodes.length} node${plan.nodes.length === 1 ? '' : 's'} · generated ${mdInline(options.date)} from the plan.`,
    '',
    'How to read: each node lists the ports it must accept. **Internet** ports are open to everyone, **Private network** ports only to the other nodes (`$CLUSTER_NET`, or a VPN inside it), **This node only** ports stay closed to the network. The commands deny every other incoming connection: run them from the console or from a host in the private network, since SSH stays open only to `$CLUSTER_NET`.',
    '',
    network.derived
      ? `Private network: \`${network.cidr}\`, the smallest /24, /16 or /8 holding the nodes' private IPv4 addresses.`
      : `Private network: not known from the plan (no private IPv4 address, or none shared); the commands use \`${network.cidr}\`: set \`CLUSTER_NET\` to your private network.`,
    '',
  ];
  for (const node of plan.nodes) {
    const rows = portTable(plan, node);
    const os = osOf(node);
    const commands = commandsFor(node, rows, network);
    out.push(`## ${nodeTitle(node)}`, '', nodeFacts(node, os, commands.family), '');
    out.push('| Port | Protocol | Open to | Purpose | Roles |', '|---|---|---|---|---|');
    for (const row of rows) {
      const purpose = row.note ? `${row.purpose} (${row.note})` : row.purpose;
      const roles = row.roles.length > 0 ? row.roles.map((r) => catalog.get(r)?.name ?? r).join(', ') : 'every node';
      out.push(`| ${mdCell(formatPort(row.port))} | ${row.protocol} | ${OPEN_TO[row.exposure]} | ${mdCell(purpose)} | ${mdCell(roles)} |`);
    }
    out.push('');
    out.push(commands.family === 'ufw' ? 'Commands (ufw), as root on this node:' : 'Commands (firewalld), as root on this node:', '');
    out.push('```sh', ...commands.lines, '```', '');
    if (commands.family === 'firewall-cmd') {
      out.push("firewalld's default zone also lets SSH in from anywhere: once the rule above is in place, `firewall-cmd --permanent --remove-service=ssh` limits it to the private network.", '');
    }
  }
  const flows = planFlows(plan);
  out.push('## Flows', '');
  if (flows.length === 0) out.push('No traffic between nodes: the plan has no roles that talk to each other.');
  else {
    const end = (id: string) => (id === INTERNET ? 'Internet' : nodeTitle(byId.get(id) ?? { id, hostname: '', roles: [] }));
    out.push('| From | To | Ports | Protocol | Purpose |', '|---|---|---|---|---|');
    for (const flow of flows) {
      out.push(`| ${end(flow.from)} | ${end(flow.to)} | ${mdCell(flow.ports)} | ${flow.protocol} | ${mdCell(flow.purpose)} |`);
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
