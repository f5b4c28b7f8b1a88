// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { emptyPlan } from '../core/plan/empty-plan';
import type { Plan } from '../core/plan/schema';
import { makePlan } from '../core/test-support/plan-builder';
import { createPlanLibrary, planKey, type PlanLibrary } from '../persistence/plan-library';
import { MemoryStorage } from '../persistence/test-storage';
import { startAutosave } from '../persistence/useAutosave';
import { EditorProvider } from '../store/EditorProvider';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { formatSavedDate, PlansDialog } from './PlansDialog';

const office = () =>
  makePlan(
    [
      ['mail.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore']],
      ['files.example.com', ['files']],
    ],
    'ce',
    'Office',
  );
const lab = () => makePlan([['lab.example.com', ['mta']]], 'ce', 'Lab');

interface Setup {
  storage: MemoryStorage;
  library: PlanLibrary;
  store: EditorStore;
  onClose: ReturnType<typeof vi.fn>;
  user: ReturnType<typeof userEvent.setup>;
}

/** Office (id "office", current) and Lab (id "lab") saved; the editor has Office open. */
function setup(options: { current?: { plan: Plan; id: string }; autosave?: boolean } = {}): Setup {
  const storage = new MemoryStorage();
  let t = Date.parse('2025-03-12T09:00:00.000Z');
  const library = createPlanLibrary(storage, () => new Date((t += 3_600_000)));
  library.save('office', office());
  library.save('lab', lab());
  const current = options.current ?? { plan: office(), id: 'office' };
  const store = createEditorStore(current.plan, current.id);
  if (options.autosave) startAutosave(store, library);
  const onClose = vi.fn();
  render(
    <EditorProvider store={store}>
      <PlansDialog library={library} onClose={onClose} />
    </EditorProvider>,
  );
  return { storage, library, store, onClose, user: userEvent.setup() };
}

const row = (name: string) => screen.getByRole('listitem', { name });
const rowNames = () => within(screen.getByRole('list', { name: 'Saved plans' })).getAllByRole('listitem').map((li) => li.getAttribute('aria-label'));

