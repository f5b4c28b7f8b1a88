import { formatGb, sizingReport } from '../core/network/sizing';

const gb = (value: number) => `${formatGb(value)} GB`;
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectPlan } from '../store/selectors';
import { CommitField } from './CommitField';
import './NetworkPanel.css';

/** The sizing helper: accounts and quota in, Mailstore disk out, every figure with its source. */
export function CapacityPanel() {
  const store = useEditorStore();
  const plan = useEditor(selectPlan);
  const report = sizingReport(plan);
  const commit = (field: 'accounts' | 'mailboxQuotaGb', text: string): string | undefined => {
    const trimmed = text.trim();
    const value = trimmed === '' ? undefined : Number(trimmed);
    if (value !== undefined && (!Number.isFinite(value) || value < 0 || (field === 'accounts' && !Number.isInteger(value)))) {
      return field === 'accounts' ? 'Enter a whole number of accounts' : 'Enter a quota in GB (0 or more)';
    }
    const sizing = { ...plan.sizing, [field]: value };
    const cleaned = Object.fromEntries(Object.entries(sizing).filter(([, v]) => v !== undefined));
    if ((plan.sizing?.[field] ?? undefined) !== value) {
      store.getState().dispatch({
        type: 'set-plan-fields',
        changes: { sizing: Object.keys(cleaned).length > 0 ? cleaned : undefined },
      });
    }
    return undefined;
  };
  return (
    <div className="network-panel">
      <section aria-labelledby="sizing-heading">
        <h3 id="sizing-heading">Sizing</h3>
        <CommitField
          label="Accounts"
          value={plan.sizing?.accounts?.toString() ?? ''}
          inputMode="numeric"
          onCommit={(text) => commit('accounts', text)}
        />
        <CommitField
          label="Mailbox quota (GB)"
          value={plan.sizing?.mailboxQuotaGb?.toString() ?? ''}
          inputMode="decimal"
          onCommit={(text) => commit('mailboxQuotaGb', text)}
        />
      </section>
      <section aria-labelledby="capacity-heading">
        <h3 id="capacity-heading">Capacity</h3>
        <dl className="capacity-figures">
          <dt>Mailstore disk needed</dt>
          <dd data-testid="mailstore-disk">
            {report.mailstoreDiskGb === null ? 'set accounts and quota' : `about ${gb(report.mailstoreDiskGb)}`}
          </dd>
          <dt>Per Mailstore node</dt>
          <dd>{report.perMailstoreNodeGb === null ? '—' : `about ${gb(report.perMailstoreNodeGb)}`}</dd>
          <dt>Mailstore disk planned</dt>
          <dd>{report.mailstorePlannedDiskGb === null ? 'not given on every Mailstore node' : gb(report.mailstorePlannedDiskGb)}</dd>
          <dt>Plan totals</dt>
          <dd>
            {report.totals.vcpu.total} vCPU · {gb(report.totals.ramGb.total)} RAM · {gb(report.totals.diskGb.total)} disk
          </dd>
        </dl>
        <ul className="network-flow-list" aria-label="Sizing notes">
          {report.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
