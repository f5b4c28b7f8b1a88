import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCatalog, roleDefinition, type CatalogRole } from './catalog';
import { formatPort } from './ports';
import { EDITIONS, isRoleId, ROLE_IDS, ROLE_KINDS, type Edition } from './role-ids';

// ---------------------------------------------------------------------------------------------
// The table of docs/domain.md §2, read from the document itself so the catalog cannot drift from it.
// ---------------------------------------------------------------------------------------------

interface TableRow {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly ce: string;
  readonly commercial: string;
}

function domainTable(): TableRow[] {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/domain.md', import.meta.url)), 'utf8');
  const start = doc.indexOf('## 2.');
  const end = doc.indexOf('\n## 3.', start);
  expect(start).toBeGreaterThanOrEqual(0);
  const section = doc.slice(start, end);
  const rows: TableRow[] = [];
  for (const line of section.split('\n')) {
    const match = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    const cells = match[2]!.split('|').map((c) => c.trim());
    expect(cells, `row ${match[1]}`).toHaveLength(4);
    rows.push({ id: match[1]!, name: cells[0]!, kind: cells[1]!, ce: cells[2]!, commercial: cells[3]! });
  }
  return rows;
}

const TABLE = domainTable();

/** Package names in a table cell; parentheticals about older versions are not current packages. */
function packagesIn(cell: string): string[] {
  const current = cell.replace(/\([^)]*older versions\)/g, '');
  return current.match(/\b(?:carbonio-[a-z0-9-]*[a-z0-9]|service-discover-[a-z]+|postgresql-\d+|pgpool2|grafana|rsyslog)\b/g) ?? [];
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('docs/domain.md §2 table', () => {
  it('lists every role id of the catalog, once', () => {
    const ids = TABLE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sorted(ids)).toEqual(sorted(ROLE_IDS));
  });

  it('is parsed with package names (sanity check of the parser)', () => {
    expect(packagesIn(TABLE.find((r) => r.id === 'mesh-directory')!.ce)).toEqual([
      'service-discover-server',
      'carbonio-directory-server',
      'carbonio-user-management',
      'carbonio-message-broker',
    ]);
    expect(packagesIn(TABLE.find((r) => r.id === 'database')!.ce)).not.toContain('carbonio-mailbox-db');
  });
});

describe.each(TABLE.map((row) => [row.id, row] as const))('role %s', (id, row) => {
  it('is in the carbonio catalog with a name, the kind of the table, and packages', () => {
    const role = getCatalog('carbonio').get(id);
    expect(role, `${id} missing from the carbonio catalog`).toBeDefined();
    expect(role!.id).toBe(id);
    expect(role!.name.trim()).not.toBe('');
    expect(role!.shortName.trim()).not.toBe('');
    expect(role!.description.trim()).not.toBe('');
    expect(role!.source.trim()).not.toBe('');
    expect(role!.kind).toBe(row.kind);
    expect(Array.isArray(role!.packages)).toBe(true);
  });

  it('is in the CE catalog exactly when the table gives CE packages', () => {
    const inCe = getCatalog('ce').get(id) !== undefined;
    expect(inCe).toBe(row.ce !== '—');
    if (!isRoleId(id)) throw new Error(`${id} is not a role id`);
    expect(roleDefinition(id).editions.includes('ce')).toBe(inCe);
  });

  it('has the CE packages of the table', () => {
    const role = getCatalog('ce').get(id);
    if (!role) return; // commercial only, checked above
    expect(sorted(role.packages)).toEqual(sorted(packagesIn(row.ce)));
  });

  it('has the commercial packages of the table', () => {
    const commercial = getCatalog('carbonio').get(id)!;
    const ceListed = packagesIn(row.ce);
    const listed = packagesIn(row.commercial);
    if (row.commercial === 'same') {
      expect(sorted(commercial.packages)).toEqual(sorted(ceListed));
    } else if (row.commercial.startsWith('+')) {
      // "+ x, y": the CE packages plus these.
      expect(sorted(commercial.packages)).toEqual(sorted([...ceListed, ...listed]));
    } else {
      // A list of its own: every package it names is there, and nothing the row does not name.
      for (const p of listed) expect(commercial.packages).toContain(p);
      for (const p of commercial.packages) expect([...ceListed, ...listed]).toContain(p);
    }
  });
});

