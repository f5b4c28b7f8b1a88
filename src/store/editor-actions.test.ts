import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, estimateCardHeight } from '../core/commands/arrange';
import type { Edition } from '../core/catalog/role-ids';
import type { PlanNode } from '../core/plan/schema';
import { CORE_ROLES, makePlan, type NodeSpec } from '../core/test-support/plan-builder';
import {
  addEmptyNode,
  applyFix,
  arrange,
  changeEdition,
  deleteSelection,
  dropRoleOnCanvas,
  dropRoleOnNode,
  insertCopies,
  removeRole,
  selectedNodes,
} from './editor-actions';
import { createEditorStore, type EditorStore } from './editor-store';
import { selectDiagnostics } from './selectors';

const THREE_NODES: readonly NodeSpec[] = [
  ['srv1.example.com', ['mesh-directory', 'database'], { position: { x: 0, y: 0 } }],
  ['srv2.example.com', ['mta', 'proxy'], { position: { x: 340, y: 0 } }],
  ['srv3.example.com', ['mailstore'], { position: { x: 680, y: 0 } }],
];

function makeStore(nodes: readonly NodeSpec[] = THREE_NODES, edition: Edition = 'ce'): EditorStore {
  return createEditorStore(makePlan(nodes, edition));
}

const node = (store: EditorStore, id: string) => store.getState().plan.nodes.find((n) => n.id === id);
const rolesOf = (store: EditorStore, id: string) => node(store, id)?.roles;

/** Asserts that the store did not change its plan nor record a step. */
function expectUntouched(store: EditorStore, before: ReturnType<EditorStore['getState']>) {
  expect(store.getState().plan).toBe(before.plan);
  expect(store.getState().past).toBe(before.past);
  expect(store.getState().future).toBe(before.future);
}

describe('dropRoleOnNode', () => {
  it('adds a palette role to the node, as one step, and selects the new chip', () => {
    const store = makeStore();
    expect(dropRoleOnNode(store, { roleId: 'files' }, 'n3')).toBe(true);
    expect(rolesOf(store, 'n3')).toEqual(['mailstore', 'files']);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().selection).toEqual({ nodeIds: ['n3'], role: { nodeId: 'n3', roleId: 'files' } });
    expect(store.getState().notice).toBeUndefined();
  });

  it('moves a chip from another node as one undoable step', () => {
    const store = makeStore();
    const initial = store.getState().plan;
    expect(dropRoleOnNode(store, { roleId: 'mta', fromNodeId: 'n2' }, 'n3')).toBe(true);
    expect(rolesOf(store, 'n2')).toEqual(['proxy']);
    expect(rolesOf(store, 'n3')).toEqual(['mailstore', 'mta']);
    expect(store.getState().past).toHaveLength(1);

    store.getState().undo();
    expect(store.getState().plan).toBe(initial);
  });

  it('refuses a role the node already has: plan unchanged, no step, a notice says why', () => {
    const store = makeStore();
    const before = store.getState();
    expect(dropRoleOnNode(store, { roleId: 'proxy' }, 'n2')).toBe(false);
    expectUntouched(store, before);
    expect(store.getState().notice).toMatchObject({ tone: 'warning' });
    expect(store.getState().notice!.text).toBe('srv2.example.com already has Proxy.');

    // A chip moved onto a node that already holds the role is refused the same way.
    store.getState().dispatch({ type: 'add-role', nodeId: 'n3', roleId: 'mta' });
    const after = store.getState();
    expect(dropRoleOnNode(store, { roleId: 'mta', fromNodeId: 'n2' }, 'n3')).toBe(false);
    expectUntouched(store, after);
    expect(rolesOf(store, 'n2')).toEqual(['mta', 'proxy']);
    expect(store.getState().notice!.text).toBe('srv3.example.com already has MTA AV/AS.');
  });

  it('refuses a role that is not in the edition', () => {
    const store = makeStore(THREE_NODES, 'ce');
    const before = store.getState();
    expect(dropRoleOnNode(store, { roleId: 'video-recording' }, 'n3')).toBe(false);
    expectUntouched(store, before);
    expect(store.getState().notice!.text).toBe('video-recording is not a role of Carbonio CE.');
  });

  it('refuses a node that no longer exists', () => {
    const store = makeStore();
    const before = store.getState();
    expect(dropRoleOnNode(store, { roleId: 'files' }, 'gone')).toBe(false);
    expectUntouched(store, before);
    expect(store.getState().notice!.text).toBe('That node no longer exists.');
  });

  it('does nothing, silently, when a chip is dropped back on its own node', () => {
    const store = makeStore();
    const before = store.getState();
    expect(dropRoleOnNode(store, { roleId: 'mta', fromNodeId: 'n2' }, 'n2')).toBe(false);
    expectUntouched(store, before);
    expect(store.getState().notice).toBeUndefined();
  });
});

