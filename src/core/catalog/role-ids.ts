/**
 * Role ids exactly as written in the domain reference (§2). They are the plan file's contract:
 * never rename one, only add.
 */
export const ROLE_IDS = [
  'mesh-directory',
  'mesh-server',
  'directory-replica',
  'database',
  'db-connection',
  'mta',
  'proxy',
  'files-ui',
  'tasks-ui',
  'chats-ui',
  'mailstore',
  'files',
  'docs',
  'preview',
  'tasks',
  'chats',
  'video-server',
  'video-recording',
  'monitoring',
  'log-server',
  'event-streaming',
] as const;

/** A Carbonio role (the docs say "component" since May 2025). */
export type RoleId = (typeof ROLE_IDS)[number];

/** The two Carbonio editions: Community Edition and the commercial one. */
export const EDITIONS = ['ce', 'carbonio'] as const;
export type Edition = (typeof EDITIONS)[number];

/** Kinds, in the order the palette shows them. */
export const ROLE_KINDS = ['core', 'infra', 'ui', 'collaboration', 'additional', 'legacy'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

const roleIdSet: ReadonlySet<string> = new Set(ROLE_IDS);

/** True when `value` is one of the role ids of any edition. */
export function isRoleId(value: string): value is RoleId {
  return roleIdSet.has(value);
}

/** Display names of the editions, as the docs write them. */
export const EDITION_NAMES: Record<Edition, string> = {
  ce: 'Carbonio CE',
  carbonio: 'Carbonio',
};
