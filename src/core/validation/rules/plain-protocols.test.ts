import { describe, expect, it } from 'vitest';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'plain-protocols';
const base = makePlan([['srv1.example.com', [...CORE_ROLES]]]);

describe('plain-protocols', () => {
  it('passes the defaults (POP3 and IMAP off) and plain protocols beside their TLS variants', () => {
    expect(diagnose(base, RULE)).toEqual([]);
    expect(diagnose({ ...base, services: { pop3: 'internet', imap: 'internal', imaps: 'internet' } }, RULE)).toEqual([]);
  });

  it('informs when POP3 is offered with POP3S off; the fix offers POP3S alike', () => {
    const plan = { ...base, services: { pop3: 'internet', pop3s: 'off' } } as const;
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: RULE, severity: 'info', nodeIds: ['n1'], roleId: 'proxy' });
    expect(d!.message).toBe('POP3 (110/tcp) is offered (internet) but POP3S (995/tcp) is off. Offer POP3S as well, so clients can use TLS.');
    const fixed = applyFix(plan, d!);
    expect(fixed.services).toEqual({ pop3: 'internet', pop3s: 'internet' });
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('informs when IMAP is offered more widely than IMAPS', () => {
    const plan = { ...base, services: { imap: 'internet', imaps: 'internal' } } as const;
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('but IMAPS (993/tcp) is only internal');
    expect(diagnose(applyFix(plan, found[0]!), RULE)).toEqual([]);
  });

  it('gives one finding per plain protocol', () => {
    const plan = { ...base, services: { imap: 'internal', imaps: 'off', pop3: 'internal', pop3s: 'off' } } as const;
    expect(diagnose(plan, RULE).map((d) => d.message.split(' ')[0])).toEqual(['IMAP', 'POP3']);
  });
});
