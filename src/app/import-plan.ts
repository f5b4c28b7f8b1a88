import { extractPlanText } from '../core/export/svg';
import { loadPlan, type LoadProblem, type LoadResult } from '../core/plan/loader';
import type { EditorStore } from '../store/editor-store';

/** A file that could not be imported, with every problem the loader found. */
export interface ImportFailure {
  readonly fileName: string;
  readonly problems: readonly LoadProblem[];
}

/** True when the text looks like SVG/XML rather than JSON. */
function looksLikeSvg(text: string): boolean {
  return /^\s*(<\?xml|<svg|<!--|<!DOCTYPE)/i.test(text.replace(/^\uFEFF/, ''));
}

/**
 * Reads plan JSON, or an SVG exported by the designer (the plan rides in its <metadata>), through
 * the one loader.
 */
export function readPlanText(text: string): LoadResult {
  if (looksLikeSvg(text)) {
    const embedded = extractPlanText(text);
    if (embedded === undefined) {
      return {
        ok: false,
        problems: [{ path: '$', message: 'this SVG has no embedded Carbonio plan; import an SVG exported by the designer, or the plan JSON' }],
      };
    }
    return loadPlan(embedded);
  }
  return loadPlan(text);
}

/**
 * Imports text as a new saved plan. On failure nothing changes and the problems are returned
 * for the dialog.
 */
export function importPlanText(store: EditorStore, text: string, fileName: string, documentId: string): ImportFailure | undefined {
  const loaded = readPlanText(text);
  if (!loaded.ok) return { fileName, problems: loaded.problems };
  store.getState().replacePlan(loaded.plan, { documentId });
  const migrated = loaded.migratedFrom !== undefined ? ` (migrated from format version ${loaded.migratedFrom})` : '';
  store.getState().notify('info', `Imported “${loaded.plan.name}” from ${fileName}${migrated}.`);
  return undefined;
}
