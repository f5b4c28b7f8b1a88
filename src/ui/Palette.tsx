import { useId, useState, type DragEvent } from 'react';
import type { CatalogRole } from '../core/catalog/catalog';
import { ROLE_KINDS } from '../core/catalog/role-ids';
import { setRoleDrag } from '../canvas/drag-data';
import { dropRoleOnNode } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectCatalog, selectSelectedNode } from '../store/selectors';
import { KIND_LABELS, kindClass } from './labels';
import './Palette.css';

export const SELECT_NODE_FIRST = 'Select a node first, or drag the role onto the canvas.';

/** True when the role matches the search text (name, id, kind or one of its packages). */
export function roleMatches(role: CatalogRole, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return [role.name, role.id, role.kind, KIND_LABELS[role.kind], ...role.packages].some((text) =>
    text.toLowerCase().includes(q),
  );
}

/** The roles of the plan's edition, grouped by kind: drag one onto the canvas or click to add it to the selected node. */
export function Palette() {
  const store = useEditorStore();
  const catalog = useEditor(selectCatalog);
  const [query, setQuery] = useState('');
  const baseId = useId();
  const matches = catalog.roles.filter((role) => roleMatches(role, query));

  const add = (roleId: string) => {
    const state = store.getState();
    const node = selectSelectedNode(state);
    const single = node && (state.selection.role !== undefined || state.selection.nodeIds.length === 1);
    if (!node || !single) {
      state.notify('info', SELECT_NODE_FIRST);
      return;
    }
    dropRoleOnNode(store, { roleId }, node.id);
  };

  return (
    <section className="palette" aria-label="Roles">
      <h2 className="palette-title">Roles</h2>
      <label className="visually-hidden" htmlFor={`${baseId}-search`}>
        Search roles
      </label>
      <input
        id={`${baseId}-search`}
        className="palette-search"
        type="search"
        placeholder="Search roles…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="palette-hint">Drag a role onto the canvas, or select a node and click the role.</p>
      {ROLE_KINDS.map((kind) => {
        const roles = matches.filter((r) => r.kind === kind);
        if (roles.length === 0) return null;
        const headingId = `${baseId}-${kind}`;
        return (
          <div key={kind} className="palette-group">
            <h3 id={headingId} className="palette-kind">
              {KIND_LABELS[kind]}
            </h3>
            <ul className="palette-list" aria-labelledby={headingId}>
              {roles.map((role) => (
                <PaletteRole key={role.id} role={role} descriptionId={`${baseId}-${role.id}-desc`} onAdd={add} />
              ))}
            </ul>
          </div>
        );
      })}
      {matches.length === 0 && <p className="palette-empty">No role matches “{query.trim()}”.</p>}
    </section>
  );
}

interface PaletteRoleProps {
  role: CatalogRole;
  descriptionId: string;
  onAdd: (roleId: string) => void;
}

function PaletteRole({ role, descriptionId, onAdd }: PaletteRoleProps) {
  const onDragStart = (event: DragEvent) => setRoleDrag(event.dataTransfer, { roleId: role.id });
  return (
    <li>
      <button
        type="button"
        className={`palette-role ${kindClass(role.kind)}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(role.id)}
        title={`Packages: ${role.packages.join(', ') || '—'}`}
        aria-describedby={descriptionId}
        data-role={role.id}
      >
        {role.name}
      </button>
      <span id={descriptionId} className="visually-hidden">
        {role.description}
      </span>
    </li>
  );
}
