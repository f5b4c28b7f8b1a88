import type { Catalog } from '../core/catalog/catalog';
import type { Plan } from '../core/plan/schema';
import { EDITION_NAMES } from '../core/catalog/role-ids';
import type { Diagnostic, Severity } from '../core/validation/diagnostic';
import { countBySeverity } from '../core/validation/validate';

/** ANSI styling, or none. */
export interface Style {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const ESC = '\u001b[';
export const ANSI_STYLE: Style = {
  severity: (severity, text) => `${ESC}${severity === 'error' ? '31' : severity === 'warning' ? '33' : '36'}m${text}${ESC}0m`,
  bold: (text) => `${ESC}1m${text}${ESC}0m`,
  dim: (text) => `${ESC}2m${text}${ESC}0m`,
};
export const PLAIN_STYLE: Style = { severity: (_s, t) => t, bold: (t) => t, dim: (t) => t };

/** Strips terminal control characters from user text so a hostile plan cannot drive the terminal. */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The validation report for a terminal: a header, then the diagnostics grouped by node (plan-wide
 * findings first, then nodes in plan order, then findings that span several nodes), then totals.
 */
export function formatValidationText(
  plan: Plan,
  catalog: Catalog,
  diagnostics: readonly Diagnostic[],
  file: string,
  style: Style = PLAIN_STYLE,
): string {
  const roleCount = plan.nodes.reduce((sum, n) => sum + n.roles.length, 0);
  const lines: string[] = [
    style.bold(`${safeText(file)}: "${safeText(plan.name)}"`) +
      ` · ${EDITION_NAMES[catalog.edition]} · ${plural(plan.nodes.length, 'node')} · ${plural(roleCount, 'role')}`,
  ];
  const position = new Map(plan.nodes.map((n, i) => [n.id, i] as const));
  const labels = new Map(plan.nodes.map((n) => [n.id, n.hostname.trim() || `node "${n.id}"`] as const));
  const groups = new Map<string, { order: number; title: string; items: Diagnostic[] }>();
  for (const d of diagnostics) {
    const key = d.nodeIds.join('\u0000');
    let group = groups.get(key);
    if (!group) {
      const first = d.nodeIds.length === 0 ? -1 : (position.get(d.nodeIds[0]!) ?? -1);
      const title =
        d.nodeIds.length === 0
          ? 'Whole plan'
          : d.nodeIds.map((id) => labels.get(id) ?? `node "${id}"`).join(', ');
      group = { order: d.nodeIds.length > 1 ? plan.nodes.length + first : first, title, items: [] };
      groups.set(key, group);
    }
    group.items.push(d);
  }
  const width = Math.max(0, ...diagnostics.map((d) => d.rule.length));
  for (const group of [...groups.values()].sort((a, b) => a.order - b.order)) {
    lines.push('', style.bold(safeText(group.title)));
    for (const d of group.items) {
      const label = style.severity(d.severity, d.severity.padEnd(7));
      lines.push(`  ${label}  ${d.rule.padEnd(width)}  ${safeText(d.message)}`);
      lines.push(style.dim(`  ${' '.repeat(7)}  ${' '.repeat(width)}  source: ${d.source}`));
      if (d.fix) lines.push(style.dim(`  ${' '.repeat(7)}  ${' '.repeat(width)}  fix: ${safeText(d.fix.label)}`));
    }
  }
  const counts = countBySeverity(diagnostics);
  const summary = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`;
  lines.push('', counts.error > 0 ? style.severity('error', summary) : diagnostics.length === 0 ? `No problems: ${summary}` : summary);
  return `${lines.join('\n')}\n`;
}

/** The catalog of an edition as an aligned table. */
export function formatCatalogText(catalog: Catalog, style: Style = PLAIN_STYLE): string {
  const idWidth = Math.max(...catalog.roles.map((r) => r.id.length));
  const nameWidth = Math.max(...catalog.roles.map((r) => r.name.length));
  const kindWidth = Math.max(...catalog.roles.map((r) => r.kind.length));
  const lines = [
    style.bold(`${EDITION_NAMES[catalog.edition]}: ${catalog.roles.length} roles`),
    '',
    style.bold(`${'id'.padEnd(idWidth)}  ${'name'.padEnd(nameWidth)}  ${'kind'.padEnd(kindWidth)}  packages`),
  ];
  for (const role of catalog.roles) {
    lines.push(
      `${role.id.padEnd(idWidth)}  ${role.name.padEnd(nameWidth)}  ${role.kind.padEnd(kindWidth)}  ${role.packages.join(', ') || '—'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
