import { useEffect } from 'react';
import type { EditorState, EditorStore } from '../store/editor-store';
import type { PlanLibrary, StorageFailure } from './plan-library';

/** What the user is told when autosave stops working. */
export function autosaveFailureMessage(failure: StorageFailure): string {
  switch (failure.reason) {
    case 'unavailable':
      return 'Autosave is off: this browser blocks local storage. Export the plan to keep it.';
    case 'full':
      return 'Autosave failed: browser storage is full. Delete old plans or export this one.';
    default:
      return `Autosave failed: ${failure.message}. Export the plan to keep it.`;
  }
}

/**
 * Saves the plan into the library whenever the plan or the document id changes, and remembers it
 * as the last opened plan. A failure is reported once per streak of failures, not on every edit;
 * once a save works again, autosave carries on silently. Returns the unsubscribe function.
 */
export function startAutosave(store: EditorStore, library: PlanLibrary): () => void {
  let failing = false;
  const save = (state: EditorState) => {
    const result = library.save(state.documentId, state.plan);
    if (result.ok) {
      failing = false;
      library.setLastOpened(state.documentId);
      return;
    }
    if (failing) return;
    failing = true;
    state.notify('warning', autosaveFailureMessage(result));
  };
  return store.subscribe((state, previous) => {
    if (state.plan === previous.plan && state.documentId === previous.documentId) return;
    save(state);
  });
}

/** {@link startAutosave} for the lifetime of the component; pass a library that stays the same. */
export function useAutosave(store: EditorStore, library: PlanLibrary): void {
  useEffect(() => startAutosave(store, library), [store, library]);
}