describe('catalogs', () => {
  it('there is one per edition, shared', () => {
    for (const edition of EDITIONS) {
      expect(getCatalog(edition).edition).toBe(edition);
      expect(getCatalog(edition)).toBe(getCatalog(edition));
    }
  });

  it('refuses an unknown edition', () => {
    expect(() => getCatalog('enterprise' as Edition)).toThrow(/Unknown edition enterprise/);
  });

  it('lists roles in ROLE_IDS order', () => {
    for (const edition of EDITIONS) {
      const ids = getCatalog(edition).roles.map((r) => r.id);
      expect(ids).toEqual(ROLE_IDS.filter((id) => ids.includes(id)));
    }
  });

  it('the commercial catalog has every role', () => {
    expect(getCatalog('carbonio').roles.map((r) => r.id)).toEqual([...ROLE_IDS]);
  });

  it('video-recording and event-streaming are commercial only', () => {
    const ce = getCatalog('ce');
    expect(ce.get('video-recording')).toBeUndefined();
    expect(ce.get('event-streaming')).toBeUndefined();
    expect(ce.roles.map((r) => r.id)).not.toContain('video-recording');
    expect(ce.byKind('collaboration').map((r) => r.id)).not.toContain('video-recording');
    expect(ce.byKind('additional').map((r) => r.id)).not.toContain('event-streaming');
    expect(getCatalog('carbonio').get('video-recording')).toBeDefined();
    expect(getCatalog('carbonio').get('event-streaming')).toBeDefined();
  });

  it('get returns undefined for unknown ids, including prototype keys', () => {
    for (const edition of EDITIONS) {
      for (const id of ['', 'MTA', 'no-such-role', 'constructor', '__proto__', 'toString']) {
        expect(getCatalog(edition).get(id)).toBeUndefined();
      }
    }
  });

  it('byKind partitions the roles, in catalog order', () => {
    for (const edition of EDITIONS) {
      const catalog = getCatalog(edition);
      const all = ROLE_KINDS.flatMap((k) => catalog.byKind(k));
      expect(sorted(all.map((r) => r.id))).toEqual(sorted(catalog.roles.map((r) => r.id)));
      for (const kind of ROLE_KINDS) {
        const roles = catalog.byKind(kind);
        expect(roles.every((r) => r.kind === kind)).toBe(true);
        expect(roles).toEqual(catalog.roles.filter((r) => r.kind === kind));
      }
    }
  });

  it('the core kind is the five core components of the docs', () => {
    for (const edition of EDITIONS) {
      expect(sorted(getCatalog(edition).byKind('core').map((r) => r.id))).toEqual(
        sorted(['mesh-directory', 'database', 'mta', 'proxy', 'mailstore']),
      );
    }
  });

  it('no role lists a package twice', () => {
    for (const edition of EDITIONS) {
      for (const role of getCatalog(edition).roles) expect(new Set(role.packages).size, role.id).toBe(role.packages.length);
    }
  });
});

