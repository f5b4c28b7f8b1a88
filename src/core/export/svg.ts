/**
 * The plan as a standalone SVG diagram, for documents and print (A4 landscape): generated from the
 * model, never from the DOM. The plan file itself is embedded in `<metadata id="carbonio-plan">`,
 * so opening the SVG in the designer restores the plan ({@link extractPlanText}).
 *
 * Every text from the plan is XML-escaped, in attributes too, with the characters XML 1.0 forbids
 * removed; the output holds no script, no event attribute, no foreignObject and no external
 * reference. Same plan and date, same bytes.
 */
import { getCatalog } from '../catalog/catalog';
import { EDITION_NAMES } from '../catalog/role-ids';
import type { Plan } from '../plan/schema';
import { serializePlan } from '../plan/serialize';
import { CARD_PAD, CHIP_HEIGHT, NODE_WIDTH, type NodeCard } from './svg-card';
import { layoutDiagram, LEGEND_SWATCH, LEGEND_TITLE, MARGIN, type Band, type Diagram, type Link } from './svg-layout';
import { COLORS, FONT, FONT_FAMILY, KIND_STYLES } from './svg-style';
import { escapeXml, escapeXmlAttribute, jsonForXml, num, oneLine, unescapeXml, type FittedText } from './svg-text';

export interface SvgExportOptions {
  /** Shown in the header as given, e.g. `2026-01-15`; a parameter so the output is deterministic. */
  readonly date: string;
}

/** The id of the metadata element that carries the plan file. */
export const SVG_PLAN_METADATA_ID = 'carbonio-plan';
const ARROW_ID = 'carbonio-arrow';

type Attrs = Readonly<Record<string, string | number | undefined>>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value !== undefined) out += ` ${name}="${typeof value === 'number' ? num(value) : escapeXmlAttribute(value)}"`;
  }
  return out;
}

/** An element; `content` is markup (already escaped), absent for an empty element. */
function el(name: string, a: Attrs, content?: string): string {
  return content === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${content}</${name}>`;
}

/** A text element; a truncated text carries its full value in a `<title>` child. */
function text(a: Attrs, value: FittedText | string): string {
  if (typeof value === 'string') return el('text', a, escapeXml(value));
  const title = value.truncated ? el('title', {}, escapeXml(value.full)) : '';
  return el('text', a, title + escapeXml(value.text));
}

function renderHeader(d: Diagram): string {
  return el(
    'g',
    { id: 'header' },
    text({ x: MARGIN, y: MARGIN + 22, 'font-size': FONT.title, 'font-weight': 'bold' }, d.title) +
      text({ x: MARGIN, y: MARGIN + 48, 'font-size': FONT.subtitle, fill: COLORS.muted }, d.subtitle) +
      text({ x: d.width - MARGIN, y: MARGIN + 48, 'font-size': FONT.subtitle, fill: COLORS.muted, 'text-anchor': 'end' }, d.date),
  );
}

function renderBand(band: Band): string {
  const dmz = band.zone === 'dmz';
  const note = band.empty
    ? text({ x: band.x + 14, y: band.y + 44, 'font-size': FONT.line, 'font-style': 'italic', fill: COLORS.muted }, 'No node in this zone')
    : '';
  return el(
    'g',
    { class: 'zone', 'data-zone': band.zone },
    el('rect', {
      x: band.x,
      y: band.y,
      width: band.width,
      height: band.height,
      rx: 14,
      fill: dmz ? COLORS.dmzFill : COLORS.lanFill,
      stroke: dmz ? COLORS.dmzStroke : COLORS.lanStroke,
      'stroke-width': 1.5,
      'stroke-dasharray': dmz ? '8 5' : undefined,
    }) +
      text({ x: band.x + 14, y: band.y + 22, 'font-size': FONT.band, 'font-weight': 'bold', fill: dmz ? COLORS.dmzText : COLORS.lanText }, band.label) +
      note,
  );
}

function renderInternet(d: Diagram): string {
  const box = d.internet;
  if (!box) return '';
  const cx = box.x + box.width / 2;
  const webmail = box.webmail ? text({ x: cx, y: box.y + 45, 'font-size': FONT.line, fill: COLORS.muted, 'text-anchor': 'middle' }, box.webmail) : '';
  return el(
    'g',
    { id: 'internet' },
    el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 21, fill: COLORS.internetFill, stroke: COLORS.accent, 'stroke-width': 2 }) +
      text({ x: cx, y: box.y + 26, 'font-size': FONT.internet, 'font-weight': 'bold', fill: COLORS.accent, 'text-anchor': 'middle' }, 'Internet') +
      webmail,
  );
}

function renderLink(link: Link): string {
  return el(
    'g',
    { class: 'internet-link', 'data-node-id': link.card.node.id },
    el('path', { d: link.path, fill: 'none', stroke: COLORS.accent, 'stroke-width': 2, 'marker-end': `url(#${ARROW_ID})` }) +
      text(
        {
          x: link.labelX,
          y: link.labelY,
          'font-size': FONT.link,
          fill: COLORS.accent,
          stroke: COLORS.background,
          'stroke-width': 3,
          'stroke-linejoin': 'round',
          'paint-order': 'stroke',
        },
        link.label,
      ),
  );
}

