import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { emptyPlan } from '../core/plan/empty-plan';
import { summarizeProblems } from '../core/plan/loader';
import type { PlanLibrary, SavedPlanSummary } from '../persistence/plan-library';
import type { EditorState } from '../store/editor-store';
import { useEditor, useEditorStore } from '../store/EditorProvider';
import { Dialog } from './Dialog';
import './PlansDialog.css';

interface PlansDialogProps {
  library: PlanLibrary;
  onClose: () => void;
}

const selectDocumentId = (s: EditorState) => s.documentId;
const selectPlan = (s: EditorState) => s.plan;

/** "3 nodes", "1 node". */
function nodeCountLabel(count: number): string {
  return count === 1 ? '1 node' : `${count} nodes`;
}

/** "12 Mar 2025, 14:05" in the user's locale; "unknown date" for a damaged entry. */
export function formatSavedDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'unknown date';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A row of the list: a saved plan, or the current plan before its first save. */
interface Row {
  readonly id: string;
  readonly name: string;
  readonly nodeCount: number;
  readonly updatedAt: string | undefined;
  readonly saved: boolean;
}

/**
 * The plans saved in this browser: open, rename, delete (confirmed in place), or start a new one.
 * The plan being edited is marked "Current"; it is saved by autosave, not by this dialog.
 */
export function PlansDialog({ library, onClose }: PlansDialogProps) {
  const store = useEditorStore();
  const documentId = useEditor(selectDocumentId);
  const plan = useEditor(selectPlan);
  const [revision, setRevision] = useState(0);
  const [renaming, setRenaming] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const refresh = () => setRevision((r) => r + 1);

  // Re-read after every change of the plan too: autosave has just written it.
  const saved = useMemo(() => library.list(), [library, revision, plan, documentId]);
  const rows: Row[] = useMemo(() => {
    const list: Row[] = saved.map((p: SavedPlanSummary) => ({ ...p, saved: true }));
    if (!saved.some((p) => p.id === documentId)) {
      list.unshift({ id: documentId, name: plan.name, nodeCount: plan.nodes.length, updatedAt: undefined, saved: false });
    }
    return list;
  }, [saved, documentId, plan]);
  const storageBlocked = useMemo(() => !library.available(), [library]);

  const open = (row: Row) => {
    const state = store.getState();
    const loaded = library.load(row.id);
    if (!loaded) {
      state.notify('error', `"${row.name}" is no longer stored in this browser.`);
      refresh();
      return;
    }
    if (!loaded.ok) {
      state.notify('error', `"${row.name}" cannot be opened: ${summarizeProblems(loaded.problems)}. Your current plan was not changed.`);
      return;
    }
    state.replacePlan(loaded.plan, { documentId: row.id });
    library.setLastOpened(row.id);
    if (loaded.migratedFrom !== undefined) {
      state.notify('info', `"${loaded.plan.name}" was saved in an older format (version ${loaded.migratedFrom}) and has been updated.`);
    }
    onClose();
  };

  const rename = (row: Row, text: string) => {
    setRenaming(undefined);
    const name = text.trim();
    if (name === '' || name === row.name) return;
    const state = store.getState();
    const isCurrent = row.id === state.documentId;
    if (isCurrent) state.dispatch({ type: 'set-plan-fields', changes: { name } });
    if (row.saved) {
      const result = library.rename(row.id, name);
      // For the current plan autosave reports storage trouble; here only other plans need a word.
      if (!result.ok && !isCurrent) state.notify('error', `"${row.name}" cannot be renamed: ${result.message}.`);
    }
    refresh();
  };

  const remove = (row: Row) => {
    setConfirming(undefined);
    const state = store.getState();
    const result = library.remove(row.id);
    if (!result.ok) {
      state.notify('error', `"${row.name}" cannot be deleted: ${result.message}.`);
      refresh();
      return;
    }
    if (row.id === state.documentId) state.replacePlan(emptyPlan(), { documentId: library.newId() });
    refresh();
  };

  const newPlan = () => {
    store.getState().replacePlan(emptyPlan(), { documentId: library.newId() });
    onClose();
  };

  return (
    <Dialog
      title="Saved plans"
      onClose={onClose}
      className="plans-dialog"
      actions={
        <button type="button" onClick={newPlan}>
          New plan
        </button>
      }
    >
      {storageBlocked ? (
        <p className="plans-note" role="note">
          This browser blocks local storage, so plans cannot be saved here. Export the plan to keep it.
        </p>
      ) : (
        <p className="plans-note">Plans are saved in this browser as you edit.</p>
      )}
      <ul className="plans-list" aria-label="Saved plans">
        {rows.map((row) => (
          <PlanRow
            key={row.id}
            row={row}
            current={row.id === documentId}
            renaming={renaming === row.id}
            confirming={confirming === row.id}
            onOpen={() => open(row)}
            onStartRename={() => {
              setConfirming(undefined);
              setRenaming(row.id);
            }}
            onRename={(text) => rename(row, text)}
            onCancelRename={() => setRenaming(undefined)}
            onAskDelete={() => {
              setRenaming(undefined);
              setConfirming(row.id);
            }}
            onDelete={() => remove(row)}
            onCancelDelete={() => setConfirming(undefined)}
          />
        ))}
      </ul>
    </Dialog>
  );
}

