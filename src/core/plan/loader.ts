import { z } from 'zod';
import { migrateDocument, PLAN_MIGRATIONS, type PlanMigration } from './migrations';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, planSchema, type Plan } from './schema';

/** One reason a document is not a plan: where (a JSON path such as `$.nodes[2].hostname`) and what. */
export interface LoadProblem {
  readonly path: string;
  readonly message: string;
}

/** What the loader returns: a plan, or every problem found. It never throws. */
export type LoadResult =
  | { readonly ok: true; readonly plan: Plan; readonly migratedFrom?: number }
  | { readonly ok: false; readonly problems: readonly LoadProblem[] };

/** Options, for tests of the migration mechanism. */
export interface LoadOptions {
  readonly migrations?: readonly PlanMigration[];
  readonly currentVersion?: number;
}

/**
 * The only way a plan gets in, from text (a file, a paste, localStorage, a share link).
 * Parses the JSON, then hands over to {@link loadPlanValue}.
 */
export function loadPlan(text: string, options: LoadOptions = {}): LoadResult {
  // Editors on Windows may start UTF-8 files with a byte-order mark; JSON.parse refuses it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('$', 'the file is empty; expected a Carbonio plan (JSON)');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail('$', `not valid JSON: ${describeJsonError(error, text)}`);
  }
  return loadPlanValue(value, options);
}

/**
 * Checks format and version, migrates older versions, refuses newer ones, and validates the
 * result against the current schema. Every problem names its JSON path.
 */
export function loadPlanValue(value: unknown, options: LoadOptions = {}): LoadResult {
  const currentVersion = options.currentVersion ?? CURRENT_PLAN_VERSION;
  if (!isRecord(value)) {
    return fail('$', `expected a JSON object (a Carbonio plan), got ${describeValue(value)}`);
  }
  if (value.format !== PLAN_FORMAT) {
    const got = value.format === undefined ? 'no "format" field' : `format ${describeValue(value.format)}`;
    return fail('$.format', `expected "${PLAN_FORMAT}", got ${got}: this is not a Carbonio plan file`);
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('$.version', `expected a format version number from 1 to ${currentVersion}, got ${describeValue(version)}`);
  }
  if (version > currentVersion) {
    return fail(
      '$.version',
      `format version ${version} comes from a newer version of the designer; this one reads versions up to ${currentVersion}. Update the designer to open it`,
    );
  }
  let doc: Record<string, unknown> = value;
  if (version < currentVersion) {
    const outcome = migrateDocument(value, version, currentVersion, options.migrations ?? PLAN_MIGRATIONS);
    if (!outcome.ok) return fail('$.version', outcome.message);
    doc = outcome.doc;
  }
  // The schema pins `version` to CURRENT_PLAN_VERSION; a test that injects another current
  // version checks the migrated document against that version instead (the `Plan` type then
  // understates `version`, which only tests see).
  const schema =
    currentVersion === CURRENT_PLAN_VERSION
      ? planSchema
      : (planSchema.extend({ version: z.literal(currentVersion) }) as unknown as typeof planSchema);
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => describeIssue(issue, doc)) };
  }
  return version < currentVersion ? { ok: true, plan: parsed.data, migratedFrom: version } : { ok: true, plan: parsed.data };
}

/** One line for a terminal or a dialog title: the first problems, then how many more. */
export function summarizeProblems(problems: readonly LoadProblem[], max = 3): string {
  const shown = problems.slice(0, max).map((p) => (p.path === '$' ? p.message : `${p.path}: ${p.message}`));
  const more = problems.length - shown.length;
  return more > 0 ? `${shown.join('; ')} (and ${more} more)` : shown.join('; ');
}

function fail(path: string, message: string): LoadResult {
  return { ok: false, problems: [{ path, message }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `$.nodes[2].hostname` from zod's path segments. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  array: 'an array',
  object: 'an object',
  boolean: 'true or false',
};

function describeIssue(issue: z.core.$ZodIssue, doc: unknown): LoadProblem {
  const path = formatJsonPath(issue.path);
  const got = describeValue(valueAt(doc, issue.path));
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(doc, issue.path) === undefined) return { path, message: `required field is missing; expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}` };
      return { path, message: `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}, got ${got}` };
    }
    case 'invalid_value':
      if (valueAt(doc, issue.path) === undefined) return { path, message: `required field is missing; expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
      return { path, message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}` };
    case 'too_small':
      if (issue.origin === 'string') return { path, message: 'must not be empty' };
      return { path, message: `expected a value of at least ${String(issue.minimum)}, got ${got}` };
    case 'too_big':
      return { path, message: `expected a value of at most ${String(issue.maximum)}, got ${got}` };
    default:
      return { path, message: `${issue.message}, got ${got}` };
  }
}

/** Turns V8's JSON error into "unexpected end of input at line 3, column 7". */
function describeJsonError(error: unknown, text: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const reason = raw
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^JSON\.parse: /, '')
    .replace(/, ((?:\.\.\.)?".*"(?:\.\.\.)?)\s*is not valid JSON$/s, (_, near: string) => ` near ${near.replace(/\s+/g, ' ')}`)
    .replace(/^Unexpected end of JSON input$/, 'the file ends too early (truncated?)');
  if (!position) return reason.charAt(0).toLowerCase() + reason.slice(1);
  const offset = Number(position[1]);
  if (offset >= text.trimEnd().length) return 'the file ends too early (truncated?)';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${reason.charAt(0).toLowerCase() + reason.slice(1)} at line ${line}, column ${column}`;
}
