import type { PortSpec } from './role-definition';

/** Ports every node opens on the private network, whatever its roles (domain §4). */
export const COMMON_NODE_PORTS: readonly PortSpec[] = [
  { port: 22, protocol: 'tcp', exposure: 'internal', purpose: 'SSH' },
  { port: 8301, protocol: 'tcp+udp', exposure: 'internal', purpose: 'Carbonio Mesh gossip (LAN)' },
  { port: 9100, protocol: 'tcp', exposure: 'internal', purpose: 'Prometheus node exporter' },
  { port: 9256, protocol: 'tcp', exposure: 'internal', purpose: 'Prometheus process exporter' },
];

/** Ports of a Carbonio Mesh server (mesh-directory and mesh-server). */
export const MESH_SERVER_PORTS: readonly PortSpec[] = [
  { port: 8300, protocol: 'tcp', exposure: 'internal', purpose: 'Carbonio Mesh server RPC' },
  { port: 8302, protocol: 'tcp+udp', exposure: 'internal', purpose: 'Carbonio Mesh gossip (WAN)' },
  { port: 8600, protocol: 'tcp+udp', exposure: 'internal', purpose: 'Carbonio Mesh DNS' },
  { port: 9107, protocol: 'tcp', exposure: 'internal', purpose: 'Carbonio Mesh exporter' },
  { port: [20000, 21255], protocol: 'tcp', exposure: 'internal', purpose: 'Carbonio Mesh sidecar proxies' },
  { port: 15692, protocol: 'tcp', exposure: 'internal', purpose: 'Message broker exporter' },
  { port: 8500, protocol: 'tcp', exposure: 'localhost', purpose: 'Carbonio Mesh HTTP API', note: 'localhost only' },
];

/** Ports of a Directory Server, master or replica. */
export const DIRECTORY_PORTS: readonly PortSpec[] = [
  { port: 389, protocol: 'tcp', exposure: 'internal', purpose: 'LDAP' },
  { port: 636, protocol: 'tcp', exposure: 'internal', purpose: 'LDAPS' },
  { port: 9330, protocol: 'tcp', exposure: 'internal', purpose: 'LDAP exporter' },
];

/** Formats a port or range as the docs write it: `25`, `20000-40000`. */
export function formatPort(port: PortSpec['port']): string {
  return typeof port === 'number' ? String(port) : `${port[0]}-${port[1]}`;
}
