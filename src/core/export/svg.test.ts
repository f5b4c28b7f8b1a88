import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCatalog, roleDefinition } from '../catalog/catalog';
import { isRoleId } from '../catalog/role-ids';
import { loadPlan } from '../plan/loader';
import type { Plan } from '../plan/schema';
import { serializePlan } from '../plan/serialize';
import { PLAN_TEMPLATES } from '../templates';
import { makePlan } from '../test-support/plan-builder';
import { exportSvg, extractPlanText } from './svg';
import { GOLDEN_DATE, HOSTILE_VALUES, hostilePlan, parsedCards, templatePlan, zonedPlan, type ParsedCard } from './svg-test-fixtures';
import { oneLine } from './svg-text';
import { attr, isInside, parseXmlStrict, XmlError, type XmlDocument, type XmlElement } from './svg-xml-check';

const goldenDir = fileURLToPath(new URL('./__golden__/', import.meta.url));

/** Golden SVGs: the templates, and the zoned plan (bands, links from the LAN, truncation). */
const GOLDEN_CASES: readonly (readonly [id: string, plan: () => Plan])[] = [
  ...PLAN_TEMPLATES.map((t) => [t.id, () => templatePlan(t.id)] as const),
  ['zoned-plan', zonedPlan],
];

describe('golden files (UPDATE_GOLDEN=1 writes them)', () => {
  it.each(GOLDEN_CASES)('%s', (id, plan) => {
    const svg = exportSvg(plan(), { date: GOLDEN_DATE });
    const file = join(goldenDir, `${id}.svg`);
    if (process.env.UPDATE_GOLDEN === '1' && (!existsSync(file) || readFileSync(file, 'utf8') !== svg)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(file, svg);
    }
    expect(existsSync(file), `missing golden file ${file}: run the tests with UPDATE_GOLDEN=1 to create it`).toBe(true);
    expect(svg).toBe(readFileSync(file, 'utf8'));
  });
});

function parse(svg: string): XmlDocument {
  return parseXmlStrict(svg);
}

function elementsWith(doc: XmlDocument, name: string, attribute: string, value: string): XmlElement[] {
  return doc.elements.filter((e) => e.name === name && attr(e, attribute) === value);
}

/** Texts drawn inside an element (title children excluded), in document order. */
function drawnTexts(doc: XmlDocument, within: XmlElement): string[] {
  return doc.texts.filter((t) => t.parent.name === 'text' && isInside(t.parent, within)).map((t) => t.text);
}

function links(doc: XmlDocument): { id: string; path: string; label: string }[] {
  return elementsWith(doc, 'g', 'class', 'internet-link').map((g) => ({
    id: attr(g, 'data-node-id') ?? '',
    path: attr(doc.elements.find((e) => e.name === 'path' && e.parent === g)!, 'd') ?? '',
    label: drawnTexts(doc, g).join(''),
  }));
}

