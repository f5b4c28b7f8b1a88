import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { getCatalog } from '../core/catalog/catalog';
import { EDITION_NAMES } from '../core/catalog/role-ids';
import { exportSvg } from '../core/export/svg';
import { useEditor } from '../store/EditorProvider';
import { selectDiagnostics, selectPlan } from '../store/selectors';
import { today } from './ExportMenu';
import './PrintView.css';

/**
 * True while the page is printed (or shown as print media). The print layout is built only then,
 * so editing never pays for the diagram.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia?.('print').matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.('print');
    // flushSync: the browser takes its print snapshot right after `beforeprint` returns.
    const on = () => flushSync(() => setPrinting(true));
    const off = () => setPrinting(query?.matches ?? false);
    const onChange = () => (query?.matches ? on() : off());
    window.addEventListener('beforeprint', on);
    window.addEventListener('afterprint', off);
    query?.addEventListener?.('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', on);
      window.removeEventListener('afterprint', off);
      query?.removeEventListener?.('change', onChange);
    };
  }, []);
  return printing;
}

/**
 * What paper gets (print stylesheet): the diagram from the model, a node table and the problems.
 * Hidden on screen. The diagram is an <img>, where SVG runs no script.
 */
export function PrintView() {
  return usePrinting() ? <PrintLayout /> : <div className="print-view" aria-hidden="true" />;
}

function PrintLayout() {
  const plan = useEditor(selectPlan);
  const diagnostics = useEditor(selectDiagnostics);
  const catalog = getCatalog(plan.edition);
  const diagramUrl = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(exportSvg(plan, { date: today() }))}`,
    [plan],
  );
  return (
    <div className="print-view" aria-hidden="true">
      <img className="print-diagram" src={diagramUrl} alt="" />
      <section className="print-page">
        <h1>{plan.name}</h1>
        <p>
          {EDITION_NAMES[plan.edition]} · {plan.nodes.length} node{plan.nodes.length === 1 ? '' : 's'} · {today()}
        </p>
        <table className="print-table">
          <thead>
            <tr>
              <th>Hostname</th>
              <th>Private IP</th>
              <th>Public IP</th>
              <th>Zone</th>
              <th>Roles</th>
              <th>vCPU / RAM / disk</th>
            </tr>
          </thead>
          <tbody>
            {plan.nodes.map((node, i) => (
              <tr key={`${node.id}-${i}`}>
                <td>{node.hostname}</td>
                <td>{node.privateIp ?? '—'}</td>
                <td>{node.publicIp ?? '—'}</td>
                <td>{node.zone?.toUpperCase() ?? '—'}</td>
                <td>{node.roles.map((r) => catalog.get(r)?.name ?? r).join(', ')}</td>
                <td>
                  {node.resources?.vcpu ?? '—'} / {node.resources?.ramGb ?? '—'} GB / {node.resources?.diskGb ?? '—'} GB
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Problems</h2>
        {diagnostics.length === 0 ? (
          <p>No problems.</p>
        ) : (
          <ul className="print-problems">
            {diagnostics.map((d, i) => (
              <li key={i}>
                <strong>{d.severity}</strong> <code>{d.rule}</code> {d.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
