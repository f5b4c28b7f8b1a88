import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPECTED_INVENTORY_SECTIONS, parseInventory } from '../core/test-support/inventory';
import { extractPlanText } from '../core/export/svg';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => `src/cli/fixtures/${name}`;
const templates = readdirSync(new URL('../core/templates', import.meta.url)).filter((f) => f.endsWith('.json'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as `npm run plan --` does, from the project root. */
function plan(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent('plan validate (real command)', () => {
  it.each(templates)('documented layout %s: exit 0, no error', async (file) => {
    const run = await plan('validate', `src/core/templates/${file}`, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: { severity: string }[] };
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('json output is exactly {"diagnostics":[…]} with the right rule ids on a broken plan, exit 1', async () => {
    const run = await plan('validate', fixture('broken-rules.json'), '--format', 'json');
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { diagnostics: { rule: string; nodeIds: string[] }[] };
    expect(Object.keys(parsed)).toEqual(['diagnostics']);
    const rules = new Set(parsed.diagnostics.map((d) => d.rule));
    for (const id of [
      'replica-not-on-master',
      'ui-on-proxy',
      'ui-without-feature',
      'requires-role',
      'hostname-fqdn',
      'empty-node',
      'dedicated-node',
      'video-dedicated',
    ]) {
      expect(rules, id).toContain(id);
    }
    expect(parsed.diagnostics.find((d) => d.rule === 'ui-on-proxy')?.nodeIds).toEqual(['b']);
  });

  it('validates the plan embedded in an exported SVG diagram', async () => {
    const svg = await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'svg', '--date', '2026-01-15');
    const file = join(tmpdir(), `cdd-${process.pid}-diagram.svg`);
    writeFileSync(file, svg.stdout);
    const run = await plan('validate', file, '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  it('text output groups by node and ends with the totals', async () => {
    const run = await plan('validate', fixture('broken-rules.json'));
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const header = (title: string) => lines.indexOf(title);
    expect(header('a.example.com')).toBeGreaterThan(0);
    expect(header('b.example.com')).toBeGreaterThan(header('a.example.com'));
    expect(header('web')).toBeGreaterThan(header('c.example.com'));
    const bBlock = lines.slice(header('b.example.com'), header('c.example.com')).join('\n');
    expect(bBlock).toMatch(/error\s+ui-on-proxy\s+Files UI is on b\.example\.com/);
    expect(run.stdout).not.toContain('\u001b[');
    expect(lines.at(-2)).toMatch(/^\d+ errors, \d+ warnings?, \d+ infos?$/);
  });

  it('a valid plan prints a readable report with exit 0', async () => {
    const run = await plan('validate', 'src/core/templates/ce-five-nodes.json');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('srv2.example.com');
    expect(run.stdout).toMatch(/warning\s+dedicated-node/);
    expect(run.stdout).toContain('0 errors, 2 warnings, 2 infos');
  });

  const unusable: [string, string[], RegExp][] = [
    ['a missing file', ['validate', 'no/such/plan.json'], /cannot read no\/such\/plan\.json: no such file/],
    ['a directory', ['validate', 'src'], /cannot read src: is a directory/],
    ['an empty file', ['validate', fixture('empty.json')], /empty\.json is not a valid Carbonio plan: the file is empty/],
    ['truncated JSON', ['validate', fixture('truncated.json')], /truncated\.json is not a valid Carbonio plan: not valid JSON: the file ends too early/],
    ['a wrong type', ['validate', fixture('wrong-type.json')], /\$\.nodes\[0\]\.hostname: expected a string, got the number 42/],
    ['a newer version', ['validate', fixture('newer-version.json')], /format version 7 comes from a newer version of the designer/],
    ['not a plan at all', ['validate', 'package.json'], /\$\.format: expected "carbonio-plan", got no "format" field/],
    ['no file argument', ['validate'], /validate needs a plan FILE/],
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['a bad --format', ['validate', fixture('broken-rules.json'), '--format', 'xml'], /--format must be text or json/],
  ];
  it.each(unusable)('%s: exit 2 with one line on stderr, no stack trace', async (_name, args, message) => {
    const run = await plan(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.concurrent('plan catalog and rules (real command)', () => {
  it('lists the CE roles without the commercial-only ones', async () => {
    const run = await plan('catalog', '--edition', 'ce', '--format', 'json');
    expect(run.code).toBe(0);
    const ids = (JSON.parse(run.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id);
    expect(ids).toContain('mesh-directory');
    expect(ids).not.toContain('video-recording');
    expect(ids).not.toContain('event-streaming');
  });

  it('lists the commercial roles as a table by default', async () => {
    const run = await plan('catalog');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^video-recording\s+Video Recording\s+collaboration\s+carbonio-videorecorder$/m);
  });

  it('refuses an unknown edition', async () => {
    const run = await plan('catalog', '--edition', 'pro');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--edition must be ce or carbonio, not "pro"/);
  });

  it('lists the rules', async () => {
    const run = await plan('rules', '--format', 'json');
    const ids = (JSON.parse(run.stdout) as { rules: { id: string }[] }).rules.map((r) => r.id);
    expect(ids).toContain('ui-on-proxy');
    expect(new Set(ids).size).toBe(ids.length);
  });
});



// Several commands in a row, while the other tests spawn theirs: more than the default 5 s.
describe.concurrent('plan export and schema (real command)', { timeout: 60_000 }, () => {
  const five = 'src/core/templates/carbonio-five-nodes.json';
  const golden = (name: string) => readFileSync(new URL(`../core/export/__golden__/${name}`, import.meta.url), 'utf8');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-export-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--to json writes the plan file unchanged (templates are already normalised)', async () => {
    const run = await plan('export', five, '--to', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(root, five), 'utf8'));
  });

  it('--to ansible writes the golden inventory', async () => {
    const run = await plan('export', five, '--to', 'ansible');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('carbonio-five-nodes.ini'));
  });

  it('--to mermaid writes the golden flowchart', async () => {
    const run = await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'mermaid');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(golden('ce-five-nodes.mmd'));
  });

  it('--to svg writes a diagram dated --date, carrying the plan', async () => {
    const run = await plan('export', five, '--to', 'svg', '--date', '2026-01-15');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(run.stdout).toContain('2026-01-15');
    expect(extractPlanText(run.stdout)).toBe(readFileSync(join(root, five), 'utf8'));
  });

  it('--to svg without --date uses today', async () => {
    const run = await plan('export', five, '--to', 'svg');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(new Date().toISOString().slice(0, 10));
  });

  it('-o writes the file and nothing to stdout', async () => {
    const out = join(dir, 'carbonio-inventory');
    const run = await plan('export', five, '--to', 'ansible', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(golden('carbonio-five-nodes.ini'));
  });

  it('--to firewall-csv writes the golden port table', async () => {
    const run = await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'firewall-csv');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('hostname,node_id,private_ip,public_ip,zone,port,protocol,exposure,purpose,roles,source\nsrv1.example.com,srv1,')).toBe(true);
    expect(run.stdout).toBe(golden('ce-five-nodes.csv'));
  });

  it('--to firewall-md writes the golden firewall page dated --date', async () => {
    const run = await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'firewall-md', '--date', '2026-01-15');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# Firewall: CE five nodes (docs example scenario)\n')).toBe(true);
    expect(run.stdout).toBe(golden('ce-five-nodes.firewall.md'));
  });

  it('--to runbook writes the install runbook, dated --date or today', async () => {
    const run = await plan('export', five, '--to', 'runbook', '--date', '2026-01-15');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('# Install runbook: Carbonio five nodes (Full Small)\n')).toBe(true);
    expect(run.stdout).toContain('generated 2026-01-15 from the plan');
    const undated = await plan('export', five, '--to', 'runbook');
    expect(undated.code).toBe(0);
    expect(undated.stdout).toContain(`generated ${new Date().toISOString().slice(0, 10)} from the plan`);
  });

  it.each([
    ['firewall-csv', 'firewall.csv', 'hostname,node_id,'],
    ['firewall-md', 'firewall.md', '# Firewall: '],
    ['runbook', 'runbook.md', '# Install runbook: '],
  ])('-o with --to %s writes the file and nothing to stdout', async (format, name, start) => {
    const out = join(dir, name);
    const run = await plan('export', 'src/core/templates/ce-three-nodes.json', '--to', format, '--date', '2026-01-15', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const written = readFileSync(out, 'utf8');
    expect(written.startsWith(start)).toBe(true);
    expect(written).toBe((await plan('export', 'src/core/templates/ce-three-nodes.json', '--to', format, '--date', '2026-01-15')).stdout);
  });

  it('a hostile plan exports to the firewall formats without HTML or broken lines', async () => {
    const csv = await plan('export', fixture('hostile-export.json'), '--to', 'firewall-csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('hostname,node_id,')).toBe(true);
    const md = await plan('export', fixture('hostile-export.json'), '--to', 'firewall-md', '--date', '2026-01-15');
    expect(md.code).toBe(0);
    expect(md.stdout).not.toMatch(/<script|[\r\u2028\u2029]/);
    expect(md.stdout.match(/^## /gm)).toHaveLength(6);
    expect(md.stdout.match(/^# /gm)).toHaveLength(1);
  });

  it('json export round-trips: exporting an exported plan gives identical bytes, and it validates', async () => {
    const first = join(dir, 'first.json');
    const second = join(dir, 'second.json');
    expect((await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'json', '-o', first)).code).toBe(0);
    expect((await plan('export', first, '--to', 'json', '-o', second)).code).toBe(0);
    expect(readFileSync(second)).toEqual(readFileSync(first));
    const validateRun = await plan('validate', second, '--format', 'json');
    expect(validateRun.code).toBe(0);
    // A plan written by hand (other key order, no final newline) is normalised once, then stable.
    const messy = join(dir, 'messy.json');
    writeFileSync(messy, JSON.stringify({ nodes: [{ roles: ['proxy'], hostname: 'p.example.com', id: 'p' }], edition: 'ce', name: 'm', version: 1, format: 'carbonio-plan' }));
    const once = await plan('export', messy, '--to', 'json');
    const onceFile = join(dir, 'once.json');
    writeFileSync(onceFile, once.stdout);
    expect((await plan('export', onceFile, '--to', 'json')).stdout).toBe(once.stdout);
    expect(once.stdout.startsWith('{\n  "format": "carbonio-plan",\n  "version": 1,\n  "name": "m",')).toBe(true);
  });

  it('ansible for a CE plan is refused: exit 1, each reason on stderr, nothing written', async () => {
    const out = join(dir, 'refused-inventory');
    const run = await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'ansible', '-o', out);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^plan: /);
    expect(lines[0]).toMatch(/^plan: The plan is for Carbonio CE, .*commercial edition/);
    expect(lines.at(-1)).toMatch(/was not written .*--force/);
    expect(existsSync(out)).toBe(false);
  });

  it('--force writes the refused inventory with the problems as comments, exit 0', async () => {
    const run = await plan('export', 'src/core/templates/ce-five-nodes.json', '--to', 'ansible', '--force');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# PROBLEM: The plan is for Carbonio CE/);
    expect(parseInventory(run.stdout).map(([g]) => g)).toEqual(EXPECTED_INVENTORY_SECTIONS);
    expect(run.stderr).toMatch(/^plan: warning: the inventory was written with 1 problem as # PROBLEM comments \(--force\)\n$/);
  });

  it('a hostile plan never injects a line or a group into the inventory, even forced', async () => {
    const refused = await plan('export', fixture('hostile-export.json'), '--to', 'ansible');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    for (const line of refused.stderr.trimEnd().split('\n')) expect(line).toMatch(/^plan: /);
    expect(refused.stderr).toContain('"<script>alert(1)</script>" (node "c")');

    const run = await plan('export', fixture('hostile-export.json'), '--to', 'ansible', '--force');
    expect(run.code).toBe(0);
    const groups = parseInventory(run.stdout);
    expect(groups.map(([g]) => g)).toEqual(EXPECTED_INVENTORY_SECTIONS);
    for (const [group, entries] of groups) {
      for (const entry of entries) {
        if (group === 'proxyServers:vars') expect(entry).toMatch(/^webmailHostname=[A-Za-z0-9._-]+$/);
        else if (group === 'videoServers') expect(entry).toMatch(/^[A-Za-z0-9._-]+ public_ip_address=[0-9A-Fa-f.:_]+$/);
        else expect(entry).toMatch(/^[A-Za-z0-9._-]+$/);
      }
    }
    expect(new Map(groups).get('mtaServers')).toEqual(['_proxyServers_']);
    expect(new Map(groups).get('postgresServers')).toEqual(['srv1.example.com__mtaServers__evil.example.com']);

    const mermaid = await plan('export', fixture('hostile-export.json'), '--to', 'mermaid');
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).not.toMatch(/[<&`\r\u2028\u2029]/);
    expect(mermaid.stdout.match(/^ {2}subgraph /gm)).toHaveLength(5);
  });

  it('schema prints the committed JSON Schema', async () => {
    const run = await plan('schema');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(root, 'public/plan.schema.json'), 'utf8'));
    const out = join(dir, 'schema.json');
    expect((await plan('schema', '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(run.stdout);
  });

  const unusable: [string, string[], RegExp][] = [
    ['no --to', ['export', five], /export needs --to json\|svg\|ansible\|mermaid/],
    ['a bad --to', ['export', five, '--to', 'xml'], /--to must be json, svg, ansible, mermaid, firewall-csv, firewall-md, runbook, not "xml"/],
    ['a bad --date for a runbook', ['export', five, '--to', 'runbook', '--date', 'tomorrow'], /--date must be a date as YYYY-MM-DD, not "tomorrow"/],
    ['a bad --date', ['export', five, '--to', 'svg', '--date', '2026-02-30'], /--date must be a date as YYYY-MM-DD, not "2026-02-30"/],
    ['no FILE', ['export', '--to', 'json'], /export needs a plan FILE/],
    ['a missing file', ['export', 'no/such.json', '--to', 'json'], /cannot read no\/such\.json: no such file/],
    ['an invalid plan', ['export', fixture('wrong-type.json'), '--to', 'mermaid'], /is not a valid Carbonio plan/],
    ['-o into a missing directory', ['export', five, '--to', 'json', '-o', 'no/such/dir/out.json'], /cannot write no\/such\/dir\/out\.json: no such directory/],
    ['-o without a value', ['export', five, '--to', 'json', '-o'], /-o needs a value/],
    ['--force with a value', ['export', five, '--to', 'ansible', '--force=yes'], /--force takes no value/],
    ['schema with an argument', ['schema', 'extra'], /unexpected argument extra/],
  ];
  it.each(unusable)('%s: exit 2 with one line on stderr', async (_name, args, message) => {
    const run = await plan(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('the usage text documents export and schema', async () => {
    const run = await plan('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('plan export FILE --to json|svg|ansible|mermaid|firewall-csv|firewall-md|runbook\n');
    expect(run.stdout).toContain('[-o OUT] [--force] [--date YYYY-MM-DD]');
    for (const format of ['firewall-csv', 'firewall-md', 'runbook']) expect(run.stdout).toMatch(new RegExp(`^ {6}${format} +\\S`, 'm'));
    expect(run.stdout).toContain('plan schema [-o OUT]');
  });
});
