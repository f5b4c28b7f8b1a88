import type { CatalogRole } from '../core/catalog/catalog';
import { COMMON_NODE_PORTS, formatPort } from '../core/catalog/ports';
import type { PortExposure } from '../core/catalog/role-definition';
import { EDITION_NAMES, isRoleId } from '../core/catalog/role-ids';
import { roleDefinition } from '../core/catalog/catalog';
import { removeRole } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectCatalog, selectPlan } from '../store/selectors';
import { KIND_LABELS, kindClass } from './labels';

const EXPOSURE_LABELS: Record<PortExposure, string> = {
  external: 'External',
  internal: 'Internal',
  localhost: 'Localhost only',
};

interface RoleDetailsProps {
  nodeId: string;
  roleId: string;
}

/** The selected role chip: what the role is, what it installs and which ports it opens. */
export function RoleDetails({ nodeId, roleId }: RoleDetailsProps) {
  const store = useEditorStore();
  const catalog = useEditor(selectCatalog);
  const plan = useEditor(selectPlan);
  const role = catalog.get(roleId);
  const hostname = plan.nodes.find((n) => n.id === nodeId)?.hostname || 'this node';

  return (
    <div className="inspector-body">
      {role ? <RoleFacts role={role} /> : <UnknownRole roleId={roleId} edition={EDITION_NAMES[catalog.edition]} />}
      <p className="inspector-hint">On {hostname}.</p>
      <div className="inspector-actions">
        <button type="button" onClick={() => store.getState().select({ nodeIds: [nodeId] })}>
          Show node
        </button>
        <button type="button" className="danger" onClick={() => removeRole(store, nodeId, roleId)}>
          Remove from node
        </button>
      </div>
    </div>
  );
}

function UnknownRole({ roleId, edition }: { roleId: string; edition: string }) {
  const name = isRoleId(roleId) ? roleDefinition(roleId).name : roleId;
  return (
    <>
      <h2 className="inspector-title">{name}</h2>
      <p className="field-error">{isRoleId(roleId) ? `Not a role of ${edition}.` : 'Unknown role.'}</p>
    </>
  );
}

function RoleFacts({ role }: { role: CatalogRole }) {
  return (
    <>
      <h2 className="inspector-title">{role.name}</h2>
      <p>
        <span className={`inspector-kind ${kindClass(role.kind)}`}>{KIND_LABELS[role.kind]}</span>
      </p>
      <p>{role.description}</p>
      {role.caveat && (
        <p className="inspector-caveat">
          <strong>Caveat:</strong> {role.caveat}
        </p>
      )}

      <h3 className="inspector-subtitle">Packages</h3>
      {role.packages.length === 0 ? (
        <p className="inspector-hint">No package of its own.</p>
      ) : (
        <ul className="inspector-packages" aria-label="Packages">
          {role.packages.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
      )}

      <h3 className="inspector-subtitle">Ports</h3>
      {role.ports.length === 0 ? (
        <p className="inspector-hint">No port of its own.</p>
      ) : (
        <PortsTable role={role} />
      )}
      <p className="inspector-hint">
        Every node also opens {COMMON_NODE_PORTS.map((p) => formatPort(p.port)).join(', ')} on the private network.
      </p>

      <h3 className="inspector-subtitle">Source</h3>
      <p className="inspector-source">{role.source}</p>
    </>
  );
}

function PortsTable({ role }: { role: CatalogRole }) {
  return (
    <table className="inspector-ports">
      <caption className="visually-hidden">Ports of {role.name}</caption>
      <thead>
        <tr>
          <th scope="col">Port</th>
          <th scope="col">Protocol</th>
          <th scope="col">Exposure</th>
          <th scope="col">Purpose</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {role.ports.map((p) => (
          <tr key={`${formatPort(p.port)}/${p.protocol}`}>
            <td>{formatPort(p.port)}</td>
            <td>{p.protocol.toUpperCase()}</td>
            <td>{EXPOSURE_LABELS[p.exposure]}</td>
            <td>{p.purpose}</td>
            <td>{p.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
