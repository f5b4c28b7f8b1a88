import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EDITIONS, ROLE_IDS } from '../catalog/role-ids';
import { loadPlan } from '../plan/loader';
import { CURRENT_PLAN_VERSION, PLAN_FORMAT, type Plan, type PlanNode } from '../plan/schema';
import { serializePlan } from '../plan/serialize';
import { exportSvg, extractPlanText } from './svg';
import { parsedCards } from './svg-test-fixtures';
import { escapeXml, fitText, stripIllegalXml, textWidth, unescapeXml } from './svg-text';
import { parseXmlStrict } from './svg-xml-check';

// Whatever the plan, the SVG is well-formed XML, safe, and carries the plan losslessly.

const oneChar = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

/** Characters of every sort: any code point, XML specials, C0 controls, lone surrogates, U+FFFE/U+FFFF. */
const char = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '-->', '&amp;', '&#x26;', '\n', '\t', ' ', '😀', 'é', '\u2028', '\uFFFE', '\uFFFF'), weight: 3 },
  { arbitrary: oneChar(0, 0x1f), weight: 1 },
  { arbitrary: oneChar(0xd800, 0xdfff), weight: 1 },
  { arbitrary: fc.constantFrom('srv1.example.com', '203.0.113.7', 'x'.repeat(300)), weight: 1 },
);
const text = fc.string({ unit: char, maxLength: 24 });

const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true });
const amount = fc.double({ min: 0, max: 1e6, noNaN: true });

function nodeArbitrary(withPosition: 'always' | 'maybe'): fc.Arbitrary<PlanNode> {
  const optional = {
    privateIp: text,
    publicIp: fc.oneof(text, fc.constant('198.51.100.1')),
    zone: fc.constantFrom('lan', 'dmz'),
    os: fc.oneof(fc.constantFrom('ubuntu-24.04', 'rhel-9'), text),
    resources: fc.record({ vcpu: amount, ramGb: amount, diskGb: amount }, { requiredKeys: [] }),
  } as const;
  const required = {
    id: fc.string({ unit: char, minLength: 1, maxLength: 12 }),
    hostname: text,
    roles: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...ROLE_IDS), weight: 4 }, { arbitrary: text, weight: 1 }), { maxLength: 9 }),
  };
  const position = fc.record({ x: coordinate, y: coordinate });
  return withPosition === 'always'
    ? fc.record({ ...required, ...optional, position }, { requiredKeys: ['id', 'hostname', 'roles', 'position'] })
    : fc.record({ ...required, ...optional, position }, { requiredKeys: ['id', 'hostname', 'roles'] });
}

const planArbitrary: fc.Arbitrary<Plan> = fc
  .record(
    {
      name: text,
      edition: fc.constantFrom(...EDITIONS),
      webmailHostname: text,
      nodes: fc.oneof(fc.array(nodeArbitrary('maybe'), { maxLength: 8 }), fc.array(nodeArbitrary('always'), { maxLength: 8 })),
    },
    { requiredKeys: ['name', 'edition', 'nodes'] },
  )
  .map((p) => ({ format: PLAN_FORMAT, version: CURRENT_PLAN_VERSION, ...p }));

describe('exportSvg on random plans', () => {
  it('never throws, writes well-formed XML without script, lays cards apart, and embeds the plan losslessly', () => {
    fc.assert(
      fc.property(planArbitrary, text, (plan, date) => {
        const svg = exportSvg(plan, { date });
        const doc = parseXmlStrict(svg);
        expect(svg).not.toMatch(/<script|<foreignObject/i);
        for (const e of doc.elements) for (const [name] of e.attributes) expect(name).not.toMatch(/^on/i);

        const expected = loadPlan(serializePlan(plan));
        expect(expected.ok).toBe(true);
        const embedded = extractPlanText(svg);
        expect(embedded).toBeDefined();
        expect(loadPlan(embedded!)).toEqual(expected);

        const cards = parsedCards(doc);
        expect(cards.map((c) => c.id)).toEqual(plan.nodes.map((n) => stripIllegalXml(n.id)));
        for (let a = 0; a < cards.length; a++) {
          for (let b = a + 1; b < cards.length; b++) {
            const [p, q] = [cards[a]!, cards[b]!];
            const apart = p.x + p.width <= q.x || q.x + q.width <= p.x || p.y + p.height <= q.y || q.y + q.height <= p.y;
            expect(apart).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('text helpers', () => {
  it('unescapeXml undoes escapeXml, less the characters XML forbids', () => {
    fc.assert(
      fc.property(text, (s) => {
        const escaped = escapeXml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(unescapeXml(escaped)).toBe(stripIllegalXml(s));
      }),
      { numRuns: 300 },
    );
  });

  it('fitText stays within the width and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 20, max: 400 }), fc.boolean(), (s, width, bold) => {
        const fitted = fitText(s, width, 12, bold);
        if (!fitted.truncated) {
          expect(fitted.text).toBe(s);
          return;
        }
        expect(textWidth(fitted.text, 12, bold)).toBeLessThanOrEqual(width + 1e-9);
        expect(fitted.text.endsWith('…')).toBe(true);
        expect(s.startsWith(fitted.text.slice(0, -1))).toBe(true);
        expect(fitted.text).not.toMatch(/[\uD800-\uDFFF]/u);
      }),
      { numRuns: 300 },
    );
  });
});
