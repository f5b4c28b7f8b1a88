import { describe, expect, it } from 'vitest';
import { CORE_ROLES, diagnose, makePlan } from '../../test-support/plan-builder';

const RULE = 'requires-role';

describe('requires-role', () => {
  it.each(['ce', 'carbonio'] as const)('passes when every dependency is in the plan (%s)', (edition) => {
    const plan = makePlan(
      [
        ['srv1.example.com', ['mesh-directory', 'database', 'db-connection', 'monitoring']],
        ['srv2.example.com', ['mta', 'proxy', 'files-ui', 'tasks-ui', 'chats-ui', 'directory-replica', 'mesh-server']],
        ['srv3.example.com', ['mailstore', 'tasks', 'mesh-server']],
        ['srv4.example.com', ['files', 'docs', 'preview', 'chats']],
        ['srv5.example.com', ['video-server']],
      ],
      edition,
    );
    expect(diagnose(plan, RULE)).toEqual([]);
  });

  // [role, its name, the missing dependency, the dependency's name, edition]
  it.each([
    ['docs', 'Docs & Editor', 'files', 'Files', 'ce'],
    ['files', 'Files', 'database', 'Database', 'ce'],
    ['files', 'Files', 'mailstore', 'Mailstore & Provisioning', 'ce'],
    ['preview', 'Preview', 'mailstore', 'Mailstore & Provisioning', 'ce'],
    ['tasks', 'Tasks', 'database', 'Database', 'ce'],
    ['chats', 'Chats', 'database', 'Database', 'ce'],
    ['video-server', 'Video Server', 'mailstore', 'Mailstore & Provisioning', 'ce'],
    ['video-server', 'Video Server', 'mailstore', 'Mailstore & Provisioning', 'carbonio'],
    ['video-recording', 'Video Recording', 'video-server', 'Video Server', 'carbonio'],
    ['directory-replica', 'Directory Server Replica', 'mesh-directory', 'Mesh & Directory', 'ce'],
    ['mesh-server', 'Carbonio Mesh server', 'mesh-directory', 'Mesh & Directory', 'ce'],
    ['db-connection', 'Database Connector (PgPool-II)', 'database', 'Database', 'ce'],
  ] as const)('reports %s without %s (%s) as an error', (roleId, roleName, missing, missingName, edition) => {
    const others = (['mesh-directory', 'database', 'mta', 'proxy', 'mailstore', 'chats', 'video-server'] as const).filter(
      (r) => r !== missing && r !== roleId,
    );
    const plan = makePlan(
      [
        ['srv1.example.com', others],
        ['app1.example.com', [roleId]],
        ['app2.example.com', [roleId]],
      ],
      edition,
    );
    const found = diagnose(plan, RULE).filter((d) => d.roleId === roleId);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toMatchObject({ rule: RULE, severity: 'error', nodeIds: ['n2', 'n3'], roleId });
    expect(d!.message).toContain(`${roleName} on app1.example.com and app2.example.com`);
    expect(d!.message).toContain(`needs ${missingName} (${missing})`);
    expect(d!.message).not.toContain('srv1.example.com');
    expect(d!.fix).toBeUndefined();
  });

  it('gives one diagnostic per missing dependency', () => {
    const plan = makePlan([
      ['srv1.example.com', ['mesh-directory', 'mta', 'proxy']],
      ['srv2.example.com', ['files']],
    ]);
    const found = diagnose(plan, RULE);
    expect(found.map((d) => d.message.match(/\(([a-z-]+)\), which/)?.[1]).sort()).toEqual(['database', 'mailstore']);
    expect(found.every((d) => d.roleId === 'files')).toBe(true);
  });

  it('requires Chats for the Video Server in the commercial edition only (installer 25.3.0)', () => {
    const nodes = [
      ['srv1.example.com', [...CORE_ROLES]],
      ['video.example.com', ['video-server']],
    ] as const;
    const commercial = diagnose(makePlan(nodes, 'carbonio'), RULE);
    expect(commercial).toHaveLength(1);
    expect(commercial[0]).toMatchObject({ severity: 'error', roleId: 'video-server', nodeIds: ['n2'] });
    expect(commercial[0]!.message).toContain('Video Server on video.example.com needs Chats (chats)');
    expect(diagnose(makePlan(nodes, 'ce'), RULE)).toEqual([]);

    const withChats = makePlan([...nodes, ['chats.example.com', ['chats']]], 'carbonio');
    expect(diagnose(withChats, RULE)).toEqual([]);
  });

  it('accepts a dependency on any node, including the same one', () => {
    const plan = makePlan([['srv1.example.com', [...CORE_ROLES, 'files', 'docs', 'preview']]]);
    expect(diagnose(plan, RULE)).toEqual([]);
  });
});
