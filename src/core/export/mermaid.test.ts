import type { Plan } from '../plan/schema';
import { PLAN_TEMPLATES } from '../templates';
import { makePlan, templatePlan } from '../test-support/plan-builder';
import { exportMermaid, mermaidLabel } from './mermaid';


/** Every statement the exporter may write; anything else would be text from the plan escaping its quotes. */
const STATEMENT = new RegExp(
  [
    '%% [^\\n]*',
    'flowchart LR',
    ' {2}subgraph n\\d+\\["[^"\\n]*"\\]',
    ' {4}direction TB',
    ' {4}n\\d+_r\\d+\\["[^"\\n]*"\\]',
    ' {4}n\\d+_empty\\["\\(no roles\\)"\\]',
    ' {2}end',
    ' {2}internet\\(\\("Internet"\\)\\)',
    ' {2}internet -->\\|"[a-z0-9 ,·-]+"\\| n\\d+_r\\d+',
    ' {2}classDef (kind_[a-z]+|internet) [a-z-]+:[^ ]+( [0-9]+)?',
    ' {2}class n\\d+_r\\d+(,n\\d+_r\\d+)* kind_[a-z]+',
    ' {2}class internet internet',
  ]
    .map((s) => `(?:${s})`)
    .join('|'),
);

function expectOnlyKnownStatements(text: string) {
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    expect(line, 'a line the exporter does not write').toMatch(new RegExp(`^(?:${STATEMENT.source})$`));
  }
}

describe('Mermaid export', () => {
  it.each(PLAN_TEMPLATES.map((t) => t.id))('template %s matches its golden file', async (id) => {
    const text = exportMermaid(templatePlan(id));
    expectOnlyKnownStatements(text);
    await expect(text).toMatchFileSnapshot(`./__golden__/${id}.mmd`);
  });

  it('draws one subgraph per node titled with hostname and IPs, one box per role named from the catalog', () => {
    const text = exportMermaid(templatePlan('carbonio-five-nodes'));
    expect(text.startsWith('%% Carbonio five nodes (Full Small) (Carbonio), written by Carbonio Deployment Designer\nflowchart LR\n')).toBe(true);
    expect(text).toContain('  subgraph n0["srv1.example.com · 172.16.0.11"]\n    direction TB\n    n0_r0["Mesh #amp; Directory"]\n');
    expect(text).toContain('  subgraph n4["srv5.example.com · 172.16.0.15 · public 8.9.10.11"]');
    expect(text).toContain('    n4_r1["Video Recording"]');
    expect(text.match(/^ {2}subgraph /gm)).toHaveLength(5);
    expect(text.match(/^ {2}end$/gm)).toHaveLength(5);
  });

  it('links the Internet to public Proxy, MTA and Video Server with their external ports (never the Admin Panel)', () => {
    const text = exportMermaid(templatePlan('carbonio-five-nodes'));
    expect(text).toContain('  internet(("Internet"))\n');
    expect(text).toContain('  internet -->|"tcp 25, 465, 587"| n1_r0\n');
    expect(text).toContain('  internet -->|"tcp 80, 443, 110, 995, 143, 993, 5222, 8636"| n1_r1\n');
    expect(text).toContain('  internet -->|"udp 20000-40000"| n4_r0\n');
    expect(text).not.toContain('6071');
    expect(text.match(/^ {2}internet -->/gm)).toHaveLength(3);
  });

  it('a node in the DMZ is public too; without public nodes there is no Internet node', () => {
    const dmz = makePlan([['p.example.com', ['proxy'], { zone: 'dmz' }], ['m.example.com', ['mta']]], 'carbonio');
    expect(exportMermaid(dmz)).toContain('  internet -->|"tcp 80, 443, 110, 995, 143, 993, 5222, 8636"| n0_r0\n');
    expect(exportMermaid(dmz)).not.toContain('n1_r0\n  internet');
    const none = makePlan([['p.example.com', ['proxy']]], 'carbonio');
    expect(exportMermaid(none)).not.toContain('internet');
  });

  it('styles roles by kind, shows unknown ids raw, and marks nodes without roles', () => {
    const plan = makePlan(
      [
        ['a.example.com', ['mesh-directory', 'files', 'db-connection', 'quantum-flux', 'video-recording']],
        ['b.example.com', []],
      ],
      'ce',
    );
    const text = exportMermaid(plan);
    expectOnlyKnownStatements(text);
    expect(text).toContain('    n0_r3["quantum-flux"]');
    expect(text).toContain('    n0_r4["video-recording"]'); // not in the CE catalog: raw id
    expect(text).toContain('    n1_empty["(no roles)"]');
    expect(text).toContain('  classDef kind_core fill:#fff0e6,stroke:#d9480f,color:#1d2330\n');
    expect(text).toContain('  classDef kind_collaboration fill:#e7f1fd,stroke:#1864ab,color:#1d2330\n');
    expect(text).toContain('  class n0_r0 kind_core\n');
    expect(text).toContain('  class n0_r1 kind_collaboration\n');
    expect(text).toContain('  class n0_r2 kind_legacy\n');
    expect(text).toContain('  class n0_r3,n0_r4 kind_unknown\n');
  });
});

