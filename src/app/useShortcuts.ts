import { useEffect, useRef } from 'react';
import { looksLikePlanText } from '../core/plan/load-document';
import type { PlanNode } from '../core/plan/schema';
import { deleteSelection, insertCopies, selectedNodes } from '../store/editor-actions';
import type { EditorStore } from '../store/editor-store';
import { isTextEntry } from './editable-target';

/** Text fields, selects and dialogs keep their own keys. */
function isEditable(target: EventTarget | null): boolean {
  if (isTextEntry(target)) return true;
  return target instanceof HTMLElement && (target.tagName === 'SELECT' || !!target.closest('dialog'));
}

/**
 * Editor shortcuts: undo/redo, delete, copy/paste/duplicate nodes, select all, Escape. Text
 * fields and dialogs keep their own keys.
 */
export function useShortcuts(store: EditorStore): void {
  const clipboard = useRef<PlanNode[]>([]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      if (event.key === 'Escape' && !isEditable(event.target)) {
        if (state.presentation) state.setPresentation(false);
        else state.select({ nodeIds: [] });
        return;
      }
      if (isEditable(event.target) || state.presentation) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !event.shiftKey) state.undo();
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) state.redo();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) handled = deleteSelection(store);
      else if (mod && key === 'c') {
        clipboard.current = selectedNodes(store);
        handled = clipboard.current.length > 0;
      } else if (mod && key === 'v') handled = false; // the paste event below decides: plan text or copied nodes
      else if (mod && key === 'd') handled = insertCopies(store, selectedNodes(store)).length > 0;
      else if (mod && key === 'a') state.select({ nodeIds: state.plan.nodes.map((n) => n.id) });
      else handled = false;
      if (handled) event.preventDefault();
    };
    // Copied nodes are pasted on the paste event, so that plan text on the system clipboard (which
    // useFileImport imports) wins over them.
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented || isEditable(event.target) || store.getState().presentation) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (looksLikePlanText(text)) return;
      if (insertCopies(store, clipboard.current).length > 0) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
