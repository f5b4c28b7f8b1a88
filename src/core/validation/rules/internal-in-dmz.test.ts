import { describe, expect, it } from 'vitest';
import { applyFix, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'internal-in-dmz';

describe('internal-in-dmz', () => {
  it('passes internal roles on LAN nodes or nodes without a zone, and a DMZ Proxy', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database'], { zone: 'lan' }],
      ['srv2.example.com', ['mta', 'proxy'], { zone: 'dmz' }],
      ['srv3.example.com', ['mailstore', 'mesh-server', 'directory-replica']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('warns for Database, Directory and Mesh roles on a DMZ node; the fix moves the node to the LAN', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'monitoring'], { zone: 'dmz' }],
      ['srv2.example.com', ['mta', 'proxy'], { zone: 'dmz' }],
      ['srv3.example.com', ['mailstore', 'mesh-server'], { zone: 'dmz' }],
    ]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.nodeIds)).toEqual([['n1'], ['n3']]);
    expect(found[0]).toMatchObject({ severity: 'warning', roleId: 'database' });
    expect(found[0]!.message).toBe(
      'srv1.example.com is in the DMZ but holds Database and Mesh & Directory, whose ports are for the private network only. Move them to a LAN node, or put this node in the LAN zone.',
    );
    expect(found[0]!.source).toContain('Assumption');
    let fixed = plan;
    for (const d of found) fixed = applyFix(fixed, d);
    expect(fixed.nodes.map((n) => n.zone)).toEqual(['lan', 'dmz', 'lan']);
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('offers no zone fix when the node also serves the Internet (a DMZ Single-Server)', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore'], { zone: 'dmz' }]]);
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d!.message).toContain('Move them to a LAN node.');
    expect(d!.fix).toBeUndefined();
  });
});
