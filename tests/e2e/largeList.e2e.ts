// The list view of a large sample in a real browser: only the entries near the screen are in the page,
// and the keys and the scroll bar still reach every event, whether the page scrolls or a panel does.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, desktopViewport, saveScreenshot, sharedBrowser } from './support/browser';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();
const EVENTS = 20_000;

const focusedPosition = (page: Page) => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'));

/** Opens the list, runs the keys and the scroll bar over it; `scroller` scrolls it (the page when null). */
async function checkList(page: Page, scroller: string | null, tag: string) {
  const entries = page.locator('li[aria-posinset]');
  await expect.poll(() => entries.first().getAttribute('aria-setsize')).toBe(String(EVENTS));
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000);

  await entries.first().getByRole('link').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focusedPosition(page)).toBe('2');
  await page.keyboard.press('End');
  await expect.poll(() => focusedPosition(page)).toBe(String(EVENTS));
  // The focused last entry is on screen, inside what scrolls it.
  await expect
    .poll(() =>
      page.evaluate((selector) => {
        const r = document.activeElement?.getBoundingClientRect();
        const box = selector ? (document.querySelector(selector)?.getBoundingClientRect() ?? null) : { top: 0, bottom: innerHeight };
        return r && box ? r.top >= box.top - 1 && r.bottom <= box.bottom + 1 : false;
      }, scroller),
    )
    .toBe(true);
  await page.keyboard.press('Home');
  await expect.poll(() => focusedPosition(page)).toBe('1');

  // Half-way down by the scroll bar: the entries there are rendered, still few.
  await page.evaluate((selector) => {
    const element = selector ? document.querySelector(selector) : document.documentElement;
    if (selector && element) element.scrollTop = element.scrollHeight / 2;
    else window.scrollTo({ top: document.documentElement.scrollHeight / 2 });
  }, scroller);
  await expect
    .poll(async () => {
      const shown = await entries.evaluateAll((items) => items.filter((li) => { const r = li.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).map((li) => Number(li.getAttribute('aria-posinset'))));
      return shown.length > 0 && shown.every((n) => n > EVENTS * 0.3 && n < EVENTS * 0.7);
    })
    .toBe(true);
  expect(await entries.count()).toBeLessThan(60);
  await saveScreenshot(page, `large-list-${tag}`);
}

describe(`the list of a ${EVENTS.toLocaleString('en-US')}-event sample`, () => {
  it('keeps the page small, reaches the last event with End and follows the scroll bar, whether the page or a panel scrolls', async () => {
    // On a narrow screen the page scrolls as one, the list with it.
    const narrow = await chromium.page({ baseURL, viewport: { width: 700, height: 900 } });
    const errors = collectPageErrors(narrow);
    await narrow.goto(`/?sample=${EVENTS}&view=list`);
    await narrow.locator('li[aria-posinset]').first().waitFor({ timeout: 60_000 });
    await checkList(narrow, null, 'page-scrolled');
    await narrow.close();

    // On a desktop the page stays put and the list's panel scrolls its own content: the list follows it.
    const page = await chromium.page({ baseURL, viewport: desktopViewport });
    const desktopErrors = collectPageErrors(page);
    await page.goto(`/?sample=${EVENTS}&view=list`);
    await page.locator('li[aria-posinset]').first().waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.list-view') as Element).overflowY)).toBe('auto');
    await checkList(page, '.list-view', 'panel-scrolled');
    expect([...errors, ...desktopErrors]).toEqual([]);
  });
});
