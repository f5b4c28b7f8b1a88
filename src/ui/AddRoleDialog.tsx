import { useState, type KeyboardEvent } from 'react';
import { roleDropRefusal } from '../core/commands/node-factory';
import { dropRoleOnNode } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectCatalog, selectPlan } from '../store/selectors';
import { Dialog } from './Dialog';
import { KIND_LABELS, kindClass } from './labels';

const selectAddRoleFor = (s: { addRoleFor: string | undefined }) => s.addRoleFor;

/** The keyboard way to place a role: a searchable list of the edition's roles for one node. */
export function AddRoleDialog() {
  const store = useEditorStore();
  const nodeId = useEditor(selectAddRoleFor);
  const plan = useEditor(selectPlan);
  const catalog = useEditor(selectCatalog);
  const [query, setQuery] = useState('');
  const node = plan.nodes.find((n) => n.id === nodeId);
  if (!nodeId || !node) return null;

  const close = () => {
    setQuery('');
    store.getState().openAddRole(undefined);
  };
  const q = query.trim().toLowerCase();
  const matches = catalog.roles.filter(
    (r) => q === '' || r.name.toLowerCase().includes(q) || r.id.includes(q) || r.kind.includes(q),
  );
  const add = (roleId: string) => {
    if (dropRoleOnNode(store, { roleId }, node.id)) close();
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = matches.find((r) => !roleDropRefusal(plan, catalog, node.id, r.id));
    if (first) add(first.id);
  };
  const hostname = node.hostname || node.id;

  return (
    <Dialog title={`Add role to ${hostname}`} onClose={close}>
      <label className="visually-hidden" htmlFor="add-role-search">
        Search roles
      </label>
      <input
        id="add-role-search"
        className="dialog-search"
        type="search"
        placeholder="Search roles…"
        data-autofocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onSearchKey}
      />
      <ul className="dialog-list" aria-label="Roles to add">
        {matches.map((role) => {
          const refusal = roleDropRefusal(plan, catalog, node.id, role.id);
          return (
            <li key={role.id}>
              <button type="button" className={kindClass(role.kind)} disabled={!!refusal} onClick={() => add(role.id)}>
                <span>{role.name}</span>
                <span className="hint">{refusal ? 'already on this node' : KIND_LABELS[role.kind]}</span>
              </button>
            </li>
          );
        })}
        {matches.length === 0 && <li className="hint">No role matches “{query}”.</li>}
      </ul>
    </Dialog>
  );
}
