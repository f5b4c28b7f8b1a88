import { describe, expect, it } from 'vitest';
import { PLAN_TEMPLATES } from '../templates';
import { loadPlan, loadPlanValue } from './loader';
import { SERVICE_IDS } from './schema';
import { serializePlan } from './serialize';

const base = { format: 'carbonio-plan', version: 1, name: 'x', edition: 'ce', nodes: [] };

describe('plan v1: optional services and sizing', () => {
  it.each(PLAN_TEMPLATES.map((t) => [t.id, t.document] as const))(
    'template %s (no services, no sizing) loads without them and serialises to its own bytes',
    (_id, document) => {
      const loaded = loadPlanValue(document);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      expect(loaded.plan).not.toHaveProperty('services');
      expect(loaded.plan).not.toHaveProperty('sizing');
      const text = serializePlan(loaded.plan);
      expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
      expect(text).not.toMatch(/"services"|"sizing"/);
    },
  );

  it('loads services and sizing', () => {
    const loaded = loadPlanValue({ ...base, services: { pop3: 'internet', video: 'off' }, sizing: { accounts: 20, mailboxQuotaGb: 2.5 } });
    expect(loaded.ok && loaded.plan.services).toEqual({ pop3: 'internet', video: 'off' });
    expect(loaded.ok && loaded.plan.sizing).toEqual({ accounts: 20, mailboxQuotaGb: 2.5 });
  });

  it('accepts every service id and empty objects', () => {
    const services = Object.fromEntries(SERVICE_IDS.map((id) => [id, 'internal']));
    const loaded = loadPlanValue({ ...base, services, sizing: {} });
    expect(loaded.ok && loaded.plan.services).toEqual(services);
    expect(loaded.ok && loaded.plan.sizing).toEqual({});
  });

  it('drops unknown service keys, like any unknown key', () => {
    const loaded = loadPlanValue({ ...base, services: { gopher: 'internet', imaps: 'off' } });
    expect(loaded.ok && loaded.plan.services).toEqual({ imaps: 'off' });
  });

  it.each([
    [{ services: { pop3: 'public' } }, '$.services.pop3', 'expected one of "internet", "internal", "off", got the string "public"'],
    [{ services: [] }, '$.services', 'expected an object, got an array'],
    [{ sizing: { accounts: -1 } }, '$.sizing.accounts', 'expected a value of at least 0, got the number -1'],
    [{ sizing: { accounts: 1.5 } }, '$.sizing.accounts', 'expected a whole number, got the number 1.5'],
    [{ sizing: { accounts: '10' } }, '$.sizing.accounts', 'expected a number, got the string "10"'],
    [{ sizing: { mailboxQuotaGb: -0.5 } }, '$.sizing.mailboxQuotaGb', 'expected a value of at least 0, got the number -0.5'],
  ])('refuses %j with a path and a reason', (extra, path, message) => {
    const loaded = loadPlanValue({ ...base, ...extra });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems).toContainEqual({ path, message });
  });

  it('serialises services (catalog order) and sizing between webmailHostname and nodes, and round-trips', () => {
    const text = serializePlan({
      format: 'carbonio-plan',
      version: 1,
      name: 'x',
      edition: 'ce',
      nodes: [],
      sizing: { mailboxQuotaGb: 5, accounts: 10 },
      services: { video: 'off', admin: 'internal', pop3: 'internet' },
      webmailHostname: 'mail.example.com',
    });
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'name', 'edition', 'webmailHostname', 'services', 'sizing', 'nodes']);
    expect(Object.keys(parsed.services as object)).toEqual(['pop3', 'admin', 'video']);
    expect(Object.keys(parsed.sizing as object)).toEqual(['accounts', 'mailboxQuotaGb']);
    const again = loadPlan(text);
    expect(again.ok && serializePlan(again.plan)).toBe(text);
  });
});
