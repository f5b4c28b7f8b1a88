import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../plan/loader';
import { serializePlan } from '../plan/serialize';
import { planArbitrary, text } from '../test-support/plan-arbitrary';
import { exportSvg, extractPlanText } from './svg';
import { parsedCards } from './svg-test-fixtures';
import { escapeXml, fitText, stripIllegalXml, textWidth, unescapeXml } from './svg-text';
import { parseXmlStrict } from './svg-xml-check';

// Whatever the plan, the SVG is well-formed XML, safe, and carries the plan losslessly.

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
