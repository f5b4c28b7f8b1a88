import { describe, expect, it } from 'vitest';
import type { Plan } from '../../plan/schema';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'service-unserved';

const withServices = (plan: Plan, services: Plan['services']): Plan => ({ ...plan, services });

describe('service-unserved', () => {
  it('passes a plan that sets nothing, even without the serving roles (core-required reports those)', () => {
    expect(diagnose(makePlan([['srv1.example.com', ['mesh-directory', 'database']]]), RULE)).toEqual([]);
  });

  it('passes explicit services whose roles are in the plan', () => {
    const plan = withServices(makePlan([['srv1.example.com', [...CORE_ROLES, 'chats', 'video-server']]]), {
      pop3: 'internet',
      chats: 'internet',
      video: 'internal',
      smtps: 'internal',
    });
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('passes services explicitly off, whatever the roles', () => {
    const plan = withServices(makePlan([['srv1.example.com', ['mesh-directory']]]), { video: 'off', pop3: 'off', chats: 'off' });
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('errors for video offered without a Video Server, and the fix sets it off', () => {
    const plan = withServices(makePlan([['srv1.example.com', [...CORE_ROLES]]]), { video: 'internet' });
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: [], roleId: 'video-server' });
    expect(d!.message).toBe(
      'Video calls (20000-40000/udp) is offered (internet) but no node holds Video Server, which serves it. Add Video Server to a node, or set Video calls to off.',
    );
    const fixed = applyFix(plan, d!);
    expect(fixed.services).toEqual({ video: 'off' });
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('errors for POP3 on without a Proxy (internal counts as offered)', () => {
    const plan = withServices(makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mta', 'mailstore']]]), {
      pop3: 'internal',
      smtp: 'internet',
    });
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('POP3 (110/tcp) is offered (internal) but no node holds Proxy');
    expect(found[0]!.roleId).toBe('proxy');
    expect(diagnose(applyFix(plan, found[0]!), RULE)).toEqual([]);
  });

  it('errors for Chats offered without the Chats role, even with a Proxy to open the port', () => {
    const plan = withServices(makePlan([['srv1.example.com', [...CORE_ROLES]]]), { chats: 'internet' });
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('no node holds Chats, which serves it');
    expect(found[0]!.roleId).toBe('chats');
  });

  it('names both roles when neither is there, and reports one error per service', () => {
    const plan = withServices(makePlan([['srv1.example.com', ['mesh-directory']]]), { chats: 'internet', https: 'internet' });
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.message.split(' is offered')[0]).sort()).toEqual(['Chats (5222/tcp)', 'HTTPS (443/tcp)']);
    const chats = found.find((d) => d.message.startsWith('Chats'))!;
    expect(chats.message).toContain('no node holds Proxy and Chats, which serve it');
    let fixed = plan;
    for (const d of found) fixed = applyFix(fixed, d);
    expect(diagnose(fixed, RULE)).toEqual([]);
  });
});
