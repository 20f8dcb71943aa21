// What a reader does with a large dataset once it is open, in the built app and headless Chromium:
// the list view, typing a search, scrolling the list and downloading the events as CSV, each with the
// longest main-thread task it caused (the issue's bar: none over 200 ms). Results go to
// bench/results/actions.md and actions.json.
//   npx tsx bench/actions.ts [--sizes 100k,1m] [--no-build]
import { execFileSync } from 'node:child_process';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, newPage } from '../tests/e2e/support/browser';
import { projectRoot, startPreviewServer } from '../tests/e2e/support/server';
import { readCount } from '../src/data/sample';

interface Measure {
  /** From the action to its visible result, in ms. */
  ms: number;
  /** The longest main-thread task from the action to its result, in ms (0: none over 50 ms). */
  longestTask: number;
  note?: string;
}

interface SizeResult {
  events: number;
  openMs: number;
  list: Measure;
  listScroll: Measure;
  typing: Measure;
  csv: Measure;
}

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const sizes = (flag('sizes') ?? '100k,1m').split(',').map((s) => {
  const n = readCount(s);
  if (n === null) throw new Error(`--sizes: "${s}" is not a count`);
  return n;
});

const now = (page: Page) => page.evaluate(() => performance.now());
const longestSince = (page: Page, since: number) =>
  page.evaluate((t) => Math.round(Math.max(0, ...(window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((l) => l.start + l.duration >= t).map((l) => l.duration))), since);

async function measure(page: Page, act: () => Promise<string | undefined>): Promise<Measure> {
  const start = await now(page);
  const note = await act();
  const ms = Math.round((await now(page)) - start);
  return { ms, longestTask: await longestSince(page, start), ...(note ? { note } : {}) };
}

async function runSize(events: number, baseURL: string): Promise<SizeResult> {
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser, { baseURL, viewport: { width: 1280, height: 800 }, context: { acceptDownloads: true } });
    await page.addInitScript(() => {
      const long: { start: number; duration: number }[] = [];
      (window as unknown as { __long: typeof long }).__long = long;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) long.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const opened = Date.now();
    await page.goto(`/?sample=${events}`);
    await page.getByRole('tab', { name: 'List' }).waitFor({ timeout: 300_000 });
    await page.locator('.timeline-plot[data-gestures="ready"]').waitFor({ timeout: 120_000 });
    const openMs = Date.now() - opened;
    await page.waitForTimeout(1000);

    const list = await measure(page, async () => {
      await page.getByRole('tab', { name: 'List' }).click();
      await page.locator('li[aria-posinset]').first().waitFor({ timeout: 120_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      return `${await page.evaluate(() => document.getElementsByTagName('*').length)} elements in the page`;
    });

    const listScroll = await measure(page, async () => {
      for (let step = 1; step <= 10; step++) {
        await page.evaluate((f) => window.scrollTo({ top: document.documentElement.scrollHeight * f }), step / 11);
        await page.waitForTimeout(100);
      }
      await page.evaluate(() => window.scrollTo({ top: 0 }));
      return 'ten jumps through the list by the scroll bar, 100 ms apart';
    });

    const box = page.getByRole('searchbox', { name: 'Search events' });
    const typing = await measure(page, async () => {
      await box.pressSequentially('kessa', { delay: 150 });
      await page.locator('.list-count').filter({ hasText: 'match “kessa”' }).waitFor({ timeout: 120_000 });
      return (await page.locator('.list-count').textContent()) ?? '';
    });
    await box.fill('');
    await page.locator('.list-count').filter({ hasNotText: 'match' }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);

    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const csv = await measure(page, async () => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: /^Events as CSV/ }).click()]);
      const path = await download.path();
      return `${((await stat(path)).size / 1048576).toFixed(0)} MB file`;
    });
    return { events, openMs, list, listScroll, typing, csv };
  } finally {
    await browser.close();
  }
}

function report(results: SizeResult[]): string {
  const row = (name: string, pick: (r: SizeResult) => Measure) =>
    `| ${name} | ${results.map((r) => { const m = pick(r); return `${m.ms.toLocaleString('en-US')} ms; longest task ${m.longestTask} ms${m.longestTask > 200 ? ' (over 200 ms)' : ''}${m.note ? `; ${m.note}` : ''}`; }).join(' | ')} |`;
  return [
    '# Actions on a large sample (built app, headless Chromium, 2 cores)',
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npx tsx bench/actions.ts\`; one run per size. A long task is one over 50 ms, as the browser reports them (PerformanceObserver "longtask"); the bar is none over 200 ms.`,
    '',
    `| action | ${results.map((r) => `${r.events.toLocaleString('en-US')} events`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    `| open the sample (for reference; the loading path is issue #13's) | ${results.map((r) => `${r.openMs.toLocaleString('en-US')} ms`).join(' | ')} |`,
    row('switch to the list view', (r) => r.list),
    row('scroll through the list', (r) => r.listScroll),
    row('type “kessa”, 150 ms a key, until the list shows the matches', (r) => r.typing),
    row('download all events as CSV', (r) => r.csv),
    '',
  ].join('\n');
}

if (!args.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
const server = await startPreviewServer();
const results: SizeResult[] = [];
try {
  for (const events of sizes) {
    console.log(`actions at ${events} events…`);
    results.push(await runSize(events, server.url));
    console.log(JSON.stringify(results.at(-1)));
  }
} finally {
  await server.close();
}
const dir = join(projectRoot, 'bench', 'results');
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'actions.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(dir, 'actions.md'), report(results));
console.log(report(results));
