import { useEffect, useState } from 'react';
import { decodeSharedPlan, sharedPlanData } from '../core/share/share-link';
import type { LoadProblem } from '../core/plan/loader';
import type { Plan } from '../core/plan/schema';

/** What opening a share link asks of the user. */
export type SharedLinkState =
  | { kind: 'confirm'; plan: Plan }
  | { kind: 'failed'; problems: readonly LoadProblem[] }
  | undefined;

/** Drops the fragment so a reload does not ask again; history is not polluted. */
function clearFragment(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/**
 * Watches the URL fragment for `#plan=…`. A readable plan is handed over for confirmation (or
 * opened at once when `canOpenDirectly`); a damaged one yields its problems. Nothing changes the
 * current plan here.
 */
export function useSharedLink(open: (plan: Plan) => void, canOpenDirectly: () => boolean) {
  const [state, setState] = useState<SharedLinkState>();
  useEffect(() => {
    const check = () => {
      const data = sharedPlanData(location.hash);
      if (data === undefined) return;
      clearFragment();
      const loaded = decodeSharedPlan(data);
      if (!loaded.ok) setState({ kind: 'failed', problems: loaded.problems });
      else if (canOpenDirectly()) open(loaded.plan);
      else setState({ kind: 'confirm', plan: loaded.plan });
    };
    check();
    window.addEventListener('hashchange', check);
    return () => window.removeEventListener('hashchange', check);
    // The callbacks read the store when called; the listener is set up once.
  }, []);
  return [state, setState] as const;
}
