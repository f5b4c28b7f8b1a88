import { expect, test } from '@playwright/test';
import { card, chip, toolbar, dragOnto, expectNoErrors, openTemplate, paletteRole, problems } from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Roles' })).toBeVisible();
});

test('dropping a role on empty canvas creates a node; dropping on a card adds it', async ({ page }) => {
  const canvas = page.getByTestId('canvas');
  await dragOnto(paletteRole(page, 'Proxy'), canvas, { x: 300, y: 200 });
  const proxyCard = card(page, 'proxy1.example.com');
  await expect(proxyCard).toBeVisible();
  await expect(chip(page, 'proxy1.example.com', 'Proxy')).toBeVisible();

  await dragOnto(paletteRole(page, 'MTA AV/AS'), proxyCard);
  await expect(chip(page, 'proxy1.example.com', 'MTA AV/AS')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Plan summary' })).toContainText('1 node · 2 roles');
});

test('a chip moves between nodes by drag', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv4.example.com')).toBeVisible();
  await dragOnto(chip(page, 'srv3.example.com', 'Tasks'), card(page, 'srv4.example.com'));
  await expect(chip(page, 'srv4.example.com', 'Tasks')).toBeVisible();
  await expect(chip(page, 'srv3.example.com', 'Tasks')).toHaveCount(0);
});

test('a violation appears live and goes away when fixed, by hand and by "Fix"', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await expectNoErrors(page);

  // Files UI on a node without Proxy breaks "UI packages on the Proxy".
  await dragOnto(paletteRole(page, 'Files UI'), card(page, 'srv3.example.com'));
  await expect(problems(page)).toContainText('ui-on-proxy');
  await expect(card(page, 'srv3.example.com').locator('.badge-error')).toHaveText(/1/);

  // Fixed by hand: remove the chip with the keyboard.
  await chip(page, 'srv3.example.com', 'Files UI').focus();
  await page.keyboard.press('Delete');
  await expectNoErrors(page);

  // Broken again: Proxy lacks Files UI while Files exists (ui-missing), then "Fix".
  await chip(page, 'srv2.example.com', 'Files UI').focus();
  await page.keyboard.press('Delete');
  await expect(problems(page)).toContainText('ui-missing');
  await problems(page).getByRole('button', { name: /^Fix: Add Files UI/ }).click();
  await expectNoErrors(page);
  await expect(chip(page, 'srv2.example.com', 'Files UI')).toBeVisible();
});

test('undo and redo, by buttons and by keyboard', async ({ page }) => {
  await openTemplate(page, 'CE single server');
  await chip(page, 'srv1.example.com', 'Chats').focus();
  await page.keyboard.press('Delete');
  await expect(chip(page, 'srv1.example.com', 'Chats')).toHaveCount(0);
  await expect(problems(page)).toContainText('ui-without-feature');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(chip(page, 'srv1.example.com', 'Chats')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(chip(page, 'srv1.example.com', 'Chats')).toHaveCount(0);

  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(chip(page, 'srv1.example.com', 'Chats')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(chip(page, 'srv1.example.com', 'Chats')).toHaveCount(0);
});

test('a reload restores the plan exactly', async ({ page }) => {
  await openTemplate(page, 'Carbonio Full Small (5 nodes)');
  await dragOnto(paletteRole(page, 'Log Server'), page.getByTestId('canvas'), { x: 120, y: 560 });
  await expect(card(page, 'log1.example.com')).toBeVisible();
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.reload();
  await expect(card(page, 'log1.example.com')).toBeVisible();
  await expect(toolbar(page).getByRole('textbox', { name: 'Plan name' })).toHaveValue('Carbonio five nodes (Full Small)');
  await expect(chip(page, 'srv5.example.com', 'Video Recording')).toBeVisible();
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  expect(after).toBe(before);
});

test('keyboard only: add a node, then a role with "Add role…"', async ({ page }) => {
  await page.getByRole('button', { name: 'Add node' }).focus();
  await page.keyboard.press('Enter');
  const node = card(page, 'srv1.example.com');
  await expect(node).toBeVisible();
  await node.getByRole('button', { name: 'Add role…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Add role to srv1\.example\.com/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('mailstore');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(chip(page, 'srv1.example.com', 'Mailstore & Provisioning')).toBeVisible();
});

test('keyboard only: move a chip with "Move to…"', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await card(page, 'srv3.example.com').getByRole('button', { name: 'Actions for Tasks on srv3.example.com' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Move to…' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: /Move Tasks from srv3\.example\.com/ });
  await dialog.getByRole('button', { name: /srv4\.example\.com/ }).press('Enter');
  await expect(chip(page, 'srv4.example.com', 'Tasks')).toBeVisible();
});

test('a refused drop says why and changes nothing', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await dragOnto(paletteRole(page, 'Proxy'), card(page, 'srv2.example.com'));
  await expect(page.getByTestId('notice')).toContainText('srv2.example.com already has Proxy');
  await expect(chip(page, 'srv2.example.com', 'Proxy')).toHaveCount(1);
  // No step was recorded: one Undo goes straight back to before the template was opened.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Drag a role here to create a node, or start from a template.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('every template opens with zero errors', async ({ page }) => {
  const titles = await page.getByRole('list', { name: 'Templates' }).getByRole('button').allTextContents();
  expect(titles).not.toContain('Empty plan'); // offered only when there is work on screen
  expect(titles.length).toBeGreaterThanOrEqual(6);
  for (const title of titles) {
    await openTemplate(page, title);
    await expect(page.getByRole('list', { name: 'Templates' })).toHaveCount(0);
    await expect(toolbar(page).getByRole('textbox', { name: 'Plan name' })).not.toHaveValue('Untitled plan');
    await expectNoErrors(page);
    await expect(page.getByRole('status', { name: 'Plan summary' })).toContainText('0 errors');
  }
});

test('edition switch re-validates: Video Recording is unknown in CE', async ({ page }) => {
  await openTemplate(page, 'Carbonio Full Small (5 nodes)');
  await expectNoErrors(page);
  await toolbar(page).getByRole('combobox', { name: 'Edition' }).selectOption('ce');
  await expect(problems(page)).toContainText('unknown-role');
  await expect(paletteRole(page, 'Video Recording')).toHaveCount(0);
});

test('the Templates dialog also starts an empty plan, keeping the current one in Plans', async ({ page }) => {
  await openTemplate(page, 'CE five nodes');
  await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('list', { name: 'Templates' }).getByRole('button', { name: 'Empty plan', exact: true }).click();
  await expect(page.getByText('Drag a role here to create a node, or start from a template.')).toBeVisible();
  await page.getByRole('button', { name: 'Plans' }).click();
  await expect(page.getByRole('dialog', { name: 'Saved plans' })).toContainText('CE five nodes (docs example scenario)');
});
