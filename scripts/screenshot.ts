// `npm run screenshot`: builds the app and writes docs/screenshot.png, the CE five-node template
// as the README shows it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchChromium, serve } from './browser';

const root = new URL('..', import.meta.url).pathname;
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const { server, url } = await serve(join(root, 'dist'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(`${url}/`);
  await page.getByRole('list', { name: 'Templates' }).getByRole('button', { name: 'CE five nodes', exact: true }).click();
  await page.locator('.card').nth(4).waitFor();
  await page.getByRole('group', { name: 'srv2.example.com', exact: true }).click({ position: { x: 60, y: 12 } });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(root, 'docs/screenshot.png') });
} finally {
  await browser.close();
  server.close();
}
