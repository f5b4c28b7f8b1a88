// @vitest-environment jsdom
import '../test/react-flow-env';
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import type { EditorStore } from '../store/editor-store';
import { selectDiagnosticsByNode } from '../store/selectors';
import { renderWithStore } from '../test/render-with-store';
import { PlanCanvas } from './PlanCanvas';
import { roleDrag } from '../test/fake-data-transfer';

const NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'database'], { privateIp: '10.0.0.1', publicIp: '203.0.113.1', zone: 'lan' }],
  ['srv2.example.com', ['mta', 'proxy'], { privateIp: '10.0.0.2', zone: 'dmz' }],
  ['srv3.example.com', ['mailstore', 'files', 'files-ui']],
];

/** Renders the canvas on a plan and waits until React Flow shows the cards. */
async function renderCanvas(nodes: readonly NodeSpec[] = NODES): Promise<EditorStore> {
  const store = renderWithStore(<PlanCanvas />, makePlan(nodes));
  if (nodes.length > 0) await screen.findByRole('group', { name: nodes[0]![0] });
  return store;
}

/** The card group React Flow draws for a node, named by its hostname. */
const card = (hostname: string) => screen.getByRole('group', { name: hostname });
/** The card body (the NodeCard element inside React Flow's wrapper). */
const cardBody = (hostname: string) => card(hostname).querySelector<HTMLElement>('.card')!;
const chipLabels = (hostname: string) =>
  within(within(card(hostname)).getByRole('list', { name: `Roles on ${hostname}` }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.chip-label')!.textContent);
const chipItem = (hostname: string, roleId: string) => card(hostname).querySelector<HTMLElement>(`li[data-role="${roleId}"]`)!;



describe('NodeCard: what it shows', () => {
  it('shows each node as a group named by its hostname, with hostname, addresses and zone', async () => {
    await renderCanvas();
    expect(screen.getAllByRole('group').filter((g) => g.getAttribute('aria-roledescription') === 'node')).toHaveLength(3);

    const srv1 = card('srv1.example.com');
    expect(within(srv1).getByText('srv1.example.com')).toHaveClass('card-hostname');
    expect(within(srv1).getByText('10.0.0.1 · 203.0.113.1 · LAN')).toHaveClass('card-address');
    expect(within(card('srv2.example.com')).getByText('10.0.0.2 · DMZ')).toBeInTheDocument();
    expect(within(card('srv3.example.com')).getByText('no address yet')).toBeInTheDocument();
  });

  it('shows the roles as chips coloured by kind, UI roles right after Proxy', async () => {
    await renderCanvas([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'mailstore', 'files', 'files-ui', 'proxy', 'monitoring']],
    ]);
    expect(chipLabels('srv1.example.com')).toEqual([
      'Mesh & Directory',
      'Database',
      'MTA AV/AS',
      'Mailstore',
      'Files',
      'Proxy',
      'Files UI',
      'Monitoring',
    ]);
    expect(chipItem('srv1.example.com', 'proxy')).toHaveClass('chip', 'kind-core');
    expect(chipItem('srv1.example.com', 'files-ui')).toHaveClass('chip', 'kind-ui');
    expect(chipItem('srv1.example.com', 'files')).toHaveClass('kind-collaboration');
    expect(chipItem('srv1.example.com', 'monitoring')).toHaveClass('kind-additional');
  });

  it('marks an unknown role and an empty node', async () => {
    await renderCanvas([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore', 'frobnicator']],
      ['srv2.example.com', []],
    ]);
    expect(chipItem('srv1.example.com', 'frobnicator')).toHaveClass('kind-unknown');
    expect(within(card('srv2.example.com')).getByText('Drop a role here')).toBeInTheDocument();
    expect(within(card('srv2.example.com')).queryByRole('list')).toBeNull();
  });

  it('counts errors on the card and flags the chip in error (Files UI without Proxy)', async () => {
    const store = await renderCanvas();
    const errors = (selectDiagnosticsByNode(store.getState()).get('n3') ?? []).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.rule)).toContain('ui-on-proxy');

    const body = cardBody('srv3.example.com');
    expect(body).toHaveClass('card-error');
    expect(body.querySelector('.badge-error')).toHaveTextContent(`${errors.length} error${errors.length > 1 ? 's' : ''}`);
    expect(chipItem('srv3.example.com', 'files-ui')).toHaveClass('chip-error');
    expect(within(card('srv3.example.com')).getByRole('button', { name: 'Files UI on srv3.example.com (error)' })).toBeInTheDocument();
    expect(chipItem('srv3.example.com', 'mailstore')).not.toHaveClass('chip-error');
  });

  it('shows a warning badge for red-box roles sharing a node (dedicated-node)', async () => {
    const store = await renderCanvas([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy']],
      ['srv3.example.com', ['mailstore']],
    ]);
    const found = selectDiagnosticsByNode(store.getState()).get('n2') ?? [];
    expect(found.map((d) => [d.rule, d.severity])).toContainEqual(['dedicated-node', 'warning']);
    const warnings = found.filter((d) => d.severity === 'warning').length;
    expect(found.some((d) => d.severity === 'error')).toBe(false);

    const body = cardBody('srv2.example.com');
    expect(body).toHaveClass('card-warning');
    expect(body).not.toHaveClass('card-error');
    expect(body.querySelector('.badge-error')).toBeNull();
    expect(body.querySelector('.badge-warning')).toHaveTextContent(`${warnings} warning${warnings > 1 ? 's' : ''}`);
    expect(chipItem('srv2.example.com', 'proxy')).toHaveClass('chip-warning');

    // No finding, no badge.
    expect(cardBody('srv1.example.com').querySelector('.badge')).toBeNull();
  });

  it('follows plan edits: the card updates, and undo brings it back', async () => {
    const store = await renderCanvas();
    act(() => void store.getState().dispatch({ type: 'add-role', nodeId: 'n2', roleId: 'files-ui' }));
    expect(chipLabels('srv2.example.com')).toEqual(['MTA AV/AS', 'Proxy', 'Files UI']);
    act(() => void store.getState().dispatch({ type: 'update-node', nodeId: 'n2', changes: { hostname: 'edge.example.com' } }));
    expect(card('edge.example.com')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'srv2.example.com' })).toBeNull();
    act(() => {
      store.getState().undo();
      store.getState().undo();
    });
    expect(chipLabels('srv2.example.com')).toEqual(['MTA AV/AS', 'Proxy']);
  });

  it('marks the selected card and the selected chip', async () => {
    const store = await renderCanvas();
    act(() => store.getState().select({ nodeIds: ['n2'], role: { nodeId: 'n2', roleId: 'mta' } }));
    expect(cardBody('srv2.example.com')).toHaveClass('card-selected');
    expect(cardBody('srv1.example.com')).not.toHaveClass('card-selected');
    expect(chipItem('srv2.example.com', 'mta')).toHaveClass('chip-selected');
    expect(within(card('srv2.example.com')).getByRole('button', { name: 'MTA AV/AS on srv2.example.com' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});

describe('NodeCard: actions', () => {
  it('"Add role…" selects the node and opens the add-role dialog state', async () => {
    const user = userEvent.setup();
    const store = await renderCanvas();
    await user.click(within(card('srv3.example.com')).getByRole('button', { name: 'Add role…' }));
    expect(store.getState().addRoleFor).toBe('n3');
    expect(store.getState().selection).toEqual({ nodeIds: ['n3'] });
    expect(store.getState().past).toHaveLength(0);
  });

  it('clicking a chip selects it', async () => {
    const user = userEvent.setup();
    const store = await renderCanvas();
    await user.click(within(card('srv1.example.com')).getByRole('button', { name: 'Database on srv1.example.com' }));
    expect(store.getState().selection).toEqual({ nodeIds: ['n1'], role: { nodeId: 'n1', roleId: 'database' } });
  });

  it('Delete on a focused chip removes that role as one undo step', async () => {
    const user = userEvent.setup();
    const store = await renderCanvas();
    const chip = within(card('srv2.example.com')).getByRole('button', { name: /^MTA AV\/AS on srv2\.example\.com/ });
    act(() => chip.focus());
    await user.keyboard('{Delete}');

    expect(store.getState().plan.nodes[1]!.roles).toEqual(['proxy']);
    expect(store.getState().past).toHaveLength(1);
    expect(chipLabels('srv2.example.com')).toEqual(['Proxy']);
    expect(store.getState().plan.nodes).toHaveLength(3); // the node itself stays

    act(() => store.getState().undo());
    expect(chipLabels('srv2.example.com')).toEqual(['MTA AV/AS', 'Proxy']);
  });

  it('the chip menu "Move to…" opens the move dialog state; "Remove" removes the role', async () => {
    const user = userEvent.setup();
    const store = await renderCanvas();
    const srv3 = within(card('srv3.example.com'));
    await user.click(srv3.getByRole('button', { name: 'Actions for Files UI on srv3.example.com' }));
    const menu = srv3.getByRole('menu', { name: 'Files UI on srv3.example.com' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Move to…', 'Details', 'Remove']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Move to…' }));
    expect(store.getState().moveRole).toEqual({ nodeId: 'n3', roleId: 'files-ui' });
    expect(srv3.queryByRole('menu')).toBeNull();
    expect(store.getState().past).toHaveLength(0);

    await user.click(srv3.getByRole('button', { name: 'Actions for Files on srv3.example.com' }));
    await user.click(srv3.getByRole('menuitem', { name: 'Remove' }));
    expect(store.getState().plan.nodes[2]!.roles).toEqual(['mailstore', 'files-ui']);
    expect(store.getState().past).toHaveLength(1);
  });

  it('a palette role dropped on a card is added to that node', async () => {
    const store = await renderCanvas();
    const dataTransfer = roleDrag('monitoring');
    const body = cardBody('srv1.example.com');
    fireEvent.dragOver(body, { dataTransfer });
    expect(body).toHaveClass('card-drop-ok');
    expect(dataTransfer.dropEffect).toBe('copy');
    fireEvent.drop(body, { dataTransfer });

    expect(store.getState().plan.nodes[0]!.roles).toEqual(['mesh-directory', 'database', 'monitoring']);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().plan.nodes).toHaveLength(3); // the canvas did not also make a node
    expect(chipLabels('srv1.example.com')).toContain('Monitoring');
    expect(body).not.toHaveClass('card-drop-ok');
  });

  it('a chip dropped on another card moves the role there, as one step', async () => {
    const store = await renderCanvas();
    const dataTransfer = roleDrag('files-ui', 'n3');
    fireEvent.dragOver(cardBody('srv2.example.com'), { dataTransfer });
    expect(dataTransfer.dropEffect).toBe('move');
    fireEvent.drop(cardBody('srv2.example.com'), { dataTransfer });
    expect(store.getState().plan.nodes.map((n) => n.roles)).toEqual([
      ['mesh-directory', 'database'],
      ['mta', 'proxy', 'files-ui'],
      ['mailstore', 'files'],
    ]);
    expect(store.getState().past).toHaveLength(1);
    expect(chipItem('srv2.example.com', 'files-ui')).not.toHaveClass('chip-error');
  });

  it('a refused drop says why on the card and in a notice, and changes nothing', async () => {
    const store = await renderCanvas();
    const dataTransfer = roleDrag('proxy');
    const body = cardBody('srv2.example.com');
    fireEvent.dragOver(body, { dataTransfer });
    expect(body).toHaveClass('card-drop-refused');
    expect(within(body).getByRole('status')).toHaveTextContent('srv2.example.com already has Proxy.');

    const plan = store.getState().plan;
    fireEvent.drop(body, { dataTransfer });
    expect(store.getState().plan).toBe(plan);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().notice).toMatchObject({ tone: 'warning', text: 'srv2.example.com already has Proxy.' });
    expect(within(body).queryByRole('status')).toBeNull();
  });
});
