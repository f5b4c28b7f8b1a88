// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/schema';
import { serializePlan } from '../plan/serialize';
import { PLAN_TEMPLATES } from '../templates';
import { makePlan } from '../test-support/plan-builder';
import { exportSvg } from './svg';
import { GOLDEN_DATE, HOSTILE_VALUES, hostilePlan, templatePlan, zonedPlan } from './svg-test-fixtures';

// A second opinion from a real XML parser (jsdom's, which is strict): the exported SVG parses,
// and the metadata text it reads is exactly the plan file.

function parseSvg(svg: string): XMLDocument {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

const PLANS: readonly (readonly [string, Plan])[] = [
  ...PLAN_TEMPLATES.map((t) => [t.id, templatePlan(t.id)] as const),
  ['zoned', zonedPlan()],
  ['empty', makePlan([])],
  ...HOSTILE_VALUES.map((v, i) => [`hostile ${i}`, hostilePlan(v)] as const),
];

describe('exported SVG read by an XML parser', () => {
  it.each(PLANS)('%s', (_id, plan) => {
    const doc = parseSvg(exportSvg(plan, { date: GOLDEN_DATE }));
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(doc.getElementById('carbonio-plan')?.textContent).toBe(serializePlan(plan));
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    for (const e of Array.from(doc.getElementsByTagName('*'))) {
      for (const a of Array.from(e.attributes)) expect(a.name).not.toMatch(/^on/i);
    }
    for (const node of plan.nodes) {
      const card = Array.from(doc.querySelectorAll('g.node')).find((g) => g.getAttribute('data-node-id') === node.id);
      expect(card, `card of ${node.id}`).toBeDefined();
    }
  });

  it('escapes characters XML forbids as JSON escapes in the metadata', () => {
    const plan = makePlan([['a\u0001\uFFFE\uD800b', ['proxy']]], 'ce', '\uFFFF');
    const text = parseSvg(exportSvg(plan, { date: GOLDEN_DATE })).getElementById('carbonio-plan')!.textContent!;
    expect(JSON.parse(text)).toEqual(JSON.parse(serializePlan(plan)));
    expect(text).toContain('"name": "\\uffff"');
  });
});
