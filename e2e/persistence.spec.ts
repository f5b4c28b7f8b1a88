import { expect, test, type Page } from '@playwright/test';
import { allCards, card, emptyCanvasHint, openTemplate, toolbar } from './helpers';

// Keys of src/persistence/plan-library.ts.
const INDEX_KEY = 'carbonio-designer:plans';
const LAST_OPENED_KEY = 'carbonio-designer:last-opened';
const planKey = (id: string) => `carbonio-designer:plan:${id}`;

const FIVE_NODES_NAME = 'CE five nodes (docs example scenario)';

/** Fails the test on any uncaught page error. */
function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

async function ready(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Roles' })).toBeVisible();
}

function planName(page: Page) {
  return toolbar(page).getByRole('textbox', { name: 'Plan name' });
}

function plansDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Saved plans' });
}

function planRow(page: Page, name: string) {
  return plansDialog(page).getByRole('listitem', { name, exact: true });
}

async function openPlans(page: Page) {
  await toolbar(page).getByRole('button', { name: 'Plans', exact: true }).click();
  await expect(plansDialog(page)).toBeVisible();
  return plansDialog(page);
}

test('saved plans: new, open, rename, delete with confirmation', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await ready(page);
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv3.example.com')).toBeVisible();

  // New plan: an empty canvas.
  await (await openPlans(page)).getByRole('button', { name: 'New plan' }).click();
  await expect(plansDialog(page)).toHaveCount(0);
  await expect(emptyCanvasHint(page)).toBeVisible();
  await expect(allCards(page)).toHaveCount(0);
  await expect(planName(page)).toHaveValue('Untitled plan');

  // The earlier plan is listed; Open restores it.
  await openPlans(page);
  await expect(planRow(page, 'Untitled plan')).toHaveAttribute('aria-current', 'true');
  const earlier = planRow(page, FIVE_NODES_NAME);
  await expect(earlier).toContainText('5 nodes');
  await earlier.getByRole('button', { name: 'Open' }).click();
  await expect(plansDialog(page)).toHaveCount(0);
  await expect(card(page, 'srv3.example.com')).toBeVisible();
  await expect(allCards(page)).toHaveCount(5);
  await expect(planName(page)).toHaveValue(FIVE_NODES_NAME);

  // Rename the other (empty) plan.
  await openPlans(page);
  await planRow(page, 'Untitled plan').getByRole('button', { name: 'Rename' }).click();
  const field = plansDialog(page).getByRole('textbox', { name: 'New name for Untitled plan' });
  await field.fill('Scratch plan');
  await field.press('Enter');
  const scratch = planRow(page, 'Scratch plan');
  await expect(scratch).toBeVisible();
  await expect(planRow(page, 'Untitled plan')).toHaveCount(0);
  // Renaming the current plan renames the open plan too.
  await planRow(page, FIVE_NODES_NAME).getByRole('button', { name: 'Rename' }).click();
  const currentField = plansDialog(page).getByRole('textbox', { name: `New name for ${FIVE_NODES_NAME}` });
  await currentField.fill('Five nodes, renamed');
  await currentField.press('Enter');
  await expect(planRow(page, 'Five nodes, renamed')).toHaveAttribute('aria-current', 'true');
  await expect(planName(page)).toHaveValue('Five nodes, renamed');

  // Delete asks first: Cancel keeps the plan, Delete removes it.
  await scratch.getByRole('button', { name: 'Delete' }).click();
  const confirm = scratch.getByRole('group', { name: 'Confirm deleting Scratch plan' });
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(scratch).toBeVisible();

  await scratch.getByRole('button', { name: 'Delete' }).click();
  await scratch.getByRole('group', { name: 'Confirm deleting Scratch plan' }).getByRole('button', { name: 'Delete' }).click();
  await expect(planRow(page, 'Scratch plan')).toHaveCount(0);
  await expect(plansDialog(page).getByRole('listitem')).toHaveCount(1);
  // The open plan is untouched.
  await plansDialog(page).getByRole('button', { name: 'Close' }).click();
  await expect(allCards(page)).toHaveCount(5);

  // The deletion and the renames are in storage: they survive a reload.
  await page.reload();
  await ready(page);
  await expect(planName(page)).toHaveValue('Five nodes, renamed');
  await openPlans(page);
  await expect(plansDialog(page).getByRole('listitem')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('storage that refuses writes: editing works and autosave trouble is shown', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await ready(page);

  await toolbar(page).getByRole('button', { name: 'Add node' }).click();
  await expect(card(page, 'srv1.example.com')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Autosave failed: browser storage is full');

  // Editing carries on: more nodes, undo, a template.
  await toolbar(page).getByRole('button', { name: 'Add node' }).click();
  await expect(card(page, 'srv2.example.com')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, 'srv2.example.com')).toHaveCount(0);
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv5.example.com')).toBeVisible();
  expect(errors).toEqual([]);
});

test('storage blocked by the browser: editing works, autosave is said to be off', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await ready(page);

  await toolbar(page).getByRole('button', { name: 'Add node' }).click();
  await expect(card(page, 'srv1.example.com')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Autosave is off: this browser blocks local storage');

  await openPlans(page);
  await expect(plansDialog(page).getByRole('note')).toContainText('This browser blocks local storage');
  await plansDialog(page).getByRole('button', { name: 'Close' }).click();
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv5.example.com')).toBeVisible();
  expect(errors).toEqual([]);
});

test('a corrupted saved plan: an error on load, then a working empty plan', async ({ page }) => {
  const errors = collectPageErrors(page);
  const badText = JSON.stringify({ format: 'carbonio-plan', version: 1, name: 'Broken plan', edition: 'ce', nodes: 7 });
  await page.addInitScript(
    ({ keys, text }) => {
      // Only on the first load of this test's page: a reload must see what the app wrote.
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.clear();
      localStorage.setItem(keys.index, JSON.stringify([{ id: 'plan-broken', name: 'Broken plan', updatedAt: '2025-03-12T14:05:00.000Z', nodeCount: 2 }]));
      localStorage.setItem(keys.plan, text);
      localStorage.setItem(keys.last, 'plan-broken');
    },
    { keys: { index: INDEX_KEY, plan: planKey('plan-broken'), last: LAST_OPENED_KEY }, text: badText },
  );
  await page.goto('/');
  await ready(page);

  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Your last plan "Broken plan" could not be opened');
  await expect(notice).toContainText('$.nodes');
  await expect(emptyCanvasHint(page)).toBeVisible();
  await expect(planName(page)).toHaveValue('Untitled plan');

  // The app works: a node, autosaved as a new plan; the broken text is left as it was.
  await toolbar(page).getByRole('button', { name: 'Add node' }).click();
  await expect(card(page, 'srv1.example.com')).toBeVisible();
  const stored = await page.evaluate((key) => localStorage.getItem(key), planKey('plan-broken'));
  expect(stored).toBe(badText);

  // Opening it from the Plans dialog says why it cannot be opened and keeps the current plan.
  await openPlans(page);
  await planRow(page, 'Broken plan').getByRole('button', { name: 'Open' }).click();
  await expect(notice).toContainText('"Broken plan" cannot be opened');
  await expect(notice).toContainText('Your current plan was not changed.');
  await page.keyboard.press('Escape');
  await expect(plansDialog(page)).toHaveCount(0);
  await expect(card(page, 'srv1.example.com')).toBeVisible();

  // The new plan is the one restored next time.
  await page.reload();
  await ready(page);
  await expect(card(page, 'srv1.example.com')).toBeVisible();
  expect(errors).toEqual([]);
});

const VALID_PLAN = {
  format: 'carbonio-plan',
  version: 1,
  name: 'Imported mail cluster',
  edition: 'ce',
  nodes: [
    { id: 'n1', hostname: 'mx.corp.example', roles: ['mta', 'proxy'], privateIp: '10.0.0.5', position: { x: 0, y: 0 } },
    { id: 'n2', hostname: 'store.corp.example', roles: ['mailstore'], position: { x: 340, y: 0 } },
  ],
};

test('import a valid plan file: it opens', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await ready(page);
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv3.example.com')).toBeVisible();

  await page.getByTestId('import-file').setInputFiles({
    name: 'cluster.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(VALID_PLAN, null, 2)),
  });
  await expect(card(page, 'mx.corp.example')).toBeVisible();
  await expect(card(page, 'store.corp.example')).toBeVisible();
  await expect(allCards(page)).toHaveCount(2);
  await expect(card(page, 'mx.corp.example').locator('.card-address')).toContainText('10.0.0.5');
  await expect(planName(page)).toHaveValue('Imported mail cluster');
  await expect(page.getByTestId('notice')).toContainText('Imported “Imported mail cluster” from cluster.json');

  // It is a new saved plan: the template's plan is still listed.
  await openPlans(page);
  await expect(planRow(page, 'Imported mail cluster')).toHaveAttribute('aria-current', 'true');
  await expect(planRow(page, FIVE_NODES_NAME)).toBeVisible();
  expect(errors).toEqual([]);
});

