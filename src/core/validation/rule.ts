import type { ValidationContext } from './context';
import type { Diagnostic } from './diagnostic';

/** A validation rule: one file each under `rules/`, named after its stable id. */
export interface Rule {
  readonly id: string;
  /** One sentence for documentation and the CLI's rule list. */
  readonly summary: string;
  check(ctx: ValidationContext): Diagnostic[];
}