describe('dropRoleOnCanvas', () => {
  it('creates a node holding the role, with a proposed hostname, at the (rounded) position', () => {
    const store = makeStore();
    const id = dropRoleOnCanvas(store, { roleId: 'proxy' }, { x: 100.4, y: 250.6 });
    expect(id).toBe('n4');
    expect(node(store, 'n4')).toEqual({ id: 'n4', hostname: 'proxy1.example.com', roles: ['proxy'], position: { x: 100, y: 251 } });
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().selection).toEqual({ nodeIds: ['n4'] });

    // The next one gets the next free hostname.
    dropRoleOnCanvas(store, { roleId: 'proxy' }, { x: 0, y: 0 });
    expect(node(store, 'n5')!.hostname).toBe('proxy2.example.com');
  });

  it("uses the plan's own domain and a short label for the role", () => {
    const store = makeStore([
      ['a.corp.test', ['mesh-directory']],
      ['b.corp.test', ['mailstore']],
    ]);
    const id = dropRoleOnCanvas(store, { roleId: 'mesh-server' }, { x: 0, y: 0 });
    expect(node(store, id!)!.hostname).toBe('mesh1.corp.test');
  });

  it('moves a dragged chip off its old node in the same single step', () => {
    const store = makeStore();
    const initial = store.getState().plan;
    const id = dropRoleOnCanvas(store, { roleId: 'mta', fromNodeId: 'n2' }, { x: 10, y: 500 });
    expect(id).toBeDefined();
    expect(rolesOf(store, 'n2')).toEqual(['proxy']);
    expect(node(store, id!)).toMatchObject({ hostname: 'mta1.example.com', roles: ['mta'], position: { x: 10, y: 500 } });
    expect(store.getState().past).toHaveLength(1);

    store.getState().undo();
    expect(store.getState().plan).toBe(initial);
  });

  it('refuses a role that is not in the edition', () => {
    const store = makeStore();
    const before = store.getState();
    expect(dropRoleOnCanvas(store, { roleId: 'event-streaming' }, { x: 0, y: 0 })).toBeUndefined();
    expectUntouched(store, before);
    expect(store.getState().notice).toMatchObject({ tone: 'warning', text: 'event-streaming is not a role of Carbonio CE.' });
  });
});

