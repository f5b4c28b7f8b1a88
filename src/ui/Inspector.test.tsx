// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithStore } from '../test/render-with-store';
import type { Edition } from '../core/catalog/role-ids';
import { makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import type { EditorStore, Selection } from '../store/editor-store';
import { Inspector } from './Inspector';

function renderInspector(nodes: readonly NodeSpec[], selection?: Selection, edition: Edition = 'ce'): EditorStore {
  return renderWithStore(<Inspector />, makePlan(nodes, edition), selection);
}

const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });
const field = (label: string) => within(inspector()).getByLabelText(label);
const node = (store: EditorStore, index = 0) => store.getState().plan.nodes[index]!;

const TWO_NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'proxy'], { resources: { vcpu: 4, ramGb: 16 } }],
  ['srv2.example.com', ['mta']],
];

describe('Inspector: node', () => {
  it('commits a hostname edit once, on blur, as one undo step', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    const hostname = field('Hostname');
    expect(hostname).toHaveValue('srv1.example.com');

    await user.clear(hostname);
    await user.type(hostname, 'mail.example.org');
    expect(node(store).hostname).toBe('srv1.example.com'); // nothing per keystroke
    expect(store.getState().past).toHaveLength(0);

    await user.tab();
    expect(node(store).hostname).toBe('mail.example.org');
    expect(store.getState().past).toHaveLength(1);

    act(() => store.getState().undo());
    expect(node(store).hostname).toBe('srv1.example.com');
    expect(field('Hostname')).toHaveValue('srv1.example.com');
  });

  it('commits on Enter; clearing an optional field removes it; an unchanged value records nothing', async () => {
    const user = userEvent.setup();
    const store = renderInspector([['srv1.example.com', [], { privateIp: '10.0.0.1' }]], { nodeIds: ['n1'] });

    await user.clear(field('Private IP'));
    await user.keyboard('{Enter}');
    expect(node(store)).not.toHaveProperty('privateIp');
    expect(store.getState().past).toHaveLength(1);

    await user.click(field('Hostname'));
    await user.tab();
    expect(store.getState().past).toHaveLength(1);
  });

  it('rejects a negative vCPU with an inline error and commits nothing', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    const vcpu = field('vCPU');
    expect(vcpu).toHaveValue('4');

    await user.clear(vcpu);
    await user.type(vcpu, '-2');
    await user.keyboard('{Enter}');
    expect(within(inspector()).getByRole('alert')).toHaveTextContent('Must be 0 or more.');
    expect(vcpu).toHaveAttribute('aria-invalid', 'true');
    expect(vcpu).toHaveAccessibleDescription('Must be 0 or more.');
    expect(node(store).resources).toEqual({ vcpu: 4, ramGb: 16 });
    expect(store.getState().past).toHaveLength(0);

    await user.clear(vcpu);
    await user.type(vcpu, 'abc');
    await user.tab();
    expect(within(inspector()).getByRole('alert')).toHaveTextContent('Enter a number');
    expect(store.getState().past).toHaveLength(0);

    await user.clear(field('vCPU'));
    await user.type(field('vCPU'), '8');
    await user.keyboard('{Enter}');
    expect(within(inspector()).queryByRole('alert')).toBeNull();
    expect(node(store).resources).toEqual({ vcpu: 8, ramGb: 16 });
    expect(store.getState().past).toHaveLength(1);
  });

  it('clears a resource with an empty value, keeping the others', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    await user.clear(field('RAM (GB)'));
    await user.tab();
    expect(node(store).resources).toEqual({ vcpu: 4 });
  });

  it('sets zone and OS from their selects', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    await user.selectOptions(field('Zone'), 'DMZ');
    expect(node(store).zone).toBe('dmz');
    await user.selectOptions(field('OS'), 'RHEL 9');
    expect(node(store).os).toBe('rhel-9');
    await user.selectOptions(field('Zone'), 'none');
    expect(node(store)).not.toHaveProperty('zone');
    expect(store.getState().past).toHaveLength(3);
  });

  it('resets the form when another node is selected', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    await user.clear(field('vCPU'));
    await user.type(field('vCPU'), '-1');
    await user.keyboard('{Enter}');
    expect(within(inspector()).getByRole('alert')).toBeInTheDocument();

    act(() => store.getState().select({ nodeIds: ['n2'] }));
    expect(field('Hostname')).toHaveValue('srv2.example.com');
    expect(field('vCPU')).toHaveValue('');
    expect(within(inspector()).queryByRole('alert')).toBeNull();
    expect(node(store).resources).toEqual({ vcpu: 4, ramGb: 16 });
  });

  it('keeps an edit left pending when another node is selected, but not when another plan is opened', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    await user.clear(field('Hostname'));
    await user.type(field('Hostname'), 'kept.example.com');
    act(() => store.getState().select({ nodeIds: ['n2'] }));
    expect(node(store).hostname).toBe('kept.example.com');
    expect(store.getState().past).toHaveLength(1);

    await user.clear(field('Hostname'));
    await user.type(field('Hostname'), 'lost.example.com');
    act(() => store.getState().replacePlan(makePlan(TWO_NODES), { keepHistory: true }));
    expect(store.getState().plan.nodes.map((n) => n.hostname)).toEqual(['srv1.example.com', 'srv2.example.com']);
  });

  it('lists the node roles with Remove buttons, and opens Add role', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    await user.click(within(inspector()).getByRole('button', { name: 'Remove Proxy' }));
    expect(node(store).roles).toEqual(['mesh-directory']);
    expect(within(inspector()).queryByRole('button', { name: 'Remove Proxy' })).toBeNull();

    await user.click(within(inspector()).getByRole('button', { name: 'Add role…' }));
    expect(store.getState().addRoleFor).toBe('n1');
  });

  it('duplicates and deletes the node', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1'] });
    await user.click(within(inspector()).getByRole('button', { name: 'Duplicate node' }));
    expect(store.getState().plan.nodes).toHaveLength(3);
    const copy = node(store, 2);
    expect(copy.roles).toEqual(['mesh-directory', 'proxy']);
    expect(store.getState().selection.nodeIds).toEqual([copy.id]);
    expect(field('Hostname')).toHaveValue(copy.hostname);

    await user.click(within(inspector()).getByRole('button', { name: 'Delete node' }));
    expect(store.getState().plan.nodes.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(within(inspector()).getByRole('heading', { name: 'Plan' })).toBeInTheDocument();
  });
});

