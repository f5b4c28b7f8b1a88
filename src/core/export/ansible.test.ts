import type { Plan } from '../plan/schema';
import { PLAN_TEMPLATES } from '../templates';
import { EXPECTED_INVENTORY_SECTIONS, parseInventory, pythonLines } from '../test-support/inventory';
import { makePlan, templatePlan } from '../test-support/plan-builder';
import { ANSIBLE_GROUPS, exportAnsibleInventory } from './ansible';
import { isIPv4, isIPv6 } from './ansible-text';





const srv = (n: number) => `srv${n}.example.com`;

describe('Ansible inventory: the documented commercial layouts', () => {
  it('five nodes (Full Small) match the collection example inventory group by group', () => {
    const result = exportAnsibleInventory(templatePlan('carbonio-five-nodes'));
    expect(result).toMatchObject({ ok: true });
    expect(parseInventory(result.text)).toEqual([
      ['postgresServers', [srv(1)]],
      ['masterDirectoryServers', [srv(1)]],
      ['masterDirectoryServers:vars', []],
      ['replicaDirectoryServers', []],
      ['serviceDiscoverServers', [srv(1)]],
      ['dbsConnectorServers', []],
      ['mtaServers', [srv(2)]],
      ['proxyServers', [srv(2)]],
      ['proxyServers:vars', ['webmailHostname=mail.example.com']],
      ['applicationServers', [srv(3)]],
      ['filesServers', [srv(4)]],
      ['docsServers', [srv(4)]],
      ['taskServers', [srv(3)]],
      ['previewServers', [srv(4)]],
      ['videoServers', [`${srv(5)} public_ip_address=8.9.10.11`]],
      ['workStreamServers', [srv(4)]],
      ['prometheusServers', [srv(1)]],
      ['syslogServer', [srv(1)]],
    ]);
  });

  it('five nodes: the whole text matches the golden file', async () => {
    await expect(exportAnsibleInventory(templatePlan('carbonio-five-nodes')).text).toMatchFileSnapshot(
      './__golden__/carbonio-five-nodes.ini',
    );
  });

  it('Essential (3 nodes): groups and golden file', async () => {
    const result = exportAnsibleInventory(templatePlan('carbonio-essential'));
    expect(result.ok).toBe(true);
    const groups = new Map(parseInventory(result.text));
    expect([...groups.keys()]).toEqual(EXPECTED_INVENTORY_SECTIONS);
    expect(groups.get('postgresServers')).toEqual([srv(1)]);
    expect(groups.get('serviceDiscoverServers')).toEqual([srv(1)]);
    expect(groups.get('mtaServers')).toEqual([srv(2)]);
    expect(groups.get('proxyServers')).toEqual([srv(2)]);
    expect(groups.get('applicationServers')).toEqual([srv(3)]);
    expect(groups.get('videoServers')).toEqual([]);
    expect(groups.get('workStreamServers')).toEqual([]);
    await expect(result.text).toMatchFileSnapshot('./__golden__/carbonio-essential.ini');
  });

  it('the text has the header, the hints, a blank line between groups and one final newline', () => {
    const { text } = exportAnsibleInventory(templatePlan('carbonio-five-nodes'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Carbonio Ansible inventory for the plan "Carbonio five nodes (Full Small)"');
    expect(text).toContain('#   ansible-galaxy collection install zxbot.carbonio_install -U\n');
    expect(text).toContain('#   ansible-playbook zxbot.carbonio_install.carbonio_install -u root -i carbonio-inventory\n');
    expect(text).toContain('[masterDirectoryServers:vars]\n#default_domain=domain.com\n');
    expect(text).toMatch(/\[dbsConnectorServers\]\n# must stay empty[^\n]*\n\n/);
    lines.forEach((line, i) => {
      if (line.startsWith('[') && i > 0) expect(lines[i - 1], `before ${line}`).toBe('');
    });
    expect(text.endsWith('srv1.example.com\n')).toBe(true);
  });

  it('group order and names are exactly the domain §6 table', () => {
    expect(ANSIBLE_GROUPS.map((g) => g.name)).toEqual(EXPECTED_INVENTORY_SECTIONS.filter((s) => !s.endsWith(':vars')));
  });

  it('without a webmail hostname the var is a commented placeholder', () => {
    const plan = { ...templatePlan('carbonio-essential'), webmailHostname: undefined };
    const result = exportAnsibleInventory(plan);
    expect(result.ok).toBe(true);
    expect(result.text).toContain('[proxyServers:vars]\n#webmailHostname=webmail.example.com\n');
    expect(new Map(parseInventory(result.text)).get('proxyServers:vars')).toEqual([]);
  });

  it.each(PLAN_TEMPLATES.filter((t) => t.id.startsWith('ce-')).map((t) => t.id))(
    'CE template %s is refused: the installer is for the commercial edition',
    (id) => {
      const result = exportAnsibleInventory(templatePlan(id));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems[0]).toMatch(/Carbonio CE.*commercial edition/);
      expect(result.text.startsWith(`# PROBLEM: ${result.problems[0]}\n`)).toBe(true);
      expect(parseInventory(result.text).map(([g]) => g)).toEqual(EXPECTED_INVENTORY_SECTIONS);
    },
  );
});

describe('Ansible inventory: refusals', () => {
  const base = (): Plan => templatePlan('carbonio-five-nodes');
  const withNodes = (edit: (plan: Plan) => void): Plan => {
    const plan = structuredClone(base());
    edit(plan);
    return plan;
  };
  const problemsOf = (plan: Plan) => {
    const result = exportAnsibleInventory(plan);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.problems;
  };

  it('a short hostname', () => {
    const problems = problemsOf(withNodes((p) => (p.nodes[2]!.hostname = 'srv3')));
    expect(problems.some((m) => /"srv3" \(node "srv3"\) has a short hostname.*fully qualified/.test(m))).toBe(true);
  });

  it('a video server without public IP, or with one that is not an IP', () => {
    expect(problemsOf(withNodes((p) => delete p.nodes[4]!.publicIp)).join('\n')).toMatch(
      /"srv5\.example\.com" \(node "srv5"\) holds Video Server \(video-server\) but has no public IP/,
    );
    expect(problemsOf(withNodes((p) => (p.nodes[4]!.publicIp = '8.9.10.256'))).join('\n')).toMatch(
      /public IP "8\.9\.10\.256" is not a valid IPv4 or IPv6 address/,
    );
    expect(exportAnsibleInventory(withNodes((p) => (p.nodes[4]!.publicIp = '2001:db8::8'))).text).toContain(
      'srv5.example.com public_ip_address=2001:db8::8\n',
    );
  });

  it('two Database or two Mesh & Directory hosts', () => {
    const problems = problemsOf(
      withNodes((p) => {
        p.nodes[1]!.roles.push('database');
        p.nodes[2]!.roles.push('mesh-directory');
      }),
    );
    expect(problems.some((m) => m.startsWith('postgresServers would list 2 hosts ("srv1.example.com", "srv2.example.com")'))).toBe(true);
    expect(problems.some((m) => m.startsWith('masterDirectoryServers would list 2 hosts'))).toBe(true);
  });

  it('Mesh servers not 1 or 3', () => {
    const problems = problemsOf(withNodes((p) => p.nodes[1]!.roles.push('mesh-server')));
    expect(problems.some((m) => /^serviceDiscoverServers would list 2 hosts .*exactly 1 or 3/.test(m))).toBe(true);
    const three = withNodes((p) => {
      p.nodes[1]!.roles.push('mesh-server');
      p.nodes[2]!.roles.push('mesh-server');
    });
    const result = exportAnsibleInventory(three);
    expect(result.ok).toBe(true);
    expect(new Map(parseInventory(result.text)).get('serviceDiscoverServers')).toEqual([srv(1), srv(2), srv(3)]);
  });

  it('a video server without Chats', () => {
    const problems = problemsOf(withNodes((p) => (p.nodes[3]!.roles = ['files', 'docs', 'preview'])));
    expect(problems.some((m) => /^videoServers lists "srv5\.example\.com" but workStreamServers is empty/.test(m))).toBe(true);
  });

  it('a webmail hostname that is not a hostname', () => {
    const problems = problemsOf(withNodes((p) => (p.webmailHostname = 'webmail')));
    expect(problems.some((m) => /webmail hostname "webmail" is not usable.*short hostname/.test(m))).toBe(true);
  });

  it('a Database Connector (no group since Nov 2024)', () => {
    const problems = problemsOf(withNodes((p) => p.nodes[0]!.roles.push('db-connection')));
    expect(problems.some((m) => /^"srv1\.example\.com" \(node "srv1"\) holds Database Connector \(PgPool-II\) \(db-connection\)/.test(m))).toBe(
      true,
    );
  });

  it('any validation error', () => {
    const problems = problemsOf(withNodes((p) => (p.nodes[1]!.roles = ['mta', 'proxy'])));
    expect(problems.some((m) => m.startsWith('Validation error (ui-missing):'))).toBe(true);
  });

  it('forced text lists every problem as a comment at the top', () => {
    const result = exportAnsibleInventory(withNodes((p) => (p.nodes[2]!.hostname = 'srv3')));
    if (result.ok) throw new Error('expected a refusal');
    const head = result.text.split('\n').slice(0, result.problems.length);
    expect(head).toEqual(result.problems.map((p) => `# PROBLEM: ${p}`));
    expect(new Map(parseInventory(result.text)).get('applicationServers')).toEqual(['srv3']);
  });
});

describe('Ansible inventory: hostile values never inject a line or a group', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '"onload=alert(1)',
    ']]>',
    '-->',
    '\n[mtaServers]\nevil.example.com',
    'a.example.com\r[proxyServers:vars]\rwebmailHostname=evil',
    'x.example.com\u2028[syslogServer]\u2029evil',
    'x.example.com\u000b[taskServers]\u000cevil\u0085[docsServers]\u001cevil',
    'srv.example.com public_ip_address=6.6.6.6',
    '#comment',
    `${'a'.repeat(5000)}.example.com`,
  ];

  function hostilePlan(): Plan {
    const plan = makePlan(
      [
        [HOSTILE[4]!, ['mesh-directory', 'database', 'monitoring', 'log-server'], { id: '\n[postgresServers]\nevil' }],
        [HOSTILE[0]!, ['mta', 'proxy', 'files-ui', 'chats-ui']],
        [HOSTILE[1]!, ['mailstore']],
        [HOSTILE[6]!, ['files', 'chats']],
        [HOSTILE[7]!, ['video-server'], { publicIp: '1.2.3.4\n[videoServers]\nevil public_ip_address=6.6.6.6' }],
        [HOSTILE[5]!, ['preview']],
        [HOSTILE[8]!, ['docs']],
        [HOSTILE[10]!, ['tasks', 'tasks-ui']],
        [HOSTILE[2]!, ['directory-replica']],
        [HOSTILE[3]!, ['mesh-server']],
        [HOSTILE[9]!, ['mesh-server']],
      ],
      'carbonio',
      `evil plan\n[mtaServers]\nevil.example.com\r\u2028${'n'.repeat(3000)}`,
    );
    return { ...plan, webmailHostname: 'mail.example.com\n[proxyServers]\nevil' };
  }

  it('refuses, and the forced text has exactly the expected groups, each once', () => {
    const result = exportAnsibleInventory(hostilePlan());
    expect(result.ok).toBe(false);
    expect(parseInventory(result.text).map(([g]) => g)).toEqual(EXPECTED_INVENTORY_SECTIONS);
  });

  it('every entry is a safe host (with a safe IP) or the webmail var; every comment stays a comment', () => {
    const { text } = exportAnsibleInventory(hostilePlan());
    for (const [group, entries] of parseInventory(text)) {
      for (const entry of entries) {
        if (group === 'proxyServers:vars') expect(entry).toMatch(/^webmailHostname=[A-Za-z0-9._-]+$/);
        else if (group === 'videoServers') expect(entry).toMatch(/^[A-Za-z0-9._-]+ public_ip_address=[0-9A-Fa-f.:_]+$/);
        else expect(entry).toMatch(/^[A-Za-z0-9._-]+$/);
      }
    }
    for (const line of pythonLines(text)) {
      expect(line === '' || line.startsWith('#') || /^\[[A-Za-z:]+\]$/.test(line) || /^[A-Za-z0-9._-]+( public_ip_address=[0-9A-Fa-f.:_]+)?$/.test(line) || /^webmailHostname=[A-Za-z0-9._-]+$/.test(line), line).toBe(true);
    }
    expect(text).not.toMatch(/[\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/);
  });

  it('names every hostile node in a one-line problem, and keeps messages short', () => {
    const result = exportAnsibleInventory(hostilePlan());
    if (result.ok) throw new Error('expected a refusal');
    for (const problem of result.problems) {
      expect(problem).not.toMatch(/[\n\r\u2028\u2029\u0085\u000b\u000c]/);
      expect(problem.length).toBeLessThan(2000);
    }
    const all = result.problems.join('\n');
    expect(all).toContain('"<script>alert(1)</script>" (node "n2") has a hostname that is not a valid DNS name');
    expect(all).toContain('"[mtaServers] evil.example.com" (node " [postgresServers] evil") has a hostname that is not a valid DNS name');
    expect(all).toMatch(/"a{59}…" \(node "n8"\)/);
    expect(all).toContain('public IP "1.2.3.4 [videoServers] evil public_ip_address=6.6.6.6" is not a valid IPv4 or IPv6 address');
    expect(all).toContain('The webmail hostname "mail.example.com [proxyServers] evil" is not usable');
  });

  it('writes unsafe characters as _ in the forced text', () => {
    const { text } = exportAnsibleInventory(hostilePlan());
    const groups = new Map(parseInventory(text));
    expect(groups.get('mtaServers')).toEqual(['_script_alert_1___script_']);
    expect(groups.get('postgresServers')).toEqual(['__mtaServers__evil.example.com']);
    // Hex digits survive in the IP (they may belong to an IPv6 address); nothing else does.
    expect(groups.get('videoServers')).toEqual([
      'x.example.com__taskServers__evil__docsServers__evil public_ip_address=1.2.3.4____de__e__e____e______b__c____add_e___6.6.6.6',
    ]);
    expect(groups.get('proxyServers:vars')).toEqual(['webmailHostname=mail.example.com__proxyServers__evil']);
    expect(text.split('\n')).toContain(`# Carbonio Ansible inventory for the plan "evil plan [mtaServers] evil.example.com  ${'n'.repeat(78)}…"`);
  });
});

describe('IP addresses', () => {
  it.each(['0.0.0.0', '8.9.10.11', '255.255.255.255', '192.168.1.1'])('%s is IPv4', (ip) => expect(isIPv4(ip)).toBe(true));
  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', ' 1.2.3.4', '1.2.3.4\n', '1.2.3.a', ''])('%j is not IPv4', (ip) =>
    expect(isIPv4(ip)).toBe(false),
  );
  it.each(['::', '::1', '2001:db8::8', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', '1:2:3:4:5:6:1.2.3.4', '1::'])(
    '%s is IPv6',
    (ip) => expect(isIPv6(ip)).toBe(true),
  );
  it.each(['1:2:3:4:5:6:7:8:9', ':::', '1::2::3', '12345::', 'g::1', '1.2.3.4::', 'fe80::1%eth0', '1:2:3:4:5:6:7', ':1::', '::1.2.3.4:1'])(
    '%s is not IPv6',
    (ip) => expect(isIPv6(ip)).toBe(false),
  );
});