function renderCard(card: NodeCard): string {
  let body = el('rect', {
    width: NODE_WIDTH,
    height: card.height,
    rx: 10,
    fill: COLORS.nodeFill,
    stroke: card.publicPorts === undefined ? COLORS.nodeStroke : COLORS.accent,
    'stroke-width': 1.5,
  });
  body += text({ x: CARD_PAD, y: 26, 'font-size': FONT.hostname, 'font-weight': 'bold' }, card.hostname);
  for (const line of card.lines) {
    body += text({ x: CARD_PAD, y: line.y, 'font-size': FONT.line, fill: line.muted ? COLORS.muted : undefined }, line.text);
  }
  for (const chip of card.chips) {
    const style = KIND_STYLES[chip.kind];
    body += el(
      'g',
      { class: 'role', 'data-kind': chip.kind },
      el('title', {}, escapeXml(chip.tooltip)) +
        el('rect', {
          x: chip.x,
          y: chip.y,
          width: chip.width,
          height: CHIP_HEIGHT,
          rx: 6,
          fill: style.fill,
          stroke: style.stroke,
          'stroke-dasharray': chip.dashed ? '4 3' : undefined,
        }) +
        text({ x: chip.x + 8, y: chip.y + 15, 'font-size': FONT.chip, fill: style.text }, chip.label),
    );
  }
  if (card.noRolesY !== undefined) {
    body += text({ x: CARD_PAD, y: card.noRolesY, 'font-size': FONT.line, 'font-style': 'italic', fill: COLORS.muted }, 'no roles');
  }
  return el('g', { class: 'node', 'data-node-id': card.node.id, transform: `translate(${num(card.x)} ${num(card.y)})` }, body);
}

function renderLegend(d: Diagram): string {
  if (d.legend.length === 0) return '';
  let body = text({ x: MARGIN, y: d.legendY, 'font-size': FONT.legend, 'font-weight': 'bold' }, LEGEND_TITLE);
  for (const item of d.legend) {
    if (item.kind === 'link') {
      const y = item.y - 4;
      body += el('path', { d: `M${num(item.x)} ${num(y)}H${num(item.x + LEGEND_SWATCH - 4)}`, stroke: COLORS.accent, 'stroke-width': 2, 'marker-end': `url(#${ARROW_ID})` });
    } else {
      const style = KIND_STYLES[item.kind];
      body += el('rect', {
        x: item.x,
        y: item.y - 11,
        width: LEGEND_SWATCH,
        height: 14,
        rx: 4,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-dasharray': item.kind === 'unknown' ? '4 3' : undefined,
      });
    }
    body += text({ x: item.x + LEGEND_SWATCH + 8, y: item.y, 'font-size': FONT.legend }, item.label);
  }
  return el('g', { id: 'legend' }, body);
}

/** The plan as SVG markup: A4 landscape, viewBox fitted to the content, the plan file embedded. */
export function exportSvg(plan: Plan, options: SvgExportOptions): string {
  const d = layoutDiagram(plan, getCatalog(plan.edition), options.date);
  const name = oneLine(plan.name) || 'Untitled plan';
  const marker = el(
    'marker',
    { id: ARROW_ID, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' },
    el('path', { d: 'M0 0L10 5L0 10z', fill: COLORS.accent }),
  );
  const empty = d.emptyNoteY === undefined ? '' : text({ x: MARGIN, y: d.emptyNoteY, 'font-size': FONT.line, 'font-style': 'italic', fill: COLORS.muted }, 'This plan has no nodes yet.');
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      version: '1.1',
      width: '297mm',
      height: '210mm',
      viewBox: `0 0 ${num(d.width)} ${num(d.height)}`,
      preserveAspectRatio: 'xMidYMid meet',
      'font-family': FONT_FAMILY,
      fill: COLORS.text,
      role: 'img',
      'aria-labelledby': 'carbonio-diagram-title',
    })}>`,
    el('title', { id: 'carbonio-diagram-title' }, escapeXml(`${name}: ${d.subtitle}`)),
    el('desc', {}, escapeXml(`Deployment diagram of the plan, ${EDITION_NAMES[plan.edition]}, exported ${oneLine(options.date)} by Carbonio Deployment Designer. The plan file is embedded in the metadata element "${SVG_PLAN_METADATA_ID}".`)),
    el('metadata', { id: SVG_PLAN_METADATA_ID }, escapeXml(jsonForXml(serializePlan(plan)))),
    el('defs', {}, marker),
    el('rect', { width: d.width, height: d.height, fill: COLORS.background }),
    renderHeader(d),
    d.bands.length === 0 ? '' : el('g', { id: 'zones' }, d.bands.map(renderBand).join('')),
    renderInternet(d),
    d.links.length === 0 ? '' : el('g', { id: 'links' }, d.links.map(renderLink).join('\n')),
    d.cards.length === 0 ? empty : el('g', { id: 'nodes' }, `\n${d.cards.map(renderCard).join('\n')}\n`),
    renderLegend(d),
    '</svg>',
  ];
  return `${parts.filter((p) => p !== '').join('\n')}\n`;
}

const METADATA_ELEMENT = new RegExp(
  `<metadata\\b[^>]*?\\sid\\s*=\\s*(["'])${SVG_PLAN_METADATA_ID}\\1[^>]*?(?<!/)>([\\s\\S]*?)</metadata\\s*>`,
);

/**
 * The plan file embedded by {@link exportSvg}, as JSON text for `loadPlan`; `undefined` when the
 * SVG has none. A regular expression, not a DOM parser, so it works in Node too. CDATA sections
 * (an SVG editor may write them) are taken as they are; the rest is unescaped.
 */
export function extractPlanText(svg: string): string | undefined {
  const match = METADATA_ELEMENT.exec(svg);
  if (!match) return undefined;
  const body = match[2]!;
  let out = '';
  let last = 0;
  for (const cdata of body.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) {
    out += unescapeXml(body.slice(last, cdata.index)) + cdata[1]!;
    last = cdata.index + cdata[0].length;
  }
  return out + unescapeXml(body.slice(last));
}
