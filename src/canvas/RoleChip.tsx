import { memo, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { CatalogRole } from '../core/catalog/catalog';
import type { Severity } from '../core/validation/diagnostic';
import { removeRole } from '../store/editor-actions';
import { useEditorStore } from '../store/EditorProvider';
import { kindClass } from '../ui/labels';
import { setRoleDrag } from './drag-data';

interface RoleChipProps {
  nodeId: string;
  hostname: string;
  roleId: string;
  role: CatalogRole | undefined;
  severity: Severity | undefined;
  selected: boolean;
}

/** A role on a node card: draggable to another card, with a menu for keyboard users. */
export const RoleChip = memo(function RoleChip({ nodeId, hostname, roleId, role, severity, selected }: RoleChipProps) {
  const store = useEditorStore();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const name = role?.name ?? roleId;

  useEffect(() => {
    if (menuOpen) menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [menuOpen]);

  const onDragStart = (event: DragEvent) => {
    event.stopPropagation();
    setRoleDrag(event.dataTransfer, { roleId, fromNodeId: nodeId });
  };
  const selectChip = () => store.getState().select({ nodeIds: [nodeId], role: { nodeId, roleId } });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      event.stopPropagation();
      removeRole(store, nodeId, roleId);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      selectChip();
    }
  };
  const closeMenu = () => setMenuOpen(false);
  const menuItems: [string, () => void][] = [
    ['Move to…', () => store.getState().openMoveRole({ nodeId, roleId })],
    ['Details', selectChip],
    ['Remove', () => removeRole(store, nodeId, roleId)],
  ];
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = Array.from(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeMenu();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <li
      className={`chip ${kindClass(role?.kind)}${severity ? ` chip-${severity}` : ''}${selected ? ' chip-selected' : ''}`}
      data-role={roleId}
    >
      <span
        className="chip-label nodrag"
        draggable
        tabIndex={0}
        role="button"
        aria-pressed={selected}
        aria-label={`${name} on ${hostname}${severity ? ` (${severity})` : ''}`}
        title={role ? `${name}\nPackages: ${role.packages.join(', ') || '—'}` : `Unknown role ${roleId}`}
        onDragStart={onDragStart}
        onClick={(e) => {
          e.stopPropagation();
          selectChip();
        }}
        onKeyDown={onKeyDown}
      >
        {severity && <span className={`chip-flag chip-flag-${severity}`} aria-hidden="true" />}
        {role?.shortName ?? roleId}
      </span>
      <button
        type="button"
        className="chip-menu-button nodrag"
        aria-label={`Actions for ${name} on ${hostname}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={(e) => {
          e.stopPropagation();
          setMenuOpen((open) => !open);
        }}
      >
        ⋯
      </button>
      {menuOpen && (
        <div
          ref={menuRef}
          role="menu"
          aria-label={`${name} on ${hostname}`}
          className="chip-menu nodrag"
          onKeyDown={onMenuKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) closeMenu();
          }}
        >
          {menuItems.map(([label, action]) => (
            <button
              key={label}
              type="button"
              role="menuitem"
              onClick={() => {
                closeMenu();
                action();
              }}
            >
              {label}
            </button>
          ))}
        </div>
      )}
    </li>
  );
});
