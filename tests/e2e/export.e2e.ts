import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { artifactsDir, collectPageErrors, sharedBrowser, desktopViewport } from './support/browser';
import { openApp } from './support/app';
import { validateDataset } from '../../src/data/validate';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

const SHARE = {
  en: { button: 'Share / Embed', dialog: 'Share or embed this view' },
  uk: { button: 'Поширити / Вбудувати', dialog: 'Поширити або вбудувати цей вигляд' },
};

async function open(path: string, colorScheme: 'light' | 'dark' = 'light', lang: keyof typeof SHARE = 'en') {
  const page = await chromium.page({ baseURL, viewport: desktopViewport, context: { acceptDownloads: true, colorScheme } });
  const errors = collectPageErrors(page);
  await openApp(page, path);
  await page.getByRole('button', { name: SHARE[lang].button }).click();
  await page.getByRole('dialog', { name: SHARE[lang].dialog }).waitFor();
  return { page, errors };
}

/** Clicks a download button and returns the file's name and bytes (kept under tests/e2e/artifacts to look at). */
async function download(page: Page, name: RegExp, tag = 'light'): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name }).click()]);
  const path = await file.path();
  await mkdir(artifactsDir, { recursive: true });
  await copyFile(path, join(artifactsDir, `export-${tag}-${file.suggestedFilename()}`));
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** The SVG parsed by the browser: parse errors, the root's name and size, and every text. */
async function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      scripts: doc.querySelectorAll('script, foreignObject').length,
      links: [...doc.querySelectorAll('*')].filter((el) => el.hasAttribute('href') || el.hasAttribute('xlink:href')).length,
    };
  }, svg);
}

/** Titles of event labels the page shows in full (not cut short by an ellipsis). */
async function visibleTitles(page: Page): Promise<string[]> {
  return page.locator('.timeline-marks .mark-label').evaluateAll((labels) =>
    labels.filter((l) => l instanceof HTMLElement && l.getClientRects().length > 0 && l.scrollWidth <= l.clientWidth + 1).map((l) => l.textContent ?? ''),
  );
}

describe('exporting from the Share menu', () => {
  it('saves the view as an SVG with the visible event titles, the legend, the title and the source', async () => {
    const { page, errors } = await open('/?from=2024-10-20&to=2024-11-25');
    const titles = await visibleTitles(page);
    expect(titles.length).toBeGreaterThan(3);
    const lanes = await page.locator('.lane-label').allTextContents();
    const { name, bytes } = await download(page, /^View as SVG$/);
    expect(name).toMatch(/^biden-allows-.*-timeline\.svg$/);
    const svg = await parseSvg(page, bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    expect(svg.root).toBe('svg');
    expect(svg.scripts).toBe(0);
    expect(svg.links).toBe(0);
    for (const title of titles) expect(svg.texts).toContain(title);
    for (const lane of lanes) expect(svg.texts).toContain(lane.trim());
    const all = svg.texts.join('\n');
    expect(all).toContain('Biden Allows Ukraine to Use US Long-Range Missiles');
    expect(all).toContain('The Epoch Times');
    expect(all).toMatch(/Shown: Oct 20, 2024 – Nov 2[45], 2024/);
    expect(errors).toEqual([]);
  });

  it('saves the view as a PNG at twice its size, under the page’s CSP', async () => {
    const { page, errors } = await open('/', 'dark');
    const svg = await parseSvg(page, (await download(page, /^View as SVG$/, 'dark')).bytes.toString('utf8'));
    const plotWidth = (await page.locator('.timeline-plot').boundingBox())?.width ?? 0;
    expect(svg.width).toBeGreaterThanOrEqual(plotWidth);
    const { name, bytes } = await download(page, /^View as PNG/, 'dark');
    expect(name).toMatch(/-timeline\.png$/);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([svg.width * 2, svg.height * 2]);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });

  it('saves the filtered events as CSV and as a dataset our validator accepts', async () => {
    const { page, errors } = await open('/?actors=north-korea,russia&q=missile');
    const label = await page.getByRole('button', { name: /^Events as CSV/ }).textContent();
    const count = Number(/\((\d+) events?\)/.exec(label ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);

    const csvBytes = (await download(page, /^Events as CSV/)).bytes;
    // A UTF-8 byte-order mark first, so that a spreadsheet reads the text as UTF-8.
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = csvBytes.subarray(3).toString('utf8');
    expect(csv.split('\n')[0]).toMatch(/^id,date,title,summary,actors,excerpt,source,date_basis(,excerpt_2,source_2)*$/);

    const json = await download(page, /^Events as JSON/);
    expect(json.name).toMatch(/-events\.json$/);
    const result = validateDataset(JSON.parse(json.bytes.toString('utf8')));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events).toHaveLength(count);
    for (const event of result.dataset?.events ?? []) {
      expect(event.actors.some((a) => ['north-korea', 'russia', 'vladimir-putin'].includes(a))).toBe(true);
      expect(`${event.title} ${event.summary} ${event.excerpts.map((e) => e.quote).join(' ')}`.toLowerCase()).toContain('missile');
    }
    expect(errors).toEqual([]);
  });

  it('in Ukrainian, saves the data as authored (English titles) and the picture as the reader sees it (Ukrainian titles and words)', async () => {
    const { page, errors } = await open('/?lang=uk&from=2024-10-20&to=2024-11-25', 'light', 'uk');
    const authored = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as { title: string; events: { id: string; title: string }[] };
    const translated = 'Зеленський: Київ сподівається завершити війну дипломатією наступного року';
    const english = authored.events.find((e) => e.id === 'zelenskyy-hopes-for-diplomatic-end')?.title ?? '';
    expect(english).toMatch(/^[\x20-\x7e’]+$/);

    const json = await download(page, /^Події у форматі JSON \(\d+ под(ія|ії|ій)\)$/, 'uk');
    // The file is named after the authored title, so a download is named the same in every language.
    expect(json.name).toMatch(/^biden-allows-.*-events\.json$/);
    const data = JSON.parse(json.bytes.toString('utf8')) as { title: string; events: { id: string; title: string }[] };
    expect(data.title).toBe(authored.title);
    expect(data.events.find((e) => e.id === 'zelenskyy-hopes-for-diplomatic-end')?.title).toBe(english);
    // The translation is there only where the author put it, among the dataset's translations.
    expect(data.events.some((e) => e.title === translated)).toBe(false);

    const titles = await visibleTitles(page);
    expect(titles).toContain(translated);
    const { name, bytes } = await download(page, /^Вигляд у форматі SVG$/, 'uk');
    expect(name).toMatch(/^biden-allows-.*-timeline\.svg$/);
    const svg = await parseSvg(page, bytes.toString('utf8'));
    expect(svg.error).toBeNull();
    for (const title of titles) expect(svg.texts).toContain(title);
    expect(svg.texts).not.toContain(english);
    const all = svg.texts.join('\n');
    expect(all).toMatch(/Показано: 20 жовтня 2024 – 2[45] листопада 2024/);
    expect(all).toContain('кілька подій, із їхньою кількістю');
    expect(all).toContain('Джерело: The Epoch Times, «Biden Allows Ukraine');
    expect(all).toContain('Створено в застосунку «Хронологія конфлікту»');
    for (const word of ['Shown:', 'Source:', 'Made with', 'Published', 'one date']) expect(all).not.toContain(word);
    // The PNG too, to look at: tests/e2e/artifacts/export-uk-….png.
    await download(page, /^Вигляд у форматі PNG \(розмір ×2\)$/, 'uk');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