describe('edition differences', () => {
  const ce = getCatalog('ce');
  const commercial = getCatalog('carbonio');

  it('files: carbonio-files-ce in CE, carbonio-files and carbonio-storages in the commercial edition', () => {
    expect(ce.get('files')!.packages).toEqual(['carbonio-files-ce']);
    expect(sorted(commercial.get('files')!.packages)).toEqual(['carbonio-files', 'carbonio-storages']);
  });

  it('mailstore: Storages CE in CE only, advanced and ZAL in the commercial edition', () => {
    expect(ce.get('mailstore')!.packages).toContain('carbonio-storages-ce');
    expect(commercial.get('mailstore')!.packages).not.toContain('carbonio-storages-ce');
    expect(commercial.get('mailstore')!.packages).toEqual(expect.arrayContaining(['carbonio-advanced', 'carbonio-zal']));
    expect(ce.get('mailstore')!.packages).not.toContain('carbonio-advanced');
  });

  it('every "-ce" package is CE only', () => {
    for (const role of commercial.roles) {
      for (const p of role.packages) expect(p.endsWith('-ce'), `${role.id}: ${p}`).toBe(false);
    }
  });

  it('roles whose table row differs per edition really differ', () => {
    for (const row of TABLE) {
      const inCe = ce.get(row.id);
      if (!inCe || row.commercial === 'same' || packagesIn(row.commercial).length === 0) continue;
      expect(sorted(commercial.get(row.id)!.packages), row.id).not.toEqual(sorted(inCe.packages));
    }
  });

  it('video-server requires chats only in the commercial edition; both require mailstore', () => {
    const ceReq = ce.get('video-server')!.requires.map((r) => r.role);
    const comReq = commercial.get('video-server')!.requires.map((r) => r.role);
    expect(ceReq).toEqual(['mailstore']);
    expect(sorted(comReq)).toEqual(['chats', 'mailstore']);
    // The definition carries both, with the edition filter on chats.
    const chats = roleDefinition('video-server').requires!.find((r) => r.role === 'chats')!;
    expect(chats.editions).toEqual(['carbonio']);
  });

  it('every requirement names a role of the same edition, with a reason and a source', () => {
    for (const edition of EDITIONS) {
      const catalog = getCatalog(edition);
      for (const role of catalog.roles) {
        for (const r of role.requires) {
          expect(catalog.get(r.role), `${edition}: ${role.id} requires ${r.role}`).toBeDefined();
          expect(r.role).not.toBe(role.id);
          expect(r.why.trim()).not.toBe('');
          expect(r.source.trim()).not.toBe('');
          expect(!r.editions || r.editions.includes(edition)).toBe(true);
        }
      }
    }
  });

  it('UI roles point at a feature of the same edition, and only UI roles do', () => {
    for (const edition of EDITIONS) {
      const catalog = getCatalog(edition);
      for (const role of catalog.roles) {
        if (role.kind === 'ui') {
          expect(role.uiFor, role.id).toBeDefined();
          expect(catalog.get(role.uiFor!)?.kind).toBe('collaboration');
        } else {
          expect(role.uiFor, role.id).toBeUndefined();
        }
      }
    }
  });

  it('docs is limited to one instance in CE only; Mesh & Directory, Database and Monitoring everywhere', () => {
    expect(ce.get('docs')!.maxInstances).toBe(1);
    expect(commercial.get('docs')!.maxInstances).toBeUndefined();
    for (const id of ['mesh-directory', 'database', 'monitoring', 'log-server']) {
      expect(ce.get(id)!.maxInstances, id).toBe(1);
      expect(commercial.get(id)!.maxInstances, id).toBe(1);
    }
    expect(commercial.get('mta')!.maxInstances).toBeUndefined();
  });

  it('video-server has minimum resources in the commercial edition only; files in both', () => {
    expect(ce.get('video-server')!.minResources).toBeUndefined();
    expect(commercial.get('video-server')!.minResources).toMatchObject({ vcpu: 8, ramGb: 8, diskGb: 50 });
    expect(ce.get('files')!.minResources).toMatchObject({ ramGb: 6 });
    expect(commercial.get('files')!.minResources).toMatchObject({ ramGb: 6 });
  });

  it('the Mesh servers are mesh-directory and mesh-server, in both editions', () => {
    for (const edition of EDITIONS) {
      expect(getCatalog(edition).roles.filter((r) => r.meshServer).map((r) => r.id)).toEqual(['mesh-directory', 'mesh-server']);
    }
  });
});

describe('ports', () => {
  const hasPort = (role: CatalogRole, port: number, protocol: string, exposure: string) =>
    role.ports.some((p) => p.port === port && p.protocol === protocol && p.exposure === exposure);

  it('proxy opens 443/tcp to the outside, in both editions', () => {
    for (const edition of EDITIONS) {
      const proxy = getCatalog(edition).get('proxy')!;
      expect(hasPort(proxy, 443, 'tcp', 'external')).toBe(true);
      expect(hasPort(proxy, 80, 'tcp', 'external')).toBe(true);
    }
  });

  it('mta opens 25/tcp to the outside', () => {
    expect(hasPort(getCatalog('ce').get('mta')!, 25, 'tcp', 'external')).toBe(true);
  });

  it('the video server opens its UDP media range to the outside', () => {
    const video = getCatalog('carbonio').get('video-server')!;
    expect(video.ports.some((p) => Array.isArray(p.port) && p.protocol === 'udp' && p.exposure === 'external')).toBe(true);
  });

  it('the Admin Panel port carries its "VPN only" advice', () => {
    const admin = getCatalog('ce').get('proxy')!.ports.find((p) => p.port === 6071)!;
    expect(admin.note).toMatch(/VPN/);
  });

  it('every port is a valid number or an increasing range, with a purpose', () => {
    for (const edition of EDITIONS) {
      for (const role of getCatalog(edition).roles) {
        for (const spec of role.ports) {
          const [from, to] = typeof spec.port === 'number' ? [spec.port, spec.port] : spec.port;
          expect(Number.isInteger(from) && Number.isInteger(to), role.id).toBe(true);
          expect(from).toBeGreaterThanOrEqual(1);
          expect(to).toBeLessThanOrEqual(65535);
          expect(from).toBeLessThanOrEqual(to);
          expect(['tcp', 'udp', 'tcp+udp']).toContain(spec.protocol);
          expect(['external', 'internal', 'localhost']).toContain(spec.exposure);
          expect(spec.purpose.trim()).not.toBe('');
        }
      }
    }
  });

  it('formatPort writes ports and ranges as the docs do', () => {
    expect(formatPort(25)).toBe('25');
    expect(formatPort([20000, 40000])).toBe('20000-40000');
  });
});
