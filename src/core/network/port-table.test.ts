import { planFlows } from './flows';
import { describe, expect, it } from 'vitest';
import { loadPlanValue } from '../plan/loader';
import type { Plan } from '../plan/schema';
import ceFiveNodes from '../templates/ce-five-nodes.json';
import ceFiveNodes2024 from '../templates/ce-five-nodes-2024.json';
import { CORE_ROLES, deepFreeze, makePlan } from '../test-support/plan-builder';
import { portTable, portTables, type PortRow } from './port-table';

function load(doc: unknown): Plan {
  const loaded = loadPlanValue(doc);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.plan;
}

const fiveNodes = deepFreeze(load(ceFiveNodes));

const key = (r: PortRow) => `${typeof r.port === 'number' ? r.port : r.port.join('-')}/${r.protocol}`;
const internet = (rows: readonly PortRow[]) => rows.filter((r) => r.exposure === 'internet').map(key);
const find = (rows: readonly PortRow[], port: number | string, protocol = 'tcp') => rows.find((r) => key(r) === `${port}/${protocol}`);

describe('portTable on the CE five-node scenario (domain §5)', () => {
  const tables = portTables(fiveNodes);

  it('only srv2 opens 25 and 443 to the Internet', () => {
    for (const [id, rows] of tables) {
      expect(internet(rows).includes('25/tcp'), id).toBe(id === 'srv2');
      expect(internet(rows).includes('443/tcp'), id).toBe(id === 'srv2');
    }
  });

  it('only srv5 opens UDP 20000-40000 (to the Internet)', () => {
    for (const [id, rows] of tables) {
      const video = find(rows, '20000-40000', 'udp');
      if (id === 'srv5') expect(video).toMatchObject({ exposure: 'internet', roles: ['video-server'], services: ['video'] });
      else expect(video, id).toBeUndefined();
    }
  });

  it('every node opens 8301 internally, on tcp and udp', () => {
    expect([...tables.keys()]).toEqual(['srv1', 'srv2', 'srv3', 'srv4', 'srv5']);
    for (const rows of tables.values()) {
      expect(find(rows, 8301, 'tcp')).toMatchObject({ exposure: 'internal', roles: [] });
      expect(find(rows, 8301, 'udp')).toMatchObject({ exposure: 'internal', roles: [] });
    }
  });

  it('srv2 (MTA + Proxy) opens the default Internet services, and the Admin Panel internally only', () => {
    const rows = tables.get('srv2')!;
    expect(internet(rows)).toEqual(['25/tcp', '80/tcp', '443/tcp', '465/tcp', '587/tcp', '993/tcp', '995/tcp', '5222/tcp']);
    expect(find(rows, 6071)).toMatchObject({ exposure: 'internal', services: ['admin'], note: 'VPN only, never public' });
    expect(find(rows, 110)).toBeUndefined();
    expect(find(rows, 143)).toBeUndefined();
    expect(find(rows, 8636)).toBeUndefined();
    expect(find(rows, 11211)).toMatchObject({ exposure: 'internal', roles: ['proxy'] });
  });

  it('srv1 opens no Internet port, and the Mesh API on localhost only', () => {
    const rows = tables.get('srv1')!;
    expect(internet(rows)).toEqual([]);
    expect(find(rows, 8500)).toMatchObject({ exposure: 'localhost', roles: ['mesh-directory'] });
    expect(find(rows, 5432)).toMatchObject({ exposure: 'internal', roles: ['database'] });
    expect(find(rows, 389)).toMatchObject({ exposure: 'internal', roles: ['mesh-directory'] });
  });

  it('portTable by id, by node, and portTables agree', () => {
    for (const node of fiveNodes.nodes) {
      expect(portTable(fiveNodes, node.id)).toEqual(tables.get(node.id));
      expect(portTable(fiveNodes, node)).toEqual(tables.get(node.id));
    }
    expect(portTable(fiveNodes, 'nope')).toEqual([]);
  });

  it('sorts by exposure, protocol, then port, with no duplicate port/protocol', () => {
    const order = { internet: 0, internal: 1, localhost: 2 };
    for (const rows of tables.values()) {
      const keys = rows.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1]!, rows[i]!];
        const start = (r: PortRow) => (typeof r.port === 'number' ? r.port : r.port[0]);
        const cmp = order[a.exposure] - order[b.exposure] || a.protocol.localeCompare(b.protocol) || start(a) - start(b);
        expect(cmp).toBeLessThan(0);
      }
      for (const r of rows) expect(r.source).toMatch(/\[domain §/);
    }
  });
});

