import { writeFileSync } from 'node:fs';
import { getCatalog } from '../core/catalog/catalog';
import { EDITIONS, type Edition } from '../core/catalog/role-ids';
import { exportAnsibleInventory } from '../core/export/ansible';
import { exportFirewallCsv, exportFirewallMarkdown } from '../core/export/firewall';
import { planJsonSchemaText } from '../core/export/json-schema';
import { exportMermaid } from '../core/export/mermaid';
import { exportRunbook } from '../core/export/runbook';
import { exportSvg } from './../core/export/svg';
import { summarizeProblems } from '../core/plan/loader';
import { loadPlanDocument } from '../core/plan/load-document';
import type { Plan } from '../core/plan/schema';
import { serializePlan } from '../core/plan/serialize';
import { RULES } from '../core/validation/rules';
import { validate } from '../core/validation/validate';
import { ANSI_STYLE, formatCatalogText, formatValidationText, PLAIN_STYLE, safeText } from './format-text';

/** What the CLI touches of the outside world, so tests can run it in-process too. */
export interface CliIo {
  readFile(path: string): string;
  /** Writes an output file (`-o`); defaults to the real file system. */
  writeFile?(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour output: stdout is a terminal and NO_COLOR is unset. */
  readonly color: boolean;
}

/** Exit codes: 0 no error, 1 the plan has errors, 2 the input or the command line is unusable. */
export const EXIT = { ok: 0, planErrors: 1, unusable: 2 } as const;

const USAGE = `Usage:
  plan validate FILE [--format text|json]     check a plan against the Carbonio rules
  plan export FILE --to json|svg|ansible|mermaid|firewall-csv|firewall-md|runbook
              [-o OUT] [--force] [--date YYYY-MM-DD]
                                              write the plan in another format (stdout, or OUT)
      json          the plan file, normalised (stable key order)
      svg           the diagram, with the plan embedded; --date sets its date line (default today)
      ansible       the inventory of the commercial installer zxbot.carbonio_install; refused
                    (exit 1, reasons on stderr) when the installer would fail, unless --force,
                    which writes it with the problems as # PROBLEM comments
      mermaid       a Mermaid flowchart
      firewall-csv  the ports of every node, one CSV line per node and port (spreadsheet-safe)
      firewall-md   the firewall of every node as Markdown: its ports, the ufw or firewall-cmd
                    commands for its OS, the flows; --date sets its date line (default today)
      runbook       the install runbook as Markdown, node by node in install order; --date sets
                    its date line (default today)
  plan schema [-o OUT]                        print the JSON Schema of the plan format
  plan catalog [--edition ce|carbonio] [--format text|json]   list the roles of an edition
  plan rules [--format text|json]             list the validation rules
Exit codes: 0 no error, 1 the plan has errors (validate) or the export is refused (export),
2 the file or the command line is unusable.`;

class UsageError extends Error {}

interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string>;
}

const VALUE_OPTIONS = new Set(['--format', '--edition', '--to', '--output', '--date']);
const FLAG_OPTIONS = new Set(['--force']);
const SHORT_OPTIONS = new Map([['-o', '--output']]);

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      options.set('--help', 'true');
    } else if (SHORT_OPTIONS.has(arg)) {
      const name = SHORT_OPTIONS.get(arg)!;
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      options.set(name, value);
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      const inline = eq < 0 ? undefined : arg.slice(eq + 1);
      if (FLAG_OPTIONS.has(name)) {
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        options.set(name, 'true');
        continue;
      }
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

/** The plan of a file, or `undefined` after writing the reason (one line) to stderr. */
function readPlan(file: string, io: CliIo): Plan | undefined {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`plan: cannot read ${safeText(file)}: ${describeReadError(error)}\n`);
    return undefined;
  }
  const loaded = loadPlanDocument(text);
  if (!loaded.ok) {
    io.stderr(`plan: ${safeText(file)} is not a valid Carbonio plan: ${safeText(summarizeProblems(loaded.problems))}\n`);
    return undefined;
  }
  return loaded.plan;
}

