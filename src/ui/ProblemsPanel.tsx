import { useId, useRef } from 'react';
import type { Diagnostic, Severity } from '../core/validation/diagnostic';
import { SEVERITIES } from '../core/validation/diagnostic';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { applyFix } from '../store/editor-actions';
import { selectCounts, selectDiagnostics } from '../store/selectors';
import './ProblemsPanel.css';

/** Group headings, worst first. */
const GROUP_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The one-line verdict above the list: "2 errors · 3 warnings · 1 info", "No errors · 2 warnings",
 * or a plain all-clear when nothing is found. Zero warnings or infos are left out.
 */
export function problemsSummary(counts: Readonly<Record<Severity, number>>): string {
  if (counts.error + counts.warning + counts.info === 0) {
    return 'No problems: the plan follows every rule the designer checks.';
  }
  const parts = [counts.error === 0 ? 'No errors' : plural(counts.error, 'error')];
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning'));
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  return parts.join(' · ');
}

/** A stable React key from the finding's content, unique even if two findings are identical. */
function itemKey(d: Diagnostic, seen: Map<string, number>): string {
  const base = `${d.rule}|${d.roleId ?? ''}|${d.nodeIds.join(',')}|${d.message}`;
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}#${n}`;
}

/**
 * Every finding of the validator, grouped by severity. Activating a finding selects its nodes and
 * asks the canvas to bring them into view; a finding with a quick fix offers a "Fix" button that
 * applies it as one undoable step.
 */
export function ProblemsPanel({ className }: { className?: string }) {
  const store = useEditorStore();
  const diagnostics = useEditor(selectDiagnostics);
  const counts = useEditor(selectCounts);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const baseId = useId();

  const reveal = (d: Diagnostic) => {
    if (d.nodeIds.length > 0) store.getState().reveal(d.nodeIds);
  };
  const fix = (d: Diagnostic) => {
    if (!d.fix) return;
    // The fixed finding (and its button) usually goes away: keep focus in the panel.
    if (applyFix(store, d.fix)) headingRef.current?.focus();
  };

  const summary = problemsSummary(counts);
  const summaryTone = counts.error > 0 ? 'error' : diagnostics.length === 0 ? 'ok' : 'clean';

  return (
    <section aria-label="Problems" className={`problems-panel ${className ?? ''}`.trim()}>
      <header className="problems-header">
        <h2 ref={headingRef} tabIndex={-1}>
          Problems
        </h2>
        <p className={`problems-summary problems-summary-${summaryTone}`}>{summary}</p>
      </header>
      <div className="problems-scroll">
        {SEVERITIES.map((severity) => {
          const items = diagnostics.filter((d) => d.severity === severity);
          if (items.length === 0) return null;
          const headingId = `${baseId}-${severity}`;
          const keys = new Map<string, number>();
          return (
            <div key={severity} className={`problems-group problems-${severity}`}>
              <h3 id={headingId} className="problems-group-title">
                {GROUP_TITLES[severity]} <span className="problems-group-count">({items.length})</span>
              </h3>
              <ul aria-labelledby={headingId} className="problems-list">
                {items.map((d, index) => {
                  const itemId = `${baseId}-${severity}-${index}`;
                  return (
                    <li key={itemKey(d, keys)} className="problem">
                      <code id={`${itemId}-rule`} className="problem-rule">
                        {d.rule}
                      </code>
                      {d.nodeIds.length > 0 ? (
                        <button
                          type="button"
                          className="problem-message"
                          aria-describedby={`${itemId}-rule ${itemId}-source`}
                          title={d.nodeIds.length === 1 ? 'Show the node on the canvas' : 'Show the nodes on the canvas'}
                          onClick={() => reveal(d)}
                        >
                          {d.message}
                        </button>
                      ) : (
                        // A plan-wide finding concerns no node: nothing to reveal, so no button.
                        <p className="problem-message problem-message-static">{d.message}</p>
                      )}
                      <p id={`${itemId}-source`} className="problem-source">
                        {d.source}
                      </p>
                      {d.fix && (
                        <button
                          type="button"
                          className="problem-fix"
                          aria-label={`Fix: ${d.fix.label}`}
                          title={d.fix.label}
                          onClick={() => fix(d)}
                        >
                          Fix
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