describe('portTable', () => {
  it('moves PostgreSQL to 5433 behind PgPool-II, PgPool taking 5432 (2024 scenario)', () => {
    const rows = portTable(load(ceFiveNodes2024), 'srv1');
    expect(rows.filter((r) => key(r) === '5432/tcp')).toEqual([expect.objectContaining({ purpose: 'PgPool-II', roles: ['db-connection'] })]);
    expect(rows.filter((r) => key(r) === '5433/tcp')).toEqual([expect.objectContaining({ roles: ['database'] })]);
  });

  it('opens 5433 on the Database node when PgPool-II runs on another node, matching the flows', () => {
    const plan = load(ceFiveNodes2024);
    const moved: Plan = {
      ...plan,
      nodes: plan.nodes.map((n) =>
        n.id === 'srv1' ? { ...n, roles: n.roles.filter((r) => r !== 'db-connection') } : n.id === 'srv3' ? { ...n, roles: [...n.roles, 'db-connection'] } : n,
      ),
    };
    expect(portTable(moved, 'srv1').map(key)).toContain('5433/tcp');
    expect(portTable(moved, 'srv1').map(key)).not.toContain('5432/tcp');
    expect(portTable(moved, 'srv3').map(key)).toContain('5432/tcp');
    const flows = planFlows(moved).filter((f) => f.to === 'srv1' && f.ports.includes('5433'));
    expect(flows).toHaveLength(1);
  });

  it('opens memcached 11211 on the first Proxy only', () => {
    const plan = makePlan([
      ['a.example.com', ['mesh-directory', 'database', 'mta', 'mailstore']],
      ['p1.example.com', ['proxy']],
      ['p2.example.com', ['proxy']],
    ]);
    expect(portTable(plan, 'n2').map(key)).toContain('11211/tcp');
    expect(portTable(plan, 'n3').map(key)).not.toContain('11211/tcp');
  });

  it('keeps MTA 25, 465, 587 open on the private network even when not offered to the Internet', () => {
    const plan: Plan = { ...makePlan([['srv1.example.com', [...CORE_ROLES]]]), services: { smtp: 'off', smtps: 'internal' } };
    const rows = portTable(plan, 'n1');
    expect(find(rows, 25)).toMatchObject({ exposure: 'internal', services: [] });
    expect(find(rows, 465)).toMatchObject({ exposure: 'internal', services: ['smtps'] });
    expect(find(rows, 587)).toMatchObject({ exposure: 'internet', services: ['submission'] });
  });

  it('opens offered proxy services per the plan: internal ones as internal, off ones not at all', () => {
    const plan: Plan = {
      ...makePlan([['srv1.example.com', [...CORE_ROLES]]]),
      services: { pop3: 'internet', imap: 'internal', https: 'internal', http: 'off', 'ldap-addressbook': 'internet' },
    };
    const rows = portTable(plan, 'n1');
    expect(find(rows, 110)?.exposure).toBe('internet');
    expect(find(rows, 143)?.exposure).toBe('internal');
    expect(find(rows, 443)?.exposure).toBe('internal');
    expect(find(rows, 80)).toBeUndefined();
    expect(find(rows, 8636)?.exposure).toBe('internet');
  });

  it('opens external ports only on nodes holding the serving role', () => {
    const plan: Plan = {
      ...makePlan([
        ['srv1.example.com', ['mesh-directory', 'database', 'mailstore', 'chats']],
        ['srv2.example.com', ['proxy']],
        ['srv3.example.com', ['mta']],
      ]),
      services: { video: 'internet' },
    };
    const [n1, n2, n3] = ['n1', 'n2', 'n3'].map((id) => portTable(plan, id));
    expect(internet(n1!)).toEqual([]);
    expect(internet(n2!)).toEqual(['80/tcp', '443/tcp', '993/tcp', '995/tcp', '5222/tcp']);
    expect(internet(n3!)).toEqual(['25/tcp', '465/tcp', '587/tcp']);
    expect(find(n1!, 7025)).toMatchObject({ exposure: 'internal', roles: ['mailstore'] });
  });

  it('splits tcp+udp into two rows and ignores roles the edition does not know', () => {
    const rows = portTable(makePlan([['log.example.com', ['log-server', 'video-recording', 'kafka']]], 'ce'), 'n1');
    expect(find(rows, 514, 'tcp')).toMatchObject({ roles: ['log-server'], purpose: 'rsyslog' });
    expect(find(rows, 514, 'udp')).toMatchObject({ roles: ['log-server'] });
    expect(rows.flatMap((r) => r.roles)).not.toContain('video-recording');
  });

  it('gives a node without roles the ports every node opens', () => {
    const rows = portTable(makePlan([['x.example.com', []]]), 'n1');
    expect(rows.map(key)).toEqual(['22/tcp', '8301/tcp', '9100/tcp', '9256/tcp', '8301/udp']);
  });
});
