import { describe, expect, it } from 'vitest';
import { applyFix, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'ui-on-proxy';

const UIS = [
  ['files-ui', 'Files UI', 'files'],
  ['tasks-ui', 'Tasks UI', 'tasks'],
  ['chats-ui', 'Chats UI', 'chats'],
] as const;

describe('ui-on-proxy', () => {
  it('passes when every UI role sits on Proxy nodes', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy', 'files-ui', 'tasks-ui', 'chats-ui']],
      ['srv3.example.com', ['mailstore', 'files', 'tasks', 'chats']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it.each(UIS)('reports %s on a node without Proxy, and its fix moves it to the Proxy', (uiId, uiName, feature) => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy']],
      ['srv3.example.com', ['mailstore', feature, uiId]],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n3'], roleId: uiId });
    expect(d!.message).toContain(uiName);
    expect(d!.message).toContain('srv3.example.com');
    expect(d!.message).toContain('no Proxy');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[2]!.roles).not.toContain(uiId);
    expect(fixed.nodes[1]!.roles).toContain(uiId);
    // The fix leaves the feature reachable, not merely the UI gone.
    expect(diagnose(fixed, 'ui-missing')).toEqual([]);
  });

  it('fixes onto every Proxy node that lacks the UI, and only those', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'files-ui']],
      ['proxy1.example.com', ['proxy', 'files-ui']],
      ['proxy2.example.com', ['proxy', 'mta']],
      ['srv4.example.com', ['mailstore', 'files']],
    ]);
    const [d] = diagnose(plan, RULE);
    expect(d).toMatchObject({ nodeIds: ['n1'], roleId: 'files-ui' });
    expect(d!.fix!.commands).toEqual([
      { type: 'remove-role', nodeId: 'n1', roleId: 'files-ui' },
      { type: 'add-role', nodeId: 'n3', roleId: 'files-ui' },
    ]);
    expect(d!.fix!.label).toContain('Proxy nodes');
    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.filter((n) => n.roles.includes('files-ui')).map((n) => n.id)).toEqual(['n2', 'n3']);
  });

  it('reports each misplaced UI node separately', () => {
    const plan = makePlan([
      ['srv1.example.com', [...['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'], 'tasks']],
      ['srv2.example.com', ['tasks-ui']],
      ['srv3.example.com', ['tasks-ui']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.nodeIds)).toEqual([['n2'], ['n3']]);
    const fixed = found.reduce(applyFix, plan);
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('offers no fix when the plan has no Proxy at all', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mailstore', 'files', 'files-ui']]]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', nodeIds: ['n1'], roleId: 'files-ui' });
    expect(found[0]!.message).toContain('a node with Proxy');
    expect(found[0]!.fix).toBeUndefined();
  });
});
