import type { Edition, RoleId, RoleKind } from './role-ids';

/** Transport of a port rule; `tcp+udp` opens both. */
export type PortProtocol = 'tcp' | 'udp' | 'tcp+udp';

/**
 * Where a port must be reachable from: `external` (the Internet, or whatever clients use),
 * `internal` (the other Carbonio nodes on the private network) or `localhost` only.
 */
export type PortExposure = 'external' | 'internal' | 'localhost';

/** One port (or range) a role listens on. */
export interface PortSpec {
  /** A single port, or an inclusive range `[from, to]`. */
  readonly port: number | readonly [number, number];
  readonly protocol: PortProtocol;
  readonly exposure: PortExposure;
  readonly purpose: string;
  /** Extra advice from the docs, e.g. "VPN only, never public". */
  readonly note?: string;
}

/** Minimum resources of a node holding the role. Only the fields the docs give are set. */
export interface ResourceMinimum {
  readonly vcpu?: number;
  readonly ramGb?: number;
  readonly diskGb?: number;
  readonly source: string;
}

/** "This role needs that role somewhere in the plan", optionally in one edition only. */
export interface RoleRequirement {
  readonly role: RoleId;
  readonly editions?: readonly Edition[];
  /** Why, in the docs' words, shown in the diagnostic. */
  readonly why: string;
  readonly source: string;
}

/** Everything the designer knows about a role, for both editions. */
export interface RoleDefinition {
  readonly name: string;
  /** Short label for chips on node cards. */
  readonly shortName: string;
  readonly kind: RoleKind;
  readonly editions: readonly Edition[];
  readonly packages: Readonly<Partial<Record<Edition, readonly string[]>>>;
  readonly ports: readonly PortSpec[];
  readonly description: string;
  readonly source: string;
  /** Most nodes that may hold the role, per edition; absent means no limit. */
  readonly maxInstances?: Readonly<Partial<Record<Edition, number>>>;
  readonly requires?: readonly RoleRequirement[];
  /** For UI roles: the feature whose interface this is. */
  readonly uiFor?: RoleId;
  /** A red box of the architecture figure: should get a node of its own in a Multi-Server. */
  readonly redBox?: boolean;
  /** Counts towards the Mesh servers (1 or 3). */
  readonly meshServer?: boolean;
  readonly minResources?: Readonly<Partial<Record<Edition, ResourceMinimum>>>;
  /** Shown when the role is legacy or otherwise needs a caveat. */
  readonly caveat?: string;
}
