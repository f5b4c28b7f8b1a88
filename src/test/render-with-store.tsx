import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Plan } from '../core/plan/schema';
import { createEditorStore, type EditorStore, type Selection } from '../store/editor-store';
import { EditorProvider } from '../store/EditorProvider';

/** Renders `ui` under a fresh editor store holding `plan` (and `selection`); returns the store. */
export function renderWithStore(ui: ReactElement, plan: Plan, selection?: Selection): EditorStore {
  const store = createEditorStore(plan);
  if (selection) store.getState().select(selection);
  render(<EditorProvider store={store}>{ui}</EditorProvider>);
  return store;
}
