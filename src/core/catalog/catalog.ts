import type { PortSpec, ResourceMinimum, RoleDefinition, RoleRequirement } from './role-definition';
import { EDITIONS, ROLE_IDS, ROLE_KINDS, type Edition, type RoleId, type RoleKind } from './role-ids';
import { ROLE_DEFINITIONS } from './roles';

/** A role as one edition sees it: packages, limits and dependencies resolved for that edition. */
export interface CatalogRole {
  readonly id: RoleId;
  readonly name: string;
  readonly shortName: string;
  readonly kind: RoleKind;
  readonly packages: readonly string[];
  readonly ports: readonly PortSpec[];
  readonly description: string;
  readonly source: string;
  /** Most nodes that may hold it in this edition; `undefined` means no limit. */
  readonly maxInstances: number | undefined;
  readonly requires: readonly RoleRequirement[];
  readonly uiFor: RoleId | undefined;
  readonly redBox: boolean;
  readonly meshServer: boolean;
  readonly minResources: ResourceMinimum | undefined;
  readonly caveat: string | undefined;
}

/** The roles of one edition, in catalog order. */
export interface Catalog {
  readonly edition: Edition;
  readonly roles: readonly CatalogRole[];
  /** The role, or `undefined` when the id is unknown or not in this edition. */
  get(id: string): CatalogRole | undefined;
  /** The roles of a kind, in catalog order. */
  byKind(kind: RoleKind): readonly CatalogRole[];
}

function resolveRole(id: RoleId, def: RoleDefinition, edition: Edition): CatalogRole {
  return {
    id,
    name: def.name,
    shortName: def.shortName,
    kind: def.kind,
    packages: def.packages[edition] ?? [],
    ports: def.ports,
    description: def.description,
    source: def.source,
    maxInstances: def.maxInstances?.[edition],
    requires: (def.requires ?? []).filter((r) => !r.editions || r.editions.includes(edition)),
    uiFor: def.uiFor,
    redBox: def.redBox ?? false,
    meshServer: def.meshServer ?? false,
    minResources: def.minResources?.[edition],
    caveat: def.caveat,
  };
}

function buildCatalog(edition: Edition): Catalog {
  const definitions: Record<RoleId, RoleDefinition> = ROLE_DEFINITIONS;
  const roles = ROLE_IDS.filter((id) => definitions[id].editions.includes(edition)).map((id) =>
    resolveRole(id, definitions[id], edition),
  );
  const byId = new Map<string, CatalogRole>(roles.map((r) => [r.id, r]));
  const kinds = new Map<RoleKind, CatalogRole[]>(ROLE_KINDS.map((k) => [k, roles.filter((r) => r.kind === k)]));
  return {
    edition,
    roles,
    get: (id) => byId.get(id),
    byKind: (kind) => kinds.get(kind) ?? [],
  };
}

const catalogs = new Map<Edition, Catalog>(EDITIONS.map((e) => [e, buildCatalog(e)]));

/** The catalog of an edition. Catalogs are immutable and shared. */
export function getCatalog(edition: Edition): Catalog {
  const catalog = catalogs.get(edition);
  if (!catalog) throw new Error(`Unknown edition ${String(edition)}`);
  return catalog;
}

/** The edition-independent definition of a role, e.g. to say which edition has it. */
export function roleDefinition(id: RoleId): RoleDefinition {
  const definitions: Record<RoleId, RoleDefinition> = ROLE_DEFINITIONS;
  return definitions[id];
}
