// @vitest-environment jsdom
import '../test/react-flow-env';
import { act, createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../core/catalog/role-ids';
import { PLAN_TEMPLATES } from '../core/templates';
import { makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import type { EditorStore } from '../store/editor-store';
import { renderWithStore } from '../test/render-with-store';
import { PlanCanvas } from './PlanCanvas';
import { fakeDataTransfer, roleDrag } from '../test/fake-data-transfer';

const NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'database'], { position: { x: 0, y: 0 } }],
  ['srv2.example.com', ['mta', 'proxy'], { position: { x: 340, y: 0 } }],
];

async function renderCanvas(nodes: readonly NodeSpec[] = NODES, edition: Edition = 'ce'): Promise<EditorStore> {
  const store = renderWithStore(<PlanCanvas />, makePlan(nodes, edition));
  if (nodes.length > 0) await screen.findByRole('group', { name: nodes[0]![0] });
  return store;
}

const nodeGroups = () => screen.queryAllByRole('group').filter((g) => g.getAttribute('aria-roledescription') === 'node');
const EMPTY_TEXT = 'Drag a role here to create a node, or start from a template.';



/**
 * Drops at a screen point. jsdom has no DragEvent, so the generic Event that stands in for it
 * lacks clientX/clientY: they are set by hand.
 */
function dropAt(target: HTMLElement, dataTransfer: ReturnType<typeof fakeDataTransfer>, clientX: number, clientY: number) {
  const event = createEvent.drop(target, { dataTransfer });
  Object.defineProperties(event, { clientX: { value: clientX }, clientY: { value: clientY } });
  return fireEvent(target, event);
}

describe('PlanCanvas: empty plan', () => {
  it('shows what to do and the template buttons instead of a blank canvas', async () => {
    await renderCanvas([]);
    expect(screen.getByText(EMPTY_TEXT)).toBeInTheDocument();
    const templates = screen.getByRole('list', { name: 'Templates' });
    const buttons = within(templates).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(PLAN_TEMPLATES.map((t) => t.title));
    expect(buttons.length).toBeGreaterThan(0);
    expect(nodeGroups()).toHaveLength(0);
  });

  it('opens a template as one undoable step, and the cards replace the empty state', async () => {
    const user = userEvent.setup();
    const store = await renderCanvas([]);
    const template = PLAN_TEMPLATES.find((t) => t.id === 'ce-three-nodes')!;
    await user.click(screen.getByRole('button', { name: template.title }));

    const plan = store.getState().plan;
    expect(plan.nodes.length).toBe(3);
    expect(store.getState().past).toHaveLength(1);
    for (const node of plan.nodes) expect(await screen.findByRole('group', { name: node.hostname })).toBeInTheDocument();
    expect(screen.queryByText(EMPTY_TEXT)).toBeNull();

    act(() => store.getState().undo());
    expect(screen.getByText(EMPTY_TEXT)).toBeInTheDocument();
    await waitFor(() => expect(nodeGroups()).toHaveLength(0));
  });
});

describe('PlanCanvas: cards', () => {
  it('draws one card per node inside the labelled canvas', async () => {
    await renderCanvas();
    const canvas = screen.getByRole('application', { name: 'Deployment canvas' });
    expect(within(canvas).getByRole('group', { name: 'srv1.example.com' })).toBeInTheDocument();
    expect(within(canvas).getByRole('group', { name: 'srv2.example.com' })).toBeInTheDocument();
    expect(nodeGroups()).toHaveLength(2);
    expect(screen.queryByText(EMPTY_TEXT)).toBeNull();
  });

  it('adds and removes cards as the plan changes', async () => {
    const store = await renderCanvas();
    act(
      () =>
        void store.getState().dispatch({
          type: 'add-node',
          node: { id: 'n3', hostname: 'srv3.example.com', roles: ['mailstore'], position: { x: 680, y: 0 } },
        }),
    );
    expect(await screen.findByRole('group', { name: 'srv3.example.com' })).toBeInTheDocument();
    act(() => void store.getState().dispatch({ type: 'remove-node', nodeId: 'n1' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'srv1.example.com' })).toBeNull());
    expect(nodeGroups()).toHaveLength(2);
  });

  it('selects a card when clicked, and follows the store selection', async () => {
    const store = await renderCanvas();
    // A click only: a pointer press would start d3-drag, which needs a real window (Playwright's job).
    fireEvent.click(screen.getByRole('group', { name: 'srv2.example.com' }));
    await waitFor(() => expect(store.getState().selection).toEqual({ nodeIds: ['n2'] }));
    expect(store.getState().past).toHaveLength(0); // selecting is not an edit

    act(() => store.getState().select({ nodeIds: ['n1'] }));
    const body = (hostname: string) => screen.getByRole('group', { name: hostname }).querySelector('.card');
    expect(body('srv1.example.com')).toHaveClass('card-selected');
    expect(body('srv2.example.com')).not.toHaveClass('card-selected');
  });

  it('moves a selected card with the arrow keys, each press one undoable step', async () => {
    const store = await renderCanvas();
    act(() => store.getState().select({ nodeIds: ['n1'] }));
    const srv1 = screen.getByRole('group', { name: 'srv1.example.com' });
    fireEvent.keyDown(srv1, { key: 'ArrowRight' });
    expect(store.getState().plan.nodes[0]!.position).toEqual({ x: 5, y: 0 });
    fireEvent.keyDown(srv1, { key: 'ArrowDown', shiftKey: true });
    expect(store.getState().plan.nodes[0]!.position).toEqual({ x: 5, y: 20 });
    expect(store.getState().plan.nodes[1]!.position).toEqual({ x: 340, y: 0 }); // not selected: not moved
    expect(store.getState().past).toHaveLength(2);
    await waitFor(() => expect(srv1.style.transform).toBe('translate(5px,20px)'));

    act(() => store.getState().undo());
    expect(store.getState().plan.nodes[0]!.position).toEqual({ x: 5, y: 0 });
    await waitFor(() => expect(srv1.style.transform).toBe('translate(5px,0px)'));
  });

  it('locks the cards and hides the controls in presentation mode', async () => {
    const store = await renderCanvas();
    const srv1 = screen.getByRole('group', { name: 'srv1.example.com' });
    expect(srv1).toHaveClass('draggable');
    expect(screen.getByTestId('rf__controls')).toBeInTheDocument();
    act(() => store.getState().setPresentation(true));
    expect(screen.getByRole('group', { name: 'srv1.example.com' })).not.toHaveClass('draggable');
    expect(screen.queryByTestId('rf__controls')).toBeNull();

    act(() => store.getState().select({ nodeIds: ['n1'] }));
    fireEvent.keyDown(screen.getByRole('group', { name: 'srv1.example.com' }), { key: 'ArrowRight' });
    expect(store.getState().plan.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    expect(store.getState().past).toHaveLength(0);
  });
});

