// `npm run bench:ui`: the designer in headless Chromium on a 200-node plan, against a bare
// React Flow page with the same nodes. Prints a table; figures go to BENCHMARKS.md by hand.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, serve } from './browser';
import { syntheticPlan } from './synthetic-plan';

const NODES = 200;
const DROPS = 20;
const root = new URL('..', import.meta.url).pathname;

function build(env: Record<string, string>): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
}

/** Initial JS: the entry script and its modulepreloads, gzip-compressed. */
function initialJsGzip(dist: string): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const bytes = readFileSync(join(dist, src.replace(/^\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: srcs.length, raw, gzip };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Drops files-ui on a non-proxy card DROPS times (undoing in between); times drop → DOM and → next frame. */
async function dropLatency(page: Page): Promise<{ dom: number[]; frame: number[] }> {
  return page.evaluate(async (drops) => {
    const dom: number[] = [];
    const frame: number[] = [];
    const summary = () => document.querySelector('.problems-summary')?.textContent ?? '';
    const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    for (let i = 0; i < drops; i++) {
      const card = document.querySelector<HTMLElement>('.card[data-node-id="n6"]')!;
      const before = summary();
      const dt = new DataTransfer();
      dt.setData('application/x-carbonio-role+files-ui', 'files-ui');
      const rect = card.getBoundingClientRect();
      const at = { bubbles: true, cancelable: true, dataTransfer: dt, clientX: rect.x + 20, clientY: rect.y + 20 };
      await nextFrame();
      const t0 = performance.now();
      card.dispatchEvent(new DragEvent('dragenter', at));
      card.dispatchEvent(new DragEvent('dragover', at));
      card.dispatchEvent(new DragEvent('drop', at));
      // React renders a discrete event synchronously; poll briefly in case it did not.
      while (summary() === before && performance.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 0));
      const t1 = performance.now();
      const t2 = await nextFrame();
      if (!card.querySelector('.badge-error')) throw new Error('the drop did not show an error badge');
      dom.push(t1 - t0);
      frame.push(t2 - t0);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
      while (summary() !== before && performance.now() - t0 < 4000) await new Promise((r) => setTimeout(r, 0));
    }
    return { dom, frame };
  }, DROPS);
}

/** Drags the card at `selector` across the canvas while recording rAF frame intervals. */
async function dragFrames(page: Page, selector: string): Promise<number[]> {
  const box = (await page.locator(selector).first().boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => {
      last = t;
      requestAnimationFrame(tick);
    });
  });
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) await page.mouse.move(start.x + i * 4, start.y + Math.sin(i / 10) * 60);
  await page.mouse.up();
  const after = (await page.locator(selector).first().boundingBox())!;
  if (Math.abs(after.x - box.x) < 100) throw new Error(`the drag did not move ${selector}`);
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(2);
  });
}

async function main(): Promise<void> {
  build({});
  const initial = initialJsGzip(join(root, 'dist'));
  build({ BENCH_PAGES: '1' });
  const { server, url } = await serve(join(root, 'dist-bench'));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // tsx names arrow functions through a __name helper that the page does not have.
    await context.addInitScript({ content: 'window.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.getByTestId('import-file').setInputFiles({
      name: 'bench-200.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(syntheticPlan(NODES))),
    });
    await page.locator('.card').nth(NODES - 1).waitFor();
    const drops = await dropLatency(page);
    const appFrames = await dragFrames(page, '.react-flow__node[data-id="n1"] .card-header');

    const bare = await context.newPage();
    await bare.goto(`${url}/bench/bare-flow.html?nodes=${NODES}`);
    await bare.locator('.react-flow__node').nth(NODES - 1).waitFor();
    const bareFrames = await dragFrames(bare, '.react-flow__node[data-id="n1"]');

    const median = (v: number[]) => percentile(v, 50);
    const p95App = percentile(appFrames, 95);
    const p95Bare = percentile(bareFrames, 95);
    console.log(`bench:ui — ${NODES}-node plan, headless Chromium (${browser.version()}), ${cpus()[0]?.model ?? 'CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}`);
    console.log('| measure | designer | bare React Flow | goal |');
    console.log('|---|---|---|---|');
    console.log(`| role drop → diagnostics in DOM, median of ${DROPS} | ${median(drops.dom).toFixed(1)} ms | — | — |`);
    console.log(`| role drop → next frame on screen, median of ${DROPS} | ${median(drops.frame).toFixed(1)} ms | — | ≤ 50 ms |`);
    console.log(`| node drag frame time, median (${appFrames.length} / ${bareFrames.length} frames) | ${median(appFrames).toFixed(1)} ms | ${median(bareFrames).toFixed(1)} ms | — |`);
    console.log(`| node drag frame time, p95 | ${p95App.toFixed(1)} ms | ${p95Bare.toFixed(1)} ms | ratio ${(p95App / p95Bare).toFixed(2)} ≤ 1.2 |`);
    console.log(`| initial JS (${initial.files} files), gzip | ${(initial.gzip / 1024).toFixed(1)} kB (raw ${(initial.raw / 1024).toFixed(0)} kB) | — | ≤ 250 kB |`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
