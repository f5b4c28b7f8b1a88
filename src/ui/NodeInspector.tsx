import type { PlanNode } from '../core/plan/schema';
import { insertCopies, removeRole } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectCatalog } from '../store/selectors';
import { kindClass } from './labels';
import { NodeForm } from './NodeForm';
import { NodePorts } from './NodePorts';

/** One selected node: its fields, its roles and what can be done with it. */
export function NodeInspector({ node }: { node: PlanNode }) {
  const store = useEditorStore();
  const catalog = useEditor(selectCatalog);
  const title = node.hostname || 'Unnamed node';

  return (
    <div className="inspector-body">
      <h2 className="inspector-title">{title}</h2>
      <NodeForm key={node.id} node={node} />

      <h3 className="inspector-subtitle">Roles</h3>
      {node.roles.length === 0 ? (
        <p className="inspector-hint">No role yet: drag one from the palette, or add one.</p>
      ) : (
        <ul className="inspector-roles" aria-label={`Roles on ${title}`}>
          {node.roles.map((roleId) => {
            const role = catalog.get(roleId);
            const name = role?.name ?? roleId;
            return (
              <li key={roleId} className={kindClass(role?.kind)}>
                <button
                  type="button"
                  className="inspector-role-name"
                  onClick={() => store.getState().select({ nodeIds: [node.id], role: { nodeId: node.id, roleId } })}
                >
                  {name}
                </button>
                {!role && <span className="inspector-hint"> (not in this edition)</span>}
                <button type="button" onClick={() => removeRole(store, node.id, roleId)}>
                  Remove {name}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      <h3 className="inspector-subtitle">Ports</h3>
      <NodePorts node={node} />

      <div className="inspector-actions">
        <button type="button" onClick={() => store.getState().openAddRole(node.id)}>
          Add role…
        </button>
        <button type="button" onClick={() => insertCopies(store, [node])}>
          Duplicate node
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => store.getState().dispatch({ type: 'remove-node', nodeId: node.id })}
        >
          Delete node
        </button>
      </div>
    </div>
  );
}
