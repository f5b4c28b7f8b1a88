import { expect, test } from '@playwright/test';

test('the core runs in the browser: every template shows zero errors', async ({ page }) => {
  await page.goto('/');
  const items = page.getByRole('list', { name: 'Templates' }).getByRole('listitem');
  await expect(items).toHaveCount(6);
  for (const item of await items.all()) await expect(item).toContainText('0 errors');
});
