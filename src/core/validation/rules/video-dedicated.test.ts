import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'video-dedicated';

describe('video-dedicated', () => {
  it('passes a Single-Server with the Video Server beside everything else', () => {
    expect(diagnose(makePlan([['srv1.example.com', [...CORE_ROLES, 'chats', 'video-server']]]), RULE)).toEqual([]);
  });

  it('passes a Video Server alone, or with Video Recording only (commercial five nodes)', () => {
    const ce = makePlan([
      ['srv1.example.com', [...CORE_ROLES, 'chats']],
      ['srv2.example.com', ['video-server']],
    ]);
    expect(diagnose(ce, RULE)).toEqual([]);
    const commercial = makePlan(
      [
        ['srv1.example.com', [...CORE_ROLES, 'chats']],
        ['srv5.example.com', ['video-server', 'video-recording']],
      ],
      'carbonio',
    );
    expect(diagnose(commercial, RULE)).toEqual([]);
  });

  it('warns when the Video Server shares its node in a Multi-Server (CE five nodes: with Chats on srv5)', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy']],
      ['srv3.example.com', ['mailstore']],
      ['srv5.example.com', ['chats', 'video-server', 'preview']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n4'], roleId: 'video-server' });
    expect(d!.message).toContain('The Video Server shares srv5.example.com with Chats and Preview');
  });

  it('warns once per Video Server node that shares', () => {
    const plan = makePlan(
      [
        ['srv1.example.com', [...CORE_ROLES, 'video-server']],
        ['video1.example.com', ['video-server', 'video-recording']],
        ['video2.example.com', ['video-server', 'monitoring']],
      ],
      'carbonio',
    );
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.nodeIds)).toEqual([['n1'], ['n3']]);
    expect(found[1]!.message).toContain('video2.example.com with Monitoring');
  });
});
