import { formatPort } from '../core/catalog/ports';
import { portTable } from '../core/network/port-table';
import type { PlanNode } from '../core/plan/schema';
import { useEditor } from '../store/EditorProvider';
import { selectPlan } from '../store/selectors';

const OPEN_TO: Record<string, string> = { internet: 'Internet', internal: 'Private network', localhost: 'This node only' };

/** The ports a node opens, derived live from its roles and the services offered. */
export function NodePorts({ node }: { node: PlanNode }) {
  const plan = useEditor(selectPlan);
  const rows = portTable(plan, node);
  const title = node.hostname || node.id;
  if (rows.length === 0) return <p className="inspector-hint">No ports.</p>;
  const sources = [...new Set(rows.flatMap((row) => row.source.split('; ')))];
  return (
    <>
      <table className="port-table" aria-label={`Ports of ${title}`}>
        <thead>
          <tr>
            <th scope="col">Port</th>
            <th scope="col">Open to</th>
            <th scope="col">Purpose</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${formatPort(row.port)}/${row.protocol}`}
              className={`port-${row.exposure}`}
              data-port={`${formatPort(row.port)}/${row.protocol}`}
              data-exposure={row.exposure}
            >
              <td>
                {formatPort(row.port)}/{row.protocol}
              </td>
              <td>{OPEN_TO[row.exposure]}</td>
              <td title={`${row.source}${row.note ? `\n${row.note}` : ''}`}>{row.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="inspector-source">Sources: {sources.join('; ')}</p>
    </>
  );
}
