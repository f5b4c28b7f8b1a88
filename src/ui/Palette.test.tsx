// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithStore } from '../test/render-with-store';
import { draggedRoleId, readRoleDrag } from '../canvas/drag-data';
import type { Edition } from '../core/catalog/role-ids';
import { makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import type { EditorStore } from '../store/editor-store';
import { Palette, SELECT_NODE_FIRST } from './Palette';
import { fakeDataTransfer } from '../test/fake-data-transfer';

function renderPalette(nodes: readonly NodeSpec[] = [], edition: Edition = 'ce'): EditorStore {
  return renderWithStore(<Palette />, makePlan(nodes, edition));
}

const palette = () => screen.getByRole('region', { name: 'Roles' });
const roleButton = (name: string) => within(palette()).getByRole('button', { name });


describe('Palette', () => {
  it('lists only the roles of the plan edition', () => {
    renderPalette([], 'ce');
    expect(roleButton('Proxy')).toBeInTheDocument();
    expect(roleButton('Mesh & Directory')).toBeInTheDocument();
    expect(within(palette()).queryByRole('button', { name: 'Video Recording' })).toBeNull();
    expect(within(palette()).queryByRole('button', { name: 'Event Streaming' })).toBeNull();
  });

  it('shows the commercial-only roles for Carbonio, and follows an edition change', () => {
    const store = renderPalette([], 'carbonio');
    expect(roleButton('Video Recording')).toBeInTheDocument();
    act(() => void store.getState().dispatch({ type: 'set-plan-fields', changes: { edition: 'ce' } }));
    expect(within(palette()).queryByRole('button', { name: 'Video Recording' })).toBeNull();
  });

  it('groups roles under kind headings in catalog kind order, hiding empty kinds', () => {
    renderPalette();
    const headings = within(palette())
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual(['Core', 'Infrastructure', 'User interfaces', 'Collaboration', 'Additional', 'Legacy']);
    const core = within(palette()).getByRole('list', { name: 'Core' });
    expect(within(core).getByRole('button', { name: 'Proxy' })).toBeInTheDocument();
    expect(within(core).queryByRole('button', { name: 'Files' })).toBeNull();
    const legacy = within(palette()).getByRole('list', { name: 'Legacy' });
    expect(within(legacy).getAllByRole('button').map((b) => b.textContent)).toEqual(['Database Connector (PgPool-II)']);
  });

  it('filters by name, kind and package, and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderPalette();
    const search = within(palette()).getByLabelText('Search roles');

    await user.type(search, 'proxy');
    expect(within(palette()).getAllByRole('button').map((b) => b.textContent)).toEqual(['Proxy']);

    await user.clear(search);
    await user.type(search, 'carbonio-memcached'); // a package of Proxy only
    expect(within(palette()).getAllByRole('button').map((b) => b.textContent)).toEqual(['Proxy']);

    await user.clear(search);
    await user.type(search, 'legacy');
    expect(within(palette()).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Legacy']);

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(within(palette()).queryAllByRole('button')).toHaveLength(0);
    expect(within(palette()).getByText('No role matches “zzz”.')).toBeInTheDocument();
  });

  it('gives each role a tooltip with its packages and a description', () => {
    renderPalette();
    const proxy = roleButton('Proxy');
    expect(proxy).toHaveAttribute('draggable', 'true');
    expect(proxy.title).toContain('carbonio-proxy');
    expect(proxy).toHaveAccessibleDescription(/public entry point/);
    expect(proxy).toHaveClass('kind-core');
  });

  it('adds the clicked role to the one selected node, as one undoable step', async () => {
    const user = userEvent.setup();
    const store = renderPalette([['srv1.example.com', ['mta']]]);
    act(() => store.getState().select({ nodeIds: ['n1'] }));

    await user.click(roleButton('Proxy'));
    expect(store.getState().plan.nodes[0]!.roles).toEqual(['mta', 'proxy']);
    expect(store.getState().selection.role).toEqual({ nodeId: 'n1', roleId: 'proxy' });
    expect(store.getState().past).toHaveLength(1);

    act(() => store.getState().undo());
    expect(store.getState().plan.nodes[0]!.roles).toEqual(['mta']);
    expect(store.getState().past).toHaveLength(0);
  });

  it('adds with Enter from the keyboard', async () => {
    const user = userEvent.setup();
    const store = renderPalette([['srv1.example.com', []]]);
    act(() => store.getState().select({ nodeIds: ['n1'] }));
    roleButton('Files').focus();
    await user.keyboard('{Enter}');
    expect(store.getState().plan.nodes[0]!.roles).toEqual(['files']);
  });

  it('asks to select a node when none or several are selected, changing nothing', async () => {
    const user = userEvent.setup();
    const store = renderPalette([
      ['srv1.example.com', []],
      ['srv2.example.com', []],
    ]);
    const before = store.getState().plan;

    await user.click(roleButton('Proxy'));
    expect(store.getState().notice).toMatchObject({ tone: 'info', text: SELECT_NODE_FIRST });

    act(() => {
      store.getState().dismissNotice();
      store.getState().select({ nodeIds: ['n1', 'n2'] });
    });
    await user.click(roleButton('Proxy'));
    expect(store.getState().notice).toMatchObject({ tone: 'info', text: SELECT_NODE_FIRST });

    expect(store.getState().plan).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('starts a copy drag carrying the role id', () => {
    renderPalette();
    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(roleButton('Proxy'), { dataTransfer });
    expect(dataTransfer.types).toContain('application/x-carbonio-role+proxy');
    expect(draggedRoleId(dataTransfer as unknown as DataTransfer)).toBe('proxy');
    expect(readRoleDrag(dataTransfer as unknown as DataTransfer)).toEqual({ roleId: 'proxy' });
    expect(dataTransfer.effectAllowed).toBe('copy');
  });
});
