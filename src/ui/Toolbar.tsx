import { useRef, useState, type ChangeEvent } from 'react';
import { EDITION_NAMES, EDITIONS, type Edition } from '../core/catalog/role-ids';
import { addEmptyNode, arrange, changeEdition } from '../store/editor-actions';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { selectCanRedo, selectCanUndo, selectPlan } from '../store/selectors';
import { ExportMenu } from './ExportMenu';
import './Toolbar.css';

const selectPresentation = (s: { presentation: boolean }) => s.presentation;
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

interface ToolbarProps {
  onOpenPlans: () => void;
  onOpenTemplates: () => void;
  onImportFile: (file: File) => void;
}

/** Plan name, edition, history, layout, files and presentation. */
export function Toolbar({ onOpenPlans, onOpenTemplates, onImportFile }: ToolbarProps) {
  const store = useEditorStore();
  const plan = useEditor(selectPlan);
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const presentation = useEditor(selectPresentation);
  const fileInput = useRef<HTMLInputElement>(null);
  const [nameDraft, setNameDraft] = useState<string | undefined>();

  const commitName = () => {
    if (nameDraft !== undefined && nameDraft !== plan.name) {
      store.getState().dispatch({ type: 'set-plan-fields', changes: { name: nameDraft } });
    }
    setNameDraft(undefined);
  };
  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onImportFile(file);
  };

  if (presentation) {
    return (
      <header className="toolbar toolbar-presentation">
        <h1 className="toolbar-title">{plan.name}</h1>
        <button type="button" onClick={() => store.getState().setPresentation(false)}>
          Exit presentation
        </button>
      </header>
    );
  }

  return (
    <header className="toolbar" role="toolbar" aria-label="Plan tools">
      <span className="toolbar-brand" aria-hidden="true">
        ▦
      </span>
      <label className="visually-hidden" htmlFor="plan-name">
        Plan name
      </label>
      <input
        id="plan-name"
        className="toolbar-name"
        value={nameDraft ?? plan.name}
        onChange={(e) => setNameDraft(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setNameDraft(undefined);
        }}
      />
      <label className="visually-hidden" htmlFor="plan-edition">
        Edition
      </label>
      <select
        id="plan-edition"
        value={plan.edition}
        onChange={(e) => changeEdition(store, e.target.value as Edition)}
      >
        {EDITIONS.map((e) => (
          <option key={e} value={e}>
            {EDITION_NAMES[e]}
          </option>
        ))}
      </select>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => store.getState().undo()} disabled={!canUndo} title={`Undo (${mod}Z)`}>
        Undo
      </button>
      <button type="button" onClick={() => store.getState().redo()} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`}>
        Redo
      </button>
      <span className="toolbar-sep" />
      <button type="button" onClick={() => addEmptyNode(store)}>
        Add node
      </button>
      <button
        type="button"
        onClick={() => {
          if (arrange(store)) store.getState().requestFit();
        }}
        disabled={plan.nodes.length === 0}
      >
        Arrange
      </button>
      <span className="toolbar-sep" />
      <button type="button" onClick={onOpenTemplates}>
        Templates
      </button>
      <button type="button" onClick={onOpenPlans}>
        Plans
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,.svg,application/json,image/svg+xml"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onFile}
        data-testid="import-file"
      />
      <ExportMenu />
      <span className="toolbar-spacer" />
      <button type="button" onClick={() => store.getState().setPresentation(true)}>
        Present
      </button>
    </header>
  );
}
