import { describe, expect, it } from 'vitest';
import type { Plan, PlanNode } from '../plan/schema';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT } from '../plan/schema';
import { applyCommand, applyCommands, type PlanCommand } from './commands';

/** Freezes a value and everything reachable from it: any mutation throws (test files are strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** A frozen three-node plan; each test gets a fresh one. */
function samplePlan(): Plan {
  return deepFreeze<Plan>({
    format: PLAN_FORMAT,
    version: CURRENT_PLAN_VERSION,
    name: 'sample',
    edition: 'ce',
    webmailHostname: 'mail.example.com',
    nodes: [
      { id: 'a', hostname: 'a.example.com', roles: ['mesh-directory', 'database'], position: { x: 0, y: 0 } },
      { id: 'b', hostname: 'b.example.com', roles: ['mta', 'proxy', 'files-ui'], publicIp: '203.0.113.1', zone: 'dmz' },
      { id: 'c', hostname: 'c.example.com', roles: ['mailstore', 'mta', 'mailstore'], resources: { vcpu: 4, ramGb: 16 } },
    ],
  });
}

function node(plan: Plan, id: string): PlanNode {
  const found = plan.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

function snapshot(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan));
}

/** Applies the command to a frozen plan, checks the input is untouched, returns the result. */
function apply(plan: Plan, command: PlanCommand): Plan {
  const before = snapshot(plan);
  const after = applyCommand(plan, command);
  expect(snapshot(plan)).toEqual(before);
  return after;
}

describe('add-role', () => {
  it('appends the role to the node and leaves other nodes as they were (same objects)', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'add-role', nodeId: 'a', roleId: 'monitoring' });
    expect(node(after, 'a').roles).toEqual(['mesh-directory', 'database', 'monitoring']);
    expect(node(after, 'a').hostname).toBe('a.example.com');
    expect(node(after, 'a').position).toEqual({ x: 0, y: 0 });
    expect(after.nodes[1]).toBe(plan.nodes[1]);
    expect(after.nodes[2]).toBe(plan.nodes[2]);
    expect(after.name).toBe(plan.name);
  });

  it('accepts a role id the catalog does not know (the validator reports it)', () => {
    const after = apply(samplePlan(), { type: 'add-role', nodeId: 'b', roleId: 'no-such-role' });
    expect(node(after, 'b').roles.at(-1)).toBe('no-such-role');
  });

  it('is a no-op, returning the same object, when the node already holds the role', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'add-role', nodeId: 'b', roleId: 'proxy' })).toBe(plan);
  });

  it('is a no-op for an unknown node', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'add-role', nodeId: 'zzz', roleId: 'mta' })).toBe(plan);
  });
});

describe('remove-role', () => {
  it('removes the role from that node only', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'remove-role', nodeId: 'b', roleId: 'mta' });
    expect(node(after, 'b').roles).toEqual(['proxy', 'files-ui']);
    expect(node(after, 'c').roles).toEqual(['mailstore', 'mta', 'mailstore']);
    expect(after.nodes[2]).toBe(plan.nodes[2]);
  });

  it('removes one occurrence of a duplicated role (the last), keeping order', () => {
    const plan = samplePlan();
    const once = apply(plan, { type: 'remove-role', nodeId: 'c', roleId: 'mailstore' });
    expect(node(once, 'c').roles).toEqual(['mailstore', 'mta']);
    const twice = apply(once, { type: 'remove-role', nodeId: 'c', roleId: 'mailstore' });
    expect(node(twice, 'c').roles).toEqual(['mta']);
  });

  it('keeps the other fields of the node', () => {
    const after = apply(samplePlan(), { type: 'remove-role', nodeId: 'c', roleId: 'mta' });
    expect(node(after, 'c')).toEqual({ id: 'c', hostname: 'c.example.com', roles: ['mailstore', 'mailstore'], resources: { vcpu: 4, ramGb: 16 } });
  });

  it('is a no-op when the node does not hold the role', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'remove-role', nodeId: 'a', roleId: 'mta' })).toBe(plan);
  });

  it('is a no-op for an unknown node', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'remove-role', nodeId: 'zzz', roleId: 'mta' })).toBe(plan);
  });
});

