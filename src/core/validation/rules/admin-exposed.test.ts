import { describe, expect, it } from 'vitest';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'admin-exposed';

describe('admin-exposed', () => {
  it('passes the default (internal: VPN only) and explicit internal or off', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES]]]);
    expect(diagnose(plan, RULE)).toEqual([]);
    expect(diagnose({ ...plan, services: { admin: 'internal' } }, RULE)).toEqual([]);
    expect(diagnose({ ...plan, services: { admin: 'off' } }, RULE)).toEqual([]);
  });

  it('warns when the Admin Panel is offered to the Internet, on the Proxy nodes; the fix makes it internal', () => {
    const plan = {
      ...makePlan([
        ['srv1.example.com', ['mesh-directory', 'database', 'mailstore']],
        ['srv2.example.com', ['mta', 'proxy']],
        ['srv3.example.com', ['proxy']],
      ]),
      services: { admin: 'internet' },
    } as const;
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2', 'n3'], roleId: 'proxy' });
    expect(d!.message).toContain('"VPN only, never public"');
    const fixed = applyFix(plan, d!);
    expect(fixed.services).toEqual({ admin: 'internal' });
    expect(diagnose(fixed, RULE)).toEqual([]);
  });
});
