import { describe, expect, it } from 'vitest';
import { applyFix, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'ui-missing';

describe('ui-missing', () => {
  it('passes when each feature has its UI on every Proxy node', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['proxy1.example.com', ['mta', 'proxy', 'files-ui', 'tasks-ui', 'chats-ui']],
      ['proxy2.example.com', ['proxy', 'chats-ui', 'tasks-ui', 'files-ui']],
      ['srv4.example.com', ['mailstore', 'files', 'tasks', 'chats', 'docs', 'preview']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('does not ask for a UI when its feature is absent (and Docs, Preview have no UI role)', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy']],
      ['srv2.example.com', ['mailstore', 'docs', 'preview', 'video-server']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it.each([
    ['files', 'Files', 'files-ui', 'Files UI'],
    ['tasks', 'Tasks', 'tasks-ui', 'Tasks UI'],
    ['chats', 'Chats', 'chats-ui', 'Chats UI'],
  ])('reports %s without its UI on a Proxy, with a fix that adds it', (feature, featureName, uiId, uiName) => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['proxy1.example.com', ['mta', 'proxy', uiId]],
      ['proxy2.example.com', ['proxy']],
      ['srv4.example.com', ['mailstore', feature]],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n3'], roleId: uiId });
    expect(d!.message).toContain(featureName);
    expect(d!.message).toContain(uiName);
    expect(d!.message).toContain('Proxy node proxy2.example.com');
    expect(d!.message).not.toContain('proxy1.example.com');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[2]!.roles).toContain(uiId);
  });

  it('names every lacking Proxy node and fixes them all', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mailstore', 'tasks']],
      ['proxy1.example.com', ['mta', 'proxy']],
      ['proxy2.example.com', ['proxy']],
    ]);
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ nodeIds: ['n2', 'n3'], roleId: 'tasks-ui' });
    expect(d!.message).toContain('Proxy nodes proxy1.example.com and proxy2.example.com');
    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('gives one diagnostic per missing UI', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore', 'files', 'tasks', 'chats']]]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.roleId).sort()).toEqual(['chats-ui', 'files-ui', 'tasks-ui']);
    const fixed = found.reduce(applyFix, plan);
    expect(diagnose(fixed, RULE)).toEqual([]);
  });
});