describe('move-role', () => {
  it('takes the role off one node and puts it on the other', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'move-role', fromNodeId: 'b', toNodeId: 'a', roleId: 'files-ui' });
    expect(node(after, 'b').roles).toEqual(['mta', 'proxy']);
    expect(node(after, 'a').roles).toEqual(['mesh-directory', 'database', 'files-ui']);
    expect(after.nodes[2]).toBe(plan.nodes[2]);
  });

  it('moves one occurrence of a duplicated role', () => {
    const after = apply(samplePlan(), { type: 'move-role', fromNodeId: 'c', toNodeId: 'a', roleId: 'mailstore' });
    expect(node(after, 'c').roles).toEqual(['mailstore', 'mta']);
    expect(node(after, 'a').roles).toEqual(['mesh-directory', 'database', 'mailstore']);
  });

  it('onto a node that already holds the role, only removes it from the source (no duplicate)', () => {
    const after = apply(samplePlan(), { type: 'move-role', fromNodeId: 'b', toNodeId: 'c', roleId: 'mta' });
    expect(node(after, 'b').roles).toEqual(['proxy', 'files-ui']);
    expect(node(after, 'c').roles).toEqual(['mailstore', 'mta', 'mailstore']);
  });

  it.each<[string, PlanCommand]>([
    ['source and target are the same node', { type: 'move-role', fromNodeId: 'b', toNodeId: 'b', roleId: 'mta' }],
    ['the source is unknown', { type: 'move-role', fromNodeId: 'zzz', toNodeId: 'a', roleId: 'mta' }],
    ['the target is unknown', { type: 'move-role', fromNodeId: 'b', toNodeId: 'zzz', roleId: 'mta' }],
    ['the source does not hold the role', { type: 'move-role', fromNodeId: 'a', toNodeId: 'b', roleId: 'mailstore' }],
  ])('is a no-op when %s', (_, command) => {
    const plan = samplePlan();
    expect(apply(plan, command)).toBe(plan);
  });
});

describe('add-node', () => {
  const newNode: PlanNode = { id: 'd', hostname: 'd.example.com', roles: ['preview'] };

  it('appends by default', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'add-node', node: newNode });
    expect(after.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(after.nodes[3]).toEqual(newNode);
    expect(after.nodes.slice(0, 3).every((n, i) => n === plan.nodes[i])).toBe(true);
  });

  it.each([
    [0, ['d', 'a', 'b', 'c']],
    [1, ['a', 'd', 'b', 'c']],
    [3, ['a', 'b', 'c', 'd']],
    [-5, ['d', 'a', 'b', 'c']],
    [99, ['a', 'b', 'c', 'd']],
  ])('inserts at index %i (clamped to the list)', (index, ids) => {
    const after = apply(samplePlan(), { type: 'add-node', node: newNode, index });
    expect(after.nodes.map((n) => n.id)).toEqual(ids);
  });

  it('adds to an empty plan', () => {
    const empty = deepFreeze<Plan>({ ...samplePlan(), nodes: [] });
    expect(apply(empty, { type: 'add-node', node: newNode }).nodes).toEqual([newNode]);
  });
});

describe('remove-node', () => {
  it('removes the node, keeping the others in order', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'remove-node', nodeId: 'b' });
    expect(after.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(after.nodes[0]).toBe(plan.nodes[0]);
    expect(after.nodes[1]).toBe(plan.nodes[2]);
  });

  it('is a no-op for an unknown node', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'remove-node', nodeId: 'zzz' })).toBe(plan);
  });

  it('removes only the first node when ids are duplicated, like every node command', () => {
    const plan = samplePlan();
    const twin = { ...plan.nodes[2]!, id: 'a', hostname: 'twin.example.com' };
    const withTwin = deepFreeze<Plan>({ ...plan, nodes: [...plan.nodes, twin] });
    const after = apply(withTwin, { type: 'remove-node', nodeId: 'a' });
    expect(after.nodes.map((n) => n.hostname)).toEqual([plan.nodes[1]!.hostname, plan.nodes[2]!.hostname, 'twin.example.com']);
  });
});

