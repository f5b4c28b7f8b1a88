import { describe, expect, it } from 'vitest';
import { loadPlanValue } from '../plan/loader';
import type { Plan } from '../plan/schema';
import ceFiveNodes from '../templates/ce-five-nodes.json';
import ceFiveNodes2024 from '../templates/ce-five-nodes-2024.json';
import { CORE_ROLES, deepFreeze, makePlan } from '../test-support/plan-builder';
import { INTERNET, planFlows, type Flow } from './flows';

function load(doc: unknown): Plan {
  const loaded = loadPlanValue(doc);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.plan;
}

const line = (f: Flow) => `${f.from} → ${f.to} ${f.ports}/${f.protocol}`;
const fiveNodes = deepFreeze(load(ceFiveNodes));

describe('planFlows on the CE five-node scenario', () => {
  const flows = planFlows(fiveNodes);
  const lines = flows.map(line);

  it('lets the Internet reach srv2 (mail, web) and srv5 (video), and nothing else', () => {
    expect(flows.filter((f) => f.from === INTERNET).map(line)).toEqual([
      'internet → srv2 80, 443, 993, 995, 5222/tcp',
      'internet → srv2 25, 465, 587/tcp',
      'internet → srv5 20000-40000/udp',
    ]);
    expect(flows.some((f) => f.from === INTERNET && f.to === 'srv1')).toBe(false);
    expect(flows.every((f) => f.to !== INTERNET)).toBe(true);
  });

  it('has the typical internal flows of the docs', () => {
    expect(lines).toContain('srv2 → srv3 7071, 7072, 8080/tcp');
    expect(lines).toContain('srv2 → srv3 7025/tcp');
    expect(lines).toContain('srv3 → srv2 25/tcp');
    for (const n of ['srv2', 'srv3', 'srv4', 'srv5']) {
      expect(lines).toContain(`${n} → srv1 389, 636/tcp`);
      expect(lines).toContain(`${n} → srv1 8300, 8301/tcp`);
      expect(lines).toContain(`${n} → srv1 8301/udp`);
      expect(lines).toContain(`srv1 → ${n} 8301/tcp`);
      expect(lines).toContain(`srv1 → ${n} 9100, 9256/tcp`);
    }
    // Database clients: Mailstore (srv3), Files and Docs (srv4), Chats (srv5); not the Proxy.
    expect(lines.filter((l) => l.includes('5432'))).toEqual(['srv3 → srv1 5432/tcp', 'srv4 → srv1 5432/tcp', 'srv5 → srv1 5432/tcp']);
  });

  it('has no self-flow, no duplicate, and every flow names a docs source', () => {
    expect(flows.every((f) => f.from !== f.to)).toBe(true);
    const keys = flows.map((f) => `${f.from}|${f.to}|${f.protocol}|${f.purpose}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of flows) expect(f.source).toMatch(/\[domain §4\]/);
  });

  it('is deterministic and does not touch the (frozen) plan', () => {
    expect(planFlows(structuredClone(fiveNodes))).toEqual(flows);
  });
});

describe('planFlows', () => {
  it('leaves a Single-Server with the Internet flows only', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'monitoring', 'chats', 'video-server']]]);
    expect(planFlows(plan).map(line)).toEqual([
      'internet → n1 80, 443, 993, 995, 5222/tcp',
      'internet → n1 25, 465, 587/tcp',
      'internet → n1 20000-40000/udp',
    ]);
  });

  it('follows the services: 465 and 587 only when offered, video only when offered, internal services not from the Internet', () => {
    const plan: Plan = {
      ...makePlan([
        ['srv1.example.com', ['mesh-directory', 'database', 'mailstore']],
        ['srv2.example.com', ['proxy', 'mta']],
        ['srv3.example.com', ['video-server', 'chats']],
      ]),
      services: { smtps: 'off', submission: 'internal', video: 'off', pop3s: 'internal', http: 'off', chats: 'off', admin: 'internet' },
    };
    expect(planFlows(plan).filter((f) => f.from === INTERNET).map(line)).toEqual([
      'internet → n2 443, 993, 6071/tcp',
      'internet → n2 25/tcp',
    ]);
  });

  it('goes through PgPool when the plan has a Database Connector on its own node', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy', 'db-connection']],
      ['srv3.example.com', ['mailstore', 'tasks']],
    ]);
    const lines = planFlows(plan).map(line);
    expect(lines).toContain('n3 → n2 5432/tcp');
    expect(lines).toContain('n2 → n1 5433/tcp');
    expect(lines.some((l) => l.startsWith('n3 → n1 5432'))).toBe(false);
  });

  it('keeps PgPool beside the Database silent (2024 scenario: same node)', () => {
    const lines = planFlows(load(ceFiveNodes2024)).map(line);
    expect(lines.filter((l) => l.includes('543'))).toEqual(['srv3 → srv1 5432/tcp', 'srv4 → srv1 5432/tcp', 'srv5 → srv1 5432/tcp']);
  });

  it('meshes every node with each of three Mesh servers, both ways', () => {
    const plan = makePlan([
      ['m1.example.com', ['mesh-directory', 'database']],
      ['m2.example.com', ['mesh-server']],
      ['m3.example.com', ['mesh-server']],
      ['a.example.com', ['mta', 'proxy', 'mailstore']],
    ]);
    const mesh = planFlows(plan).filter((f) => f.purpose.startsWith('Carbonio Mesh')).map(line);
    // Between Mesh servers: 8300 and 8301 both ways.
    expect(mesh).toContain('n2 → n1 8300, 8301/tcp');
    expect(mesh).toContain('n1 → n2 8300, 8301/tcp');
    expect(mesh).toContain('n4 → n3 8300, 8301/tcp');
    expect(mesh).toContain('n3 → n4 8301/tcp');
    // Every ordered pair of distinct nodes has a Mesh server at one end here: 4 × 3 tcp flows.
    const tcp = mesh.filter((l) => l.endsWith('/tcp'));
    expect(tcp).toHaveLength(12);
  });

  it('ignores roles the edition does not know, and duplicated node ids count once', () => {
    const plan = makePlan(
      [
        ['srv1.example.com', [...CORE_ROLES, 'video-recording'], { id: 'a' }],
        ['srv2.example.com', ['monitoring'], { id: 'a' }],
      ],
      'ce',
    );
    expect(planFlows(plan).every((f) => f.from !== f.to)).toBe(true);
  });

  it('scales linearly with the nodes (one Mesh server, one monitoring node)', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => [`n${i}.example.com`, i === 0 ? [...CORE_ROLES, 'monitoring'] : ['mailstore']] as const);
    const started = performance.now();
    const flows = planFlows(makePlan(nodes));
    expect(performance.now() - started).toBeLessThan(2000);
    // Per extra node: directory, database, mesh tcp+udp, mesh back tcp+udp, metrics, LMTP, proxy, relay.
    expect(flows.length).toBeLessThan(2000 * 12);
  });
});
