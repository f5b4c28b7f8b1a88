import { roleDropRefusal } from '../core/commands/node-factory';
import { dropRoleOnNode } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectCatalog, selectPlan } from '../store/selectors';
import { Dialog } from './Dialog';

const selectMoveRole = (s: { moveRole: { nodeId: string; roleId: string } | undefined }) => s.moveRole;

/** The keyboard way to move a chip: pick the node it goes to. */
export function MoveRoleDialog() {
  const store = useEditorStore();
  const target = useEditor(selectMoveRole);
  const plan = useEditor(selectPlan);
  const catalog = useEditor(selectCatalog);
  if (!target) return null;
  const from = plan.nodes.find((n) => n.id === target.nodeId);
  if (!from) return null;
  const name = catalog.get(target.roleId)?.name ?? target.roleId;
  const close = () => store.getState().openMoveRole(undefined);
  const others = plan.nodes.filter((n) => n.id !== from.id);
  return (
    <Dialog title={`Move ${name} from ${from.hostname || from.id} to…`} onClose={close}>
      {others.length === 0 ? (
        <p>There is no other node. Add a node first.</p>
      ) : (
        <ul className="dialog-list" aria-label="Nodes">
          {others.map((node) => {
            const refusal = roleDropRefusal(plan, catalog, node.id, target.roleId);
            return (
              <li key={node.id}>
                <button
                  type="button"
                  disabled={!!refusal}
                  onClick={() => {
                    if (dropRoleOnNode(store, { roleId: target.roleId, fromNodeId: from.id }, node.id)) close();
                  }}
                >
                  <span>{node.hostname || node.id}</span>
                  <span className="hint">{refusal ? `already has ${name}` : node.roles.length + ' roles'}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