interface PlanRowProps {
  row: Row;
  current: boolean;
  renaming: boolean;
  confirming: boolean;
  onOpen: () => void;
  onStartRename: () => void;
  onRename: (name: string) => void;
  onCancelRename: () => void;
  onAskDelete: () => void;
  onDelete: () => void;
  onCancelDelete: () => void;
}

function PlanRow({ row, current, renaming, confirming, ...on }: PlanRowProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  return (
    <li className={`plans-row${current ? ' plans-row-current' : ''}`} aria-label={row.name || 'Untitled plan'} aria-current={current ? 'true' : undefined}>
      <div className="plans-row-info">
        {renaming ? (
          <RenameField name={row.name} onCommit={on.onRename} onCancel={on.onCancelRename} />
        ) : (
          <span className="plans-row-name">
            {row.name || 'Untitled plan'}
          </span>
        )}
        {current && <span className="plans-row-badge">Current</span>}
        <span className="plans-row-meta">
          {nodeCountLabel(row.nodeCount)} ·{' '}
          {row.updatedAt ? (
            <>
              changed <time dateTime={row.updatedAt}>{formatSavedDate(row.updatedAt)}</time>
            </>
          ) : (
            'not saved yet'
          )}
        </span>
      </div>
      {confirming ? (
        <div className="plans-row-confirm" role="group" aria-label={`Confirm deleting ${row.name}`}>
          <p>Delete {row.name}? This cannot be undone.</p>
          <button type="button" className="danger" onClick={on.onDelete}>
            Delete
          </button>
          <button type="button" ref={cancelRef} onClick={on.onCancelDelete}>
            Cancel
          </button>
        </div>
      ) : (
        !renaming && (
          <div className="plans-row-actions">
            {!current && (
              <button type="button" onClick={on.onOpen}>
                Open
              </button>
            )}
            <button type="button" onClick={on.onStartRename}>
              Rename
            </button>
            {row.saved && (
              <button type="button" onClick={on.onAskDelete}>
                Delete
              </button>
            )}
          </div>
        )
      )}
    </li>
  );
}

/** The inline name editor: Enter or leaving the field commits, Escape cancels. */
function RenameField({ name, onCommit, onCancel }: { name: string; onCommit: (text: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState(name);
  const done = useRef(false);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(draft);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      // Cancels the rename only, not the whole dialog.
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    }
  };
  return (
    <input
      type="text"
      className="plans-rename"
      aria-label={`New name for ${name}`}
      value={draft}
      autoFocus
      autoComplete="off"
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={onKeyDown}
    />
  );
}
