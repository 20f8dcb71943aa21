import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectPageErrors, sharedBrowser, desktopViewport, phoneViewport, saveScreenshot } from './support/browser';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

describe('built app in a real browser', () => {
  it('shows the bundled dataset: every event is on the timeline or in a cluster, without errors', async () => {
    const page = await chromium.page({ baseURL, viewport: desktopViewport });
    const errors = collectPageErrors(page);
    await page.goto('/');
    const timeline = page.getByRole('region', { name: /Timeline/ });
    await timeline.waitFor();

    const dataset = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as { title: string; events: unknown[] };
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(dataset.title);
    // The tab and the browser's history name the dataset.
    expect(await page.title()).toBe(`${dataset.title} · Conflict timeline`);
    // The article opens on its November 2024 decision; Fit all shows every event.
    await page.getByRole('button', { name: 'Fit all' }).click();
    await page.locator('[data-event-id="russia-invades-ukraine"]').first().waitFor();
    const counted = await page.evaluate(() => {
      const single = document.querySelectorAll('.timeline-marks button[data-event-id]').length;
      const clustered = [...document.querySelectorAll('.timeline-marks .mark-cluster')].reduce((n, el) => n + Number(el.textContent), 0);
      return single + clustered;
    });
    expect(counted).toBe(dataset.events.length);
    expect(await page.locator('.source-body mark').count()).toBeGreaterThanOrEqual(dataset.events.length);
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'smoke-desktop');
    await page.close();
  });
});

describe('a cold page, before its scripts arrive', () => {
  it('paints a loading card inside the screen at once, and the app replaces it', async () => {
    const page = await chromium.page({ baseURL, viewport: phoneViewport });
    // Hold back the app's main chunk, as a slow link does: only index.html and its stylesheet have come.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/boot-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'commit' });
    const card = page.locator('.boot-shell');
    await card.waitFor();
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(phoneViewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(phoneViewport.height);
    }
    await saveScreenshot(page, 'cold-page-card-phone');
    release();
    await page.getByRole('region', { name: /Timeline/ }).waitFor();
    expect(await card.count()).toBe(0);
    await page.close();
  });
});
