/**
 * A node card of the SVG diagram, laid out relative to its top left corner: hostname, address and
 * detail lines, role chips coloured by kind, and the public ports when the node faces the Internet.
 */
import { roleDefinition, type Catalog } from '../catalog/catalog';
import { SUPPORTED_OS } from '../catalog/os';
import { EDITION_NAMES, isRoleId } from '../catalog/role-ids';
import { CARD_WIDTH } from '../commands/arrange';
import type { PlanNode } from '../plan/schema';
import { FONT, KIND_STYLES, type ChipKind } from './svg-style';
import { fitText, oneLine, textWidth, type FittedText } from './svg-text';

export const NODE_WIDTH = CARD_WIDTH;
export const CARD_PAD = 14;
const INNER = NODE_WIDTH - 2 * CARD_PAD;
export const CHIP_HEIGHT = 22;
const CHIP_GAP = 6;
const CHIP_PAD = 8;

/** Main public ports of the roles that face the Internet (domain §4, "typical flows"). */
const PUBLIC_PORTS: readonly (readonly [role: string, ports: string])[] = [
  ['proxy', '443, 993, 995'],
  ['mta', '25, 587'],
  ['video-server', 'UDP 20000-40000'],
];

/** A text line of a card, at a baseline relative to the card. */
export interface CardLine {
  readonly y: number;
  readonly text: FittedText;
  readonly muted: boolean;
}

/** A role chip, relative to its card. */
export interface Chip {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly label: FittedText;
  readonly tooltip: string;
  readonly kind: ChipKind;
  /** Known role that is not in the plan's edition, or an unknown id. */
  readonly dashed: boolean;
}

export interface NodeCard {
  readonly node: PlanNode;
  x: number;
  y: number;
  readonly height: number;
  readonly hostname: FittedText;
  readonly lines: readonly CardLine[];
  readonly chips: readonly Chip[];
  /** Baseline of the "no roles" note, when the node has none. */
  readonly noRolesY: number | undefined;
  /** Ports label when the node faces the Internet. */
  readonly publicPorts: string | undefined;
}

/** The kind a role id is drawn as. */
export function chipKind(id: string, catalog: Catalog): ChipKind {
  return catalog.get(id)?.kind ?? (isRoleId(id) ? roleDefinition(id).kind : 'unknown');
}

/** Role chips, in the order of the node's roles. */
function chipsFor(node: PlanNode, catalog: Catalog, top: number): { chips: Chip[]; bottom: number } {
  const chips: Chip[] = [];
  let x = 0;
  let y = top;
  for (const id of node.roles) {
    const known = catalog.get(id);
    const definition = known ?? (isRoleId(id) ? roleDefinition(id) : undefined);
    const kind: ChipKind = definition?.kind ?? 'unknown';
    const text = definition?.shortName ?? (oneLine(id) || '(empty role id)');
    const tooltip = known
      ? `${known.name} (${KIND_STYLES[kind].label.toLowerCase()})`
      : definition
        ? `${definition.name}: not available in ${EDITION_NAMES[catalog.edition]}`
        : `Unknown role id "${oneLine(id)}"`;
    const label = fitText(text, INNER - 2 * CHIP_PAD, FONT.chip);
    const width = Math.ceil(textWidth(label.text, FONT.chip) + 2 * CHIP_PAD);
    if (x > 0 && x + width > INNER) {
      x = 0;
      y += CHIP_HEIGHT + CHIP_GAP;
    }
    chips.push({ x: CARD_PAD + x, y, width, label, tooltip, kind, dashed: known === undefined });
    x += width + CHIP_GAP;
  }
  return { chips, bottom: y + CHIP_HEIGHT };
}

function addressLines(node: PlanNode): string[] {
  const privateIp = oneLine(node.privateIp ?? '');
  const publicIp = oneLine(node.publicIp ?? '');
  const both = [privateIp, publicIp === '' ? '' : `public ${publicIp}`].filter((s) => s !== '');
  if (both.length === 0) return ['no IP address'];
  const line = both.join(' · ');
  return textWidth(line, FONT.line) <= INNER ? [line] : both;
}

function detailLines(node: PlanNode): string[] {
  const os = node.os === undefined ? '' : (SUPPORTED_OS.find((o) => o.id === node.os)?.name ?? oneLine(node.os));
  const zone = node.zone === 'dmz' ? 'DMZ zone' : node.zone === 'lan' ? 'LAN zone' : '';
  const lines = [[zone, os].filter((s) => s !== '').join(' · ')];
  const r = node.resources;
  if (r) {
    const parts = [
      r.vcpu === undefined ? '' : `${r.vcpu} vCPU`,
      r.ramGb === undefined ? '' : `${r.ramGb} GB RAM`,
      r.diskGb === undefined ? '' : `${r.diskGb} GB disk`,
    ];
    lines.push(parts.filter((s) => s !== '').join(' · '));
  }
  return lines.filter((s) => s !== '');
}

function publicPortsOf(node: PlanNode): string | undefined {
  const exposed = oneLine(node.publicIp ?? '') !== '' || node.zone === 'dmz';
  if (!exposed) return undefined;
  const ports = PUBLIC_PORTS.filter(([role]) => node.roles.includes(role)).map(([, p]) => p);
  return ports.length === 0 ? undefined : ports.join(' · ');
}

/** A card with its content laid out relative to its top left corner. */
export function measureCard(node: PlanNode, catalog: Catalog): NodeCard {
  const host = oneLine(node.hostname);
  const hostname = fitText(host === '' ? '(no hostname)' : host, INNER, FONT.hostname, true);
  const lines: CardLine[] = [];
  // Hostname baseline at 26, the first line 20 below it, the next ones 17 apart.
  let y = 29;
  const addLine = (text: string, muted: boolean) => {
    y += 17;
    lines.push({ y, text: fitText(text, INNER, FONT.line), muted });
  };
  for (const text of addressLines(node)) addLine(text, false);
  for (const text of detailLines(node)) addLine(text, true);
  const { chips, bottom } = chipsFor(node, catalog, y + 12);
  const noRolesY = node.roles.length === 0 ? y + 12 + 15 : undefined;
  return { node, x: 0, y: 0, height: bottom + 14, hostname, lines, chips, noRolesY, publicPorts: publicPortsOf(node) };
}
