import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../catalog/catalog';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';
import { nodeMinimums } from './node-resources';

const RULE = 'node-resources';

/** A commercial Multi-Server whose last node is under test. */
function commercialWith(roles: readonly string[], resources: { vcpu?: number; ramGb?: number; diskGb?: number }) {
  return makePlan(
    [
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy', 'files-ui', 'chats-ui']],
      ['srv3.example.com', ['mailstore']],
      ['test.example.com', roles, { resources }],
    ],
    'carbonio',
  );
}

describe('node-resources', () => {
  it('does not judge nodes without resources, nor figures that are not given', () => {
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES]]), RULE)).toEqual([]);
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES, { resources: {} }]]), RULE)).toEqual([]);
    expect(diagnose(makePlan([['srv1.example.com', CORE_ROLES, { resources: { ramGb: 32 } }]]), RULE)).toEqual([]);
  });

  describe('CE: 4 vCPU, 16 GB RAM, 50 GB disk on every node', () => {
    it('passes a node exactly at the minimums', () => {
      const plan = makePlan([['srv1.example.com', CORE_ROLES, { resources: { vcpu: 4, ramGb: 16, diskGb: 50 } }]]);
      expect(diagnose(plan, RULE)).toEqual([]);
    });

    it('warns about every figure below the minimum, naming the host', () => {
      const plan = makePlan([
        ['srv1.example.com', ['mesh-directory', 'database'], { resources: { vcpu: 8, ramGb: 32, diskGb: 100 } }],
        ['srv2.example.com', ['mta', 'proxy', 'mailstore'], { resources: { vcpu: 2, ramGb: 8, diskGb: 40 } }],
      ]);
      const found = diagnose(plan, RULE);
      expect(found).toHaveLength(1);
      const [d] = found;
      expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'] });
      expect(d!.roleId).toBeUndefined();
      expect(d!.message).toContain('srv2.example.com has');
      expect(d!.message).toContain('2 vCPU where every CE node needs at least 4');
      expect(d!.message).toContain('8 GB RAM where every CE node needs at least 16');
      expect(d!.message).toContain('40 GB disk where every CE node needs at least 50');
    });

    it('names only the figures that fall short', () => {
      const plan = makePlan([['srv1.example.com', CORE_ROLES, { resources: { vcpu: 3, ramGb: 64 } }]]);
      const [d] = diagnose(plan, RULE);
      expect(d!.message).toContain('3 vCPU');
      expect(d!.message).not.toContain('RAM');
      expect(d!.message).not.toContain('disk');
    });

    it('applies to a CE video node too (the video minimums are commercial figures)', () => {
      const plan = makePlan([
        ['srv1.example.com', CORE_ROLES],
        ['video.example.com', ['video-server'], { resources: { vcpu: 4, ramGb: 16, diskGb: 50 } }],
      ]);
      expect(diagnose(plan, RULE)).toEqual([]);
      const small = makePlan([
        ['srv1.example.com', CORE_ROLES],
        ['video.example.com', ['video-server'], { resources: { vcpu: 4, ramGb: 8, diskGb: 50 } }],
      ]);
      expect(diagnose(small, RULE)[0]!.message).toContain('8 GB RAM where every CE node needs at least 16');
    });

    it('keeps the stricter figure when Files (6 GB) and the CE node (16 GB) both apply', () => {
      const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'files'], { resources: { ramGb: 5 } }]]);
      const [d] = diagnose(plan, RULE);
      expect(d!.message).toContain('5 GB RAM where every CE node needs at least 16');
      expect(d!.message).not.toContain('a node with Files');
    });
  });

  describe('commercial Single-Server: 8 vCPU, 24 GB RAM, 100 GB disk', () => {
    it('passes a single node at the minimums', () => {
      const plan = makePlan([['srv1.example.com', CORE_ROLES, { resources: { vcpu: 8, ramGb: 24, diskGb: 100 } }]], 'carbonio');
      expect(diagnose(plan, RULE)).toEqual([]);
    });

    it('warns about a single node sized like a CE node', () => {
      const plan = makePlan([['srv1.example.com', CORE_ROLES, { resources: { vcpu: 4, ramGb: 16, diskGb: 50 } }]], 'carbonio');
      const [d, ...rest] = diagnose(plan, RULE);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', nodeIds: ['n1'] });
      expect(d!.message).toContain('srv1.example.com');
      expect(d!.message).toContain('4 vCPU where a commercial Single-Server needs at least 8');
      expect(d!.message).toContain('16 GB RAM where a commercial Single-Server needs at least 24');
      expect(d!.message).toContain('50 GB disk where a commercial Single-Server needs at least 100');
    });
  });

  describe('commercial Multi-Server nodes', () => {
    it('passes a collaboration node at 4 vCPU, 16 GB, 50 GB', () => {
      const plan = commercialWith(['chats', 'files', 'docs', 'preview'], { vcpu: 4, ramGb: 16, diskGb: 50 });
      expect(diagnose(plan, RULE)).toEqual([]);
    });

    it('warns about a collaboration node below 4 / 16 / 50', () => {
      const plan = commercialWith(['chats', 'docs', 'preview'], { vcpu: 2, ramGb: 8, diskGb: 20 });
      const [d, ...rest] = diagnose(plan, RULE);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', nodeIds: ['n4'] });
      expect(d!.message).toContain('test.example.com has');
      expect(d!.message).toContain('2 vCPU where a commercial collaboration node needs at least 4');
      expect(d!.message).toContain('8 GB RAM where a commercial collaboration node needs at least 16');
      expect(d!.message).toContain('20 GB disk where a commercial collaboration node needs at least 50');
    });

    it.each([[['video-server']], [['video-server', 'video-recording']]])(
      'passes a video node %j at 8 vCPU, 8 GB, 50 GB (the documented video node)',
      (roles) => {
        expect(diagnose(commercialWith(roles, { vcpu: 8, ramGb: 8, diskGb: 50 }), RULE)).toEqual([]);
      },
    );

    it('warns about a video node below 8 vCPU, naming the Video Server', () => {
      const plan = commercialWith(['video-server', 'video-recording'], { vcpu: 4, ramGb: 8, diskGb: 50 });
      const [d, ...rest] = diagnose(plan, RULE);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', nodeIds: ['n4'] });
      expect(d!.message).toContain('4 vCPU where a node with Video Server needs at least 8');
      expect(d!.message).not.toContain('RAM');
    });

    it('asks the union of both profiles when the Video Server shares a collaboration node', () => {
      const plan = commercialWith(['video-server', 'chats'], { vcpu: 4, ramGb: 8, diskGb: 50 });
      const [d] = diagnose(plan, RULE);
      expect(d!.message).toContain('4 vCPU where a node with Video Server needs at least 8');
      expect(d!.message).toContain('8 GB RAM where a commercial collaboration node needs at least 16');
    });

    it('warns about a Files node under 6 GB RAM', () => {
      const ok = commercialWith(['mailstore', 'files'], { ramGb: 6 });
      expect(diagnose(ok, RULE)).toEqual([]);
      const short = commercialWith(['mailstore', 'files'], { ramGb: 4 });
      const [d, ...rest] = diagnose(short, RULE);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ severity: 'warning', nodeIds: ['n4'] });
      expect(d!.message).toContain('test.example.com has 4 GB RAM where a node with Files needs at least 6');
    });
  });

  describe('nodeMinimums', () => {
    it('lists the CE node minimums and the Files minimum for a CE Files node', () => {
      const plan = makePlan([['srv1.example.com', ['files']]]);
      const mins = nodeMinimums(plan.nodes[0]!, plan, getCatalog('ce'));
      expect(mins.map((m) => [m.field, m.value])).toEqual([
        ['vcpu', 4],
        ['ramGb', 16],
        ['diskGb', 50],
        ['ramGb', 6],
      ]);
    });

    it('ignores roles the edition does not know', () => {
      const plan = makePlan([['srv1.example.com', ['video-server', 'nonsense']], ['srv2.example.com', ['proxy']]], 'carbonio');
      const fields = nodeMinimums(plan.nodes[0]!, plan, getCatalog('carbonio')).map((m) => m.field);
      expect(fields).toContain('vcpu');
    });
  });
});
