// Importing other timelines: a TimelineJS file by ?data= and a spreadsheet opened from disk, in the built app.
import type { Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, sharedBrowser, desktopViewport, saveScreenshot } from './support/browser';
import { dataUrl, guardOutsideRequests, serveDatasets } from './support/datasets';
import { fixturePath } from '../fixtures/files';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

async function openPage(): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await chromium.page({ baseURL, viewport: desktopViewport });
  const errors = collectPageErrors(page);
  const outside = await guardOutsideRequests(page, baseURL);
  return { page, errors, outside };
}

describe('a TimelineJS file loaded by URL', () => {
  it('shows its events, its eras as labelled periods, and lists the slide TimelineJS would have skipped', async () => {
    const { page, errors, outside } = await openPage();
    await serveDatasets(page, { '/rome.json': { body: readFileSync('data/roman-republic.timelinejs.json', 'utf8') } });
    await page.goto(dataUrl('/rome.json'));
    await page.getByRole('region', { name: 'Timeline of From Republic to Empire' }).waitFor();
    // Marks are laid out again once gesture handling has loaded; click them after that.
    await page.locator('.timeline-plot[data-gestures="ready"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('From Republic to Empire');
    await expect.poll(() => page.locator('.credit').first().textContent()).toContain('a TimelineJS file');

    // Events, by their accessible names on the timeline.
    const marks = page.locator('.timeline-marks');
    for (const title of ['Battle of Actium', 'Death of Augustus', 'Tiberius Gracchus killed']) {
      expect(await marks.getByRole('button', { name: new RegExp(title) }).count(), title).toBeGreaterThan(0);
    }
    // Eras: drawn as labels, and listed with their dates for screen readers.
    expect(await page.locator('.period-label').allTextContents()).toEqual(['Late Republic', 'Civil wars', 'Principate of Augustus']);
    const periods = page.getByRole('list').filter({ has: page.getByRole('listitem').filter({ hasText: 'Late Republic' }) });
    expect(await periods.getByRole('listitem').allTextContents()).toEqual([
      'Late Republic: between 133 BCE and 49 BCE',
      'Civil wars: between 49 BCE and 27 BCE',
      'Principate of Augustus: between 27 BCE and 14',
    ]);
    // The bands are not in the tab order: the first Tab stop in the timeline is still an event.
    expect(await page.locator('.period-label[tabindex], .period-band[tabindex]').count()).toBe(0);

    // The slide without a start date is named, not dropped in silence.
    await page.getByText(/could not be used and are not shown/).click();
    await expect.poll(() => page.locator('.rejected-notice').textContent()).toContain('events[10].start_date: “The founding of Rome” has no start_date');

    // An event without a quotation is shown, marked; one with a blockquote shows it, credited.
    await marks.getByRole('button', { name: /Battle of Actium/ }).first().click();
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.textContent()).toContain('No source excerpt');
    // The Rubicon shares a cluster with Pharsalus at this zoom: open it from the list.
    await page.getByRole('tab', { name: 'List' }).click();
    await page.locator('.event-list').getByRole('link', { name: 'Caesar crosses the Rubicon' }).click();
    await expect.poll(() => details.locator('blockquote').first().textContent()).toBe('The die is cast.');
    expect(await details.locator('figcaption').first().textContent()).toContain('Suetonius, Life of Julius Caesar');
    await saveScreenshot(page, 'import-timelinejs');

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});

describe('a spreadsheet opened from disk', () => {
  it('reads a TimelineJS spreadsheet export and names the rows it could not use', async () => {
    const { page, errors } = await openPage();
    await page.goto('/');
    await page.getByRole('region', { name: /^Timeline of/ }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(fixturePath('import/timelinejs.csv'));
    await page.getByRole('region', { name: 'Timeline of Space Race' }).waitFor();
    expect(await page.locator('.period-label').allTextContents()).toEqual(['The Space Race']);
    await page.getByRole('tab', { name: 'List' }).click();
    const list = page.locator('.event-list');
    await expect.poll(() => list.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Far back', 'Sputnik 1', 'Sputnik 1', 'Gagarin in orbit', 'Apollo 11', 'Bad time']);
    // "Bad time" keeps its year; only its unreadable time is listed as not used.
    expect(await list.getByText('No source excerpt').count()).toBe(5);
    await page.getByText(/could not be used and are not shown/).click();
    const notice = (await page.locator('.rejected-notice').textContent()) ?? '';
    expect(notice).toContain('row 7, column "Year"');
    expect(notice).toContain('row 9, column "Time"');
    expect(errors).toEqual([]);
  });
});

describe('a gzipped file', () => {
  it('opens from disk as the spreadsheet it holds: a public TimelineJS export, gzipped, shows the same timeline', async () => {
    const { page, errors } = await openPage();
    await page.goto('/');
    await page.getByRole('region', { name: /^Timeline of/ }).waitFor();
    const csv = fixturePath('import/real/women_in_computing.csv');
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByRole('region', { name: 'Timeline of Women in Computing' }).waitFor();
    await page.getByRole('tab', { name: 'List' }).click();
    const titles = () => page.locator('.event-list').getByRole('heading', { level: 2 }).allTextContents();
    const plain = await titles();
    expect(plain.length).toBeGreaterThanOrEqual(10);

    const packed = join(mkdtempSync(join(tmpdir(), 'gz-')), 'women_in_computing.csv.gz');
    writeFileSync(packed, gzipSync(readFileSync(csv)));
    await page.locator('input[type="file"]').setInputFiles(packed);
    // The same title (not the file's name), the same events in the same order.
    await expect.poll(() => page.locator('.credit').first().textContent()).toContain('women_in_computing.csv.gz');
    await page.getByRole('region', { name: 'Timeline of Women in Computing' }).waitFor();
    await page.getByRole('tab', { name: 'List' }).click();
    await expect.poll(titles).toEqual(plain);
    await saveScreenshot(page, 'import-gzip-spreadsheet');
    expect(errors).toEqual([]);
  });

  it('opens by URL from a host that sends it as application/gzip, and a damaged one is refused saying so', async () => {
    const { page, errors, outside } = await openPage();
    const bundled = readFileSync('data/kursk-2024.json');
    const packed = new Uint8Array(gzipSync(bundled));
    await serveDatasets(page, {
      '/events.json.gz': { body: packed, contentType: 'application/gzip' },
      '/cut.json.gz': { body: packed.slice(0, Math.floor(packed.length / 2)), contentType: 'application/gzip' },
    });
    await page.goto(dataUrl('/events.json.gz'));
    const title = (JSON.parse(bundled.toString('utf8')) as { title: string }).title;
    await page.getByRole('region', { name: `Timeline of ${title}` }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.locator('.timeline-marks [data-mark-key]').count()).toBeGreaterThan(10);

    await page.goto(dataUrl('/cut.json.gz'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('This dataset could not be loaded');
    expect(await page.locator('.problem-list li').textContent()).toMatch(
      new RegExp(`^https://data\\.example\\.test/cut\\.json\\.gz: is gzip-compressed, but its compressed data is damaged or cut short \\(after \\d+ (bytes|KB)\\); the download or copy may be incomplete`),
    );
    // The message is where the reader looks: inside the window, not below it.
    const box = await page.locator('.problem-list li').boundingBox();
    expect(box && box.y >= 0 && box.x >= 0 && box.y + box.height <= desktopViewport.height && box.x + box.width <= desktopViewport.width).toBe(true);
    await saveScreenshot(page, 'import-gzip-damaged');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