describe('addEmptyNode, removeRole, deleteSelection', () => {
  it('adds an empty node with a proposed hostname below the lowest card, selected', () => {
    const store = makeStore([
      ['srv1.example.com', ['mesh-directory'], { position: { x: 0, y: 0 } }],
      ['srv2.example.com', ['mta'], { position: { x: 300, y: 400 } }],
    ]);
    const id = addEmptyNode(store);
    expect(node(store, id!)).toEqual({ id: 'n3', hostname: 'srv3.example.com', roles: [], position: { x: 0, y: 620 } });
    expect(store.getState().selection).toEqual({ nodeIds: ['n3'] });
    expect(store.getState().past).toHaveLength(1);
  });

  it('puts the first node of an empty plan at the origin, or where asked', () => {
    const store = makeStore([]);
    const first = addEmptyNode(store);
    expect(node(store, first!)).toEqual({ id: 'n1', hostname: 'srv1.example.com', roles: [], position: { x: 0, y: 0 } });
    const second = addEmptyNode(store, { x: 50, y: 60 });
    expect(node(store, second!)!.position).toEqual({ x: 50, y: 60 });
  });

  it('removeRole removes one role as one step', () => {
    const store = makeStore();
    expect(removeRole(store, 'n2', 'mta')).toBe(true);
    expect(rolesOf(store, 'n2')).toEqual(['proxy']);
    expect(removeRole(store, 'n2', 'mta')).toBe(false);
    expect(store.getState().past).toHaveLength(1);
  });

  it('deletes only the selected role chip when one is selected', () => {
    const store = makeStore();
    store.getState().select({ nodeIds: ['n2'], role: { nodeId: 'n2', roleId: 'proxy' } });
    expect(deleteSelection(store)).toBe(true);
    expect(store.getState().plan.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(rolesOf(store, 'n2')).toEqual(['mta']);
    expect(store.getState().selection).toEqual({ nodeIds: ['n2'] });
  });

  it('deletes every selected node as one step', () => {
    const store = makeStore();
    const initial = store.getState().plan;
    store.getState().select({ nodeIds: ['n1', 'n3'] });
    expect(selectedNodes(store).map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(deleteSelection(store)).toBe(true);
    expect(store.getState().plan.nodes.map((n) => n.id)).toEqual(['n2']);
    expect(store.getState().selection).toEqual({ nodeIds: [] });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().plan).toBe(initial);
  });

  it('does nothing without a selection', () => {
    const store = makeStore();
    const before = store.getState();
    expect(deleteSelection(store)).toBe(false);
    expectUntouched(store, before);
  });
});

describe('insertCopies', () => {
  it('adds copies with new ids and hostnames, without IPs, as one step, and selects them', () => {
    const store = makeStore([
      [
        'srv1.example.com',
        ['mesh-directory', 'database'],
        { privateIp: '10.0.0.1', publicIp: '203.0.113.1', zone: 'lan', resources: { vcpu: 4 }, position: { x: 0, y: 0 } },
      ],
      ['srv2.example.com', ['proxy'], { privateIp: '10.0.0.2', position: { x: 300, y: 0 } }],
    ]);
    const originals = store.getState().plan.nodes;
    const ids = insertCopies(store, originals);

    expect(ids).toEqual(['n3', 'n4']);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().selection).toEqual({ nodeIds: ['n3', 'n4'] });
    const [c1, c2] = [node(store, 'n3')!, node(store, 'n4')!];
    expect(c1).toEqual({
      id: 'n3',
      hostname: 'srv1-copy1.example.com',
      roles: ['mesh-directory', 'database'],
      zone: 'lan',
      resources: { vcpu: 4 },
      position: { x: 40, y: 40 },
    });
    expect(c2).toEqual({ id: 'n4', hostname: 'srv2-copy1.example.com', roles: ['proxy'], position: { x: 340, y: 40 } });
    for (const copy of [c1, c2]) {
      expect(copy).not.toHaveProperty('privateIp');
      expect(copy).not.toHaveProperty('publicIp');
    }
    // The copies share no arrays or objects with their originals.
    expect(c1.roles).not.toBe(originals[0]!.roles);
    expect(c1.resources).not.toBe(originals[0]!.resources);
  });

  it('gives distinct hostnames to copies of the same node and to copies of copies', () => {
    const store = makeStore([['srv1.example.com', ['mta']]]);
    const original = store.getState().plan.nodes[0]!;
    insertCopies(store, [original, original]);
    const [, a, b] = store.getState().plan.nodes;
    expect([a!.hostname, b!.hostname]).toEqual(['srv1-copy1.example.com', 'srv1-copy2.example.com']);
    insertCopies(store, [a!]);
    expect(store.getState().plan.nodes[3]!.hostname).toBe('srv1-copy3.example.com');
    expect(new Set(store.getState().plan.nodes.map((n) => n.id)).size).toBe(4);
  });

  it('does nothing for an empty list', () => {
    const store = makeStore();
    const before = store.getState();
    expect(insertCopies(store, [])).toEqual([]);
    expectUntouched(store, before);
  });
});

