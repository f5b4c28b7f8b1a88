import { Fragment } from 'react';
import type { Severity } from '../core/validation/diagnostic';
import { useEditor } from '../store/EditorProvider';
import { selectCounts, selectTotals, type PlanTotals } from '../store/selectors';
import './StatusBar.css';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const TERABYTES = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Disk in GB, or in TB with one decimal from 1000 GB up (decimal units, as disks are sold). */
export function formatDisk(diskGb: number): string {
  return diskGb >= 1000 ? `${TERABYTES.format(diskGb / 1000)} TB` : `${NUMBER.format(diskGb)} GB`;
}

interface Part {
  readonly key: string;
  readonly text: string;
  readonly tone?: Severity;
}

/** The pieces of the bar, in order; joined by " · " they read as one sentence. */
export function statusParts(totals: PlanTotals, counts: Readonly<Record<Severity, number>>): Part[] {
  const parts: Part[] = [
    { key: 'nodes', text: plural(totals.nodes, 'node') },
    { key: 'roles', text: plural(totals.roles, 'role') },
    { key: 'vcpu', text: `${NUMBER.format(totals.vcpu)} vCPU` },
    { key: 'ram', text: `${NUMBER.format(totals.ramGb)} GB RAM` },
    {
      key: 'disk',
      text:
        `${formatDisk(totals.diskGb)} disk` +
        (totals.nodesWithoutResources > 0 ? ` (${plural(totals.nodesWithoutResources, 'node')} without resources)` : ''),
    },
    { key: 'errors', text: plural(counts.error, 'error'), ...(counts.error > 0 ? { tone: 'error' as const } : {}) },
    { key: 'warnings', text: plural(counts.warning, 'warning'), ...(counts.warning > 0 ? { tone: 'warning' as const } : {}) },
  ];
  return parts;
}

/** One line under the editor: size of the plan, summed resources, and the validator's verdict. */
export function StatusBar({ className }: { className?: string }) {
  const totals = useEditor(selectTotals);
  const counts = useEditor(selectCounts);
  const parts = statusParts(totals, counts);
  return (
    <footer role="status" aria-label="Plan summary" className={`status-bar ${className ?? ''}`.trim()}>
      {parts.map((part, index) => (
        <Fragment key={part.key}>
          {index > 0 && (
            <span className="status-bar-separator" aria-hidden="true">
              {' · '}
            </span>
          )}
          <span className={part.tone ? `status-bar-item status-bar-${part.tone}` : 'status-bar-item'}>{part.text}</span>
        </Fragment>
      ))}
    </footer>
  );
}
