/**
 * A small strict XML 1.0 well-formedness checker for the SVG export's tests (no xmllint on every
 * machine, no DOMParser in Node). It accepts an XML declaration, comments, elements, attributes,
 * text, CDATA and the predefined and numeric character references; it refuses anything else, and
 * reports where. Names are limited to ASCII, which is all the exporter writes.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: readonly (readonly [name: string, value: string])[];
  readonly parent: XmlElement | undefined;
}

export interface XmlText {
  readonly parent: XmlElement;
  /** The text with references resolved. */
  readonly text: string;
}

export interface XmlDocument {
  readonly elements: readonly XmlElement[];
  readonly texts: readonly XmlText[];
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = /[A-Za-z_:][A-Za-z0-9._:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_:][A-Za-z0-9._:-]*));/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlCodePoint(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** The value of an attribute, or `undefined`. */
export function attr(element: XmlElement, name: string): string | undefined {
  return element.attributes.find(([n]) => n === name)?.[1];
}

/** True when `ancestor` encloses `element`. */
export function isInside(element: XmlElement, ancestor: XmlElement): boolean {
  for (let p = element.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Parses `xml`, throwing an {@link XmlError} at the first thing that is not well-formed XML 1.0. */
export function parseXmlStrict(xml: string): XmlDocument {
  const illegal = NOT_XML_CHAR.exec(xml);
  if (illegal) throw new XmlError(`character U+${illegal[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed`, illegal.index);
  let pos = 0;
  const elements: XmlElement[] = [];
  const texts: XmlText[] = [];
  const stack: XmlElement[] = [];
  let rootSeen = false;

  const fail = (message: string, at = pos): never => {
    throw new XmlError(message, at);
  };
  const skipSpace = (): boolean => {
    SPACE.lastIndex = pos;
    SPACE.exec(xml);
    const moved = SPACE.lastIndex > pos;
    pos = SPACE.lastIndex;
    return moved;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(xml);
    if (!m) return fail('expected a name');
    pos = NAME.lastIndex;
    return m[0];
  };
  /**
   * Resolves references in text or an attribute value; `<` is refused. Line ends become `\n`, and
   * in an attribute value literal tabs and line ends become spaces, as a parser normalises them.
   */
  const decode = (source: string, at: number, attribute: boolean): string => {
    let raw = source.replace(/\r\n?/g, '\n');
    if (attribute) raw = raw.replace(/[\t\n]/g, ' ');
    let out = '';
    for (let i = 0; i < raw.length; ) {
      const c = raw[i]!;
      if (c === '<') fail('"<" not allowed here', at + i);
      if (c !== '&') {
        out += c;
        i++;
        continue;
      }
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(raw);
      if (!m) return fail('"&" that does not start a reference', at + i);
      if (m[3] !== undefined) {
        const value = PREDEFINED[m[3]];
        if (value === undefined) fail(`undefined entity &${m[3]};`, at + i);
        out += value;
      } else {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
        if (!isXmlCodePoint(code)) fail('character reference to a character XML does not allow', at + i);
        out += String.fromCodePoint(code);
      }
      i = REFERENCE.lastIndex;
    }
    return out;
  };
  const comment = () => {
    const end = xml.indexOf('-->', pos + 4);
    if (end < 0) fail('unterminated comment');
    const body = xml.slice(pos + 4, end);
    if (body.includes('--') || body.endsWith('-')) fail('"--" inside a comment');
    pos = end + 3;
  };
  const startTag = () => {
    pos++;
    const tag = name();
    const attributes: [string, string][] = [];
    for (;;) {
      const spaced = skipSpace();
      if (xml.startsWith('/>', pos) || xml[pos] === '>') break;
      if (!spaced) fail('expected white space before an attribute');
      const attr = name();
      if (attributes.some(([n]) => n === attr)) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (xml[pos] !== '=') fail('expected "="');
      pos++;
      skipSpace();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted attribute value');
      const end = xml.indexOf(quote, pos + 1);
      if (end < 0) fail('unterminated attribute value');
      attributes.push([attr, decode(xml.slice(pos + 1, end), pos + 1, true)]);
      pos = end + 1;
    }
    if (stack.length === 0) {
      if (rootSeen) fail('a second root element');
      rootSeen = true;
    }
    const element: XmlElement = { name: tag, attributes, parent: stack[stack.length - 1] };
    elements.push(element);
    if (xml.startsWith('/>', pos)) {
      pos += 2;
    } else {
      pos++;
      stack.push(element);
    }
  };
  const endTag = () => {
    pos += 2;
    const tag = name();
    skipSpace();
    if (xml[pos] !== '>') fail('expected ">"');
    const open = stack.pop();
    if (open?.name !== tag) fail(`</${tag}> closes <${open?.name ?? 'nothing'}>`);
    pos++;
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0 || !/^<\?xml\s+version\s*=\s*(["'])1\.0\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?\s*\?>$/.test(xml.slice(0, end + 2))) {
      fail('malformed XML declaration', 0);
    }
    pos = end + 2;
  }
  while (pos < xml.length) {
    if (stack.length === 0) {
      if (skipSpace()) continue;
      if (xml.startsWith('<!--', pos)) comment();
      else if (xml[pos] === '<' && /[A-Za-z_:]/.test(xml[pos + 1] ?? '')) startTag();
      else fail(rootSeen ? 'content after the root element' : 'expected the root element');
      continue;
    }
    if (xml.startsWith('<!--', pos)) comment();
    else if (xml.startsWith('<![CDATA[', pos)) {
      const end = xml.indexOf(']]>', pos);
      if (end < 0) fail('unterminated CDATA section');
      texts.push({ parent: stack[stack.length - 1]!, text: xml.slice(pos + 9, end) });
      pos = end + 3;
    } else if (xml.startsWith('</', pos)) endTag();
    else if (xml[pos] === '<') {
      if (!/[A-Za-z_:]/.test(xml[pos + 1] ?? '')) fail('"<" that starts no tag');
      startTag();
    } else {
      const end = xml.indexOf('<', pos);
      const raw = xml.slice(pos, end < 0 ? xml.length : end);
      if (raw.includes(']]>')) fail('"]]>" in text', pos + raw.indexOf(']]>'));
      texts.push({ parent: stack[stack.length - 1]!, text: decode(raw, pos, false) });
      pos += raw.length;
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  if (!rootSeen) fail('no root element');
  return { elements, texts };
}
