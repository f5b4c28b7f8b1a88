import { loadPlanDocument } from '../core/plan/load-document';
import type { LoadProblem } from '../core/plan/loader';
import type { EditorStore } from '../store/editor-store';

/** A file that could not be imported, with every problem the loader found. */
export interface ImportFailure {
  readonly fileName: string;
  readonly problems: readonly LoadProblem[];
}

/**
 * Imports text as a new saved plan. On failure nothing changes and the problems are returned
 * for the dialog.
 */
export function importPlanText(store: EditorStore, text: string, fileName: string, documentId: string): ImportFailure | undefined {
  const loaded = loadPlanDocument(text);
  if (!loaded.ok) return { fileName, problems: loaded.problems };
  store.getState().replacePlan(loaded.plan, { documentId });
  const migrated = loaded.migratedFrom !== undefined ? ` (migrated from format version ${loaded.migratedFrom})` : '';
  store.getState().notify('info', `Imported “${loaded.plan.name}” from ${fileName}${migrated}.`);
  return undefined;
}
