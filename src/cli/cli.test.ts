import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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
