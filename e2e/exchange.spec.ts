import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { card, chip, openTemplate, toolbar } from './helpers';

async function exportAs(page: Page, item: string): Promise<string> {
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

async function planInStorage(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const last = localStorage.getItem('carbonio-designer:last-opened');
    return last ? JSON.parse(localStorage.getItem(`carbonio-designer:plan:${last}`) ?? 'null') : null;
  });
}

async function importFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('JSON export then import gives the same plan', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  const json = await exportAs(page, 'Plan (JSON)');
  expect(JSON.parse(json).nodes).toHaveLength(5);
  await page.getByRole('button', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(card(page, 'srv1.example.com')).toHaveCount(0);
  await importFile(page, 'plan.json', json);
  await expect(card(page, 'srv5.example.com')).toBeVisible();
  expect(await exportAs(page, 'Plan (JSON)')).toBe(json);
});

test('an exported SVG imports back to the same plan', async ({ page }) => {
  await openTemplate(page, 'Carbonio Full Small (5 nodes)');
  const json = await exportAs(page, 'Plan (JSON)');
  const svg = await exportAs(page, 'Diagram (SVG)');
  expect(svg).toContain('<metadata id="carbonio-plan">');
  await page.getByRole('button', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'New plan' }).click();
  await importFile(page, 'diagram.svg', svg);
  await expect(chip(page, 'srv5.example.com', 'Video Recording')).toBeVisible();
  expect(await exportAs(page, 'Plan (JSON)')).toBe(json);
});

test('a bad file shows each problem and keeps the current plan', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  const before = await planInStorage(page);
  await importFile(page, 'broken.json', '{"format":"carbonio-plan","version":1,"name":3,"edition":"xx","nodes":[{"id":"a"}]}');
  const dialog = page.getByRole('dialog', { name: 'Cannot import broken.json' });
  await expect(dialog).toBeVisible();
  const problems = dialog.getByRole('list', { name: 'Import problems' });
  await expect(problems).toContainText('$.name');
  await expect(problems).toContainText('$.edition');
  await expect(problems).toContainText('$.nodes[0].hostname');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(card(page, 'srv5.example.com')).toBeVisible();
  expect(await planInStorage(page)).toEqual(before);
});

test('a newer format version is refused with that reason', async ({ page }) => {
  await importFile(page, 'future.json', '{"format":"carbonio-plan","version":99,"name":"x","edition":"ce","nodes":[]}');
  await expect(page.getByRole('dialog', { name: /Cannot import/ })).toContainText('newer version');
});

test('a share link round-trips, asks before replacing work, and a damaged one loses nothing', async ({ page, context }) => {
  await openTemplate(page, 'Carbonio Full Small (5 nodes)');
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Share link…' }).click();
  const link = await page.getByRole('textbox', { name: /Link/ }).inputValue();
  expect(link).toContain('#plan=');
  expect(link.length).toBeLessThan(1000);

  // A fresh browser opens it directly.
  const other = await context.browser()!.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(chip(fresh, 'srv5.example.com', 'Video Recording')).toBeVisible();
  await other.close();

  // Here there is work on screen: the designer asks first.
  await page.getByRole('button', { name: 'Close', exact: true }).first().click();
  await page.getByRole('button', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'New plan' }).click();
  await openTemplate(page, 'CE single server');
  await page.goto(link);
  const ask = page.getByRole('dialog', { name: 'Open the shared plan?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep current plan' }).click();
  await expect(card(page, 'srv1.example.com')).toBeVisible();
  await expect(chip(page, 'srv1.example.com', 'Chats')).toBeVisible();

  // Damaged: a clear error, nothing lost.
  await page.goto(`${link.slice(0, link.length - 40)}`);
  await expect(page.getByRole('dialog', { name: /Cannot import the share link/ })).toContainText('share link cannot be read');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(chip(page, 'srv1.example.com', 'Chats')).toBeVisible();
});

test('hostile text never runs: in the app, and in an exported SVG opened by the browser', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>"onload="alert(3)]]>-->';
  const plan = {
    format: 'carbonio-plan',
    version: 1,
    name: evil,
    edition: 'carbonio',
    webmailHostname: evil,
    nodes: [{ id: 'x', hostname: evil, roles: ['proxy', evil], privateIp: evil, publicIp: evil, position: { x: 0, y: 0 } }],
  };
  await importFile(page, 'evil.json', JSON.stringify(plan));
  await expect(page.getByRole('group', { name: evil })).toBeVisible();
  const svg = await exportAs(page, 'Diagram (SVG)');
  expect(svg).not.toContain('<script');
  expect(svg).not.toContain('<img');

  const viewer = await page.context().newPage();
  viewer.on('dialog', (d) => {
    errors.push(`svg dialog: ${d.message()}`);
    void d.dismiss();
  });
  await viewer.route('http://svg.test/diagram.svg', (route) => route.fulfill({ body: svg, contentType: 'image/svg+xml' }));
  await viewer.goto('http://svg.test/diagram.svg');
  await expect(viewer.locator('svg').first()).toBeVisible();
  const ran = await viewer.evaluate(() => document.querySelectorAll('script').length);
  expect(ran).toBe(0);
  expect(errors).toEqual([]);
});

test('a plan file dropped on the page, or pasted, is imported', async ({ page }) => {
  await openTemplate(page, 'CE single server');
  const json = await exportAs(page, 'Plan (JSON)');
  const renamed = json.replace('"CE single server"', '"Dropped plan"');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, renamed);
  await expect(toolbar(page).getByRole('textbox', { name: 'Plan name' })).toHaveValue('Dropped plan');

  const pasted = json.replace('"CE single server"', '"Pasted plan"');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, pasted);
  await expect(toolbar(page).getByRole('textbox', { name: 'Plan name' })).toHaveValue('Pasted plan');
});

test('Ansible export of a CE plan is refused with the reason', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await toolbar(page).getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Ansible inventory' }).click();
  await expect(page.getByRole('dialog', { name: 'Ansible inventory not exported' })).toContainText(/commercial/i);
});

test('the commercial five-node plan exports its Ansible inventory and a Mermaid chart', async ({ page }) => {
  await openTemplate(page, 'Carbonio Full Small (5 nodes)');
  const ini = await exportAs(page, 'Ansible inventory');
  expect(ini).toMatch(/\[videoServers\]\nsrv5\.example\.com public_ip_address=8\.9\.10\.11/);
  const mermaid = await exportAs(page, 'Mermaid flowchart');
  expect(mermaid).toMatch(/^flowchart/m);
});

test('PNG export at 1× and 2×', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  for (const [item, scale] of [['Diagram (PNG 1×)', 1], ['Diagram (PNG 2×)', 2]] as const) {
    await toolbar(page).getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    const bytes = readFileSync(await (await download).path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    expect(width).toBeGreaterThan(400 * scale);
  }
});

test('print shows the diagram, node table and problems only', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-view')).toBeVisible();
  await expect(page.locator('.print-table tbody tr')).toHaveCount(5);
  await expect(page.getByRole('region', { name: 'Roles' })).toBeHidden();
  await expect(page.locator('.print-diagram')).toBeVisible();
  // One clean landscape page: count the pages Chromium prints.
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
});