describe('update-node', () => {
  it('changes the given fields and keeps the rest', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'update-node', nodeId: 'b', changes: { hostname: 'proxy.example.com', os: 'Ubuntu 24.04' } });
    expect(node(after, 'b')).toEqual({
      id: 'b',
      hostname: 'proxy.example.com',
      roles: ['mta', 'proxy', 'files-ui'],
      publicIp: '203.0.113.1',
      zone: 'dmz',
      os: 'Ubuntu 24.04',
    });
    expect(after.nodes[0]).toBe(plan.nodes[0]);
  });

  it('clears a field set to undefined: the key leaves the node', () => {
    const after = apply(samplePlan(), { type: 'update-node', nodeId: 'b', changes: { publicIp: undefined, zone: undefined } });
    expect(node(after, 'b')).toEqual({ id: 'b', hostname: 'b.example.com', roles: ['mta', 'proxy', 'files-ui'] });
    expect(Object.keys(node(after, 'b'))).toEqual(['id', 'hostname', 'roles']);
  });

  it('replaces resources as a whole', () => {
    const after = apply(samplePlan(), { type: 'update-node', nodeId: 'c', changes: { resources: { diskGb: 500 } } });
    expect(node(after, 'c').resources).toEqual({ diskGb: 500 });
  });

  it('is a no-op for an unknown node', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'update-node', nodeId: 'zzz', changes: { hostname: 'x' } })).toBe(plan);
  });
});

describe('move-nodes', () => {
  it('sets the positions of the nodes named, and only those', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'move-nodes', positions: { a: { x: 10, y: 20 }, c: { x: -5, y: 3.5 } } });
    expect(node(after, 'a').position).toEqual({ x: 10, y: 20 });
    expect(node(after, 'c').position).toEqual({ x: -5, y: 3.5 });
    expect(after.nodes[1]).toBe(plan.nodes[1]);
  });

  it('copies the position: later changes to the command do not leak into the plan', () => {
    const position = { x: 1, y: 2 };
    const after = apply(samplePlan(), { type: 'move-nodes', positions: { b: position } });
    position.x = 99;
    expect(node(after, 'b').position).toEqual({ x: 1, y: 2 });
  });

  it('is a no-op when every node is already there', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'move-nodes', positions: { a: { x: 0, y: 0 } } })).toBe(plan);
  });

  it('is a no-op for unknown nodes and an empty map', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'move-nodes', positions: { zzz: { x: 1, y: 1 } } })).toBe(plan);
    expect(apply(plan, { type: 'move-nodes', positions: {} })).toBe(plan);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'ignores a node with id %j that the map does not name (no inherited properties)',
    (id) => {
      const plan = deepFreeze<Plan>({ ...samplePlan(), nodes: [{ id, hostname: 'x.example.com', roles: [] }] });
      expect(apply(plan, { type: 'move-nodes', positions: {} })).toBe(plan);
      expect(apply(plan, { type: 'move-nodes', positions: { other: { x: 1, y: 1 } } })).toBe(plan);
    },
  );

  it.each(['constructor', '__proto__'])('moves a node with id %j when the map names it (own key)', (id) => {
    const plan = deepFreeze<Plan>({ ...samplePlan(), nodes: [{ id, hostname: 'x.example.com', roles: [] }] });
    const positions = Object.fromEntries([[id, { x: 4, y: 5 }]]);
    const after = apply(plan, { type: 'move-nodes', positions });
    expect(after.nodes[0]!.position).toEqual({ x: 4, y: 5 });
  });
});

describe('set-plan-fields', () => {
  it('changes name and edition', () => {
    const plan = samplePlan();
    const after = apply(plan, { type: 'set-plan-fields', changes: { name: 'renamed', edition: 'carbonio' } });
    expect(after).toEqual({ ...snapshot(plan) as object, name: 'renamed', edition: 'carbonio' });
    expect(after.nodes).toBe(plan.nodes);
  });

  it('clears webmailHostname when set to undefined', () => {
    const after = apply(samplePlan(), { type: 'set-plan-fields', changes: { webmailHostname: undefined } });
    expect(after).not.toHaveProperty('webmailHostname');
    expect(after.name).toBe('sample');
  });
});