describe('Mermaid export: hostile values', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '"onload=alert(1)',
    ']]>',
    '-->',
    '\n[mtaServers]\nevil',
    'a"]\n  evil["x',
    'b"] --> c\r\nclick n0 call alert()',
    '%%{init: {"securityLevel": "loose"}}%%',
    '`**md**`',
    'x} | y ] z #quot; & ; #lt;',
    'line\u2028sep\u2029para\u0085nel\u000bvt',
    'z'.repeat(10000),
  ];

  function hostilePlan(): Plan {
    return makePlan(
      HOSTILE.map((h, i) => [h, [h, 'proxy'], { privateIp: h, publicIp: i % 2 ? h : undefined, id: h }] as const),
      'carbonio',
      HOSTILE.join(' '),
    );
  }

  it('writes only its own statements: no label leaves its quotes, no line is injected', () => {
    const text = exportMermaid(hostilePlan());
    expectOnlyKnownStatements(text);
    expect(text).not.toMatch(/[\r\u000b\u000c\u0085\u2028\u2029]/);
    expect(text.match(/^ {2}subgraph /gm)).toHaveLength(HOSTILE.length);
    expect(text.match(/^ {2}end$/gm)).toHaveLength(HOSTILE.length);
  });

  it('escapes markup, entities, directives and markdown inside labels', () => {
    const text = exportMermaid(hostilePlan());
    expect(text).not.toContain('<');
    expect(text.replace(/-->/g, '')).not.toContain('>');
    expect(text).not.toContain('&');
    expect(text).not.toContain('`');
    expect(text).not.toContain('%%{');
    expect(text).not.toMatch(/^\s*click\b/m);
    expect(text).toContain('["#lt;script#gt;alert(1)#lt;/script#gt;"]');
    expect(text).toContain('["#quot;onload=alert(1)"]');
    expect(text).toContain('["]]#gt;"]');
    expect(text).toContain('["--#gt;"]');
    expect(text).toContain('["x} | y ] z #35;quot#59; #amp; #59; #35;lt#59;"]');
    expect(text).toContain('["line sep para nel vt"]');
  });

  it('ids are generated, never taken from the plan', () => {
    const text = exportMermaid(hostilePlan());
    const ids = [...text.matchAll(/^ {2,4}(\S+?)(?:\[|\(\()/gm)].map((m) => m[1]);
    for (const id of ids) expect(id).toMatch(/^(n\d+(_r\d+|_empty)?|internet)$/);
    expect(text).toMatch(/^ {2}subgraph n11\[/m);
  });

  it('cuts very long labels', () => {
    const text = exportMermaid(hostilePlan());
    expect(text).toContain(`["${'z'.repeat(79)}…"]`);
    expect(text.length).toBeLessThan(10000);
    expect(mermaidLabel('q'.repeat(500))).toHaveLength(80);
  });
});