describe('PlanCanvas: dropping on empty canvas', () => {
  it('accepts only role drags over the canvas', async () => {
    await renderCanvas();
    const canvas = screen.getByTestId('canvas');
    const role = roleDrag('proxy');
    expect(fireEvent.dragOver(canvas, { dataTransfer: role })).toBe(false); // default prevented: droppable
    expect(role.dropEffect).toBe('copy');
    const chip = roleDrag('mta', 'n2');
    fireEvent.dragOver(canvas, { dataTransfer: chip });
    expect(chip.dropEffect).toBe('move');

    const text = fakeDataTransfer();
    text.setData('text/plain', 'hello');
    expect(fireEvent.dragOver(canvas, { dataTransfer: text })).toBe(true); // not a drop target
    expect(text.dropEffect).toBe('none');
  });

  it('creates a node holding a dropped palette role, with a proposed hostname', async () => {
    const store = await renderCanvas();
    expect(dropAt(screen.getByTestId('canvas'), roleDrag('proxy'), 400, 300)).toBe(false); // handled

    const created = store.getState().plan.nodes[2]!;
    expect(created).toMatchObject({ id: 'n3', hostname: 'proxy1.example.com', roles: ['proxy'] });
    const { x, y } = created.position!;
    expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().selection).toEqual({ nodeIds: ['n3'] });
    expect(await screen.findByRole('group', { name: 'proxy1.example.com' })).toBeInTheDocument();

    // The drop point decides where the node goes: 200 px further right, same height.
    dropAt(screen.getByTestId('canvas'), roleDrag('proxy'), 600, 300);
    const second = store.getState().plan.nodes[3]!;
    expect(second.hostname).toBe('proxy2.example.com');
    expect(second.position!.x).toBeGreaterThan(x);
    expect(second.position!.y).toBe(y);
  });

  it('moves a chip dropped on empty canvas to a new node, as one step', async () => {
    const store = await renderCanvas();
    const initial = store.getState().plan;
    dropAt(screen.getByTestId('canvas'), roleDrag('mta', 'n2'), 10, 10);

    expect(store.getState().plan.nodes.map((n) => [n.hostname, n.roles])).toEqual([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['proxy']],
      ['mta1.example.com', ['mta']],
    ]);
    expect(store.getState().past).toEqual([initial]);
  });

  it('refuses a role the edition lacks, with a notice', async () => {
    const store = await renderCanvas();
    const plan = store.getState().plan;
    fireEvent.drop(screen.getByTestId('canvas'), { dataTransfer: roleDrag('video-recording') });
    expect(store.getState().plan).toBe(plan);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().notice?.text).toBe('video-recording is not a role of Carbonio CE.');
  });

  it('ignores drops that are not roles', async () => {
    const store = await renderCanvas();
    const plan = store.getState().plan;
    const text = fakeDataTransfer();
    text.setData('text/plain', 'proxy');
    fireEvent.drop(screen.getByTestId('canvas'), { dataTransfer: text });
    expect(store.getState().plan).toBe(plan);
    expect(store.getState().notice).toBeUndefined();
  });
});
