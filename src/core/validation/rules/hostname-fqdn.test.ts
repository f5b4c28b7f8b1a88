import { describe, expect, it } from 'vitest';
import { diagnose, makePlan } from '../../test-support/plan-builder';
import { hostnameProblem } from './hostname-fqdn';

const RULE = 'hostname-fqdn';

describe('hostnameProblem', () => {
  it.each(['srv1.example.com', 'srv1.example.com.', 'mail-01.eu-west.example.co.uk', `${'a'.repeat(63)}.example.com`])(
    'accepts the FQDN %j',
    (name) => {
      expect(hostnameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['', 'has no hostname'],
    ['   ', 'has no hostname'],
    ['srv1', 'short hostname'],
    ['192.168.0.10', 'IP address'],
    ['srv_1.example.com', 'not a valid DNS name'],
    ['-srv1.example.com', 'not a valid DNS name'],
    ['srv1-.example.com', 'not a valid DNS name'],
    ['srv1..example.com', 'not a valid DNS name'],
    [`${'a'.repeat(64)}.example.com`, 'not a valid DNS name'],
    [`${'a.'.repeat(127)}com`, 'at most 253'],
  ])('rejects %j', (name, problem) => {
    expect(hostnameProblem(name)).toContain(problem);
  });
});

describe('hostname-fqdn', () => {
  it('passes nodes with fully qualified names', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory']],
      ['srv2.example.com.', ['proxy']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('warns about a short name, naming the host and its node id', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory']],
      ['srv2', ['proxy']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'warning', nodeIds: ['n2'] });
    expect(d!.message).toContain('srv2 (node "n2") has a short hostname');
    expect(d!.message).toContain('FQDN');
  });

  it('names a node without a hostname by its id', () => {
    const [d] = diagnose(makePlan([['', ['mesh-directory']]]), RULE);
    expect(d).toMatchObject({ severity: 'warning', nodeIds: ['n1'] });
    expect(d!.message).toContain('Node "n1" has no hostname');
  });

  it('warns once per bad node, in plan order', () => {
    const plan = makePlan([
      ['10.0.0.1', ['mesh-directory']],
      ['ok.example.com', ['mta']],
      ['bad_name.example.com', ['proxy']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.nodeIds)).toEqual([['n1'], ['n3']]);
    expect(found[0]!.message).toContain('10.0.0.1 (node "n1") has an IP address');
    expect(found[1]!.message).toContain('bad_name.example.com (node "n3")');
  });
});

describe('hostname-fqdn: surrounding spaces', () => {
  it('flags a hostname with spaces around it (the installer would not find the host)', async () => {
    const { hostnameProblem } = await import('./hostname-fqdn');
    expect(hostnameProblem(' srv1.example.com ')).toBe('has spaces around its hostname');
    expect(hostnameProblem('srv1.example.com.')).toBeUndefined();
  });
});
