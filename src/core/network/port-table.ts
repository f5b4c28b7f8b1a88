import { getCatalog, type Catalog } from '../catalog/catalog';
import { COMMON_NODE_PORTS } from '../catalog/ports';
import type { PortSpec } from '../catalog/role-definition';
import { SOURCES } from '../catalog/sources';
import type { Plan, PlanNode, ServiceId } from '../plan/schema';
import { serviceStates, type ServiceState } from './services';

/**
 * Who may reach a port: `internet` (public), `internal` (the other nodes on the private network,
 * or a VPN) or `localhost` only.
 */
export type PortRowExposure = 'internet' | 'internal' | 'localhost';

/** One firewall line of a node: a port (or range) on one protocol. */
export interface PortRow {
  /** A single port, or an inclusive range `[from, to]`. */
  readonly port: number | readonly [number, number];
  readonly protocol: 'tcp' | 'udp';
  readonly exposure: PortRowExposure;
  /** What listens there; several purposes are joined with "; ". */
  readonly purpose: string;
  /** Role ids of the node that open the port, in first-seen order; empty for the ports every node opens. */
  readonly roles: readonly string[];
  /** The client-facing services behind the row, if any. */
  readonly services: readonly ServiceId[];
  /** Docs advice carried over from the catalog ("VPN only, never public"), joined with "; ". */
  readonly note?: string;
  /** Docs references, joined with "; ". */
  readonly source: string;
}

const EXPOSURE_ORDER: Record<PortRowExposure, number> = { internet: 0, internal: 1, localhost: 2 };

interface Draft {
  port: PortRow['port'];
  protocol: 'tcp' | 'udp';
  exposure: PortRowExposure;
  purposes: string[];
  roles: string[];
  services: ServiceId[];
  notes: string[];
  sources: string[];
}

function addUnique<T>(list: T[], value: T | undefined): void {
  if (value !== undefined && !list.includes(value)) list.push(value);
}

function portKey(port: PortRow['port']): string {
  return typeof port === 'number' ? String(port) : `${port[0]}-${port[1]}`;
}

function firstPort(port: PortRow['port']): number {
  return typeof port === 'number' ? port : port[0];
}

function lastPort(port: PortRow['port']): number {
  return typeof port === 'number' ? port : port[1];
}

/** Collects rows, one per port and protocol; the most open exposure wins when two rows meet. */
class RowSet {
  private readonly rows = new Map<string, Draft>();

  add(
    spec: Pick<PortSpec, 'port' | 'protocol' | 'purpose' | 'note'>,
    exposure: PortRowExposure,
    source: string,
    role?: string,
    service?: ServiceId,
  ): void {
    const protocols = spec.protocol === 'tcp+udp' ? (['tcp', 'udp'] as const) : [spec.protocol];
    for (const protocol of protocols) {
      const key = `${protocol}/${portKey(spec.port)}`;
      let row = this.rows.get(key);
      if (!row) {
        row = { port: spec.port, protocol, exposure, purposes: [], roles: [], services: [], notes: [], sources: [] };
        this.rows.set(key, row);
      } else if (EXPOSURE_ORDER[exposure] < EXPOSURE_ORDER[row.exposure]) {
        row.exposure = exposure;
      }
      addUnique(row.purposes, spec.purpose);
      addUnique(row.roles, role);
      addUnique(row.services, service);
      addUnique(row.notes, spec.note);
      addUnique(row.sources, source);
    }
  }

  result(): PortRow[] {
    return [...this.rows.values()]
      .map((d): PortRow => ({
        port: typeof d.port === 'number' ? d.port : [d.port[0], d.port[1]],
        protocol: d.protocol,
        exposure: d.exposure,
        purpose: d.purposes.join('; '),
        roles: d.roles,
        services: d.services,
        ...(d.notes.length > 0 ? { note: d.notes.join('; ') } : {}),
        source: d.sources.join('; '),
      }))
      .sort(
        (a, b) =>
          EXPOSURE_ORDER[a.exposure] - EXPOSURE_ORDER[b.exposure] ||
          (a.protocol === b.protocol ? 0 : a.protocol === 'tcp' ? -1 : 1) ||
          firstPort(a.port) - firstPort(b.port) ||
          lastPort(a.port) - lastPort(b.port),
      );
  }
}

