import { getCatalog } from '../catalog/catalog';
import { makePlan, templatePlan } from '../test-support/plan-builder';
import { exportRunbook, installOrder, nodePackages } from './runbook';

const DATE = { date: '2026-01-15' };

describe('install order', () => {
  it('follows the docs: Mesh & Directory, Database, other infrastructure, then the rest', () => {
    const plan = makePlan(
      [
        ['video.example.com', ['video-server', 'chats']],
        ['mail.example.com', ['mailstore']],
        ['edge.example.com', ['mta', 'proxy']],
        ['db.example.com', ['database']],
        ['replica.example.com', ['directory-replica']],
        ['dir.example.com', ['mesh-directory']],
        ['mon.example.com', ['monitoring']],
      ],
      'carbonio',
    );
    expect(installOrder(plan).map((n) => n.hostname.split('.')[0])).toEqual([
      'dir',
      'db',
      'replica',
      'edge',
      'mail',
      'video',
      'mon',
    ]);
  });

  it('keeps the docs scenario order for the CE five-node plan', () => {
    expect(installOrder(templatePlan('ce-five-nodes')).map((n) => n.id)).toEqual(['srv1', 'srv2', 'srv3', 'srv4', 'srv5']);
  });
});

describe('packages', () => {
  const ce = getCatalog('ce');
  it('adds the Mesh agent on every node but the Mesh servers', () => {
    const plan = templatePlan('ce-five-nodes');
    for (const node of plan.nodes) {
      const packages = nodePackages(node, ce, 'apt');
      expect(packages.includes('service-discover-agent')).toBe(node.id !== 'srv1');
      expect(packages.includes('service-discover-server')).toBe(node.id === 'srv1');
    }
  });

  it('installs memcached on the first Proxy and the commercial dispatcher on the first Chats node only', () => {
    const plan = makePlan(
      [
        ['p1.example.com', ['proxy', 'chats']],
        ['p2.example.com', ['proxy', 'chats']],
      ],
      'carbonio',
    );
    const carbonio = getCatalog('carbonio');
    const [first, second] = plan.nodes.map((n) => nodePackages(n, carbonio, 'apt', plan));
    expect(first).toEqual(expect.arrayContaining(['carbonio-memcached', 'carbonio-message-dispatcher']));
    expect(second).not.toContain('carbonio-memcached');
    expect(second).not.toContain('carbonio-message-dispatcher');
    expect(second).toContain('carbonio-ws-collaboration');
  });

  it('uses the RHEL PostgreSQL package names with dnf', () => {
    const [db] = makePlan([['db.example.com', ['database']]]).nodes;
    expect(nodePackages(db!, ce, 'apt')).toContain('postgresql-16');
    const rhel = nodePackages(db!, ce, 'dnf');
    expect(rhel).toEqual(expect.arrayContaining(['postgresql16', 'postgresql16-server']));
    expect(rhel).not.toContain('postgresql-16');
  });

  it('puts the UI packages on the Proxy node and the PostgreSQL client on Chats', () => {
    const plan = templatePlan('ce-five-nodes');
    expect(nodePackages(plan.nodes[1]!, ce, 'apt')).toEqual(
      expect.arrayContaining(['carbonio-proxy', 'carbonio-files-ui', 'carbonio-tasks-ui', 'carbonio-ws-collaboration-ui']),
    );
    expect(nodePackages(plan.nodes[4]!, ce, 'apt')).toContain('postgresql-client-16');
  });
});

describe('runbook', () => {
  it('installs each node with apt on Ubuntu and dnf on RHEL', () => {
    const plan = templatePlan('ce-five-nodes');
    plan.nodes[0] = { ...plan.nodes[0]!, os: 'rhel-9' };
    plan.nodes[1] = { ...plan.nodes[1]!, os: 'ubuntu-22.04' };
    const md = exportRunbook(plan, DATE);
    const section = (n: number) => md.split(/^## /m).find((s) => s.startsWith(`${n}. `))!;
    expect(section(1)).toMatch(/^dnf install service-discover-server .*postgresql16-server/m);
    expect(section(1)).toContain('reboot');
    expect(section(1)).toContain('systemctl restart carbonio-directory-server.target');
    expect(section(2)).toMatch(/^apt install carbonio-mta carbonio-proxy/m);
    expect(section(2)).toContain('ubuntu jammy main');
    expect(section(2)).toContain('zmcontrol restart');
  });

  it('runs the database bootstraps on the Database node, for the roles in the plan only', () => {
    const md = exportRunbook(templatePlan('carbonio-essential'), DATE);
    expect(md).toContain('carbonio-mailbox-db-bootstrap carbonio_adm 127.0.0.1');
    expect(md).not.toContain('carbonio-files-db-bootstrap');
    const full = exportRunbook(templatePlan('carbonio-five-nodes'), DATE);
    expect(full).toContain('carbonio-files-db-bootstrap');
    expect(full).toContain('carbonio-notification-push-db-bootstrap');
    expect(full.indexOf('### 1.')).toBeLessThan(full.indexOf('db-bootstrap'));
    expect(full.indexOf('db-bootstrap')).toBeLessThan(full.indexOf('## 2.'));
  });

  it('starts the Mesh on the first node and joins it everywhere else', () => {
    const md = exportRunbook(templatePlan('ce-five-nodes'), DATE);
    expect(md.match(/### \d+\.\d+ Start the Carbonio Mesh/g)).toHaveLength(1);
    expect(md.match(/### \d+\.\d+ Join the Carbonio Mesh/g)).toHaveLength(4);
    expect(md.match(/pending-setups -a/g)).toHaveLength(5);
  });

  it('points commercial plans to the Ansible playbook', () => {
    expect(exportRunbook(templatePlan('carbonio-five-nodes'), DATE)).toContain('zxbot.carbonio_install');
  });

  it('escapes hostile names and never puts an invalid hostname in a command', () => {
    const evil = '<script>alert(1)</script>\n# Injected heading `rm -rf /` | x';
    const plan = makePlan([[evil, ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore']]]);
    plan.name = evil;
    const md = exportRunbook(plan, DATE);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/^# Injected/m);
    expect(md).toContain('hostnamectl set-hostname <set a valid FQDN for this node>');
    expect(md).not.toContain('`rm -rf /`');
  });
});
