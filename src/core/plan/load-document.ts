import { extractPlanText } from '../export/svg';
import { loadPlan, type LoadResult } from './loader';

/** True when the text looks like SVG/XML rather than JSON. */
function looksLikeSvg(text: string): boolean {
  return /^\s*(<\?xml|<svg|<!--|<!DOCTYPE)/i.test(text.replace(/^\uFEFF/, ''));
}

/**
 * True when pasted text claims to be a plan file (plan JSON, or an SVG that may carry one), so a
 * paste is taken as an import rather than as anything else.
 */
export function looksLikePlanText(text: string): boolean {
  return /"format"\s*:\s*"carbonio-plan"|^\s*<(\?xml|svg)/.test(text);
}

/**
 * Loads a plan file as users have them: plan JSON, or an SVG diagram exported by the designer
 * (the plan rides in its <metadata>). Both go through the one loader. Used by the app's import
 * and by the CLI.
 */
export function loadPlanDocument(text: string): LoadResult {
  if (!looksLikeSvg(text)) return loadPlan(text);
  const embedded = extractPlanText(text);
  if (embedded === undefined) {
    return {
      ok: false,
      problems: [{ path: '$', message: 'this SVG has no embedded Carbonio plan; use an SVG exported by the designer, or the plan JSON' }],
    };
  }
  return loadPlan(embedded);
}
