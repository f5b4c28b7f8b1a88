/**
 * Text helpers of the SVG export: XML escaping, removal of characters XML 1.0 forbids, width
 * estimates and truncation. No DOM: the core runs in Node too.
 */

/**
 * A character XML 1.0 does not allow (§2.2 `Char`): C0 controls other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF, and lone surrogates (with the `u` flag a surrogate pair is one
 * code point, so only unpaired halves fall outside the ranges).
 */
const ILLEGAL_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes for an attribute value: also tab, line feed and carriage return as character references,
 * which a parser would otherwise turn into spaces (attribute-value normalisation).
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text without the characters XML 1.0 forbids. */
export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML_CHAR, '');
}

/** Escapes `& < > " '`, and drops forbidden characters: safe in element text and attribute values. */
export function escapeXml(text: string): string {
  return stripIllegalXml(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/**
 * JSON text made safe for XML without losing anything: every character XML forbids (they can only
 * occur inside JSON strings) becomes a `\uXXXX` escape, which `JSON.parse` turns back into it.
 */
export function jsonForXml(json: string): string {
  return json.replace(ILLEGAL_XML_CHAR, (c) => {
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Undoes XML escaping in one pass: the five predefined entities and numeric references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name]!;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return Number.isSafeInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text for one line of the diagram: forbidden characters removed, whitespace runs (newlines too) made one space. */
export function oneLine(text: string): string {
  return stripIllegalXml(text).replace(/[\t\n\r ]+/g, ' ').trim();
}

/** East Asian wide characters and emoji take about a full em; the rest about 0.6 em. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Bold glyphs run about a tenth wider. */
const BOLD_FACTOR = 1.1;

function charWidth(ch: string, size: number, bold: boolean): number {
  return (isWide(ch.codePointAt(0)!) ? 1 : 0.6) * size * (bold ? BOLD_FACTOR : 1);
}

/** Estimated width of a text in user units: about 0.6 × the font size per character. */
export function textWidth(text: string, size: number, bold = false): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch, size, bold);
  return width;
}

/** A text cut to a width: `text` is what to draw; `truncated` says an ellipsis replaced the end. */
export interface FittedText {
  readonly text: string;
  readonly full: string;
  readonly truncated: boolean;
}

const ELLIPSIS = '…';

/** The text, or its start and an ellipsis when it is wider than `maxWidth`. Never splits a surrogate pair. */
export function fitText(full: string, maxWidth: number, size: number, bold = false): FittedText {
  if (textWidth(full, size, bold) <= maxWidth) return { text: full, full, truncated: false };
  const budget = maxWidth - charWidth(ELLIPSIS, size, bold);
  let width = 0;
  let text = '';
  for (const ch of full) {
    const w = charWidth(ch, size, bold);
    if (width + w > budget) break;
    width += w;
    text += ch;
  }
  return { text: `${text.trimEnd()}${ELLIPSIS}`, full, truncated: true };
}

/** A coordinate for an attribute: integers as such, others to two decimals, never `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
