import { describe, expect, it } from 'vitest';
import { ROLE_IDS } from '../../catalog/role-ids';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'unknown-role';

describe('unknown-role', () => {
  it('passes every catalog role of the commercial edition', () => {
    const plan = makePlan([['srv1.example.com', [...ROLE_IDS]]], 'carbonio');
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('passes every CE role except the two commercial-only ones', () => {
    const ceRoles = ROLE_IDS.filter((r) => r !== 'video-recording' && r !== 'event-streaming');
    expect(diagnose(makePlan([['srv1.example.com', ceRoles]], 'ce'), RULE)).toEqual([]);
  });

  it.each([
    ['video-recording', 'Video Recording'],
    ['event-streaming', 'Event Streaming'],
  ])('reports the commercial-only %s in a CE plan, with a fix that removes it', (roleId, name) => {
    const plan = makePlan([
      ['srv1.example.com', [...CORE_ROLES, 'chats', 'video-server']],
      ['srv2.example.com', [roleId]],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n2'], roleId });
    expect(d!.message).toContain(`${name} (${roleId}) is not part of Carbonio CE`);
    expect(d!.message).toContain('exists in Carbonio only');
    expect(d!.message).toContain('srv2.example.com');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[1]!.roles).toEqual([]);

    // The same plan as commercial knows the role.
    expect(diagnose({ ...plan, edition: 'carbonio' }, RULE)).toEqual([]);
  });

  it('reports an id that is no Carbonio role at all, once per node holding it', () => {
    const plan = makePlan(
      [
        ['srv1.example.com', [...CORE_ROLES, 'proxxy']],
        ['srv2.example.com', ['proxxy', 'files']],
      ],
      'carbonio',
    );
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.nodeIds)).toEqual([['n1'], ['n2']]);
    expect(found.every((d) => d.roleId === 'proxxy' && d.severity === 'error')).toBe(true);
    expect(found[0]!.message).toContain('"proxxy" is not a Carbonio role');
    expect(found[0]!.message).toContain('srv1.example.com');
    expect(found[1]!.message).toContain('srv2.example.com');
    const fixed = found.reduce(applyFix, plan);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[1]!.roles).toEqual(['files']);
  });

  it('removes every copy of an unknown role listed twice on a node', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'kafka', 'kafka']]]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const fixed = applyFix(plan, found[0]!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[0]!.roles).toEqual([...CORE_ROLES]);
  });

  it('matches role ids exactly (no case folding)', () => {
    const [d] = diagnose(makePlan([['srv1.example.com', [...CORE_ROLES, 'Proxy']]]), RULE);
    expect(d).toMatchObject({ roleId: 'Proxy', nodeIds: ['n1'] });
  });
});
