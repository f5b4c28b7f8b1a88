import { useState } from 'react';
import { serializePlan } from '../core/plan/serialize';
import { useEditorStore } from '../store/EditorProvider';
import { downloadText, fileNameFor } from './download';

/** The Export menu: every format leaves from the plan model. */
export function ExportMenu() {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const exportJson = () => {
    const plan = store.getState().plan;
    downloadText(fileNameFor(plan.name, 'json'), serializePlan(plan), 'application/json');
    setOpen(false);
  };
  return (
    <div
      className="menu-anchor"
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export
      </button>
      {open && (
        <div role="menu" aria-label="Export" className="menu">
          <button type="button" role="menuitem" autoFocus onClick={exportJson}>
            Plan (JSON)
          </button>
        </div>
      )}
    </div>
  );
}