/**
 * The ports a node opens (domain §4), sorted by exposure (internet, internal, localhost), then
 * protocol (tcp first), then port. External rows appear only on nodes holding the serving role,
 * and only for services the plan offers: `internet`, or `internal` (private network or VPN only).
 * Internal rows come from the catalog ports of the node's roles and the ports every node opens;
 * `tcp+udp` becomes two rows, and rows on the same port and protocol merge. Roles the plan's
 * edition does not know open nothing. An unknown node id gives no rows.
 */
export function portTable(plan: Plan, node: string | PlanNode): PortRow[] {
  const target = typeof node === 'string' ? plan.nodes.find((n) => n.id === node) : node;
  if (!target) return [];
  return nodeRows(target, getCatalog(plan.edition), serviceStates(plan), planContext(plan));
}

/**
 * {@link portTable} of every node, keyed by node id (the first node of a duplicated id), in plan
 * order. Linear in the plan: the service exposures are worked out once.
 */
export function portTables(plan: Plan): Map<string, PortRow[]> {
  const catalog = getCatalog(plan.edition);
  const states = serviceStates(plan);
  const out = new Map<string, PortRow[]>();
  const context = planContext(plan);
  for (const node of plan.nodes) if (!out.has(node.id)) out.set(node.id, nodeRows(node, catalog, states, context));
  return out;
}

/** What a node's ports depend on beyond its own roles. */
interface PlanContext {
  /** A Database Connector (PgPool-II) is in the plan: PostgreSQL moves to 5433. */
  readonly pgpool: boolean;
  /** The node of the first Proxy: memcached runs there only (domain §2). */
  readonly firstProxy: PlanNode | undefined;
}

function planContext(plan: Plan): PlanContext {
  return {
    pgpool: plan.nodes.some((n) => n.roles.includes('db-connection')),
    firstProxy: plan.nodes.find((n) => n.roles.includes('proxy')),
  };
}

const POSTGRES_BEHIND_PGPOOL = { port: 5433, protocol: 'tcp', purpose: 'PostgreSQL (behind PgPool-II)' } as const;

function nodeRows(node: PlanNode, catalog: Catalog, states: readonly ServiceState[], context: PlanContext): PortRow[] {
  const roles = new Set(node.roles);
  const rows = new RowSet();
  for (const roleId of roles) {
    const role = catalog.get(roleId);
    if (!role) continue;
    for (const spec of role.ports) {
      // External ports are the client-facing services, handled below by their exposure.
      if (spec.exposure === 'external') continue;
      if (roleId === 'proxy' && spec.port === 11211 && node !== context.firstProxy) continue;
      if (roleId === 'database' && spec.port === 5432 && context.pgpool) {
        rows.add(POSTGRES_BEHIND_PGPOOL, 'internal', SOURCES.internalPorts, role.id);
        continue;
      }
      rows.add(spec, spec.exposure, SOURCES.internalPorts, role.id);
    }
  }
  for (const { service, exposure } of states) {
    if (!roles.has(service.role) || !catalog.get(service.role)) continue;
    const spec = { port: service.port, protocol: service.protocol, purpose: service.purpose, note: service.note };
    const offered = exposure !== 'off';
    if (offered) rows.add(spec, exposure, service.source, service.role, service.id);
    // MTA 25, 465, 587 are internal ports too (the Mailstores relay through 25), offered or not.
    if (service.alwaysInternal) rows.add(spec, 'internal', SOURCES.internalPorts, service.role, offered ? service.id : undefined);
  }
  for (const spec of COMMON_NODE_PORTS) rows.add(spec, 'internal', SOURCES.internalPorts);
  return rows.result();
}
