import { deleteSelection, insertCopies, selectedNodes } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectSelectedNode, selectSelection } from '../store/selectors';
import { NodeInspector } from './NodeInspector';
import { PlanSettings } from './PlanSettings';
import { RoleDetails } from './RoleDetails';
import './Inspector.css';

/** The side panel: details of the selected role, node or nodes, else the plan's settings. */
export function Inspector() {
  const selection = useEditor(selectSelection);
  const node = useEditor(selectSelectedNode);

  let body;
  if (selection.role) body = <RoleDetails nodeId={selection.role.nodeId} roleId={selection.role.roleId} />;
  else if (node) body = <NodeInspector node={node} />;
  else if (selection.nodeIds.length > 1) body = <MultiSelection count={selection.nodeIds.length} />;
  else body = <PlanSettings />;

  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}

function MultiSelection({ count }: { count: number }) {
  const store = useEditorStore();
  return (
    <div className="inspector-body">
      <h2 className="inspector-title">{count} nodes selected</h2>
      <div className="inspector-actions">
        <button type="button" onClick={() => insertCopies(store, selectedNodes(store))}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => deleteSelection(store)}>
          Delete
        </button>
      </div>
    </div>
  );
}
