// The list view of a large sample in a real browser: only the entries near the screen are in the page,
// and the keys and the scroll bar still reach every event.
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, desktopViewport, saveScreenshot, sharedBrowser } from './support/browser';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();
const EVENTS = 20_000;

describe(`the list of a ${EVENTS.toLocaleString('en-US')}-event sample`, () => {
  it('keeps the page small, reaches the last event with End and follows the scroll bar', async () => {
    const page = await chromium.page({ baseURL, viewport: desktopViewport });
    const errors = collectPageErrors(page);
    await page.goto(`/?sample=${EVENTS}&view=list`);
    const entries = page.locator('li[aria-posinset]');
    await entries.first().waitFor({ timeout: 60_000 });
    await expect.poll(() => entries.first().getAttribute('aria-setsize')).toBe(String(EVENTS));
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000);

    await entries.first().getByRole('link').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).toBe(String(EVENTS));
    // The focused last entry is on screen.
    await saveScreenshot(page, 'large-list-end');
    await expect
      .poll(() => page.evaluate(() => { const r = document.activeElement?.getBoundingClientRect(); return r ? [Math.round(r.top), Math.round(r.bottom)] : null; }))
      .toSatisfy((box: number[] | null) => box !== null && (box[0] ?? -1) >= 0 && (box[1] ?? Infinity) <= desktopViewport.height);

    // Half-way down the page by the scroll bar: the entries there are rendered, still few.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2 }));
    await expect
      .poll(async () => {
        const shown = await entries.evaluateAll((items) => items.filter((li) => { const r = li.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).map((li) => Number(li.getAttribute('aria-posinset'))));
        return shown.length > 0 && shown.every((n) => n > EVENTS * 0.3 && n < EVENTS * 0.7);
      })
      .toBe(true);
    expect(await entries.count()).toBeLessThan(60);
    await saveScreenshot(page, 'large-list-middle');
    expect(errors).toEqual([]);
  });
});