describe('set-service', () => {
  it('sets one service, keeping the others and the nodes', () => {
    const plan = deepFreeze<Plan>({ ...samplePlan(), services: { imaps: 'internet' } });
    const after = apply(plan, { type: 'set-service', service: 'pop3', exposure: 'internal' });
    expect(after.services).toEqual({ imaps: 'internet', pop3: 'internal' });
    expect(after.nodes).toBe(plan.nodes);
    expect(after.name).toBe('sample');
  });

  it('adds services to a plan without them', () => {
    const after = apply(samplePlan(), { type: 'set-service', service: 'video', exposure: 'off' });
    expect(after.services).toEqual({ video: 'off' });
  });

  it('is a no-op, returning the same object, when the service already has that exposure', () => {
    const plan = deepFreeze<Plan>({ ...samplePlan(), services: { admin: 'internal' } });
    expect(apply(plan, { type: 'set-service', service: 'admin', exposure: 'internal' })).toBe(plan);
  });

  it('null drops the setting, and the services key with the last one', () => {
    const plan = deepFreeze<Plan>({ ...samplePlan(), services: { admin: 'internet', pop3: 'off' } });
    const one = apply(plan, { type: 'set-service', service: 'admin', exposure: null });
    expect(one.services).toEqual({ pop3: 'off' });
    const none = apply(one, { type: 'set-service', service: 'pop3', exposure: null });
    expect(none).not.toHaveProperty('services');
    expect(none).toEqual(snapshot(samplePlan()));
  });

  it('null on a service that is not set is a no-op', () => {
    const plan = samplePlan();
    expect(apply(plan, { type: 'set-service', service: 'pop3', exposure: null })).toBe(plan);
  });

  it('ignores a service id that is not in the catalog (commands may come from JSON)', () => {
    const plan = samplePlan();
    const command = { type: 'set-service', service: 'gopher', exposure: 'internet' } as unknown as PlanCommand;
    expect(apply(plan, command)).toBe(plan);
  });
});

describe('set-plan-fields: sizing and services', () => {
  it('sets and clears sizing; the same sizing again is a no-op', () => {
    const plan = samplePlan();
    const sized = apply(plan, { type: 'set-plan-fields', changes: { sizing: { accounts: 100, mailboxQuotaGb: 5 } } });
    expect(sized.sizing).toEqual({ accounts: 100, mailboxQuotaGb: 5 });
    expect(apply(deepFreeze(sized), { type: 'set-plan-fields', changes: { sizing: { accounts: 100, mailboxQuotaGb: 5 } } })).toBe(sized);
    const cleared = apply(deepFreeze(sized), { type: 'set-plan-fields', changes: { sizing: undefined } });
    expect(cleared).not.toHaveProperty('sizing');
  });

  it('replaces services whole', () => {
    const plan = deepFreeze<Plan>({ ...samplePlan(), services: { admin: 'internet' } });
    const after = apply(plan, { type: 'set-plan-fields', changes: { services: { pop3: 'off' } } });
    expect(after.services).toEqual({ pop3: 'off' });
  });
});

describe('applyCommands', () => {
  it('applies commands in order', () => {
    const plan = samplePlan();
    const after = applyCommands(plan, [
      { type: 'add-node', node: { id: 'd', hostname: 'd.example.com', roles: [] } },
      { type: 'move-role', fromNodeId: 'b', toNodeId: 'd', roleId: 'files-ui' },
      { type: 'add-role', nodeId: 'd', roleId: 'files' },
      { type: 'remove-node', nodeId: 'a' },
    ]);
    expect(after.nodes.map((n) => [n.id, n.roles])).toEqual([
      ['b', ['mta', 'proxy']],
      ['c', ['mailstore', 'mta', 'mailstore']],
      ['d', ['files-ui', 'files']],
    ]);
    expect(snapshot(plan)).toEqual(snapshot(samplePlan()));
  });

  it('order matters: a role added to a node removed before is lost', () => {
    const after = applyCommands(samplePlan(), [
      { type: 'remove-node', nodeId: 'a' },
      { type: 'add-role', nodeId: 'a', roleId: 'monitoring' },
    ]);
    expect(after.nodes.some((n) => n.roles.includes('monitoring'))).toBe(false);
  });

  it('returns the same object for an empty list and for a list of no-ops', () => {
    const plan = samplePlan();
    expect(applyCommands(plan, [])).toBe(plan);
    expect(
      applyCommands(plan, [
        { type: 'add-role', nodeId: 'b', roleId: 'mta' },
        { type: 'remove-role', nodeId: 'a', roleId: 'mta' },
        { type: 'remove-node', nodeId: 'zzz' },
      ]),
    ).toBe(plan);
  });
});
