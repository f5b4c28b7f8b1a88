import { expect, test } from '@playwright/test';
import { card, openTemplate, problems } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv5.example.com')).toBeVisible();
});

const edge = (page: import('@playwright/test').Page, target: string) =>
  page.getByTestId(`rf__edge-internet->${target}`);

test('toggling a service updates the port table and the canvas arrows live', async ({ page }) => {
  await expect(edge(page, 'srv5')).toBeVisible();
  await card(page, 'srv5.example.com').click({ position: { x: 60, y: 12 } });
  const ports = page.getByRole('table', { name: 'Ports of srv5.example.com' });
  await expect(ports.locator('tr[data-port="20000-40000/udp"]')).toHaveAttribute('data-exposure', 'internet');

  await page.getByRole('tab', { name: /Network/ }).click();
  await page.getByRole('combobox', { name: /^Video calls/ }).selectOption('off');
  await expect(edge(page, 'srv5')).toHaveCount(0);
  await expect(ports.locator('tr[data-port="20000-40000/udp"]')).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(edge(page, 'srv5')).toBeVisible();
  await expect(ports.locator('tr[data-port="20000-40000/udp"]')).toHaveAttribute('data-exposure', 'internet');
});

test('only the proxy node opens 443 to the Internet; every node opens 8301 inside', async ({ page }) => {
  for (const host of ['srv1', 'srv2', 'srv3', 'srv4', 'srv5']) {
    await card(page, `${host}.example.com`).click({ position: { x: 60, y: 12 } });
    const table = page.getByRole('table', { name: `Ports of ${host}.example.com` });
    await expect(table.locator('tr[data-port="8301/tcp"]')).toHaveAttribute('data-exposure', 'internal');
    await expect(table.locator('tr[data-port="8301/udp"]')).toHaveAttribute('data-exposure', 'internal');
    await expect(table.locator('tr[data-port="443/tcp"][data-exposure="internet"]')).toHaveCount(host === 'srv2' ? 1 : 0);
  }
});

test('the Admin Panel offered to the Internet is flagged and fixed to VPN only', async ({ page }) => {
  await page.getByRole('tab', { name: /Network/ }).click();
  await page.getByRole('combobox', { name: /^Admin Panel/ }).selectOption('internet');
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(problems(page)).toContainText('admin-exposed');
  await problems(page).getByRole('button', { name: /^Fix:/ }).first().click();
  await expect(problems(page)).not.toContainText('admin-exposed');
});

test('internal flows appear on the canvas on request', async ({ page }) => {
  await expect(page.getByTestId('rf__edge-srv2->srv3')).toHaveCount(0);
  await page.getByRole('tab', { name: /Network/ }).click();
  await page.getByRole('checkbox', { name: 'Show internal flows on the canvas' }).check();
  await expect(page.getByTestId('rf__edge-srv2->srv3')).toBeVisible();
});

test('the capacity helper computes the Mailstore disk from accounts and quota', async ({ page }) => {
  await page.getByRole('tab', { name: /Capacity/ }).click();
  await page.getByLabel('Accounts').fill('150');
  await page.getByLabel('Accounts').press('Enter');
  await page.getByLabel('Mailbox quota (GB)').fill('5');
  await page.getByLabel('Mailbox quota (GB)').press('Enter');
  // 50 GB for OS and Carbonio + 150 × 5 GB (domain §3 Resources).
  await expect(page.getByTestId('mailstore-disk')).toHaveText(/800 GB/);
});

test('firewall matrix and runbook export from the Export menu', async ({ page }) => {
  const exportAs = async (item: string) => {
    await page.getByRole('toolbar', { name: 'Plan tools' }).getByRole('button', { name: 'Export' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    const { readFileSync } = await import('node:fs');
    return readFileSync(await (await download).path(), 'utf8');
  };
  const csv = await exportAs('Firewall matrix (CSV)');
  expect(csv.split('\n')[0]).toBe('hostname,node_id,private_ip,public_ip,zone,port,protocol,exposure,purpose,roles,source');
  expect(csv).toMatch(/^srv5\.example\.com,srv5,.*,20000-40000,udp,internet,/m);
  const md = await exportAs('Firewall matrix and commands (Markdown)');
  expect(md).toContain('ufw allow 443/tcp');
  const runbook = await exportAs('Install runbook (Markdown)');
  expect(runbook.indexOf('srv1')).toBeLessThan(runbook.indexOf('srv5'));
  expect(runbook).toContain('service-discover setup-wizard');
});
