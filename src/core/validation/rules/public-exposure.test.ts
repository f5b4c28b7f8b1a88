import { describe, expect, it } from 'vitest';
import { applyFix, CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'public-exposure';

describe('public-exposure', () => {
  it('passes nodes serving the Internet that have a public IP or sit in the DMZ', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mailstore']],
      ['srv2.example.com', ['mta', 'proxy'], { publicIp: '203.0.113.1' }],
      ['srv5.example.com', ['chats', 'video-server'], { zone: 'dmz' }],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('passes a node whose services are not offered to the Internet', () => {
    const plan = {
      ...makePlan([['srv1.example.com', [...CORE_ROLES], { privateIp: '10.0.0.1' }]]),
      services: { smtp: 'internal', smtps: 'off', submission: 'internal', https: 'internal', http: 'off', imaps: 'off', pop3s: 'internal' },
    } as const;
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('does not count a Video Server whose video service is off', () => {
    const plan = {
      ...makePlan([
        ['srv1.example.com', [...CORE_ROLES, 'chats'], { publicIp: '203.0.113.1' }],
        ['srv5.example.com', ['video-server'], { privateIp: '10.0.0.5' }],
      ]),
      services: { video: 'off' },
    } as const;
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('warns for a Proxy + MTA node in the LAN with a blank public IP, naming what it opens; the fix puts it in the DMZ', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'mailstore']],
      ['srv2.example.com', ['mta', 'proxy'], { zone: 'lan', publicIp: ' ' }],
    ]);
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'] });
    expect(d!.message).toBe(
      'srv2.example.com opens 25, 80, 443, 465, 587, 993, 995/tcp to the Internet (MTA AV/AS and Proxy) but has no public IP and is not in the DMZ. Give it a public IP, put it in the DMZ, or make sure port forwarding reaches it (at minimum 25 → MTA and 443 → Proxy).',
    );
    const fixed = applyFix(plan, d!);
    expect(fixed.nodes[1]!.zone).toBe('dmz');
    expect(diagnose(fixed, RULE)).toEqual([]);
  });

  it('warns for a Video Server without a public IP, only for the video it serves', () => {
    const plan = makePlan([
      ['srv1.example.com', [...CORE_ROLES, 'chats'], { publicIp: '203.0.113.1' }],
      ['srv5.example.com', ['video-server'], { privateIp: '172.16.0.15' }],
    ]);
    const [d, ...rest] = diagnose(plan, RULE);
    expect(rest).toEqual([]);
    expect(d!.nodeIds).toEqual(['n2']);
    expect(d!.roleId).toBe('video-server');
    expect(d!.message).toContain('opens 20000-40000/udp to the Internet (Video Server)');
    expect(diagnose(applyFix(plan, d!), RULE)).toEqual([]);
  });

  it('judges only nodes whose network is described (a private IP or a zone)', () => {
    const bare = makePlan([['srv1.example.com', [...CORE_ROLES]]]);
    expect(diagnose(bare, RULE)).toEqual([]);
    expect(diagnose({ ...bare, services: { pop3: 'internet' } }, RULE)).toEqual([]);
    expect(diagnose({ ...bare, nodes: [{ ...bare.nodes[0]!, privateIp: '10.0.0.1' }] }, RULE)).toHaveLength(1);
    expect(diagnose({ ...bare, nodes: [{ ...bare.nodes[0]!, privateIp: ' ' }] }, RULE)).toEqual([]);
    expect(diagnose({ ...bare, nodes: [{ ...bare.nodes[0]!, zone: 'lan' }] }, RULE)).toHaveLength(1);
  });

  it('offers no DMZ fix for a node holding internal roles (a Single-Server): only a public IP helps', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES], { privateIp: '10.0.0.1' }]]);
    const [d] = diagnose(plan, RULE);
    expect(d).toBeDefined();
    expect(d!.fix).toBeUndefined();
    expect(diagnose({ ...plan, nodes: [{ ...plan.nodes[0]!, publicIp: '203.0.113.1' }] }, RULE)).toEqual([]);
  });
});
