import { formatPort } from '../catalog/ports';
import type { PortSpec } from '../catalog/role-definition';
import type { RoleId } from '../catalog/role-ids';
import { SOURCES } from '../catalog/sources';
import { SERVICE_IDS, type Plan, type ServiceExposure, type ServiceId } from '../plan/schema';

/** The roles that serve client-facing services: the external ports of domain §4. */
export type ServingRole = Extract<RoleId, 'proxy' | 'mta' | 'video-server'>;

/** A client-facing service: one external port (or range) of a role (domain §4). */
export interface ServiceDefinition {
  readonly id: ServiceId;
  /** Display name, e.g. `IMAPS`. */
  readonly name: string;
  /** The port, or an inclusive range `[from, to]`; each service has exactly one. */
  readonly port: PortSpec['port'];
  readonly protocol: 'tcp' | 'udp';
  /** The role whose nodes open the port ("open only on the node that runs the component"). */
  readonly role: ServingRole;
  /**
   * The feature behind the service when it is not the serving role itself (chats: Chats, video:
   * Video Server). Without it in the plan the service is `off` by default.
   */
  readonly feature?: RoleId;
  readonly purpose: string;
  /** The exposure when the plan does not set one (and the feature, if any, is in the plan). */
  readonly defaultExposure: ServiceExposure;
  /** Why that default, naming its docs source or saying "assumption". */
  readonly defaultWhy: string;
  /** True when the default is the designer's assumption rather than a docs statement. */
  readonly defaultIsAssumption: boolean;
  /** The plain service's TLS variant (pop3 → pop3s, imap → imaps). */
  readonly tlsVariant?: ServiceId;
  /**
   * Also open on the private network whatever the exposure: the docs list MTA 25, 465, 587/tcp
   * among the internal ports too (the Mailstores relay through port 25).
   */
  readonly alwaysInternal?: boolean;
  readonly note?: string;
  readonly source: string;
}

/** Every client-facing service, keyed by id (domain §4, external ports). */
export const SERVICES: Readonly<Record<ServiceId, ServiceDefinition>> = {
  pop3: {
    id: 'pop3',
    name: 'POP3',
    port: 110,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'POP3',
    defaultExposure: 'off',
    defaultWhy: 'assumption: the docs list 110/tcp among the Proxy ports, but the typical flows open only 443, 993 and 995 to the Internet',
    defaultIsAssumption: true,
    tlsVariant: 'pop3s',
    source: SOURCES.externalPorts,
  },
  pop3s: {
    id: 'pop3s',
    name: 'POP3S',
    port: 995,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'POP3S (POP3 over TLS)',
    defaultExposure: 'internet',
    defaultWhy: 'docs typical flows: Internet → proxy (443/993/995)',
    defaultIsAssumption: false,
    source: SOURCES.typicalFlows,
  },
  imap: {
    id: 'imap',
    name: 'IMAP',
    port: 143,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'IMAP',
    defaultExposure: 'off',
    defaultWhy: 'assumption: the docs list 143/tcp among the Proxy ports, but the typical flows open only 443, 993 and 995 to the Internet',
    defaultIsAssumption: true,
    tlsVariant: 'imaps',
    source: SOURCES.externalPorts,
  },
  imaps: {
    id: 'imaps',
    name: 'IMAPS',
    port: 993,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'IMAPS (IMAP over TLS)',
    defaultExposure: 'internet',
    defaultWhy: 'docs typical flows: Internet → proxy (443/993/995)',
    defaultIsAssumption: false,
    source: SOURCES.typicalFlows,
  },
  smtp: {
    id: 'smtp',
    name: 'SMTP',
    port: 25,
    protocol: 'tcp',
    role: 'mta',
    purpose: 'SMTP (receive mail)',
    defaultExposure: 'internet',
    defaultWhy: 'docs: 25/tcp "required to receive mail"; at minimum 25 → MTA from the Internet',
    defaultIsAssumption: false,
    alwaysInternal: true,
    note: 'required to receive mail',
    source: SOURCES.publicReachability,
  },
  smtps: {
    id: 'smtps',
    name: 'SMTPS',
    port: 465,
    protocol: 'tcp',
    role: 'mta',
    purpose: 'SMTPS',
    defaultExposure: 'internet',
    defaultWhy: 'assumption: the docs list 465/tcp SMTPS among the MTA external ports, not in the typical flows',
    defaultIsAssumption: true,
    alwaysInternal: true,
    source: SOURCES.externalPorts,
  },
  submission: {
    id: 'submission',
    name: 'Submission',
    port: 587,
    protocol: 'tcp',
    role: 'mta',
    purpose: 'SMTP submission over TLS',
    defaultExposure: 'internet',
    defaultWhy: 'docs typical flows: Internet → mta (25, 587); the port table adds "expose only if needed"',
    defaultIsAssumption: false,
    alwaysInternal: true,
    note: 'expose only if needed',
    source: SOURCES.typicalFlows,
  },
  https: {
    id: 'https',
    name: 'HTTPS',
    port: 443,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'HTTPS and WebSocket',
    defaultExposure: 'internet',
    defaultWhy: 'docs: 443/tcp "required"; at minimum 443 → Proxy from the Internet',
    defaultIsAssumption: false,
    note: 'required',
    source: SOURCES.publicReachability,
  },
  http: {
    id: 'http',
    name: 'HTTP',
    port: 80,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'HTTP',
    defaultExposure: 'internet',
    defaultWhy: 'assumption: the docs list 80/tcp HTTP among the Proxy external ports, not in the typical flows',
    defaultIsAssumption: true,
    source: SOURCES.externalPorts,
  },
  admin: {
    id: 'admin',
    name: 'Admin Panel',
    port: 6071,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'Admin Panel',
    defaultExposure: 'internal',
    defaultWhy: 'docs: 6071/tcp Admin Panel "VPN only, never public"',
    defaultIsAssumption: false,
    note: 'VPN only, never public',
    source: SOURCES.adminVpnOnly,
  },
  chats: {
    id: 'chats',
    name: 'Chats',
    port: 5222,
    protocol: 'tcp',
    role: 'proxy',
    feature: 'chats',
    purpose: 'Chats (message dispatcher)',
    defaultExposure: 'internet',
    defaultWhy: 'assumption: the docs list 5222/tcp among the Proxy external ports; offered by default only when the plan has Chats',
    defaultIsAssumption: true,
    source: SOURCES.externalPorts,
  },
  video: {
    id: 'video',
    name: 'Video calls',
    port: [20000, 40000],
    protocol: 'udp',
    role: 'video-server',
    feature: 'video-server',
    purpose: 'Audio and video streams',
    defaultExposure: 'internet',
    defaultWhy: 'docs typical flows: Internet → video-server (udp 20000-40000); offered by default only when the plan has a Video Server',
    defaultIsAssumption: false,
    source: SOURCES.typicalFlows,
  },
  'ldap-addressbook': {
    id: 'ldap-addressbook',
    name: 'LDAP address books',
    port: 8636,
    protocol: 'tcp',
    role: 'proxy',
    purpose: 'LDAP address books',
    defaultExposure: 'off',
    defaultWhy: 'assumption: the docs list 8636/tcp among the Proxy external ports, not in the typical flows',
    defaultIsAssumption: true,
    source: SOURCES.externalPorts,
  },
};

