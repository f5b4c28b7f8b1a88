import type { Plan } from '../plan/schema';
import { PLAN_TEMPLATES } from '../templates';
import { makePlan, templatePlan } from '../test-support/plan-builder';
import {
  clusterNetwork,
  csvField,
  exportFirewallCsv,
  exportFirewallMarkdown,
  FIREWALL_CSV_COLUMNS,
  firewallCommands,
} from './firewall';
import { mdText } from './markdown';

const DATE = { date: '2026-01-15' };

/** A small RFC 4180 parser: records of fields; quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        expect(',\n'.includes(text[i] ?? '\n'), `a closing quote is followed by a separator at ${i}`).toBe(true);
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      expect(field, `a quote opens a field at ${i}`).toBe('');
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      expect(c, `a bare CR or quote at ${i}`).not.toMatch(/["\r]/);
      field += c;
    }
    i += 1;
  }
  expect(quoted, 'every quoted field is closed').toBe(false);
  expect(field === '' && record.length === 0, 'the text ends with a newline').toBe(true);
  return records;
}

/** The cells of a Markdown table line, split on pipes that no backslash escapes. */
function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      cell += c + (line[i + 1] ?? '');
      i += 1;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.slice(1, -1);
}

/** The lines of every ```sh block. */
function shellLines(md: string): string[] {
  return [...md.matchAll(/^```sh\n([\s\S]*?)\n```$/gm)].flatMap((m) => m[1]!.split('\n'));
}

const COMMENT = "'[A-Za-z0-9 (),.;:/+-]+'";
/** Every line the commands may hold: port numbers, protocols, the network and catalog comments only. */
const COMMAND_LINE = new RegExp(
  [
    'CLUSTER_NET=\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}/(8|16|24)(  # set your private network)?',
    'ufw default deny incoming',
    'ufw default allow outgoing',
    `ufw allow \\d+(:\\d+)?/(tcp|udp) comment ${COMMENT}`,
    `ufw allow from "\\$CLUSTER_NET" to any port \\d+(:\\d+)? proto (tcp|udp) comment ${COMMENT}`,
    'ufw enable',
    'systemctl enable --now firewalld',
    'firewall-cmd --permanent --add-port=\\d+(-\\d+)?/(tcp|udp)',
    'firewall-cmd --permanent --add-rich-rule="rule family=\\\\"ipv4\\\\" source address=\\\\"\\$CLUSTER_NET\\\\" port port=\\\\"\\d+(-\\d+)?\\\\" protocol=\\\\"(tcp|udp)\\\\" accept"',
    'firewall-cmd --reload',
  ]
    .map((s) => `(?:${s})`)
    .join('|'),
);

function expectOnlyKnownCommands(lines: readonly string[]) {
  for (const line of lines) expect(line, 'a line the exporter does not write').toMatch(new RegExp(`^(?:${COMMAND_LINE.source})$`));
}

function withOs(plan: Plan, nodeId: string, os: string): Plan {
  return { ...plan, nodes: plan.nodes.map((n) => (n.id === nodeId ? { ...n, os } : n)) };
}