describe('arrange', () => {
  type Rect = { x: number; y: number; w: number; h: number };
  const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const rect = (n: PlanNode): Rect => ({ x: n.position!.x, y: n.position!.y, w: CARD_WIDTH, h: estimateCardHeight(n.roles.length) });

  it('lays every node out as one step, without overlapping cards', () => {
    const roleSets: string[][] = [
      [...CORE_ROLES],
      ['proxy', 'files-ui', 'tasks-ui', 'chats-ui'],
      ['mta'],
      [],
      ['files', 'docs', 'preview', 'tasks', 'chats'],
      ['video-server'],
      ['monitoring', 'log-server'],
      ['mesh-server'],
      ['directory-replica'],
      ['mailstore'],
      ['db-connection', 'database'],
      ['proxy'],
    ];
    // Everything piled at the origin, some without any position.
    const nodes: NodeSpec[] = roleSets.map((roles, i) => [
      `srv${i + 1}.example.com`,
      roles,
      i % 3 === 0 ? {} : { position: { x: 0, y: 0 } },
    ]);
    const store = makeStore(nodes);
    const initial = store.getState().plan;

    expect(arrange(store)).toBe(true);
    expect(store.getState().past).toEqual([initial]);
    const placed = store.getState().plan.nodes;
    expect(placed.map((n) => n.roles)).toEqual(initial.nodes.map((n) => n.roles));
    for (const n of placed) expect(n.position).toBeDefined();
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        expect(overlaps(rect(placed[i]!), rect(placed[j]!)), `${placed[i]!.id} overlaps ${placed[j]!.id}`).toBe(false);
      }
    }

    // Arranging a tidy plan again changes nothing and records nothing.
    const before = store.getState();
    expect(arrange(store)).toBe(false);
    expectUntouched(store, before);
  });
});

describe('applyFix', () => {
  it("applies a diagnostic's quick fix as one undoable step", () => {
    const store = makeStore([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta']],
      ['srv2.example.com', ['proxy']],
      ['srv3.example.com', ['mailstore', 'files', 'files-ui']],
    ]);
    const initial = store.getState().plan;
    const diagnostic = selectDiagnostics(store.getState()).find((d) => d.rule === 'ui-on-proxy');
    expect(diagnostic?.fix).toBeDefined();

    expect(applyFix(store, diagnostic!.fix!)).toBe(true);
    expect(rolesOf(store, 'n3')).toEqual(['mailstore', 'files']);
    expect(rolesOf(store, 'n2')).toEqual(['proxy', 'files-ui']);
    expect(store.getState().past).toEqual([initial]);
    expect(selectDiagnostics(store.getState()).filter((d) => d.rule === 'ui-on-proxy')).toEqual([]);

    store.getState().undo();
    expect(store.getState().plan).toBe(initial);
  });
});

describe('changeEdition', () => {
  it('switches edition as one step and lists the placed roles the new edition lacks', () => {
    const store = makeStore(
      [
        ['srv1.example.com', ['mesh-directory', 'database', 'event-streaming']],
        ['srv2.example.com', ['video-server', 'video-recording']],
        ['srv3.example.com', ['mailstore', 'video-recording']],
      ],
      'carbonio',
    );
    expect(changeEdition(store, 'ce')).toBe(true);
    expect(store.getState().plan.edition).toBe('ce');
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().notice).toMatchObject({
      tone: 'warning',
      text: 'Not in Carbonio CE: event-streaming, video-recording. See the Problems panel.',
    });
    // The roles stay on the nodes: the Problems panel flags them.
    expect(rolesOf(store, 'n2')).toEqual(['video-server', 'video-recording']);
  });

  it('says nothing when every role exists in the new edition, and nothing happens for the same edition', () => {
    const store = makeStore(THREE_NODES, 'ce');
    expect(changeEdition(store, 'ce')).toBe(false);
    expect(store.getState().past).toHaveLength(0);
    expect(changeEdition(store, 'carbonio')).toBe(true);
    expect(store.getState().plan.edition).toBe('carbonio');
    expect(store.getState().notice).toBeUndefined();
    store.getState().undo();
    expect(store.getState().plan.edition).toBe('ce');
  });
});
