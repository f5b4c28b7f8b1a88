import { expect, test, type Page } from '@playwright/test';
import {
  allCards,
  boxesOverlap,
  card,
  emptyCanvasHint,
  inspector,
  openTemplate,
  paletteRole,
  problems,
  settledBox,
  toolbar,
} from './helpers';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Roles' })).toBeVisible();
});

async function openFiveNodes(page: Page): Promise<void> {
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv5.example.com')).toBeVisible();
}

/** Clicks a card on its header (not on a chip or a button), with optional modifiers. */
async function clickCard(page: Page, hostname: string, modifiers?: ('ControlOrMeta' | 'Shift')[]): Promise<void> {
  await card(page, hostname).locator('.card-header').click(modifiers ? { modifiers } : {});
}

test('dragging a card moves it, and one Undo puts it back', async ({ page }) => {
  await openFiveNodes(page);
  const srv3 = card(page, 'srv3.example.com');
  const before = await settledBox(srv3);
  const header = await srv3.locator('.card-header').boundingBox();
  expect(header).not.toBeNull();
  const start = { x: header!.x + 20, y: header!.y + header!.height / 2 };

  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(start.x + i * 25, start.y + i * 20);
  await page.mouse.up();

  const after = await settledBox(srv3);
  expect(after.x - before.x).toBeGreaterThan(100);
  expect(after.y - before.y).toBeGreaterThan(80);
  // The store holds the new position: it survives a re-sync of the canvas (selection change).
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await srv3.boundingBox())!.x).toBeCloseTo(after.x, 0);

  // The whole drag is one step: one Undo puts the card back, a second one undoes the template.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await srv3.boundingBox())!.x).toBeCloseTo(before.x, 0);
  await expect.poll(async () => (await srv3.boundingBox())!.y).toBeCloseTo(before.y, 0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await srv3.boundingBox())!.x).toBeCloseTo(after.x, 0);

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(emptyCanvasHint(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('dragging one of two selected cards moves both, as one step', async ({ page }) => {
  await openFiveNodes(page);
  const srv3 = card(page, 'srv3.example.com');
  const srv4 = card(page, 'srv4.example.com');
  await clickCard(page, 'srv3.example.com');
  await clickCard(page, 'srv4.example.com', ['ControlOrMeta']);
  await expect(inspector(page)).toContainText('2 nodes selected');
  const [before3, before4] = [await settledBox(srv3), await settledBox(srv4)];
  const beforeAnchor = await settledBox(card(page, 'srv1.example.com'));

  const header = (await srv4.locator('.card-header').boundingBox())!;
  const start = { x: header.x + 20, y: header.y + header.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(start.x + i * 10, start.y + i * 30);
  await page.mouse.up();

  const [after3, after4] = [await settledBox(srv3), await settledBox(srv4)];
  expect(after3.y - before3.y).toBeGreaterThan(80);
  expect(after4.y - after3.y).toBeCloseTo(before4.y - before3.y, 0);
  expect(after4.x - after3.x).toBeCloseTo(before4.x - before3.x, 0);

  // The drag may auto-pan the viewport near the pane's edge, so compare with a card that did not move.
  const srv1 = card(page, 'srv1.example.com');
  const relativeY = async (locator: typeof srv3) => (await locator.boundingBox())!.y - (await srv1.boundingBox())!.y;
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => relativeY(srv3)).toBeCloseTo(before3.y - beforeAnchor.y, 0);
  await expect.poll(() => relativeY(srv4)).toBeCloseTo(before4.y - beforeAnchor.y, 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(emptyCanvasHint(page)).toBeVisible();
});

test('multi-select with Ctrl/Shift-click, Delete removes both, Undo restores both', async ({ page }) => {
  await openFiveNodes(page);
  await clickCard(page, 'srv3.example.com');
  await clickCard(page, 'srv4.example.com', ['ControlOrMeta']);
  await expect(inspector(page)).toContainText('2 nodes selected');
  await clickCard(page, 'srv5.example.com', ['Shift']);
  await expect(inspector(page)).toContainText('3 nodes selected');
  await clickCard(page, 'srv5.example.com', ['ControlOrMeta']); // toggles it off again
  await expect(inspector(page)).toContainText('2 nodes selected');
  await expect(card(page, 'srv3.example.com')).toHaveClass(/\bselected\b/);
  await expect(card(page, 'srv4.example.com')).toHaveClass(/\bselected\b/);

  await page.keyboard.press('Delete');
  await expect(card(page, 'srv3.example.com')).toHaveCount(0);
  await expect(card(page, 'srv4.example.com')).toHaveCount(0);
  await expect(allCards(page)).toHaveCount(3);
  await expect(page.getByRole('status', { name: 'Plan summary' })).toContainText('3 nodes ·');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, 'srv3.example.com')).toBeVisible();
  await expect(card(page, 'srv4.example.com')).toBeVisible();
  await expect(allCards(page)).toHaveCount(5);
  // Both went in one step: the next Undo is the template's.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(emptyCanvasHint(page)).toBeVisible();
});

test('copy and paste, then duplicate: new hostnames, no addresses', async ({ page }) => {
  await openFiveNodes(page);
  await expect(card(page, 'srv2.example.com').locator('.card-address')).toContainText('203.0.113.124');
  await clickCard(page, 'srv2.example.com');
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');

  const copy = card(page, 'srv2-copy1.example.com');
  await expect(copy).toBeVisible();
  await expect(copy.locator('.card-address')).toHaveText('no address yet');
  await expect(copy.getByRole('button', { name: /^Proxy on / })).toBeVisible();
  await expect(copy).toHaveClass(/\bselected\b/);
  await expect(inspector(page).getByRole('textbox', { name: 'Hostname' })).toHaveValue('srv2-copy1.example.com');
  await expect(inspector(page).getByRole('textbox', { name: 'Private IP' })).toHaveValue('');

  // Pasting again makes another copy, not a copy of the copy's name.
  await page.keyboard.press('ControlOrMeta+v');
  await expect(card(page, 'srv2-copy2.example.com')).toBeVisible();

  await clickCard(page, 'srv4.example.com');
  await page.keyboard.press('ControlOrMeta+d');
  const duplicate = card(page, 'srv4-copy1.example.com');
  await expect(duplicate).toBeVisible();
  await expect(duplicate.locator('.card-address')).toHaveText('no address yet');
  await expect(duplicate.getByRole('button', { name: /^Docs & Editor on / })).toBeVisible();
  await expect(allCards(page)).toHaveCount(8);
  // The original keeps its address.
  await expect(card(page, 'srv4.example.com').locator('.card-address')).toContainText('172.16.0.14');
});

test('add a node, rename it in the Inspector, delete it from the Inspector', async ({ page }) => {
  await expect(emptyCanvasHint(page)).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Add node' }).click();
  await expect(card(page, 'srv1.example.com')).toBeVisible();

  const hostname = inspector(page).getByRole('textbox', { name: 'Hostname' });
  await expect(hostname).toHaveValue('srv1.example.com');
  await hostname.fill('mail.corp.example');
  await hostname.press('Enter');
  await expect(card(page, 'mail.corp.example')).toBeVisible();
  await expect(card(page, 'srv1.example.com')).toHaveCount(0);
  await expect(inspector(page).getByRole('heading', { name: 'mail.corp.example' })).toBeVisible();

  await inspector(page).getByRole('button', { name: 'Delete node' }).click();
  await expect(card(page, 'mail.corp.example')).toHaveCount(0);
  await expect(emptyCanvasHint(page)).toBeVisible();
  // Back to the plan settings, as nothing is selected.
  await expect(inspector(page).getByRole('button', { name: 'Delete node' })).toHaveCount(0);
});

test('Arrange lays the cards out without overlap', async ({ page }) => {
  await openFiveNodes(page);
  // Make a mess: duplicates land on top of their originals.
  await clickCard(page, 'srv2.example.com');
  await page.keyboard.press('ControlOrMeta+d');
  await clickCard(page, 'srv5.example.com');
  await page.keyboard.press('ControlOrMeta+d');
  await expect(allCards(page)).toHaveCount(7);
  const anyOverlap = async () => {
    const boxes = await Promise.all((await allCards(page).all()).map((c) => c.boundingBox()));
    return boxes.some((a, i) => boxes.some((b, j) => i !== j && boxesOverlap(a!, b!)));
  };
  await settledBox(card(page, 'srv5-copy1.example.com'));
  expect(await anyOverlap()).toBe(true);

  await toolbar(page).getByRole('button', { name: 'Arrange' }).click();
  await expect.poll(anyOverlap).toBe(false);
  // Still none once the view has finished fitting the new layout.
  await settledBox(card(page, 'srv1.example.com'));
  const boxes = await Promise.all((await allCards(page).all()).map((c) => c.boundingBox()));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      expect(boxesOverlap(a, b), `cards ${i} and ${j} overlap: ${JSON.stringify(a)} ${JSON.stringify(b)}`).toBe(false);
    }
  }
  // Arrange is one undoable step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(anyOverlap).toBe(true);
  await expect(allCards(page)).toHaveCount(7);
});

