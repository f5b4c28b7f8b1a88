import { describe, expect, it } from 'vitest';
import { applyFix, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'replica-not-on-master';

describe('replica-not-on-master', () => {
  it('passes when the replica is on another node than Mesh & Directory', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database']],
      ['srv2.example.com', ['mta', 'proxy', 'directory-replica']],
      ['srv3.example.com', ['mailstore']],
    ]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  it('reports a replica on the master node and moves it to another node', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'directory-replica']],
      ['srv2.example.com', ['mta', 'proxy']],
      ['srv3.example.com', ['mailstore']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n1'], roleId: 'directory-replica' });
    expect(d!.message).toContain('Directory Server Replica');
    expect(d!.message).toContain('srv1.example.com');
    expect(d!.message).toContain('Move it to srv2.example.com');

    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[0]!.roles).not.toContain('directory-replica');
    expect(fixed.nodes[1]!.roles).toContain('directory-replica');
    // The replica still exists, so nothing that needs it breaks.
    expect(diagnose(fixed, 'requires-role')).toEqual([]);
  });

  it('does not move the replica onto a node that already holds one', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'database', 'directory-replica']],
      ['srv2.example.com', ['mta', 'proxy', 'directory-replica']],
      ['srv3.example.com', ['mailstore']],
    ]);
    const [d] = diagnose(plan, RULE);
    expect(d!.fix!.commands).toEqual([{ type: 'move-role', fromNodeId: 'n1', toNodeId: 'n3', roleId: 'directory-replica' }]);
    expect(diagnose(applyFix(plan, d!), RULE)).toEqual([]);
  });

  it('removes the replica when no other node can take it (Single-Server)', () => {
    const plan = makePlan([['srv1.example.com', ['mesh-directory', 'database', 'mta', 'proxy', 'mailstore', 'directory-replica']]]);
    const [d] = diagnose(plan, RULE);
    expect(d).toMatchObject({ severity: 'error', nodeIds: ['n1'], roleId: 'directory-replica' });
    expect(d!.message).toContain('another node');
    expect(d!.fix!.commands).toEqual([{ type: 'remove-role', nodeId: 'n1', roleId: 'directory-replica' }]);
    const fixed = applyFix(plan, d!);
    expect(diagnose(fixed, RULE)).toEqual([]);
    expect(fixed.nodes[0]!.roles).not.toContain('directory-replica');
  });
});
