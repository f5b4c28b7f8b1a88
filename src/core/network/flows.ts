import { getCatalog } from '../catalog/catalog';
import { SOURCES } from '../catalog/sources';
import type { Plan } from '../plan/schema';
import { serviceStates, type ServingRole } from './services';

/** The `from` of flows that come from outside: clients on the Internet. */
export const INTERNET = 'internet';

/** Traffic one firewall must let through: from a node (or the Internet) to a node, on some ports. */
export interface Flow {
  /** A node id, or {@link INTERNET}. */
  readonly from: string;
  /** A node id. */
  readonly to: string;
  /** Ports in ascending order, as the docs write them: `443, 993, 995`, `20000-40000`. */
  readonly ports: string;
  readonly protocol: 'tcp' | 'udp';
  readonly purpose: string;
  readonly source: string;
}

type Port = number | readonly [number, number];

interface Draft {
  readonly from: string;
  readonly to: string;
  readonly protocol: 'tcp' | 'udp';
  readonly purpose: string;
  readonly source: string;
  readonly ports: Map<string, Port>;
}

function portText(port: Port): string {
  return typeof port === 'number' ? String(port) : `${port[0]}-${port[1]}`;
}

function portStart(port: Port): number {
  return typeof port === 'number' ? port : port[0];
}

/**
 * Collects flows in a fixed order (by kind, then plan order); the same kind of flow between the
 * same two ends on the same protocol merges its ports. Self-flows are dropped.
 */
class FlowSet {
  private readonly flows = new Map<string, Draft>();

  add(kind: string, from: string, to: string, protocol: 'tcp' | 'udp', ports: readonly Port[], purpose: string, source: string): void {
    if (from === to || ports.length === 0) return;
    const key = JSON.stringify([kind, from, to, protocol]);
    let flow = this.flows.get(key);
    if (!flow) {
      flow = { from, to, protocol, purpose, source, ports: new Map() };
      this.flows.set(key, flow);
    }
    for (const port of ports) flow.ports.set(portText(port), port);
  }

  result(): Flow[] {
    return [...this.flows.values()].map((f) => ({
      from: f.from,
      to: f.to,
      ports: [...f.ports.values()]
        .sort((a, b) => portStart(a) - portStart(b))
        .map(portText)
        .join(', '),
      protocol: f.protocol,
      purpose: f.purpose,
      source: f.source,
    }));
  }
}

/** Roles whose nodes use the Database (domain §4 typical flows). */
const DATABASE_CLIENTS = ['mailstore', 'files', 'docs', 'tasks', 'chats'] as const;

/**
 * Who talks to whom (domain §4, typical flows), for the plan's nodes:
 * Internet → proxy / mta / video-server on the services offered to the Internet; proxy →
 * mailstore (7071, 7072, 8080); mta → mailstore (7025 LMTP); mailstore → mta (25 relay); every
 * node → the Mesh & Directory node (389, 636); mailstore, files, docs, tasks, chats → database
 * (5432; with a Database Connector: → PgPool 5432, PgPool → Postgres 5433); every node ↔ the Mesh
 * servers (8300, 8301); monitoring → every node (9100, 9256).
 *
 * Flows are deduplicated (ports of the same kind merge), never go from a node to itself, and come
 * in a fixed order: by kind as listed, then plan order. Roles the plan's edition does not know
 * take part in nothing. Cost: O(nodes × (mesh servers + monitoring nodes)) plus the flows.
 * With `internal: false`, only the flows from the Internet.
 */
