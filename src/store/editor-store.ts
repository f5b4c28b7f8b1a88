import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyCommands, type PlanCommand } from '../core/commands/commands';
import type { Plan } from '../core/plan/schema';

/** How many undo steps are kept. */
export const HISTORY_LIMIT = 200;

/** What the user has selected: nodes, or one role chip on a node. */
export interface Selection {
  readonly nodeIds: readonly string[];
  readonly role?: { readonly nodeId: string; readonly roleId: string };
}

/** A short message for the user (refused drop, import result, storage trouble). */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'warning' | 'error';
  readonly text: string;
}

/** Plan document with its undo history. */
export interface DocumentSlice {
  readonly plan: Plan;
  readonly past: readonly Plan[];
  readonly future: readonly Plan[];
  /** Applies commands as one undoable step; returns false when nothing changed. */
  dispatch(commands: PlanCommand | readonly PlanCommand[]): boolean;
  undo(): void;
  redo(): void;
  /** Id of the saved plan being edited (its autosave slot). */
  readonly documentId: string;
  /**
   * Replaces the plan (open, import, template). With a new `documentId` it becomes another saved
   * plan and the history restarts; otherwise the replacement is one undoable step when `keepHistory`.
   */
  replacePlan(plan: Plan, options?: { keepHistory?: boolean; documentId?: string }): void;
}

export interface SelectionSlice {
  readonly selection: Selection;
  select(selection: Selection): void;
  /** Bumped to ask the canvas to bring the selection into view. */
  readonly revealSeq: number;
  reveal(nodeIds: readonly string[]): void;
  /** Bumped to ask the canvas to fit the whole plan in view (after open, arrange, …). */
  readonly fitSeq: number;
  requestFit(): void;
}

export interface UiSlice {
  readonly presentation: boolean;
  setPresentation(on: boolean): void;
  readonly notice: Notice | undefined;
  notify(tone: Notice['tone'], text: string): void;
  dismissNotice(): void;
  /** Node whose "Add role…" dialog is open. */
  readonly addRoleFor: string | undefined;
  openAddRole(nodeId: string | undefined): void;
  /** Whether the canvas draws node-to-node flows besides the Internet arrows. */
  readonly showInternalFlows: boolean;
  setShowInternalFlows(on: boolean): void;
  /** Role chip whose "Move to…" dialog is open. */
  readonly moveRole: { readonly nodeId: string; readonly roleId: string } | undefined;
  openMoveRole(target: { nodeId: string; roleId: string } | undefined): void;
}

export type EditorState = DocumentSlice & SelectionSlice & UiSlice;
export type EditorStore = StoreApi<EditorState>;

const EMPTY_SELECTION: Selection = { nodeIds: [] };

/** Drops selected ids that no longer exist after an edit. */
function pruneSelection(selection: Selection, plan: Plan): Selection {
  const ids = new Set(plan.nodes.map((n) => n.id));
  const nodeIds = selection.nodeIds.filter((id) => ids.has(id));
  const role =
    selection.role && plan.nodes.some((n) => n.id === selection.role!.nodeId && n.roles.includes(selection.role!.roleId))
      ? selection.role
      : undefined;
  if (nodeIds.length === selection.nodeIds.length && role === selection.role) return selection;
  return role ? { nodeIds, role } : { nodeIds };
}

/**
 * A fresh editor store. One per app (and one per test): no module-level state. Only the plan,
 * its history, the selection and UI state live here; diagnostics and totals are derived.
 */
export function createEditorStore(initialPlan: Plan, documentId = 'plan-1'): EditorStore {
  let noticeId = 0;
  return createStore<EditorState>()((set, get) => ({
    plan: initialPlan,
    past: [],
    future: [],
    dispatch(commands) {
      const list = Array.isArray(commands) ? (commands as readonly PlanCommand[]) : [commands as PlanCommand];
      const { plan, past, selection } = get();
      const next = applyCommands(plan, list);
      if (next === plan) return false;
      set({
        plan: next,
        past: [...past.slice(-(HISTORY_LIMIT - 1)), plan],
        future: [],
        selection: pruneSelection(selection, next),
      });
      return true;
    },
    undo() {
      const { plan, past, future, selection } = get();
      const previous = past[past.length - 1];
      if (!previous) return;
      set({ plan: previous, past: past.slice(0, -1), future: [plan, ...future], selection: pruneSelection(selection, previous) });
    },
    redo() {
      const { plan, past, future, selection } = get();
      const next = future[0];
      if (!next) return;
      set({ plan: next, past: [...past, plan], future: future.slice(1), selection: pruneSelection(selection, next) });
    },
    documentId,
    replacePlan(plan, options) {
      const { plan: current, past, documentId: currentId } = get();
      const sameDocument = options?.documentId === undefined || options.documentId === currentId;
      set({
        plan,
        documentId: options?.documentId ?? currentId,
        past: sameDocument && options?.keepHistory ? [...past.slice(-(HISTORY_LIMIT - 1)), current] : [],
        future: [],
        selection: EMPTY_SELECTION,
        addRoleFor: undefined,
        moveRole: undefined,
        fitSeq: get().fitSeq + 1,
      });
    },

    selection: EMPTY_SELECTION,
    select(selection) {
      set({ selection: pruneSelection(selection, get().plan) });
    },
    revealSeq: 0,
    reveal(nodeIds) {
      set((s) => ({ selection: pruneSelection({ nodeIds }, s.plan), revealSeq: s.revealSeq + 1 }));
    },
    fitSeq: 0,
    requestFit() {
      set((s) => ({ fitSeq: s.fitSeq + 1 }));
    },

    presentation: false,
    setPresentation(on) {
      set({ presentation: on });
    },
    notice: undefined,
    notify(tone, text) {
      set({ notice: { id: ++noticeId, tone, text } });
    },
    dismissNotice() {
      set({ notice: undefined });
    },
    addRoleFor: undefined,
    openAddRole(nodeId) {
      set({ addRoleFor: nodeId });
    },
    showInternalFlows: false,
    setShowInternalFlows(on) {
      set({ showInternalFlows: on });
    },
    moveRole: undefined,
    openMoveRole(target) {
      set({ moveRole: target });
    },
  }));
}