describe('firewall CSV', () => {
  it.each(PLAN_TEMPLATES.map((t) => t.id))('template %s matches its golden file', async (id) => {
    const csv = exportFirewallCsv(templatePlan(id));
    const records = parseCsv(csv);
    expect(records[0]).toEqual([...FIREWALL_CSV_COLUMNS]);
    for (const record of records) expect(record).toHaveLength(FIREWALL_CSV_COLUMNS.length);
    await expect(csv).toMatchFileSnapshot(`./__golden__/${id}.csv`);
  });

  it('has one line per node and port row, in plan order, LF line ends and a final newline', () => {
    const plan = templatePlan('ce-five-nodes');
    const csv = exportFirewallCsv(plan);
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv.startsWith('hostname,node_id,private_ip,public_ip,zone,port,protocol,exposure,purpose,roles,source\n')).toBe(true);
    const rows = parseCsv(csv).slice(1);
    const ids = rows.map((r) => r[1]);
    expect([...new Set(ids)]).toEqual(['srv1', 'srv2', 'srv3', 'srv4', 'srv5']);
    // plan order: the ids come in blocks
    expect(ids).toEqual([...ids].sort());
  });

  it('CE five nodes: only srv2 opens 25 and 443 to the Internet, srv5 the video range; every node has Mesh gossip', () => {
    const rows = parseCsv(exportFirewallCsv(templatePlan('ce-five-nodes')))
      .slice(1)
      .map(([hostname, id, , , , port, protocol, exposure, purpose, roles]) => ({ hostname, id, port, protocol, exposure, purpose, roles }));
    const internet = rows.filter((r) => r.exposure === 'internet');
    for (const port of ['25', '443']) {
      expect(internet.filter((r) => r.port === port).map((r) => [r.id, r.protocol])).toEqual([['srv2', 'tcp']]);
    }
    expect(internet.filter((r) => r.id === 'srv5')).toEqual([
      expect.objectContaining({ port: '20000-40000', protocol: 'udp', roles: 'video-server' }),
    ]);
    expect(new Set(internet.map((r) => r.id))).toEqual(new Set(['srv2', 'srv5']));
    for (const id of ['srv1', 'srv2', 'srv3', 'srv4', 'srv5']) {
      for (const protocol of ['tcp', 'udp']) {
        expect(rows.filter((r) => r.id === id && r.port === '8301' && r.protocol === protocol && r.exposure === 'internal')).toHaveLength(1);
      }
    }
    expect(rows.find((r) => r.id === 'srv2' && r.port === '6071')).toMatchObject({ exposure: 'internal', roles: 'proxy' });
  });

  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('  =1')).toBe("'  =1");
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField('20000-40000')).toBe('20000-40000');
    expect(csvField('')).toBe('');
  });
});

describe('firewall commands', () => {
  it('Ubuntu and an unset OS get ufw; ranges as 20000:40000', () => {
    const plan = templatePlan('ce-five-nodes');
    const proxy = firewallCommands(plan, 'srv2');
    expect(proxy.family).toBe('ufw');
    expect(proxy.lines.slice(0, 3)).toEqual(['CLUSTER_NET=172.16.0.0/24', 'ufw default deny incoming', 'ufw default allow outgoing']);
    expect(proxy.lines.at(-1)).toBe('ufw enable');
    expect(proxy.lines).toContain("ufw allow 443/tcp comment 'HTTPS and WebSocket'");
    expect(proxy.lines).toContain('ufw allow from "$CLUSTER_NET" to any port 8301 proto udp comment \'Carbonio Mesh gossip (LAN)\'');
    expect(firewallCommands(withOs(plan, 'srv5', 'ubuntu-22.04'), 'srv5').lines).toContain("ufw allow 20000:40000/udp comment 'Audio and video streams'");
    const mesh = firewallCommands(plan, 'srv1').lines;
    expect(mesh).toContain('ufw allow from "$CLUSTER_NET" to any port 20000:21255 proto tcp comment \'Carbonio Mesh sidecar proxies\'');
    // localhost rows stay closed
    expect(mesh.some((l) => l.includes(' 8500 '))).toBe(false);
    expectOnlyKnownCommands([...mesh, ...proxy.lines]);
  });

  it('RHEL gets firewall-cmd, no ufw; ranges as 20000-40000', () => {
    const plan = withOs(withOs(templatePlan('ce-five-nodes'), 'srv1', 'rhel-9'), 'srv5', 'rhel-8');
    const mesh = firewallCommands(plan, 'srv1');
    expect(mesh.family).toBe('firewall-cmd');
    expect(mesh.lines.some((l) => l.includes('ufw'))).toBe(false);
    expect(mesh.lines[0]).toBe('CLUSTER_NET=172.16.0.0/24');
    expect(mesh.lines.at(-1)).toBe('firewall-cmd --reload');
    expect(mesh.lines).toContain(
      'firewall-cmd --permanent --add-rich-rule="rule family=\\"ipv4\\" source address=\\"$CLUSTER_NET\\" port port=\\"20000-21255\\" protocol=\\"tcp\\" accept"',
    );
    expect(mesh.lines.some((l) => l.includes('--add-port='))).toBe(false);
    const video = firewallCommands(plan, 'srv5');
    expect(video.lines).toContain('firewall-cmd --permanent --add-port=20000-40000/udp');
    expectOnlyKnownCommands([...mesh.lines, ...video.lines]);
    // the other nodes keep ufw
    expect(firewallCommands(plan, 'srv2').family).toBe('ufw');
  });

  it('an unknown node id gives no lines; a node object works too', () => {
    const plan = templatePlan('ce-three-nodes');
    expect(firewallCommands(plan, 'nope')).toEqual({ family: 'ufw', lines: [] });
    expect(firewallCommands(plan, plan.nodes[0]!)).toEqual(firewallCommands(plan, plan.nodes[0]!.id));
  });

  it('derives CLUSTER_NET from the private IPv4 addresses', () => {
    for (const t of PLAN_TEMPLATES) expect(clusterNetwork(templatePlan(t.id))).toEqual({ cidr: '172.16.0.0/24', derived: true });
    const net = (...ips: (string | undefined)[]) =>
      clusterNetwork(makePlan(ips.map((ip, i) => [`n${i}.example.com`, ['mailstore'], ip === undefined ? {} : { privateIp: ip }] as const)));
    expect(net('10.0.1.5', '10.0.2.7')).toEqual({ cidr: '10.0.0.0/16', derived: true });
    expect(net('10.1.0.1', '10.2.0.1')).toEqual({ cidr: '10.0.0.0/8', derived: true });
    expect(net('192.168.1.20')).toEqual({ cidr: '192.168.1.0/24', derived: true });
    expect(net(' 192.168.1.20 ', undefined, 'fd00::1', 'not an ip', '192.168.1.30')).toEqual({ cidr: '192.168.1.0/24', derived: true });
    expect(net('10.0.0.1', '192.168.0.1')).toEqual({ cidr: '172.16.0.0/24', derived: false });
    expect(net()).toEqual({ cidr: '172.16.0.0/24', derived: false });
    expect(net('fd00::1', '999.1.1.1')).toEqual({ cidr: '172.16.0.0/24', derived: false });
    const fallback = firewallCommands(makePlan([['a.example.com', ['mailstore']]]), 'n1');
    expect(fallback.lines[0]).toBe('CLUSTER_NET=172.16.0.0/24  # set your private network');
  });
});

