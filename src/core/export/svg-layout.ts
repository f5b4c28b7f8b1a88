/**
 * Geometry of the SVG diagram, computed from the plan alone: node cards with their text and role
 * chips, a grid re-flowed from the canvas positions (or the automatic arrangement) so nothing
 * overlaps, DMZ and LAN bands, the Internet endpoint with its links, and the legend.
 */
import type { Catalog } from '../catalog/catalog';
import { EDITION_NAMES } from '../catalog/role-ids';
import { arrangeNodes } from '../commands/arrange';
import type { Plan, Position, Zone } from '../plan/schema';
import { chipKind, measureCard, NODE_WIDTH, type NodeCard } from './svg-card';
import { CHIP_KINDS, FONT, KIND_STYLES, type ChipKind } from './svg-style';
import { fitText, num, oneLine, textWidth, type FittedText } from './svg-text';

export const MARGIN = 32;
const COL_GAP = 32;
const MIN_WIDTH = 640;
const BAND_PAD = 20;
/** The Internet box sits top left; its links run down a trunk left of the nodes, then along the gap above a row. */
const INTERNET_WIDTH = 120;
const TRUNK_X = MARGIN + INTERNET_WIDTH / 2;
/** Where a link drops into its node, from the node's left edge. */
export const LINK_ENTRY = 26;
const LINK_BUS_ABOVE = 44;

export interface Band {
  readonly zone: Zone;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly empty: boolean;
}

export interface Link {
  readonly card: NodeCard;
  readonly path: string;
  readonly label: FittedText;
  readonly labelX: number;
  readonly labelY: number;
}

export interface LegendItem {
  readonly kind: ChipKind | 'link';
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly title: FittedText;
  readonly subtitle: string;
  readonly date: FittedText;
  readonly cards: readonly NodeCard[];
  readonly bands: readonly Band[];
  readonly internet: { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly webmail: FittedText | undefined } | undefined;
  readonly links: readonly Link[];
  readonly legendY: number;
  readonly legend: readonly LegendItem[];
  readonly emptyNoteY: number | undefined;
}

/**
 * Rows of a grid (card indices, `undefined` for an empty cell) from canvas positions: cards whose x
 * are within half a card width share a column, and each column keeps its top-to-bottom order. A
 * grid much wider or taller than a balanced one is dealt again, in reading order, into balanced rows.
 */
export function gridRows(items: readonly { readonly index: number; readonly pos: Position }[]): (number | undefined)[][] {
  if (items.length === 0) return [];
  const columns: (typeof items)[number][][] = [];
  let start = 0;
  for (const item of [...items].sort((a, b) => a.pos.x - b.pos.x || a.index - b.index)) {
    if (columns.length === 0 || item.pos.x - start >= NODE_WIDTH / 2) {
      columns.push([]);
      start = item.pos.x;
    }
    columns[columns.length - 1]!.push(item);
  }
  for (const column of columns) column.sort((a, b) => a.pos.y - b.pos.y || a.index - b.index);
  const rowCount = Math.max(...columns.map((c) => c.length));
  const rows = Array.from({ length: rowCount }, (_, r) => columns.map((c) => c[r]?.index));
  const balanced = Math.max(1, Math.ceil(Math.sqrt(items.length * 1.6)));
  if (columns.length <= balanced + 1 && rowCount <= Math.ceil(items.length / balanced) + 1) return rows;
  const reading = rows.flat().filter((i): i is number => i !== undefined);
  const dealt: number[][] = [];
  for (let i = 0; i < reading.length; i += balanced) dealt.push(reading.slice(i, i + balanced));
  return dealt;
}

/** Places the rows from `top`; returns the bottom of the last row. */
function placeRows(rows: readonly (number | undefined)[][], cards: readonly NodeCard[], x0: number, top: number, firstGap: (link: boolean) => number): number {
  let y = top;
  rows.forEach((row, r) => {
    const inRow = row.filter((i): i is number => i !== undefined).map((i) => cards[i]!);
    const link = inRow.some((c) => c.publicPorts !== undefined);
    y += r === 0 ? firstGap(link) : link ? 64 : 28;
    row.forEach((i, column) => {
      if (i === undefined) return;
      cards[i]!.x = x0 + column * (NODE_WIDTH + COL_GAP);
      cards[i]!.y = y;
    });
    y += Math.max(...inRow.map((c) => c.height));
  });
  return y;
}

const BAND_LABELS: Record<Zone, string> = { dmz: 'DMZ · public-facing zone', lan: 'LAN · private network' };

