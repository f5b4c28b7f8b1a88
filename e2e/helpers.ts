import { expect, type Locator, type Page } from '@playwright/test';

/** The palette button of a role, by its display name. */
export function paletteRole(page: Page, name: string): Locator {
  return page.getByRole('region', { name: 'Roles' }).getByRole('button', { name, exact: true });
}

/** A node card, by hostname. */
export function card(page: Page, hostname: string): Locator {
  return page.getByRole('group', { name: hostname, exact: true });
}

/** A role chip on a card. */
export function chip(page: Page, hostname: string, roleName: string): Locator {
  return card(page, hostname).getByRole('button', { name: new RegExp(`^${escape(roleName)} on `) });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function problems(page: Page): Locator {
  return page.getByRole('region', { name: 'Problems' });
}

/** Opens a template from the empty canvas or the Templates dialog. */
export async function openTemplate(page: Page, title: string): Promise<void> {
  const list = page.getByRole('list', { name: 'Templates' });
  if (!(await list.isVisible())) await page.getByRole('button', { name: 'Templates', exact: true }).click();
  await page.getByRole('list', { name: 'Templates' }).getByRole('button', { name: title, exact: true }).click();
}

/** Drags with the HTML5 drag-and-drop events Chromium fires for a real pointer drag. */
export async function dragOnto(source: Locator, target: Locator, targetPosition?: { x: number; y: number }): Promise<void> {
  await source.dragTo(target, targetPosition ? { targetPosition } : {});
}

export async function expectNoErrors(page: Page): Promise<void> {
  await expect(problems(page)).toContainText(/No errors|No problems/);
}

export function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Plan tools' });
}
