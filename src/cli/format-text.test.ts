import { getCatalog } from '../core/catalog/catalog';
import { loadPlanValue } from '../core/plan/loader';
import { validate } from '../core/validation/validate';
import { runCli, type CliIo } from './run-cli';
import { safeText } from './format-text';

function memoryIo(files: Record<string, string>, color: boolean) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    color,
  };
  return { io, out };
}

const hostilePlan = JSON.stringify({
  format: 'carbonio-plan',
  version: 1,
  name: 'evil\u001b[2J\u0007',
  edition: 'ce',
  nodes: [{ id: 'x', hostname: 'bad\u001b]0;pwned\u0007host', roles: ['proxy'] }],
});

describe('text report', () => {
  it('colours severities only when asked (stdout is a TTY)', () => {
    const { io, out } = memoryIo({ 'p.json': hostilePlan }, true);
    expect(runCli(['validate', 'p.json'], io)).toBe(1);
    expect(out.stdout).toContain('\u001b[31merror  \u001b[0m');
    const plain = memoryIo({ 'p.json': hostilePlan }, false);
    runCli(['validate', 'p.json'], plain.io);
    expect(plain.out.stdout).toMatch(/^ {2}error {4}/m);
    expect(plain.out.stdout).not.toContain('\u001b[31m');
  });

  it('never passes control characters from the plan to the terminal', () => {
    const { io, out } = memoryIo({ 'p.json': hostilePlan }, false);
    runCli(['validate', 'p.json'], io);
    expect(out.stdout).not.toMatch(/[\u0007\u001b]/);
    expect(out.stdout).toContain('bad�]0;pwned�host');
  });

  it('safeText keeps newlines and tabs but replaces other controls', () => {
    expect(safeText('a\nb\tc\u0000d\u009be')).toBe('a\nb\tc�d�e');
  });

  it('says plainly when there is nothing to report', () => {
    const plan = loadPlanValue({
      format: 'carbonio-plan',
      version: 1,
      name: 'one',
      edition: 'ce',
      nodes: [
        {
          id: 's',
          hostname: 's.example.com',
          roles: ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'],
        },
      ],
    });
    if (!plan.ok) throw new Error('fixture must load');
    expect(validate(plan.plan, getCatalog('ce'))).toEqual([]);
    const { io, out } = memoryIo({ 'p.json': JSON.stringify(plan.plan) }, false);
    expect(runCli(['validate', 'p.json'], io)).toBe(0);
    expect(out.stdout).toContain('No problems: 0 errors, 0 warnings, 0 infos');
  });
});