export function layoutDiagram(plan: Plan, catalog: Catalog, date: string): Diagram {
  const cards = plan.nodes.map((node) => measureCard(node, catalog));
  const everyPositioned = plan.nodes.every((n) => n.position !== undefined);
  /** The grid of some nodes: from their canvas positions, else from the automatic arrangement of just them. */
  const gridOf = (indices: readonly number[]) => {
    const nodes = indices.map((i) => plan.nodes[i]!);
    const arranged = everyPositioned ? {} : arrangeNodes({ ...plan, nodes }, catalog);
    return gridRows(
      nodes.map((node, k) => ({
        index: indices[k]!,
        pos: node.position ?? (Object.hasOwn(arranged, node.id) ? arranged[node.id]! : { x: 0, y: 0 }),
      })),
    );
  };
  const allIndices = plan.nodes.map((_, i) => i);

  const hasLinks = cards.some((c) => c.publicPorts !== undefined);
  const headerBottom = MARGIN + 64;
  const webmailText = oneLine(plan.webmailHostname ?? '');
  const webmail = webmailText === '' ? undefined : fitText(webmailText, 260, FONT.line);
  const internet = hasLinks
    ? {
        x: MARGIN,
        y: headerBottom,
        width: Math.max(INTERNET_WIDTH, Math.ceil(textWidth(webmail?.text ?? '', FONT.line)) + 24),
        height: webmail ? 58 : 42,
        webmail,
      }
    : undefined;
  const contentTop = internet ? internet.y + internet.height + 20 : headerBottom;
  const regionX = hasLinks ? TRUNK_X + 28 : MARGIN;

  const zoned = plan.nodes.some((n) => n.zone !== undefined);
  const bandSpecs: { zone: Zone; top: number; bottom: number; empty: boolean }[] = [];
  let bottom = contentTop;
  if (zoned) {
    for (const zone of ['dmz', 'lan'] as const) {
      const top = zone === 'dmz' ? contentTop : bottom + 18;
      const members = allIndices.filter((i) => (plan.nodes[i]!.zone === 'dmz') === (zone === 'dmz'));
      const rows = gridOf(members);
      const rowsBottom = placeRows(rows, cards, regionX + BAND_PAD, top, (link) => (link ? 80 : 40));
      bottom = members.length === 0 ? top + 56 : rowsBottom + BAND_PAD;
      bandSpecs.push({ zone, top, bottom, empty: members.length === 0 });
    }
  } else {
    bottom = placeRows(gridOf(allIndices), cards, regionX, contentTop, (link) => (link ? 56 : 0));
  }

  const links: Link[] = [];
  for (const card of cards) {
    if (card.publicPorts === undefined || !internet) continue;
    const entryX = card.x + LINK_ENTRY;
    const path = `M${num(TRUNK_X)} ${num(internet.y + internet.height)}V${num(card.y - LINK_BUS_ABOVE)}H${num(entryX)}V${num(card.y - 1)}`;
    const label = fitText(card.publicPorts, NODE_WIDTH + COL_GAP - LINK_ENTRY - 12, FONT.link);
    links.push({ card, path, label, labelX: entryX + 8, labelY: card.y - 14 });
  }

  let right = Math.max(MIN_WIDTH - MARGIN, internet ? internet.x + internet.width : 0);
  for (const card of cards) right = Math.max(right, card.x + NODE_WIDTH + (zoned ? BAND_PAD : 0));
  for (const link of links) right = Math.max(right, link.labelX + textWidth(link.label.text, FONT.link) + (zoned ? BAND_PAD : 0));
  right = Math.ceil(right);
  const width = right + MARGIN;
  const bands = bandSpecs.map((b) => ({
    zone: b.zone,
    label: BAND_LABELS[b.zone],
    x: regionX,
    y: b.top,
    width: right - regionX,
    height: b.bottom - b.top,
    empty: b.empty,
  }));

  const emptyNoteY = plan.nodes.length === 0 ? contentTop + 24 : undefined;
  if (emptyNoteY !== undefined) bottom = emptyNoteY + 8;
  const legendY = bottom + 32;
  const legend = legendItems(plan, catalog, hasLinks, legendY, right);
  const legendBottom = legend.length === 0 ? bottom : Math.max(...legend.map((l) => l.y)) + 10;

  const count = plan.nodes.length;
  const name = oneLine(plan.name);
  const dateText = fitText(oneLine(date), 240, FONT.subtitle);
  return {
    width,
    height: legendBottom + MARGIN,
    title: fitText(name === '' ? 'Untitled plan' : name, right - MARGIN, FONT.title, true),
    subtitle: `${EDITION_NAMES[plan.edition]} · ${count} ${count === 1 ? 'node' : 'nodes'}`,
    date: dateText,
    cards,
    bands,
    internet,
    links,
    legendY,
    legend,
    emptyNoteY,
  };
}

export const LEGEND_SWATCH = 28;
export const LEGEND_TITLE = 'Role kinds';

/** One entry per kind used in the plan, then the Internet link; wrapped to the diagram's width. */
function legendItems(plan: Plan, catalog: Catalog, hasLinks: boolean, top: number, right: number): LegendItem[] {
  const used = new Set<ChipKind>();
  for (const node of plan.nodes) {
    for (const id of node.roles) used.add(chipKind(id, catalog));
  }
  const entries: { kind: ChipKind | 'link'; label: string }[] = CHIP_KINDS.filter((k) => used.has(k)).map((kind) => ({
    kind,
    label: KIND_STYLES[kind].label,
  }));
  if (hasLinks) entries.push({ kind: 'link', label: 'Internet traffic (main ports)' });
  if (entries.length === 0) return [];
  const start = MARGIN + Math.ceil(textWidth(LEGEND_TITLE, FONT.legend, true)) + 16;
  const items: LegendItem[] = [];
  let x = start;
  let y = top;
  for (const entry of entries) {
    const width = LEGEND_SWATCH + 8 + Math.ceil(textWidth(entry.label, FONT.legend)) + 24;
    if (x > start && x + width > right) {
      x = start;
      y += 24;
    }
    items.push({ ...entry, x, y });
    x += width;
  }
  return items;
}

