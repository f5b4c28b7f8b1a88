/**
 * A step that turns a document of version `from` into one of version `from + 1`. It receives a
 * plain JSON object (already checked to be an object) and returns a new one; it never mutates.
 */
export interface PlanMigration {
  readonly from: number;
  readonly description: string;
  readonly migrate: (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

/**
 * Every migration of the plan format, oldest first. Version 1 is the first published format,
 * so the list is empty today; adding version 2 means appending `{ from: 1, … }` here, bumping
 * `CURRENT_PLAN_VERSION`, and a test in `migrations.test.ts` that runs the new step.
 */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [];

/** Result of bringing a document up to the target version. */
export type MigrationOutcome =
  | { ok: true; doc: Record<string, unknown>; applied: readonly number[] }
  | { ok: false; message: string };

/**
 * Applies the migrations from `version` up to `target`, one version at a time. Fails, with a
 * message, when a step is missing or a step throws: a half-migrated document never escapes.
 */
export function migrateDocument(
  doc: Record<string, unknown>,
  version: number,
  target: number,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
): MigrationOutcome {
  const steps = new Map(migrations.map((m) => [m.from, m]));
  let current = doc;
  const applied: number[] = [];
  for (let v = version; v < target; v++) {
    const step = steps.get(v);
    if (!step) return { ok: false, message: `no migration from format version ${v} to ${v + 1}` };
    try {
      current = { ...step.migrate(current), version: v + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `migration from format version ${v} failed: ${reason}` };
    }
    applied.push(v);
  }
  return { ok: true, doc: current, applied };
}