describe('firewall Markdown', () => {
  it.each(PLAN_TEMPLATES.map((t) => t.id))('template %s matches its golden file', async (id) => {
    const md = exportFirewallMarkdown(templatePlan(id), DATE);
    expectOnlyKnownCommands(shellLines(md));
    await expect(md).toMatchFileSnapshot(`./__golden__/${id}.firewall.md`);
  });

  it('has a section per node with its ports, its commands, then the flows', () => {
    const plan = withOs(templatePlan('ce-five-nodes'), 'srv1', 'rhel-9');
    const md = exportFirewallMarkdown(plan, DATE);
    expect(md.startsWith('# Firewall: CE five nodes (docs example scenario)\n\nCarbonio CE · 5 nodes · generated 2026-01-15 from the plan.\n')).toBe(true);
    expect(md).toContain('How to read:');
    const sections = md.split(/^## /m).slice(1);
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      'srv1.example.com',
      'srv2.example.com',
      'srv3.example.com',
      'srv4.example.com',
      'srv5.example.com',
      'Flows',
    ]);
    expect(sections[0]).toContain('OS: RHEL 9.');
    expect(sections[0]).toContain('```sh\nCLUSTER_NET=172.16.0.0/24\nsystemctl enable --now firewalld\n');
    expect(sections[0]).not.toContain('ufw');
    expect(sections[1]).toContain('| 443 | tcp | Internet | HTTPS and WebSocket (required) | Proxy |');
    expect(sections[1]).toContain('| 6071 | tcp | Private network | Admin Panel (VPN only, never public) | Proxy |');
    expect(sections[1]).toContain("ufw allow 443/tcp comment 'HTTPS and WebSocket'");
    expect(sections[1]).toContain('OS: not set in the plan');
    expect(sections[4]).toContain('| 20000-40000 | udp | Internet | Audio and video streams | Video Server |');
    expect(sections[0]).toContain('| 8500 | tcp | This node only |');
    expect(sections[5]).toContain('| Internet | srv2.example.com | 25, 465, 587 | tcp |');
    expect(sections[5]).toContain('| Internet | srv5.example.com | 20000-40000 | udp |');
    expect(sections[5]).toContain('| srv3.example.com | srv1.example.com | 5432 | tcp | Database (PostgreSQL) |');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(tableCells(line)).toHaveLength(5);
  });

  it('says when the private network is not known', () => {
    const md = exportFirewallMarkdown(makePlan([['a.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore']]]), DATE);
    expect(md).toContain('Private network: not known from the plan');
    expect(md).toContain('CLUSTER_NET=172.16.0.0/24  # set your private network');
  });
});

