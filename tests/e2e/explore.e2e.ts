import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, sharedBrowser, desktopViewport, saveScreenshot } from './support/browser';
import { formatViolations, runAxe } from './support/axe';
import { openApp } from './support/app';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

interface DatasetJson {
  actors: { id: string; memberOf?: string }[];
  events: { id: string; title: string; actors: string[]; excerpts: { quote: string }[] }[];
}
const dataset = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as DatasetJson;

async function open(path = '/') {
  const page = await chromium.page({ baseURL, viewport: desktopViewport });
  const errors = collectPageErrors(page);
  await openApp(page, path);
  return { page, errors };
}

/** Ids of events drawn on the timeline: single marks and the members of clusters are both counted. */
async function timelineEventIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.timeline-marks button[data-event-id]')].map((b) => b.getAttribute('data-event-id') ?? ''));
}

describe('exploring in a real browser', () => {
  it('filtering to North Korea leaves only its events in the timeline and the list', async () => {
    const { page, errors } = await open('/?from=2022-01-01&to=2025-01-01');
    await page.getByText('Filter by actor').click();
    const actors = page.getByRole('group', { name: 'Actors' });
    await actors.getByRole('button', { name: 'Only North Korea' }).click();
    await saveScreenshot(page, 'filter-north-korea');

    const expected = dataset.events.filter((e) => e.actors.some((a) => a === 'north-korea')).map((e) => e.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    // The filter is part of the shareable view: a reload keeps it.
    await page.waitForURL(/actors=north-korea/);
    await page.reload();
    await page.getByRole('region', { name: /Timeline/ }).waitFor();
    const clusters = await page.locator('.timeline-marks .mark-cluster').count();
    const shown = await timelineEventIds(page);
    if (clusters === 0) expect(shown.sort()).toEqual(expected);
    for (const id of shown) expect(expected).toContain(id);

    await page.getByRole('tab', { name: 'List' }).click();
    const listed = await page.locator('.event-list-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-id') ?? ''));
    expect(listed.sort()).toEqual(expected);
    expect(errors).toEqual([]);
  });

  it('search finds ATACMS, highlights it in the list and dims the rest of the timeline', async () => {
    const { page } = await open();
    await page.getByRole('searchbox', { name: 'Search events' }).fill('atacms');
    await expect.poll(() => page.locator('.timeline-marks .is-dimmed').count()).toBeGreaterThan(0);
    const matching = dataset.events.filter((e) => /atacms/i.test([e.title, ...e.excerpts.map((x) => x.quote)].join(' ')));
    expect(matching.length).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'List' }).click();
    await expect.poll(() => page.locator('.event-list-item').count()).toBeGreaterThanOrEqual(matching.length);
    expect(await page.locator('.event-list mark.search-hit').first().textContent()).toMatch(/atacms/i);
    await page.waitForURL(/q=atacms/);
  });

  it('has no axe violations with the actor filter open, and in the list view', async () => {
    const { page } = await open('/?q=missiles');
    await page.getByText('Filter by actor').click();
    await page.getByRole('group', { name: 'Actors' }).waitFor();
    let violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await saveScreenshot(page, 'filters-open');
    await page.getByRole('tab', { name: 'List' }).click();
    violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});

describe('the overview strip', () => {
  it('dragging the brush pans the main timeline, and zooming the timeline moves the brush', async () => {
    const { page } = await open('/?from=2023-01-01&to=2023-07-01');
    const brush = page.getByRole('slider', { name: 'Visible window', exact: true });
    await brush.scrollIntoViewIfNeeded();
    const before = await brush.getAttribute('aria-valuetext');
    const box = await brush.boundingBox();
    if (!box) throw new Error('no brush');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width / 2 + i * 25, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForURL((url) => !url.search.includes('from=2023-01-01'));
    const from = new URL(page.url()).searchParams.get('from') ?? '';
    expect(from > '2023-01-01').toBe(true);
    expect(await brush.getAttribute('aria-valuetext')).not.toBe(before);

    const moved = await brush.getAttribute('aria-valuetext');
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await expect.poll(() => brush.getAttribute('aria-valuetext')).not.toBe(moved);
  });

  it('is keyboard operable: arrow keys on the brush pan the window', async () => {
    const { page } = await open('/?from=2023-01-01&to=2023-07-01');
    const brush = page.getByRole('slider', { name: 'Visible window', exact: true });
    await brush.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => !url.search.includes('from=2023-01-01'));
  });
});