test('import an invalid plan file: every problem with its JSON path, nothing changes', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await ready(page);
  await openTemplate(page, 'CE five nodes');
  await expect(card(page, 'srv3.example.com')).toBeVisible();

  const bad = {
    ...VALID_PLAN,
    edition: 'platinum',
    nodes: [VALID_PLAN.nodes[0], { ...VALID_PLAN.nodes[1], hostname: 5 }],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'bad-plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const dialog = page.getByRole('dialog', { name: 'Cannot import bad-plan.json' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Your current plan was not changed.');
  const list = dialog.getByRole('list', { name: 'Import problems' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.locator('code')).toHaveText(['$.edition', '$.nodes[1].hostname']);
  await expect(list.getByRole('listitem').nth(1)).toContainText('expected a string, got the number 5');

  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(allCards(page)).toHaveCount(5);
  await expect(card(page, 'mx.corp.example')).toHaveCount(0);
  await expect(planName(page)).toHaveValue(FIVE_NODES_NAME);

  // Not JSON at all: one problem at the root.
  await page.getByTestId('import-file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ this is not json'),
  });
  const second = page.getByRole('dialog', { name: 'Cannot import notes.json' });
  await expect(second.locator('code')).toHaveText(['$']);
  await expect(second).toContainText('not valid JSON');
  await page.keyboard.press('Escape');
  await expect(second).toHaveCount(0);
  await expect(allCards(page)).toHaveCount(5);
  await expect(planName(page)).toHaveValue(FIVE_NODES_NAME);
  expect(errors).toEqual([]);
});
