import type { RoleKind } from '../core/catalog/role-ids';

/** Headings of the role kinds, in the docs' words. */
export const KIND_LABELS: Record<RoleKind, string> = {
  core: 'Core',
  infra: 'Infrastructure',
  ui: 'User interfaces',
  collaboration: 'Collaboration',
  additional: 'Additional',
  legacy: 'Legacy',
};

/** The CSS class that colours a chip of this kind (see theme.css). */
export function kindClass(kind: RoleKind | undefined): string {
  return kind ? `kind-${kind}` : 'kind-unknown';
}