/** The services in catalog order ({@link SERVICE_IDS}). */
export const SERVICE_LIST: readonly ServiceDefinition[] = SERVICE_IDS.map((id) => SERVICES[id]);

/** How open an exposure is: off 0, internal 1, internet 2. */
export function exposureRank(exposure: ServiceExposure): number {
  return exposure === 'internet' ? 2 : exposure === 'internal' ? 1 : 0;
}

/** True for `internet` and `internal`: the port is open to someone. */
export function isOffered(exposure: ServiceExposure): boolean {
  return exposure !== 'off';
}

/** True when the string is a service id. */
export function isServiceId(value: string): value is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}

/** `IMAPS (993/tcp)`, `Video calls (20000-40000/udp)`. */
export function serviceLabel(service: ServiceDefinition): string {
  return `${service.name} (${formatPort(service.port)}/${service.protocol})`;
}

function rolesInPlan(plan: Plan): ReadonlySet<string> {
  const roles = new Set<string>();
  for (const node of plan.nodes) for (const role of node.roles) roles.add(role);
  return roles;
}

/** The exposure of a service when the plan does not set it: `off` when its feature is not in the plan. */
function defaultFor(service: ServiceDefinition, roles: ReadonlySet<string>): ServiceExposure {
  return service.feature && !roles.has(service.feature) ? 'off' : service.defaultExposure;
}

/** One service as a plan sees it. */
export interface ServiceState {
  readonly service: ServiceDefinition;
  readonly exposure: ServiceExposure;
  /** What the exposure would be without the plan's setting. */
  readonly defaultExposure: ServiceExposure;
  /** True when `plan.services` sets this service. */
  readonly explicit: boolean;
}

/** Every service with its effective exposure, in catalog order. One pass over the nodes. */
export function serviceStates(plan: Plan): ServiceState[] {
  const roles = rolesInPlan(plan);
  return SERVICE_LIST.map((service) => {
    const set = plan.services?.[service.id];
    const defaultExposure = defaultFor(service, roles);
    return { service, exposure: set ?? defaultExposure, defaultExposure, explicit: set !== undefined };
  });
}

/**
 * The exposure of every service: the plan's `services` over the docs defaults. Chats and video
 * default to `internet` only when the plan has Chats / a Video Server, and to `off` otherwise.
 */
export function effectiveServices(plan: Plan): Record<ServiceId, ServiceExposure> {
  const out = {} as Record<ServiceId, ServiceExposure>;
  for (const state of serviceStates(plan)) out[state.service.id] = state.exposure;
  return out;
}