test('presentation mode hides the editing panels and shows the verdict', async ({ page }) => {
  await openFiveNodes(page);
  await toolbar(page).getByRole('button', { name: 'Present' }).click();
  await expect(page.getByText('No errors · 2 warnings', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Roles' })).toHaveCount(0);
  await expect(inspector(page)).toHaveCount(0);
  await expect(problems(page)).toHaveCount(0);
  await expect(toolbar(page)).toHaveCount(0);
  await expect(card(page, 'srv3.example.com')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Roles' })).toBeVisible();
  await expect(inspector(page)).toBeVisible();
  await expect(problems(page)).toBeVisible();
  await expect(page.getByText('No errors · 2 warnings', { exact: true })).toHaveCount(0);

  await toolbar(page).getByRole('button', { name: 'Present' }).click();
  await expect(problems(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Exit presentation' }).click();
  await expect(problems(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Roles' })).toBeVisible();
});

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

test('the theme follows the system colour scheme', async ({ page }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => luminance(await background())).toBeLessThan(0.1);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => luminance(await background())).toBeGreaterThan(0.8);
});

test('keyboard focus is visible on palette buttons', async ({ page }) => {
  await page.getByRole('searchbox', { name: 'Search roles' }).focus();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveClass(/palette-role/);
  const outline = await focused.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThan(0);
});

test('clicking a problem selects its node and shows it in the Inspector', async ({ page }) => {
  await openFiveNodes(page);
  await expect(card(page, 'srv2.example.com')).not.toHaveClass(/\bselected\b/);
  await problems(page).getByRole('button', { name: /^MTA AV\/AS and Proxy share srv2\.example\.com/ }).click();
  await expect(card(page, 'srv2.example.com')).toHaveClass(/\bselected\b/);
  await expect(card(page, 'srv5.example.com')).not.toHaveClass(/\bselected\b/);
  await expect(inspector(page).getByRole('heading', { name: 'srv2.example.com' })).toBeVisible();
  await expect(inspector(page).getByRole('textbox', { name: 'Hostname' })).toHaveValue('srv2.example.com');

  await problems(page).getByRole('button', { name: /^The Video Server shares srv5\.example\.com/ }).click();
  await expect(card(page, 'srv5.example.com')).toHaveClass(/\bselected\b/);
  await expect(card(page, 'srv2.example.com')).not.toHaveClass(/\bselected\b/);
  await expect(inspector(page).getByRole('textbox', { name: 'Hostname' })).toHaveValue('srv5.example.com');
});

test('palette search filters the role buttons', async ({ page }) => {
  const palette = page.getByRole('region', { name: 'Roles' });
  const search = palette.getByRole('searchbox', { name: 'Search roles' });
  const total = await palette.getByRole('button').count();
  expect(total).toBeGreaterThan(10);

  await search.fill('proxy');
  await expect(paletteRole(page, 'Proxy')).toBeVisible();
  await expect(paletteRole(page, 'Mailstore & Provisioning')).toHaveCount(0);
  const filtered = await palette.getByRole('button').count();
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);

  await search.fill('no-such-role-xyz');
  await expect(palette.getByRole('button')).toHaveCount(0);
  await expect(palette).toContainText('No role matches “no-such-role-xyz”.');

  await search.fill('');
  await expect(palette.getByRole('button')).toHaveCount(total);
});