export function planFlows(plan: Plan, options: { readonly internal?: boolean } = {}): Flow[] {
  const catalog = getCatalog(plan.edition);
  const byRole = new Map<string, string[]>();
  const nodeIds: string[] = [];
  const seen = new Set<string>();
  for (const node of plan.nodes) {
    if (seen.has(node.id)) continue; // a duplicated id is one node here (and a validation error)
    seen.add(node.id);
    nodeIds.push(node.id);
    for (const role of new Set(node.roles)) {
      if (!catalog.get(role)) continue;
      const list = byRole.get(role);
      if (list) list.push(node.id);
      else byRole.set(role, [node.id]);
    }
  }
  const holders = (roleId: string): readonly string[] => byRole.get(roleId) ?? [];
  const flows = new FlowSet();

  // Internet → the nodes serving what the plan offers to the Internet.
  const internetPorts = new Map<ServingRole, { tcp: number[]; udp: Port[]; names: string[] }>();
  for (const { service, exposure } of serviceStates(plan)) {
    if (exposure !== 'internet') continue;
    let entry = internetPorts.get(service.role);
    if (!entry) internetPorts.set(service.role, (entry = { tcp: [], udp: [], names: [] }));
    if (service.protocol === 'tcp' && typeof service.port === 'number') entry.tcp.push(service.port);
    else entry.udp.push(service.port);
    entry.names.push(service.name);
  }
  for (const role of ['proxy', 'mta', 'video-server'] as const) {
    const entry = internetPorts.get(role);
    if (!entry) continue;
    const purpose = `Clients on the Internet: ${entry.names.join(', ')}`;
    for (const to of holders(role)) {
      flows.add(`internet-${role}`, INTERNET, to, 'tcp', entry.tcp, purpose, SOURCES.typicalFlows);
      flows.add(`internet-${role}`, INTERNET, to, 'udp', entry.udp, purpose, SOURCES.typicalFlows);
    }
  }

  // The canvas draws only the Internet arrows unless asked: skip the node-to-node flows then.
  if (options.internal === false) return flows.result();

  const between = (kind: string, fromRole: string, toRole: string, ports: readonly Port[], purpose: string, protocol: 'tcp' | 'udp' = 'tcp') => {
    for (const from of holders(fromRole)) {
      for (const to of holders(toRole)) flows.add(kind, from, to, protocol, ports, purpose, SOURCES.typicalFlows);
    }
  };
  between('proxy-mailstore', 'proxy', 'mailstore', [7071, 7072, 8080], 'Proxy to Mailstore: SOAP, nginx lookup, HTTP');
  between('mta-mailstore', 'mta', 'mailstore', [7025], 'Mail delivery (LMTP)');
  between('mailstore-mta', 'mailstore', 'mta', [25], 'Outgoing mail (SMTP relay)');

  for (const directory of holders('mesh-directory')) {
    for (const from of nodeIds) flows.add('directory', from, directory, 'tcp', [389, 636], 'Directory (LDAP, LDAPS)', SOURCES.typicalFlows);
  }

  const pgpool = holders('db-connection');
  const databaseFront = pgpool.length > 0 ? 'db-connection' : 'database';
  for (const client of DATABASE_CLIENTS) {
    between('database', client, databaseFront, [5432], pgpool.length > 0 ? 'Database (through PgPool-II)' : 'Database (PostgreSQL)');
  }
  if (pgpool.length > 0) between('pgpool-database', 'db-connection', 'database', [5433], 'PgPool-II to PostgreSQL');

  const meshServers = [...new Set([...holders('mesh-directory'), ...holders('mesh-server')])];
  for (const node of nodeIds) {
    for (const server of meshServers) {
      flows.add('mesh', node, server, 'tcp', [8300, 8301], 'Carbonio Mesh (server RPC, gossip)', SOURCES.typicalFlows);
      flows.add('mesh', node, server, 'udp', [8301], 'Carbonio Mesh (gossip)', SOURCES.typicalFlows);
    }
  }
  // "every node ↔ mesh servers": gossip goes back too, on 8301, the only Mesh port every node opens.
  for (const server of meshServers) {
    for (const node of nodeIds) {
      flows.add('mesh', server, node, 'tcp', [8301], 'Carbonio Mesh (gossip)', SOURCES.typicalFlows);
      flows.add('mesh', server, node, 'udp', [8301], 'Carbonio Mesh (gossip)', SOURCES.typicalFlows);
    }
  }

  for (const monitor of holders('monitoring')) {
    for (const node of nodeIds) flows.add('monitoring', monitor, node, 'tcp', [9100, 9256], 'Metrics (node and process exporters)', SOURCES.typicalFlows);
  }
  return flows.result();
}
