import { exportSvg } from '../export/svg';
import { templatePlan } from '../test-support/plan-builder';
import { loadPlanDocument } from './load-document';
import { serializePlan } from './serialize';

describe('loadPlanDocument', () => {
  const plan = templatePlan('carbonio-five-nodes');

  it('loads plan JSON', () => {
    expect(loadPlanDocument(serializePlan(plan))).toEqual({ ok: true, plan });
  });

  it('loads the plan embedded in an exported SVG', () => {
    expect(loadPlanDocument(exportSvg(plan, { date: '2026-01-15' }))).toEqual({ ok: true, plan });
  });

  it('says so when an SVG carries no plan', () => {
    const result = loadPlanDocument('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toContain('no embedded Carbonio plan');
  });
});

describe('looksLikePlanText', () => {
  it('recognises plan JSON and SVG, and nothing else', async () => {
    const { looksLikePlanText } = await import('./load-document');
    expect(looksLikePlanText('{ "format": "carbonio-plan", "version": 1 }')).toBe(true);
    expect(looksLikePlanText('  <svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(true);
    expect(looksLikePlanText('srv1.example.com')).toBe(false);
    expect(looksLikePlanText('{"format":"other"}')).toBe(false);
  });
});
