import { cpus } from 'node:os';
import { getCatalog } from '../src/core/catalog/catalog';
import { loadPlan } from '../src/core/plan/loader';
import { validate } from '../src/core/validation/validate';
import { brokenPlan, syntheticPlan } from './synthetic-plan';

/** Median wall time in ms of `fn`, over enough runs to fill about `budgetMs` (at least 15). */
function medianMs(fn: () => unknown, budgetMs = 1500): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 15 || (performance.now() - start < budgetMs && samples.length < 2000)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const catalog = getCatalog('carbonio');
const rows: string[][] = [];
const series = [
  { name: 'valid', make: syntheticPlan },
  { name: 'broken', make: brokenPlan },
];
for (const { name, make } of series)
for (const size of [10, 100, 1000, 5000]) {
  const plan = make(size);
  const text = JSON.stringify(plan);
  const diagnostics = validate(plan, catalog);
  const parse = medianMs(() => JSON.parse(text));
  const check = medianMs(() => validate(plan, catalog));
  const load = medianMs(() => loadPlan(text));
  rows.push([
    name,
    String(size),
    `${(text.length / 1024).toFixed(1)} kB`,
    String(diagnostics.length),
    parse.toFixed(3),
    check.toFixed(3),
    (check / parse).toFixed(2),
    load.toFixed(3),
  ]);
}
const header = ['plan', 'nodes', 'plan JSON', 'diagnostics', 'JSON.parse ms', 'validate ms', 'validate / parse', 'loadPlan ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(`validate() vs JSON.parse of the same plan text — medians; Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