describe('Inspector: role', () => {
  it('shows the ports of Proxy, 443 included, with packages of the edition', () => {
    renderInspector(TWO_NODES, { nodeIds: ['n1'], role: { nodeId: 'n1', roleId: 'proxy' } });
    expect(within(inspector()).getByRole('heading', { name: 'Proxy', level: 2 })).toBeInTheDocument();
    expect(within(inspector()).getByText('Core')).toBeInTheDocument();
    const table = within(inspector()).getByRole('table', { name: 'Ports of Proxy' });
    const row443 = within(table)
      .getAllByRole('row')
      .find((row) => within(row).queryByRole('cell', { name: '443' }));
    expect(row443).toBeDefined();
    expect(within(row443!).getByRole('cell', { name: 'HTTPS and WebSocket' })).toBeInTheDocument();
    expect(within(row443!).getByRole('cell', { name: 'External' })).toBeInTheDocument();
    const packages = within(inspector()).getByRole('list', { name: 'Packages' });
    expect(within(packages).getByText('carbonio-proxy')).toBeInTheDocument();
    // CE packages only: the admin console UI is a commercial package.
    expect(within(packages).queryByText('carbonio-admin-console-ui')).toBeNull();
  });

  it('formats port ranges', () => {
    renderInspector([['srv1.example.com', ['mesh-directory', 'db-connection']]], {
      nodeIds: ['n1'],
      role: { nodeId: 'n1', roleId: 'mesh-directory' },
    });
    expect(within(inspector()).getByRole('cell', { name: '20000-21255' })).toBeInTheDocument();
  });

  it('shows the caveat of a legacy role', () => {
    renderInspector([['srv1.example.com', ['db-connection']]], {
      nodeIds: ['n1'],
      role: { nodeId: 'n1', roleId: 'db-connection' },
    });
    expect(within(inspector()).getByText(/Removed from the commercial installer/)).toBeInTheDocument();
  });
});

describe('Inspector: several nodes', () => {
  it('says how many are selected and deletes them together', async () => {
    const user = userEvent.setup();
    const store = renderInspector([...TWO_NODES, ['srv3.example.com', []]], { nodeIds: ['n1', 'n2'] });
    expect(within(inspector()).getByRole('heading', { name: '2 nodes selected' })).toBeInTheDocument();
    await user.click(within(inspector()).getByRole('button', { name: 'Delete' }));
    expect(store.getState().plan.nodes.map((n) => n.id)).toEqual(['n3']);
    expect(store.getState().past).toHaveLength(1);
  });

  it('duplicates them together', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES, { nodeIds: ['n1', 'n2'] });
    await user.click(within(inspector()).getByRole('button', { name: 'Duplicate' }));
    expect(store.getState().plan.nodes).toHaveLength(4);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('Inspector: plan settings', () => {
  it('switches the edition with one command', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES);
    expect(within(inspector()).getByText(/Select a node/)).toBeInTheDocument();
    const edition = field('Edition');
    expect(edition).toHaveValue('ce');
    await user.selectOptions(edition, 'Carbonio');
    expect(store.getState().plan.edition).toBe('carbonio');
    expect(store.getState().past).toHaveLength(1);
    expect(edition).toHaveValue('carbonio');
  });

  it('warns about roles the new edition does not have', async () => {
    const user = userEvent.setup();
    const store = renderInspector([['srv1.example.com', ['video-recording']]], undefined, 'carbonio');
    await user.selectOptions(field('Edition'), 'Carbonio CE');
    expect(store.getState().plan.edition).toBe('ce');
    expect(store.getState().notice).toMatchObject({ tone: 'warning' });
    expect(store.getState().notice!.text).toContain('video-recording');
  });

  it('edits the plan name and webmail hostname on blur', async () => {
    const user = userEvent.setup();
    const store = renderInspector(TWO_NODES);
    await user.clear(field('Plan name'));
    await user.type(field('Plan name'), 'Acme mail');
    await user.type(field('Webmail hostname'), 'mail.acme.test');
    await user.tab();
    expect(store.getState().plan.name).toBe('Acme mail');
    expect(store.getState().plan.webmailHostname).toBe('mail.acme.test');
    expect(store.getState().past).toHaveLength(2);
  });
});