describe('hostile plans', () => {
  const HOSTILE = [
    "=cmd|' /C calc'!A0",
    '"onload=alert(1)',
    'two\nlines, with a comma',
    '<script>alert(1)</script>',
    'a|b|c',
    '@SUM(1+1)*cmd|"/C calc"!A0',
    '-2+3',
    '+1',
    '\t=1',
    '\r=2',
    '## Injected heading',
    '$(rm -rf /) `id`',
    "'; rm -rf / #",
  ];

  function hostilePlan(): Plan {
    const plan = makePlan(
      HOSTILE.map((value, i) => [
        value,
        i === 0 ? ['mesh-directory', 'database', 'monitoring'] : i === 1 ? ['mta', 'proxy'] : i === 2 ? ['mailstore'] : ['video-server'],
        { id: i === 3 ? value : `n${i}`, privateIp: value, publicIp: `${value}\n8.8.8.8`, os: i % 2 === 0 ? 'rhel-9' : value },
      ]),
    );
    plan.name = HOSTILE.join(' ');
    return plan;
  }

  it('never breaks CSV columns, and keeps every value (behind a leading quote when it looks like a formula)', () => {
    const plan = hostilePlan();
    const records = parseCsv(exportFirewallCsv(plan));
    expect(records[0]).toEqual([...FIREWALL_CSV_COLUMNS]);
    const body = records.slice(1);
    expect(body.length).toBeGreaterThan(HOSTILE.length);
    for (const record of body) {
      expect(record).toHaveLength(FIREWALL_CSV_COLUMNS.length);
      for (const field of record) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }
    const hostnames = new Set(body.map((r) => r[0]!.replace(/^'(?=\s*[=+\-@]|[\t\r])/, '')));
    expect(hostnames).toEqual(new Set(HOSTILE));
    const node = body.find((r) => r[1] === 'n0')!;
    expect(node[0]).toBe("'=cmd|' /C calc'!A0");
    expect(node[2]).toBe("'=cmd|' /C calc'!A0");
  });

  it('never injects Markdown columns, headings or HTML, nor reaches a command', () => {
    const plan = hostilePlan();
    const md = exportFirewallMarkdown(plan, DATE);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/^#+ Injected/m);
    expect(md).not.toContain('\r');
    expect(md.match(/^# /gm)).toHaveLength(1);
    expect(md.match(/^## /gm)).toHaveLength(HOSTILE.length + 1);
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(tableCells(line)).toHaveLength(5);
    // Every line outside code blocks is either ours or carries the plan's values escaped.
    const lines = shellLines(md);
    expect(lines.length).toBeGreaterThan(HOSTILE.length * 5);
    expectOnlyKnownCommands(lines);
    // (the short values, such as `+1`, are covered by the line patterns above)
    for (const value of HOSTILE.filter((v) => v.trim().length >= 5)) for (const line of lines) expect(line).not.toContain(value.trim());
    for (const node of plan.nodes) expectOnlyKnownCommands(firewallCommands(plan, node).lines);
    // the hostnames show escaped as headings
    expect(md).toContain(`## ${mdText('a|b|c')}\n`);
    expect(md).toContain('## a\\|b\\|c\n');
    // no valid private IPv4: the placeholder network
    expect(md).toContain('CLUSTER_NET=172.16.0.0/24  # set your private network');
  });
});
