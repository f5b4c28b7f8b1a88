import { describe, expect, it } from 'vitest';
import { applyFix, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'ui-without-feature';

describe('ui-without-feature', () => {
  it('passes when every UI has its feature somewhere', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'files-ui', 'tasks-ui', 'chats-ui']],
      ['srv2.example.com', ['mailstore', 'files', 'tasks', 'chats']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it.each([
    ['files-ui', 'Files UI', 'Files', 'files'],
    ['tasks-ui', 'Tasks UI', 'Tasks', 'tasks'],
    ['chats-ui', 'Chats UI', 'Chats', 'chats'],
  ])('warns about %s without its feature, with a fix that removes it everywhere', (uiId, uiName, featureName, feature) => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mailstore']],
      ['proxy1.example.com', ['mta', 'proxy', uiId]],
      ['proxy2.example.com', ['proxy', uiId]],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2', 'n3'], roleId: uiId });
    expect(d!.message).toContain(uiName);
    expect(d!.message).toContain(`${featureName} (${feature})`);
    expect(d!.message).toContain('proxy1.example.com and proxy2.example.com');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes.some((n) => n.roles.includes(uiId))).toBe(false);
    // Removing a dead UI never creates a missing-UI error.
    expect(diagnose(fixed, 'ui-missing')).toEqual([]);
  });

  it('is a warning, never an error (a dead package, not a broken install)', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore', 'chats-ui']]]);
    expect(diagnose(plan, RULE).map((d) => d.severity)).toEqual(['warning']);
  });
});
