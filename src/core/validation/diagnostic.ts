import type { PlanCommand } from '../commands/commands';

/** How bad a finding is: errors break the install, warnings go against advice, infos inform. */
export type Severity = 'error' | 'warning' | 'info';

/** A mechanical repair: applying `commands` to the plan resolves the diagnostic. */
export interface Fix {
  readonly label: string;
  readonly commands: readonly PlanCommand[];
}

/** One finding of the validator. */
export interface Diagnostic {
  /** Stable rule id, e.g. `ui-on-proxy`; never renamed once published. */
  readonly rule: string;
  readonly severity: Severity;
  /** What is wrong and how to fix it, naming hostnames and roles. */
  readonly message: string;
  /** Nodes concerned, in plan order; empty for plan-wide findings. */
  readonly nodeIds: readonly string[];
  readonly roleId?: string;
  /** The docs reference the rule follows. */
  readonly source: string;
  readonly fix?: Fix;
}

/** Severities from worst to mildest. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