function describeWriteError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return 'no such directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'a parent is not a directory';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function runValidate(args: ParsedArgs, io: CliIo): number {
  const format = formatOption(args);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('validate needs a plan FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  const plan = readPlan(file, io);
  if (!plan) return EXIT.unusable;
  const catalog = getCatalog(plan.edition);
  const diagnostics = validate(plan, catalog);
  if (format === 'json') io.stdout(`${JSON.stringify({ diagnostics })}\n`);
  else io.stdout(formatValidationText(plan, catalog, diagnostics, file, io.color ? ANSI_STYLE : PLAIN_STYLE));
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.planErrors : EXIT.ok;
}

const EXPORT_FORMATS = ['json', 'svg', 'ansible', 'mermaid', 'firewall-csv', 'firewall-md', 'runbook'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Today as YYYY-MM-DD (UTC), the date line of an SVG or Markdown export, as the designer writes it. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function dateOption(args: ParsedArgs): string | undefined {
  const date = args.options.get('--date');
  if (date === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const valid =
    match !== null &&
    (() => {
      const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
      return d.toISOString().slice(0, 10) === date;
    })();
  if (!valid) throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${date}"`);
  return date;
}

/** Writes the output to stdout, or to the `-o` file; a write error is exit 2 with one line. */
function emit(text: string, args: ParsedArgs, io: CliIo): number {
  const out = args.options.get('--output');
  if (out === undefined || out === '-') {
    io.stdout(text);
    return EXIT.ok;
  }
  if (out === '') throw new UsageError('-o needs a file name');
  try {
    (io.writeFile ?? ((path: string, data: string) => writeFileSync(path, data)))(out, text);
  } catch (error) {
    io.stderr(`plan: cannot write ${safeText(out)}: ${describeWriteError(error)}\n`);
    return EXIT.unusable;
  }
  return EXIT.ok;
}

function runExport(args: ParsedArgs, io: CliIo): number {
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('export needs a plan FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${extra[0]}`);
  const to = args.options.get('--to');
  if (to === undefined) throw new UsageError(`export needs --to ${EXPORT_FORMATS.join('|')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(to)) {
    throw new UsageError(`--to must be ${EXPORT_FORMATS.join(', ')}, not "${to}"`);
  }
  const date = dateOption(args);
  const plan = readPlan(file, io);
  if (!plan) return EXIT.unusable;
  switch (to as ExportFormat) {
    case 'json':
      return emit(serializePlan(plan), args, io);
    case 'svg':
      return emit(exportSvg(plan, { date: date ?? today() }), args, io);
    case 'mermaid':
      return emit(exportMermaid(plan), args, io);
    case 'firewall-csv':
      return emit(exportFirewallCsv(plan), args, io);
    case 'firewall-md':
      return emit(exportFirewallMarkdown(plan, { date: date ?? today() }), args, io);
    case 'runbook':
      return emit(exportRunbook(plan, { date: date ?? today() }), args, io);
    case 'ansible': {
      const result = exportAnsibleInventory(plan);
      if (result.ok) return emit(result.text, args, io);
      if (!args.options.has('--force')) {
        for (const problem of result.problems) io.stderr(`plan: ${safeText(oneLineText(problem))}\n`);
        io.stderr(`plan: the Ansible inventory of ${safeText(file)} was not written (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}); --force writes it with the problems as comments\n`);
        return EXIT.planErrors;
      }
      const code = emit(result.text, args, io);
      if (code === EXIT.ok) {
        io.stderr(`plan: warning: the inventory was written with ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} as # PROBLEM comments (--force)\n`);
      }
      return code;
    }
  }
}

function runSchema(args: ParsedArgs, io: CliIo): number {
  if (args.positional.length > 0) throw new UsageError(`unexpected argument ${args.positional[0]}`);
  return emit(planJsonSchemaText(), args, io);
}

/** A message on one line, whatever the plan put in it. */
function oneLineText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
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
      case 'export':
        return runExport(args, io);
      case 'schema':
        return runSchema(args, io);
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