describe('PlansDialog', () => {
  it('lists the saved plans, newest first, with node count and date, the current one marked', () => {
    const { library } = setup();
    expect(screen.getByRole('dialog', { name: 'Saved plans' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Lab', 'Office']);

    const officeRow = row('Office');
    expect(officeRow).toHaveAttribute('aria-current', 'true');
    expect(officeRow).toHaveTextContent('Current');
    expect(officeRow).toHaveTextContent('2 nodes');
    const updatedAt = library.list().find((p) => p.id === 'office')!.updatedAt;
    const time = within(officeRow).getByText(formatSavedDate(updatedAt));
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', updatedAt);
    expect(within(officeRow).queryByRole('button', { name: 'Open' })).toBeNull();

    const labRow = row('Lab');
    expect(labRow).not.toHaveAttribute('aria-current');
    expect(labRow).toHaveTextContent('1 node ·');
    expect(labRow).not.toHaveTextContent('Current');
  });

  it('formats dates readably and survives a bad one', () => {
    expect(formatSavedDate('2025-03-12T09:00:00.000Z')).toMatch(/2025/);
    expect(formatSavedDate('garbage')).toBe('unknown date');
  });

  it('shows the current plan before its first save', () => {
    setup({ current: { plan: emptyPlan('Draft'), id: 'draft' } });
    expect(rowNames()).toEqual(['Draft', 'Lab', 'Office']);
    expect(row('Draft')).toHaveTextContent('not saved yet');
    expect(row('Draft')).toHaveAttribute('aria-current', 'true');
    expect(within(row('Draft')).queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('opens a plan: the editor gets it under its id, and the dialog closes', async () => {
    const { store, library, onClose, user } = setup();
    await user.click(within(row('Lab')).getByRole('button', { name: 'Open' }));
    expect(store.getState().plan).toEqual(lab());
    expect(store.getState().documentId).toBe('lab');
    expect(library.lastOpenedId()).toBe('lab');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps the current plan and says why when a saved plan does not load', async () => {
    const { store, storage, onClose, user } = setup();
    storage.setItem(planKey('lab'), '{"format":"carbonio-plan","version":1,"name":"Lab","edition":"xx","nodes":[]}');
    const before = store.getState().plan;
    await user.click(within(row('Lab')).getByRole('button', { name: 'Open' }));
    expect(store.getState().plan).toBe(before);
    expect(store.getState().documentId).toBe('office');
    expect(store.getState().notice).toMatchObject({ tone: 'error' });
    expect(store.getState().notice?.text).toMatch(/^"Lab" cannot be opened: \$\.edition: expected one of "ce", "carbonio", got the string "xx"/);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('renames another plan inline; Enter commits', async () => {
    const { library, store, user } = setup();
    await user.click(within(row('Lab')).getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'New name for Lab' });
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Lab');
    await user.clear(field);
    await user.type(field, 'Test lab{Enter}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(rowNames()).toContain('Test lab');
    const loaded = library.load('lab');
    expect(loaded?.ok && loaded.plan.name).toBe('Test lab');
    expect(store.getState().plan.name).toBe('Office'); // the open plan is another one
  });

  it('renames the current plan: leaving the field commits, and the editor shows the name', async () => {
    const { library, store, user } = setup();
    await user.click(within(row('Office')).getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'New name for Office' });
    await user.clear(field);
    await user.type(field, 'Head office');
    await user.tab();
    expect(store.getState().plan.name).toBe('Head office');
    expect(store.getState().past).toHaveLength(1); // an undoable edit
    expect(library.list().find((p) => p.id === 'office')?.name).toBe('Head office');
    expect(row('Head office')).toHaveAttribute('aria-current', 'true');
  });

  it('Escape or an empty name cancels a rename', async () => {
    const { library, user } = setup();
    await user.click(within(row('Lab')).getByRole('button', { name: 'Rename' }));
    await user.type(screen.getByRole('textbox'), ' X{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(rowNames()).toEqual(['Lab', 'Office']);

    await user.click(within(row('Lab')).getByRole('button', { name: 'Rename' }));
    await user.clear(screen.getByRole('textbox'));
    await user.keyboard('{Enter}');
    expect(rowNames()).toEqual(['Lab', 'Office']);
    expect(library.list().map((p) => p.name)).toEqual(['Lab', 'Office']);
  });

  it('deletes only after confirmation in the dialog; Cancel keeps the plan', async () => {
    const { library, store, user } = setup();
    await user.click(within(row('Lab')).getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('group', { name: 'Confirm deleting Lab' });
    expect(confirm).toHaveTextContent('Delete Lab? This cannot be undone.');
    expect(library.load('lab')?.ok).toBe(true); // not yet
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Confirm deleting Lab' })).toBeNull();
    expect(rowNames()).toEqual(['Lab', 'Office']);

    await user.click(within(row('Lab')).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm deleting Lab' })).getByRole('button', { name: 'Delete' }));
    expect(library.load('lab')).toBeUndefined();
    expect(rowNames()).toEqual(['Office']);
    expect(store.getState().documentId).toBe('office'); // the open plan is untouched
    expect(store.getState().plan).toEqual(office());
  });

  it('deleting the current plan switches the editor to a new empty plan', async () => {
    const { library, store, onClose, user } = setup();
    await user.click(within(row('Office')).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm deleting Office' })).getByRole('button', { name: 'Delete' }));
    expect(library.load('office')).toBeUndefined();
    expect(store.getState().plan).toEqual(emptyPlan());
    expect(store.getState().documentId).toMatch(/^plan-/);
    expect(store.getState().documentId).not.toBe('office');
    expect(onClose).not.toHaveBeenCalled();
    // The new plan is the current one (not saved yet without autosave).
    expect(row('Untitled plan')).toHaveAttribute('aria-current', 'true');
    expect(rowNames()).toEqual(['Untitled plan', 'Lab']);
  });

  it('"New plan" starts an empty plan under a new id and closes', async () => {
    const { store, onClose, user } = setup();
    await user.click(screen.getByRole('button', { name: 'New plan' }));
    expect(store.getState().plan).toEqual(emptyPlan());
    expect(store.getState().documentId).toMatch(/^plan-[0-9a-z]+-[0-9a-z]{6}$/);
    expect(store.getState().past).toEqual([]);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('with autosave running, the list follows the edits of the open plan', async () => {
    const { store, user } = setup({ autosave: true });
    await user.click(within(row('Office')).getByRole('button', { name: 'Rename' }));
    await user.clear(screen.getByRole('textbox'));
    await user.type(screen.getByRole('textbox'), 'HQ{Enter}');
    expect(rowNames()).toEqual(['HQ', 'Lab']); // renamed and saved: now the newest
    act(() => {
      store.getState().dispatch({ type: 'add-node', node: { id: 'n9', hostname: 'x.example.com', roles: [] } });
    });
    expect(row('HQ')).toHaveTextContent('3 nodes');
  });

  it('the close button calls onClose', async () => {
    const { onClose, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
