import { SERVICE_EXPOSURES, type ServiceExposure } from '../core/plan/schema';
import { planFlows, INTERNET } from '../core/network/flows';
import { serviceLabel, serviceStates } from '../core/network/services';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectPlan } from '../store/selectors';
import './NetworkPanel.css';

const EXPOSURE_LABEL: Record<ServiceExposure, string> = { internet: 'Internet', internal: 'Private / VPN', off: 'Off' };
const selectShowInternal = (s: { showInternalFlows: boolean }) => s.showInternalFlows;

/** Services offered to clients, and the flows they cause, derived live from the plan. */
export function NetworkPanel() {
  const store = useEditorStore();
  const plan = useEditor(selectPlan);
  const showInternal = useEditor(selectShowInternal);
  const states = serviceStates(plan);
  const flows = planFlows(plan);
  const hostnames = new Map(plan.nodes.map((n) => [n.id, n.hostname || n.id] as const));
  const name = (id: string) => (id === INTERNET ? 'Internet' : (hostnames.get(id) ?? id));
  const external = flows.filter((f) => f.from === INTERNET);

  return (
    <div className="network-panel">
      <section aria-labelledby="services-heading" className="network-services">
        <h3 id="services-heading">Services offered</h3>
        <table className="network-table">
          <tbody>
            {states.map(({ service, exposure, defaultExposure, explicit }) => (
              <tr key={service.id}>
                <th scope="row">
                  <label htmlFor={`service-${service.id}`}>{serviceLabel(service)}</label>
                </th>
                <td>
                  <select
                    id={`service-${service.id}`}
                    value={exposure}
                    onChange={(e) => {
                      const value = e.target.value as ServiceExposure;
                      store.getState().dispatch({
                        type: 'set-service',
                        service: service.id,
                        exposure: value === defaultExposure ? null : value,
                      });
                    }}
                  >
                    {SERVICE_EXPOSURES.map((x) => (
                      <option key={x} value={x}>
                        {EXPOSURE_LABEL[x]}
                        {x === defaultExposure ? ' (default)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="network-why" title={service.source}>
                  {explicit ? 'set in this plan' : service.defaultWhy}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="flows-heading" className="network-flows">
        <h3 id="flows-heading">
          Flows{' '}
          <label className="network-toggle">
            <input
              type="checkbox"
              checked={showInternal}
              onChange={(e) => store.getState().setShowInternalFlows(e.target.checked)}
            />{' '}
            Show internal flows on the canvas
          </label>
        </h3>
        <p className="network-hint">
          From the Internet: {external.length === 0 ? 'nothing is offered to the Internet.' : ''}
        </p>
        <ul className="network-flow-list" aria-label="Flows from the Internet">
          {external.map((f, i) => (
            <li key={i}>
              Internet → {name(f.to)}: {f.protocol.toUpperCase()} {f.ports} ({f.purpose})
            </li>
          ))}
        </ul>
        <details>
          <summary>Internal flows ({flows.length - external.length})</summary>
          <ul className="network-flow-list" aria-label="Internal flows">
            {flows
              .filter((f) => f.from !== INTERNET)
              .map((f, i) => (
                <li key={i}>
                  {name(f.from)} → {name(f.to)}: {f.protocol.toUpperCase()} {f.ports} ({f.purpose})
                </li>
              ))}
          </ul>
        </details>
      </section>
    </div>
  );
}
