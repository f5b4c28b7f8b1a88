import type { Plan, PlanNode } from '../src/core/plan/schema';

const INFRA: readonly (readonly string[])[] = [
  ['mesh-directory', 'database'],
  ['mesh-server', 'monitoring'],
  ['mesh-server', 'log-server'],
];
const GROUP: readonly (readonly string[])[] = [
  ['proxy', 'files-ui', 'tasks-ui', 'chats-ui'],
  ['mta'],
  ['mailstore'],
  ['mailstore', 'tasks'],
  ['files', 'preview'],
  ['docs'],
  ['chats'],
  ['video-server', 'video-recording'],
  ['directory-replica'],
  ['mailstore'],
];

/**
 * A commercial plan of `size` nodes shaped like a large real deployment: three Mesh servers, one
 * Database, then repeating groups of proxies, MTAs, mailstores and collaboration nodes, each with
 * IPs, resources and a canvas position. Validates with no error for size ≥ 13.
 */
export function syntheticPlan(size: number): Plan {
  const nodes: PlanNode[] = [];
  for (let i = 0; i < size; i++) {
    const roles = i < INFRA.length ? INFRA[i]! : GROUP[(i - INFRA.length) % GROUP.length]!;
    const id = `n${i + 1}`;
    const video = roles.includes('video-server');
    nodes.push({
      id,
      hostname: `${roles[0]}-${i + 1}.dc1.example.com`,
      roles: [...roles],
      privateIp: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      ...(video || roles.includes('proxy') || roles.includes('mta') ? { publicIp: `203.0.${(i >> 8) & 255}.${i & 255}` } : {}),
      zone: video || roles.includes('proxy') || roles.includes('mta') ? 'dmz' : 'lan',
      os: 'ubuntu-24.04',
      resources: { vcpu: 8, ramGb: 32, diskGb: roles.includes('mailstore') ? 2000 : 100 },
      position: { x: (i % 20) * 320, y: Math.floor(i / 20) * 220 },
    });
  }
  return { format: 'carbonio-plan', version: 1, name: `Synthetic ${size}-node plan`, edition: 'carbonio', webmailHostname: 'mail.example.com', nodes };
}

/**
 * The worst case for the validator: every rule fires on most nodes (duplicate hostnames, UIs
 * without Proxy, unknown and duplicate roles, short names, low resources, too many mesh servers).
 */
export function brokenPlan(size: number): Plan {
  const plan = syntheticPlan(size);
  const nodes = plan.nodes.map((node, i): PlanNode => {
    const extra = i % 4 === 0 ? ['files-ui', 'mesh-server'] : i % 4 === 1 ? ['no-such-role', 'docs', 'docs'] : ['monitoring'];
    return {
      ...node,
      hostname: i % 3 === 0 ? 'same.example.com' : `short${i}`,
      roles: [...node.roles.filter((r) => r !== 'proxy'), ...extra],
      resources: { vcpu: 1, ramGb: 2, diskGb: 10 },
    };
  });
  return { ...plan, nodes };
}
