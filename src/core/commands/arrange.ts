import type { Catalog } from '../catalog/catalog';
import { ROLE_KINDS } from '../catalog/role-ids';
import type { Plan, Position } from '../plan/schema';

/** Card size the layout reserves, in canvas units. */
export const CARD_WIDTH = 280;
export const CARD_GAP_X = 60;
export const CARD_GAP_Y = 50;

/** Height a card needs: header, address line, and one row per three chips. */
export function estimateCardHeight(roleCount: number): number {
  return 96 + Math.ceil(Math.max(roleCount, 1) / 2) * 30;
}

/**
 * A tidy layout: nodes ordered by their most important role kind (UI-carrying proxies and core
 * roles first, then infrastructure, collaboration, additional; plan order otherwise), dealt into
 * columns that stack without overlap. Returns positions keyed by node id.
 */
export function arrangeNodes(plan: Plan, catalog: Catalog): Record<string, Position> {
  const rank = (roleIds: readonly string[]) => {
    let best: number = ROLE_KINDS.length;
    for (const id of roleIds) {
      const kind = catalog.get(id)?.kind;
      const r = kind === undefined ? ROLE_KINDS.length : kind === 'ui' ? 0 : ROLE_KINDS.indexOf(kind);
      if (r < best) best = r;
    }
    return best;
  };
  const columnCount = Math.max(1, Math.ceil(Math.sqrt(plan.nodes.length * 1.6)));
  const ordered = plan.nodes
    .map((node, index) => ({ node, index, rank: rank(node.roles) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const positions = new Map<string, Position>();
  const columnHeights = new Array<number>(columnCount).fill(0);
  ordered.forEach(({ node }, i) => {
    const column = i % columnCount;
    const y = columnHeights[column]!;
    positions.set(node.id, { x: column * (CARD_WIDTH + CARD_GAP_X), y });
    columnHeights[column] = y + estimateCardHeight(node.roles.length) + CARD_GAP_Y;
  });
  // Object.fromEntries defines own properties, so an id like "__proto__" stays a plain key.
  return Object.fromEntries(positions);
}
