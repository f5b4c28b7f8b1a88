import { useState } from 'react';
import { exportAnsibleInventory } from '../core/export/ansible';
import { exportFirewallCsv, exportFirewallMarkdown } from '../core/export/firewall';
import { exportMermaid } from '../core/export/mermaid';
import { exportRunbook } from '../core/export/runbook';
import { exportSvg } from '../core/export/svg';
import { serializePlan } from '../core/plan/serialize';
import type { Plan } from '../core/plan/schema';
import { useEditorStore } from '../store/EditorProvider';
import { Dialog } from './Dialog';
import { downloadBlob, downloadText, fileNameFor } from './download';
import { svgToPng } from './rasterize';
import { ShareDialog } from './ShareDialog';

/** Today as YYYY-MM-DD, for the diagram's date line. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

type Pending = { kind: 'share' } | { kind: 'refused'; title: string; problems: readonly string[] } | undefined;

/** The Export menu: every format is generated from the plan model, as the CLI does. */
export function ExportMenu() {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<Pending>();

  const run = (action: (plan: Plan) => void | Promise<void>) => () => {
    setOpen(false);
    const plan = store.getState().plan;
    Promise.resolve(action(plan)).catch((error: unknown) =>
      store.getState().notify('error', `Export failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const items: [string, () => void][] = [
    ['Plan (JSON)', run((plan) => downloadText(fileNameFor(plan.name, 'json'), serializePlan(plan), 'application/json'))],
    ['Diagram (SVG)', run((plan) => downloadText(fileNameFor(plan.name, 'svg'), exportSvg(plan, { date: today() }), 'image/svg+xml'))],
    ...[1, 2].map((scale): [string, () => void] => [
      `Diagram (PNG ${scale}×)`,
      run(async (plan) => {
        const png = await svgToPng(exportSvg(plan, { date: today() }), scale);
        downloadBlob(fileNameFor(plan.name, 'png', scale > 1 ? `${scale}x` : ''), png);
      }),
    ]),
    [
      'Ansible inventory',
      run((plan) => {
        const result = exportAnsibleInventory(plan);
        if (result.ok) downloadText(fileNameFor(plan.name, 'ini', 'inventory'), result.text, 'text/plain');
        else setPending({ kind: 'refused', title: 'Ansible inventory not exported', problems: result.problems });
      }),
    ],
    ['Mermaid flowchart', run((plan) => downloadText(fileNameFor(plan.name, 'mmd'), exportMermaid(plan), 'text/plain'))],
    ['Firewall matrix (CSV)', run((plan) => downloadText(fileNameFor(plan.name, 'csv', 'firewall'), exportFirewallCsv(plan), 'text/csv'))],
    [
      'Firewall matrix and commands (Markdown)',
      run((plan) => downloadText(fileNameFor(plan.name, 'md', 'firewall'), exportFirewallMarkdown(plan, { date: today() }), 'text/markdown')),
    ],
    [
      'Install runbook (Markdown)',
      run((plan) => downloadText(fileNameFor(plan.name, 'md', 'runbook'), exportRunbook(plan, { date: today() }), 'text/markdown')),
    ],
    ['Share link…', run(() => setPending({ kind: 'share' }))],
    ['Print…', run(() => window.print())],
  ];

  return (
    <div
      className="menu-anchor"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export
      </button>
      {open && (
        <div role="menu" aria-label="Export" className="menu">
          {items.map(([label, action], i) => (
            <button key={label} type="button" role="menuitem" autoFocus={i === 0} onClick={action}>
              {label}
            </button>
          ))}
        </div>
      )}
      {pending?.kind === 'share' && <ShareDialog onClose={() => setPending(undefined)} />}
      {pending?.kind === 'refused' && (
        <Dialog title={pending.title} onClose={() => setPending(undefined)}>
          <p>The installer would reject this plan. Fix these first (the command-line exporter can write it anyway with --force):</p>
          <ul aria-label="Reasons">
            {pending.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Dialog>
      )}
    </div>
  );
}