function overlap(a: ParsedCard, b: ParsedCard): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function roundTrip(svg: string): Plan {
  const text = extractPlanText(svg);
  expect(text).toBeDefined();
  const result = loadPlan(text!);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

const FAMILY = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const ALLOWED_ELEMENTS = new Set(['svg', 'title', 'desc', 'metadata', 'defs', 'marker', 'path', 'rect', 'text', 'g']);

/** What any exported SVG must satisfy, whatever the plan. */
function checkSafeAndWellFormed(svg: string): XmlDocument {
  const doc = parse(svg);
  for (const e of doc.elements) {
    expect(ALLOWED_ELEMENTS.has(e.name), `element <${e.name}>`).toBe(true);
    for (const [name, value] of e.attributes) {
      expect(name, `attribute ${name} of <${e.name}>`).not.toMatch(/^on/i);
      expect(name).not.toMatch(/href$/i);
      if (!name.startsWith('data-') && /url\(/.test(value)) expect(value).toBe('url(#carbonio-arrow)');
      if (name === 'font-size') expect(Number(value)).toBeGreaterThanOrEqual(10);
    }
  }
  expect(svg).not.toMatch(/<script|<foreignObject|<!--|<!\[CDATA\[|<!DOCTYPE|<!ENTITY/i);
  return doc;
}

describe('exportSvg: document', () => {
  const plan = templatePlan('ce-five-nodes');
  const svg = exportSvg(plan, { date: GOLDEN_DATE });
  const doc = checkSafeAndWellFormed(svg);
  const root = doc.elements[0]!;

  it('is a standalone A4 landscape SVG with a viewBox fitted to the content', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(root.name).toBe('svg');
    expect(attr(root, 'xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(attr(root, 'width')).toBe('297mm');
    expect(attr(root, 'height')).toBe('210mm');
    expect(attr(root, 'preserveAspectRatio')).toBe('xMidYMid meet');
    expect(attr(root, 'font-family')).toBe(FAMILY);
    const [x, y, w, h] = (attr(root, 'viewBox') ?? '').split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    for (const card of parsedCards(doc)) {
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width).toBeLessThanOrEqual(w!);
      expect(card.y + card.height).toBeLessThanOrEqual(h!);
    }
    // Fitted: not much larger than the content, and a typical plan keeps text readable on A4.
    expect(w).toBeLessThan(1400);
  });

  it('has a title with plan name, edition and node count, and the date', () => {
    const header = elementsWith(doc, 'g', 'id', 'header')[0]!;
    expect(drawnTexts(doc, header)).toEqual(['CE five nodes (docs example scenario)', 'Carbonio CE · 5 nodes', GOLDEN_DATE]);
    expect(doc.texts.find((t) => t.parent === doc.elements[1])?.text).toBe('CE five nodes (docs example scenario): Carbonio CE · 5 nodes');
  });

  it('is deterministic', () => {
    expect(exportSvg(structuredClone(plan), { date: GOLDEN_DATE })).toBe(svg);
    expect(exportSvg(plan, { date: '2026-02-01' })).not.toBe(svg);
  });

  it('embeds the plan file, which loads back to the same plan', () => {
    expect(extractPlanText(svg)).toBe(serializePlan(plan));
    expect(roundTrip(svg)).toEqual(plan);
  });
});

describe('exportSvg: nodes, chips, legend', () => {
  it.each(GOLDEN_CASES)('%s: a card per node with its hostname, addresses and one chip per role', (_id, makeIt) => {
    const plan = makeIt();
    const catalog = getCatalog(plan.edition);
    const doc = checkSafeAndWellFormed(exportSvg(plan, { date: GOLDEN_DATE }));
    const cards = parsedCards(doc);
    expect(cards.map((c) => c.id)).toEqual(plan.nodes.map((n) => n.id));
    plan.nodes.forEach((node, i) => {
      const group = cards[i]!.group;
      const texts = doc.texts.filter((t) => isInside(t.parent, group)).map((t) => t.text);
      expect(texts).toContain(node.hostname);
      if (node.privateIp) expect(texts.some((t) => t.includes(node.privateIp!))).toBe(true);
      if (node.publicIp) expect(texts.some((t) => t.includes(`public ${node.publicIp}`))).toBe(true);
      const chips = doc.elements.filter((e) => e.name === 'g' && attr(e, 'class') === 'role' && isInside(e, group));
      expect(chips).toHaveLength(node.roles.length);
      chips.forEach((chip, k) => {
        const role = catalog.get(node.roles[k]!);
        const id = node.roles[k]!;
        expect(attr(chip, 'data-kind')).toBe(role?.kind ?? (isRoleId(id) ? roleDefinition(id).kind : 'unknown'));
        if (role) expect(drawnTexts(doc, chip)).toEqual([role.shortName]);
        const rect = doc.elements.find((e) => e.name === 'rect' && e.parent === chip)!;
        expect(Number(attr(rect, 'x')) + Number(attr(rect, 'width'))).toBeLessThanOrEqual(cards[i]!.width - 14);
      });
    });
    for (let a = 0; a < cards.length; a++) {
      for (let b = a + 1; b < cards.length; b++) expect(overlap(cards[a]!, cards[b]!), `${cards[a]!.id} overlaps ${cards[b]!.id}`).toBe(false);
    }
  });

  it('colours chips by kind: fill and stroke from the kind, the role name as a tooltip', () => {
    const doc = parse(exportSvg(templatePlan('ce-five-nodes-2024'), { date: GOLDEN_DATE }));
    const chip = (kind: string) => elementsWith(doc, 'g', 'data-kind', kind)[0]!;
    const rectOf = (g: XmlElement) => doc.elements.find((e) => e.name === 'rect' && e.parent === g)!;
    expect(attr(rectOf(chip('core')), 'fill')).toBe('#fff0e6');
    expect(attr(rectOf(chip('core')), 'stroke')).toBe('#d9480f');
    expect(attr(rectOf(chip('collaboration')), 'stroke')).toBe('#1864ab');
    expect(attr(rectOf(chip('legacy')), 'stroke')).toBe('#5b6475');
    expect(doc.texts.find((t) => t.parent.name === 'title' && t.parent.parent === chip('legacy'))?.text).toMatch(/Database Connector/);
  });

  it('has a legend of the kinds used, and of the Internet link', () => {
    const legendOf = (plan: Plan) => {
      const doc = parse(exportSvg(plan, { date: GOLDEN_DATE }));
      const legend = elementsWith(doc, 'g', 'id', 'legend')[0];
      return legend ? drawnTexts(doc, legend) : [];
    };
    expect(legendOf(templatePlan('ce-five-nodes'))).toEqual(['Role kinds', 'Core', 'User interface', 'Collaboration', 'Additional', 'Internet traffic (main ports)']);
    expect(legendOf(templatePlan('ce-five-nodes-2024'))).toContain('Legacy');
    expect(legendOf(zonedPlan())).toEqual([
      'Role kinds',
      'Core',
      'Infrastructure',
      'User interface',
      'Collaboration',
      'Additional',
      'Unknown role',
      'Internet traffic (main ports)',
    ]);
    expect(legendOf(makePlan([['a.example.com', ['mailstore']]]))).toEqual(['Role kinds', 'Core']);
    expect(legendOf(makePlan([]))).toEqual([]);
  });

  it('truncates a long hostname with an ellipsis and keeps the full value in a <title>', () => {
    const plan = zonedPlan();
    const long = plan.nodes.find((n) => n.id === 'long')!;
    const doc = parse(exportSvg(plan, { date: GOLDEN_DATE }));
    const card = parsedCards(doc).find((c) => c.id === 'long')!;
    const hostText = doc.elements.find((e) => e.name === 'text' && e.parent === card.group && attr(e, 'font-weight') === 'bold')!;
    const [title, shown] = doc.texts.filter((t) => t.parent === hostText || t.parent.parent === hostText);
    expect(title!.parent.name).toBe('title');
    expect(title!.text).toBe(long.hostname);
    expect(shown!.text).toMatch(/^a-very-long-hostname.*…$/);
    // 0.6 em per character (bold a tenth wider) keeps it inside the card.
    expect(shown!.text.length * 15 * 0.66).toBeLessThanOrEqual(card.width - 28);
  });

  it('says so when the plan has no node, and still round-trips', () => {
    const plan = makePlan([]);
    const svg = exportSvg(plan, { date: GOLDEN_DATE });
    const doc = checkSafeAndWellFormed(svg);
    expect(doc.texts.map((t) => t.text)).toContain('This plan has no nodes yet.');
    expect(roundTrip(svg)).toEqual(plan);
  });
});

describe('exportSvg: layout', () => {
  it('uses the canvas positions when every node has one', () => {
    const plan = makePlan([
      ['right.example.com', ['mailstore'], { id: 'right', position: { x: 700, y: 0 } }],
      ['left.example.com', ['mailstore'], { id: 'left', position: { x: 0, y: 10 } }],
      ['below.example.com', ['mailstore'], { id: 'below', position: { x: 20, y: 400 } }],
    ]);
    const cards = parsedCards(parse(exportSvg(plan, { date: GOLDEN_DATE })));
    const at = (id: string) => cards.find((c) => c.id === id)!;
    expect(at('left').x).toBeLessThan(at('right').x);
    expect(at('left').y).toBe(at('right').y);
    expect(at('below').x).toBe(at('left').x);
    expect(at('below').y).toBeGreaterThanOrEqual(at('left').y + at('left').height);
  });

  it('re-flows overlapping positions so no two cards overlap', () => {
    const plan = makePlan(Array.from({ length: 9 }, (_, i) => [`n${i}.example.com`, ['mailstore', 'files', 'docs'], { position: { x: (i % 2) * 30, y: i * 7 } }] as const));
    const cards = parsedCards(parse(exportSvg(plan, { date: GOLDEN_DATE })));
    for (const a of cards) for (const b of cards) if (a !== b) expect(overlap(a, b)).toBe(false);
    // A pile of cards becomes a balanced grid, not a column of nine.
    expect(new Set(cards.map((c) => c.x)).size).toBeGreaterThan(1);
  });

  it('arranges the nodes when some have no position', () => {
    const plan = makePlan([
      ['a.example.com', ['monitoring'], { position: { x: 5000, y: 5000 } }],
      ['b.example.com', ['files-ui']],
    ]);
    const cards = parsedCards(parse(exportSvg(plan, { date: GOLDEN_DATE })));
    // arrangeNodes puts UI-carrying nodes first, additional roles last.
    expect(cards[1]!.x).toBeLessThan(cards[0]!.x);
  });
});

describe('exportSvg: zones and the Internet', () => {
  it('draws no band when no node has a zone', () => {
    for (const t of PLAN_TEMPLATES) {
      const doc = parse(exportSvg(templatePlan(t.id), { date: GOLDEN_DATE }));
      expect(elementsWith(doc, 'g', 'class', 'zone')).toEqual([]);
    }
  });

  it('draws DMZ and LAN bands, each node inside its band (no zone counts as LAN)', () => {
    const plan = zonedPlan();
    const doc = parse(exportSvg(plan, { date: GOLDEN_DATE }));
    const bands = elementsWith(doc, 'g', 'class', 'zone');
    expect(bands.map((b) => attr(b, 'data-zone'))).toEqual(['dmz', 'lan']);
    expect(drawnTexts(doc, bands[0]!)).toEqual(['DMZ · public-facing zone']);
    expect(drawnTexts(doc, bands[1]!)).toEqual(['LAN · private network']);
    const box = (band: XmlElement) => {
      const rect = doc.elements.find((e) => e.name === 'rect' && e.parent === band)!;
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(attr(rect, a)));
      return { x: x!, y: y!, w: w!, h: h! };
    };
    for (const card of parsedCards(doc)) {
      const node = plan.nodes.find((n) => n.id === card.id)!;
      const band = box(bands[node.zone === 'dmz' ? 0 : 1]!);
      expect(card.x).toBeGreaterThan(band.x);
      expect(card.x + card.width).toBeLessThan(band.x + band.w);
      expect(card.y).toBeGreaterThan(band.y);
      expect(card.y + card.height).toBeLessThan(band.y + band.h);
    }
  });

  it('shows an empty band when every node is in the other zone', () => {
    const doc = parse(exportSvg(makePlan([['a.example.com', ['mailstore'], { zone: 'lan' }]]), { date: GOLDEN_DATE }));
    const dmz = elementsWith(doc, 'g', 'data-zone', 'dmz')[0]!;
    expect(drawnTexts(doc, dmz)).toEqual(['DMZ · public-facing zone', 'No node in this zone']);
  });

  it('links the Internet to srv2 (proxy, MTA) and srv5 (video) of the CE five-node plan, with their ports', () => {
    const doc = parse(exportSvg(templatePlan('ce-five-nodes'), { date: GOLDEN_DATE }));
    expect(links(doc).map(({ id, label }) => [id, label])).toEqual([
      ['srv2', '443, 993, 995 · 25, 587'],
      ['srv5', 'UDP 20000-40000'],
    ]);
    expect(drawnTexts(doc, elementsWith(doc, 'g', 'id', 'internet')[0]!)).toEqual(['Internet']);
    for (const path of doc.elements.filter((e) => e.name === 'path' && e.parent && attr(e.parent, 'class') === 'internet-link')) {
      expect(attr(path, 'marker-end')).toBe('url(#carbonio-arrow)');
    }
  });

  it.each(GOLDEN_CASES)('%s: links exactly the public-facing nodes, each arrow ending on its card', (_id, makeIt) => {
    const plan = makeIt();
    const doc = parse(exportSvg(plan, { date: GOLDEN_DATE }));
    const publicFacing = plan.nodes.filter(
      (n) => ['proxy', 'mta', 'video-server'].some((r) => n.roles.includes(r)) && ((n.publicIp ?? '').trim() !== '' || n.zone === 'dmz'),
    );
    const drawn = links(doc);
    expect(drawn.map((l) => l.id)).toEqual(publicFacing.map((n) => n.id));
    const cards = parsedCards(doc);
    for (const link of drawn) {
      const card = cards.find((c) => c.id === link.id)!;
      const end = /H(-?[\d.]+)V(-?[\d.]+)$/.exec(link.path)!;
      expect(Number(end[1])).toBeGreaterThan(card.x);
      expect(Number(end[1])).toBeLessThan(card.x + card.width);
      expect(Number(end[2])).toBe(card.y - 1);
      // The horizontal run sits in the gap above the card's row: it crosses no card.
      const busY = Number(/V(-?[\d.]+)H/.exec(link.path)![1]);
      for (const other of cards) expect(busY > other.y && busY < other.y + other.height).toBe(false);
    }
    if (publicFacing.length === 0) expect(elementsWith(doc, 'g', 'id', 'internet')).toEqual([]);
  });

  it('zoned plan: the DMZ proxy without public IP and the LAN video node with one are linked; the LAN MTA is not', () => {
    const doc = parse(exportSvg(zonedPlan(), { date: GOLDEN_DATE }));
    expect(links(doc).map(({ id, label }) => [id, label])).toEqual([
      ['proxy1', '443, 993, 995'],
      ['mx', '25, 587'],
      ['video', 'UDP 20000-40000'],
    ]);
    expect(drawnTexts(doc, elementsWith(doc, 'g', 'id', 'internet')[0]!)).toEqual(['Internet', 'mail.example.com']);
  });
});

describe('exportSvg: hostile values', () => {
  it.each(HOSTILE_VALUES.map((v) => [v.length > 60 ? `${v.slice(0, 20)}… (${v.length} chars)` : JSON.stringify(v), v]))(
    '%s everywhere: escaped, well-formed, round-trips',
    (_label, value) => {
      const plan = hostilePlan(value);
      const svg = exportSvg(plan, { date: value });
      const doc = checkSafeAndWellFormed(svg);
      if (/[<>"']/.test(value)) expect(svg).not.toContain(value);
      expect(svg).not.toContain('"onload=');
      expect(svg).not.toContain(']]>');
      expect(svg).not.toContain('-->');
      // The value is still readable: whole in a text or a <title>.
      expect(doc.texts.map((t) => t.text)).toContain(oneLine(value));
      expect(roundTrip(svg)).toEqual(plan);
    },
  );

  it('drops characters XML 1.0 forbids from the drawing, and keeps them in the embedded plan', () => {
    const name = 'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\uD800i\uDFFFj 😀 \u007F\u0085 é';
    const plan = makePlan([[name, ['proxy', name], { privateIp: name, os: name }]], 'ce', name);
    const svg = exportSvg(plan, { date: name });
    const doc = checkSafeAndWellFormed(svg);
    expect(doc.texts.map((t) => t.text)).toContain('abcdefghij 😀 \u007F\u0085 é');
    expect(roundTrip(svg)).toEqual(plan);
    expect(extractPlanText(svg)).not.toMatch(/[\uFFFE\uFFFF]/);
  });
});

describe('extractPlanText', () => {
  const plan = templatePlan('ce-three-nodes');
  const json = serializePlan(plan);

  it('is undefined for an SVG without the plan', () => {
    expect(extractPlanText('<svg xmlns="http://www.w3.org/2000/svg"><metadata id="other">{}</metadata></svg>')).toBeUndefined();
    expect(extractPlanText('<svg xmlns="http://www.w3.org/2000/svg"><metadata id="carbonio-plan"/><metadata>{}</metadata></svg>')).toBeUndefined();
    expect(extractPlanText('not even XML')).toBeUndefined();
  });

  it('reads the element as an editor may rewrite it: other attributes, single quotes, references, CDATA', () => {
    const escaped = json.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&#34;').replace(/e/g, '&#x65;');
    expect(extractPlanText(`<svg><metadata\n  class="x" id='carbonio-plan' data-v="1">${escaped}</metadata ></svg>`)).toBe(json);
    expect(extractPlanText(`<svg><metadata id="carbonio-plan"><![CDATA[${json}]]></metadata></svg>`)).toBe(json);
    expect(extractPlanText(`<svg><metadata id="carbonio-plan">&lt;<![CDATA[&amp;]]>&gt;&unknown;&#xFFFFFFF;</metadata></svg>`)).toBe('<&amp;>&unknown;&#xFFFFFFF;');
  });
});

describe('the well-formedness checker', () => {
  it.each([
    ['<a><b></a></b>', /closes/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a x="<"/>', /not allowed/],
    ['<a>&nbsp;</a>', /undefined entity/],
    ['<a>& </a>', /reference/],
    ['<a>]]></a>', /]]>/],
    ['<a><!-- a -- b --></a>', /--/],
    ['<a/><b/>', /second root/],
    ['<a>\u0001</a>', /not allowed/],
    ['<a>&#0;</a>', /does not allow/],
    ['<a x=1/>', /quoted/],
    ['<a', /name|expected/],
    ['<a>', /never closed/],
    ['text', /root/],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXmlStrict(xml)).toThrow(XmlError);
    expect(() => parseXmlStrict(xml)).toThrow(message);
  });

  it('accepts what XML allows', () => {
    const doc = parseXmlStrict(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><a b='&quot;"'><![CDATA[<&]]>&#x1F600;&lt;<c/></a>\n`);
    expect(doc.elements.map((e) => e.name)).toEqual(['a', 'c']);
    expect(attr(doc.elements[0]!, 'b')).toBe('""');
    expect(doc.texts.map((t) => t.text)).toEqual(['<&', '😀<']);
  });

  it('normalises attribute values and line ends as a parser does', () => {
    const doc = parseXmlStrict('<a b="x\ny\tz&#10;"\r\n c="1">p\r\nq\rr</a>');
    expect(attr(doc.elements[0]!, 'b')).toBe('x y z\n');
    expect(doc.texts[0]!.text).toBe('p\nq\nr');
  });
});
