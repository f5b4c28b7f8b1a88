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

type Box = { x: number; y: number; width: number; height: number };

/** The bounding box once it has stopped moving (after a fit-view animation, a drop, …). */
export async function settledBox(locator: Locator): Promise<Box> {
  let last: Box | null = null;
  let settled: Box | null = null;
  await expect
    .poll(
      async () => {
        const box = await locator.boundingBox();
        const same =
          box !== null &&
          last !== null &&
          Math.abs(box.x - last.x) < 0.5 &&
          Math.abs(box.y - last.y) < 0.5 &&
          Math.abs(box.width - last.width) < 0.5 &&
          Math.abs(box.height - last.height) < 0.5;
        last = box;
        if (same) settled = box;
        return same;
      },
      { intervals: [100], timeout: 5_000 },
    )
    .toBe(true);
  return settled!;
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every node card on the canvas (React Flow node wrappers). */
export function allCards(page: Page): Locator {
  return page.locator('.react-flow__node-card');
}

/** The empty-canvas invitation shown when the plan has no node. */
export function emptyCanvasHint(page: Page): Locator {
  return page.getByText('Drag a role here to create a node, or start from a template.');
}

/** The Inspector side panel. */
export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}
