import { describe, expect, it } from 'vitest';
import { ROLE_DEFINITIONS } from '../catalog/roles';
import type { PortSpec } from '../catalog/role-definition';
import { SERVICE_IDS, type Plan } from '../plan/schema';
import { CORE_ROLES, makePlan } from '../test-support/plan-builder';
import { effectiveServices, exposureRank, isOffered, isServiceId, SERVICE_LIST, serviceLabel, SERVICES, serviceStates } from './services';

const samePort = (a: PortSpec['port'], b: PortSpec['port']) => JSON.stringify(a) === JSON.stringify(b);

describe('services catalog', () => {
  it('has one entry per service id, in SERVICE_IDS order, keyed by its own id', () => {
    expect(SERVICE_LIST.map((s) => s.id)).toEqual([...SERVICE_IDS]);
    for (const id of SERVICE_IDS) expect(SERVICES[id].id).toBe(id);
  });

  it('matches an external port of the serving role in the role catalog (domain §4)', () => {
    for (const service of SERVICE_LIST) {
      const external = ROLE_DEFINITIONS[service.role].ports.filter((p) => p.exposure === 'external');
      const match = external.find((p) => samePort(p.port, service.port));
      expect(match, service.id).toBeDefined();
      expect(match!.protocol).toBe(service.protocol);
    }
    // …and every external port of the catalog is a service.
    for (const role of ['proxy', 'mta', 'video-server'] as const) {
      for (const port of ROLE_DEFINITIONS[role].ports.filter((p) => p.exposure === 'external')) {
        expect(SERVICE_LIST.some((s) => s.role === role && samePort(s.port, port.port)), `${role} ${String(port.port)}`).toBe(true);
      }
    }
  });

  it('has the docs ports and serving roles', () => {
    const table = Object.fromEntries(SERVICE_LIST.map((s) => [s.id, `${serviceLabel(s)} ${s.role}`]));
    expect(table).toEqual({
      pop3: 'POP3 (110/tcp) proxy',
      pop3s: 'POP3S (995/tcp) proxy',
      imap: 'IMAP (143/tcp) proxy',
      imaps: 'IMAPS (993/tcp) proxy',
      smtp: 'SMTP (25/tcp) mta',
      smtps: 'SMTPS (465/tcp) mta',
      submission: 'Submission (587/tcp) mta',
      https: 'HTTPS (443/tcp) proxy',
      http: 'HTTP (80/tcp) proxy',
      admin: 'Admin Panel (6071/tcp) proxy',
      chats: 'Chats (5222/tcp) proxy',
      video: 'Video calls (20000-40000/udp) video-server',
      'ldap-addressbook': 'LDAP address books (8636/tcp) proxy',
    });
  });

  it('has the defaults of the brief, and marks the assumptions', () => {
    const defaults = Object.fromEntries(SERVICE_LIST.map((s) => [s.id, s.defaultExposure]));
    expect(defaults).toEqual({
      pop3: 'off',
      pop3s: 'internet',
      imap: 'off',
      imaps: 'internet',
      smtp: 'internet',
      smtps: 'internet',
      submission: 'internet',
      https: 'internet',
      http: 'internet',
      admin: 'internal',
      chats: 'internet',
      video: 'internet',
      'ldap-addressbook': 'off',
    });
    for (const s of SERVICE_LIST) {
      expect(s.defaultWhy.startsWith('assumption'), s.id).toBe(s.defaultIsAssumption);
      expect(s.source, s.id).toMatch(/\[domain §/);
    }
    expect(SERVICE_LIST.filter((s) => s.defaultIsAssumption).map((s) => s.id)).toEqual(['pop3', 'imap', 'smtps', 'http', 'chats', 'ldap-addressbook']);
  });

  it('links the plain protocols to their TLS variants', () => {
    expect(SERVICE_LIST.filter((s) => s.tlsVariant).map((s) => [s.id, s.tlsVariant])).toEqual([
      ['pop3', 'pop3s'],
      ['imap', 'imaps'],
    ]);
  });

  it('helpers', () => {
    expect(isOffered('internet') && isOffered('internal') && !isOffered('off')).toBe(true);
    expect([exposureRank('off'), exposureRank('internal'), exposureRank('internet')]).toEqual([0, 1, 2]);
    expect(isServiceId('imaps')).toBe(true);
    expect(isServiceId('gopher')).toBe(false);
  });
});

describe('effectiveServices', () => {
  const mailOnly = makePlan([['srv1.example.com', [...CORE_ROLES]]]);

  it('gives the defaults, with Chats and video off when the plan has neither', () => {
    const services = effectiveServices(mailOnly);
    expect(services.chats).toBe('off');
    expect(services.video).toBe('off');
    expect(services.https).toBe('internet');
    expect(services.admin).toBe('internal');
    expect(Object.keys(services)).toEqual([...SERVICE_IDS]);
  });

  it('offers Chats and video to the Internet by default once the plan has Chats / a Video Server', () => {
    const plan = makePlan([
      ['srv1.example.com', [...CORE_ROLES]],
      ['srv5.example.com', ['chats', 'video-server']],
    ]);
    expect(effectiveServices(plan)).toMatchObject({ chats: 'internet', video: 'internet' });
  });

  it('lets the plan override any default, including Chats and video without their roles', () => {
    const plan: Plan = { ...mailOnly, services: { pop3: 'internet', https: 'internal', video: 'internet', admin: 'off' } };
    expect(effectiveServices(plan)).toMatchObject({ pop3: 'internet', https: 'internal', video: 'internet', admin: 'off', imaps: 'internet' });
  });

  it('serviceStates says which are explicit and what the default would be', () => {
    const plan: Plan = { ...mailOnly, services: { https: 'internal' } };
    const https = serviceStates(plan).find((s) => s.service.id === 'https')!;
    expect(https).toMatchObject({ exposure: 'internal', defaultExposure: 'internet', explicit: true });
    const smtp = serviceStates(plan).find((s) => s.service.id === 'smtp')!;
    expect(smtp).toMatchObject({ exposure: 'internet', defaultExposure: 'internet', explicit: false });
  });
});
