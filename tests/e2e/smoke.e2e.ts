import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { collectPageErrors, sharedBrowser, desktopViewport, saveScreenshot } from './support/browser';

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
