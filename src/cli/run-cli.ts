import { getCatalog } from '../core/catalog/catalog';
import { EDITIONS, type Edition } from '../core/catalog/role-ids';
import { loadPlan, summarizeProblems } from '../core/plan/loader';
import { RULES } from '../core/validation/rules';
import { validate } from '../core/validation/validate';
import { ANSI_STYLE, formatCatalogText, formatValidationText, PLAIN_STYLE, safeText } from './format-text';

/** What the CLI touches of the outside world, so tests can run it in-process too. */
export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour output: stdout is a terminal and NO_COLOR is unset. */
  readonly color: boolean;
}

/** Exit codes: 0 no error, 1 the plan has errors, 2 the input or the command line is unusable. */
export const EXIT = { ok: 0, planErrors: 1, unusable: 2 } as const;

const USAGE = `Usage:
  plan validate FILE [--format text|json]     check a plan against the Carbonio rules
  plan catalog [--edition ce|carbonio] [--format text|json]   list the roles of an edition
  plan rules [--format text|json]             list the validation rules
Exit codes: 0 no error, 1 the plan has errors, 2 the file or the command line is unusable.`;

class UsageError extends Error {}

interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string>;
}

const VALUE_OPTIONS = new Set(['--format', '--edition']);

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      options.set('--help', 'true');
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.split('=', 2) as [string, string | undefined];
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option ${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else {
      positional.push(arg);
    }
  }
  return { command: positional.shift(), positional, options };
}

function formatOption(args: ParsedArgs): 'text' | 'json' {
  const format = args.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  return format;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a plan file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function runValidate(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('validate needs a plan FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`plan: cannot read ${safeText(file)}: ${describeReadError(error)}\n`);
    return EXIT.unusable;
  }
  const loaded = loadPlan(text);
  if (!loaded.ok) {
    io.stderr(`plan: ${safeText(file)} is not a valid Carbonio plan: ${safeText(summarizeProblems(loaded.problems))}\n`);
    return EXIT.unusable;
  }
  const catalog = getCatalog(loaded.plan.edition);
  const diagnostics = validate(loaded.plan, catalog);
  if (format === 'json') io.stdout(`${JSON.stringify({ diagnostics })}\n`);
  else io.stdout(formatValidationText(loaded.plan, catalog, diagnostics, file, io.color ? ANSI_STYLE : PLAIN_STYLE));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.planErrors : EXIT.ok;
}

function runCatalog(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  const edition = args.options.get('--edition') ?? 'carbonio';
  if (!(EDITIONS as readonly string[]).includes(edition)) {
    throw new UsageError(`--edition must be ${EDITIONS.join(' or ')}, not "${edition}"`);
  }
  const catalog = getCatalog(edition as Edition);
  if (format === 'json') io.stdout(`${JSON.stringify({ edition: catalog.edition, roles: catalog.roles }, null, 2)}\n`);
  else io.stdout(formatCatalogText(catalog, io.color ? ANSI_STYLE : PLAIN_STYLE));
  return EXIT.ok;
}

function runRules(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args);
  const rules = RULES.map((r) => ({ id: r.id, summary: r.summary }));
  if (format === 'json') io.stdout(`${JSON.stringify({ rules }, null, 2)}\n`);
  else {
    const width = Math.max(...rules.map((r) => r.id.length));
    io.stdout(`${rules.map((r) => `${r.id.padEnd(width)}  ${r.summary}`).join('\n')}\n`);
  }
  return EXIT.ok;
}

/** Runs the command line and returns the exit code. Never throws. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv);
    if (args.options.has('--help') || args.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT.ok;
    }
    switch (args.command) {
      case 'validate':
        return runValidate(args, io);
      case 'catalog':
        return runCatalog(args, io);
      case 'rules':
        return runRules(args, io);
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plan: ${safeText(error.message)} (try: plan --help)\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`plan: internal error: ${safeText(message.split('\n')[0] ?? '')}\n`);
    }
    return EXIT.unusable;
  }
}
