// What a reader does with a large dataset once it is open, in the built app and headless Chromium: every
// view and action (filtering by actor, opening an event's details from the timeline and from the list,
// the source panel, the list and its scrolling, typing a search, each download of the Share dialog),
// each with the longest main-thread task it caused (the issue's bar: none over 200 ms); and, in Node,
// the command-line tools on a file of that size (gen, validate, convert) with their time and peak
// memory. Results go to bench/results/actions.md and actions.json.
//   npx tsx bench/actions.ts [--sizes 100k,1m] [--no-build] [--only csv,json,svg,png,convert] [--open sample|file]
// --only measures just those actions and tools (the names of ACTIONS and TOOLS below); the rows it leaves
// out keep their numbers from the results before, each run said with its date. --open file opens the
// file `npm run gen` writes (by URL, ?data=) instead of the built-in ?sample=, which opens faster.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
  /** When it was measured ("2026-11-27 21:48"), where results of several runs are shown together. */
  run?: string;
}

/** A command-line tool's run: wall time and peak resident memory. */
interface ToolRun {
  ms: number;
  peakMb: number;
  note: string;
  run?: string;
}

const ACTIONS = {
  actorFilter: 'filter by actor: “Only Arland” in the timeline, until its lane alone is drawn',
  clearFilter: 'back to every actor: Clear filters, until every lane is drawn',
  listRow: 'open an event’s details from a list row (the source panel follows)',
  timelineMark: 'open an event’s details by clicking its mark in the timeline (the source panel follows)',
  showInSource: 'Show in source: the source panel scrolls to the passage',
  showAllSource: 'the source panel’s “Show all” paragraphs',
  list: 'switch to the list view',
  listScroll: 'scroll through the list',
  typing: 'type “kessa”, 150 ms a key, until the list shows the matches',
  csv: 'download all events as CSV',
  json: 'download all events as JSON',
  svg: 'download the view as SVG',
  png: 'download the view as PNG',
} as const;
type ActionName = keyof typeof ACTIONS;

const TOOLS = {
  gen: '`npm run gen` writes the dataset as JSON (Node)',
  validate: '`npm run validate` checks that file (Node)',
  convert: '`npm run convert` turns the CSV download back into a dataset (Node)',
} as const;
type ToolName = keyof typeof TOOLS;

interface SizeResult {
  events: number;
  openMs: number;
  /** How the dataset was opened: the built-in sample, or the file npm run gen wrote, by URL. */
  opened?: 'sample' | 'file';
  actions: Partial<Record<ActionName, Measure>>;
  tools: Partial<Record<ToolName, ToolRun>>;
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
const only = flag('only')?.split(',');
for (const name of only ?? []) if (!(name in ACTIONS) && !(name in TOOLS)) throw new Error(`--only: "${name}" is none of ${[...Object.keys(ACTIONS), ...Object.keys(TOOLS)].join(', ')}`);
const measures = (name: ActionName | ToolName) => only === undefined || only.includes(name);
const openFlag = flag('open') ?? 'sample';
if (openFlag !== 'sample' && openFlag !== 'file') throw new Error(`--open: "${openFlag}" is neither sample nor file`);
const openBy: 'sample' | 'file' = openFlag;
// Actions that start where another leaves the page: the list view, or an event opened from its mark.
const inList = (['list', 'listScroll', 'listRow', 'typing'] as const).some(measures);
if ((measures('showInSource') || measures('showAllSource')) && !measures('timelineMark')) throw new Error('--only: showInSource and showAllSource need timelineMark');
const runDate = new Date().toISOString().slice(0, 16).replace('T', ' ');

const now = (page: Page) => page.evaluate(() => performance.now());
const longestSince = (page: Page, since: number) =>
  page.evaluate((t) => Math.round(Math.max(0, ...(window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((l) => l.start + l.duration >= t).map((l) => l.duration))), since);

async function measure(page: Page, act: () => Promise<string | undefined>): Promise<Measure> {
  const start = await now(page);
  const note = await act();
  const ms = Math.round((await now(page)) - start);
  return { ms, longestTask: await longestSince(page, start), ...(note ? { note } : {}) };
}

const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0)} MB`;

async function runSize(events: number, baseURL: string, csvCopy: string, path: string): Promise<Omit<SizeResult, 'tools'>> {
  const browser = await launchBrowser();
  const results: Partial<Record<ActionName, Measure>> = {};
  const run = async (name: ActionName, act: () => Promise<string | undefined>) => {
    if (!measures(name)) return;
    results[name] = { ...(await measure(page, act)), run: runDate };
    console.log(`  ${name}: ${JSON.stringify(results[name])}`);
    await page.waitForTimeout(300);
  };
  const page = await newPage(browser, { baseURL, viewport: { width: 1280, height: 800 }, context: { acceptDownloads: true } });
  try {
    await page.addInitScript(() => {
      const long: { start: number; duration: number }[] = [];
      (window as unknown as { __long: typeof long }).__long = long;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) long.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const opened = Date.now();
    await page.goto(path);
    await page.getByRole('tab', { name: 'List' }).waitFor({ timeout: 300_000 });
    await page.locator('.timeline-plot[data-gestures="ready"]').waitFor({ timeout: 120_000 });
    const openMs = Date.now() - opened;
    await page.waitForTimeout(1000);

    const lanes = page.locator('.lane-label');
    const allLanes = await lanes.count();
    if (measures('actorFilter') || measures('clearFilter')) await page.getByText('Filter by actor').click();
    await run('actorFilter', async () => {
      await page.getByRole('button', { name: 'Only Arland' }).click();
      const filtering = await page.getByRole('status').filter({ hasText: 'Filtering…' }).count();
      await page.waitForFunction(() => document.querySelectorAll('.lane-label').length === 1, null, { timeout: 120_000, polling: 50 });
      await settle(page);
      return filtering > 0 ? 'said “Filtering…” meanwhile' : undefined;
    });
    await run('clearFilter', async () => {
      await page.getByRole('button', { name: 'Clear filters' }).first().click();
      await page.waitForFunction((n) => document.querySelectorAll('.lane-label').length === n, allLanes, { timeout: 120_000, polling: 50 });
      await settle(page);
      return undefined;
    });
    await page.keyboard.press('Escape');

    if (inList && !measures('list')) {
      await page.getByRole('tab', { name: 'List' }).click();
      await page.locator('li[aria-posinset]').first().waitFor({ timeout: 120_000 });
    }
    await run('list', async () => {
      await page.getByRole('tab', { name: 'List' }).click();
      await page.locator('li[aria-posinset]').first().waitFor({ timeout: 120_000 });
      await settle(page);
      return `${await page.evaluate(() => document.getElementsByTagName('*').length)} elements in the page`;
    });

    await run('listScroll', async () => {
      for (let step = 1; step <= 10; step++) {
        await page.evaluate((f) => window.scrollTo({ top: document.documentElement.scrollHeight * f }), step / 11);
        await page.waitForTimeout(100);
      }
      await page.evaluate(() => window.scrollTo({ top: 0 }));
      return 'ten jumps through the list by the scroll bar, 100 ms apart';
    });

    const details = page.locator('.details-panel');
    await run('listRow', async () => {
      const row = page.locator('li[aria-posinset]').nth(3).locator('a').first();
      const title = (await row.textContent()) ?? '';
      await row.click();
      await details.locator('#details-heading').waitFor();
      await page.locator('.source-panel mark.is-current').first().waitFor({ timeout: 120_000 });
      await settle(page);
      return `“${title.slice(0, 40)}”`;
    });

    const box = page.getByRole('searchbox', { name: 'Search events' });
    await run('typing', async () => {
      await box.pressSequentially('kessa', { delay: 150 });
      await page.locator('.list-count').filter({ hasText: 'match “kessa”' }).waitFor({ timeout: 120_000 });
      return (await page.locator('.list-count').textContent()) ?? '';
    });
    if (measures('typing')) {
      await box.fill('');
      await page.locator('.list-count').filter({ hasNotText: 'match' }).waitFor({ timeout: 120_000 });
      await page.waitForTimeout(500);
    }

    // The event selected from the list is revealed on its own mark in the timeline; a neighbour is clicked.
    if (inList) await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.locator('.timeline-plot[data-gestures="ready"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
    await run('timelineMark', async () => {
      const mark = page.locator('.timeline-plot button[data-event-id][aria-pressed="false"]').first();
      const id = await mark.getAttribute('data-event-id');
      await mark.click();
      await page.locator(`.timeline-plot button[data-event-id="${id}"][aria-pressed="true"]`).first().waitFor({ timeout: 120_000 });
      await page.locator(`.source-panel mark.is-current[data-event-id="${id}"]`).first().waitFor({ timeout: 120_000 });
      await settle(page);
      return undefined;
    });

    await run('showInSource', async () => {
      await page.getByRole('button', { name: 'Show in source' }).click();
      await page.waitForTimeout(600);
      return 'waits 600 ms for the smooth scroll';
    });

    const showAll = page.locator('.source-panel').getByRole('button', { name: /^Show all/ });
    await run('showAllSource', async () => {
      if ((await showAll.count()) === 0) return `not offered: ${(await page.locator('.source-panel .source-all-note').textContent()) ?? 'no button'}`;
      const paragraphsBefore = await page.locator('.source-panel p').count();
      await showAll.click();
      await page.waitForFunction((n) => document.querySelectorAll('.source-panel p').length > n, paragraphsBefore, { timeout: 300_000 });
      await settle(page);
      return `${await page.locator('.source-panel p').count()} paragraphs in the panel`;
    });

    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const download = async (name: RegExp, keep?: string) => {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), dialog.getByRole('button', { name }).click()]);
      const path = await file.path();
      const size = (await stat(path)).size;
      if (keep) await file.saveAs(keep);
      await file.delete();
      return `${mb(size)} file`;
    };
    for (const [name, label, keep] of [
      ['csv', /^Events as CSV/, csvCopy],
      ['json', /^Events as JSON/, undefined],
      ['svg', /^View as SVG/, undefined],
      ['png', /^View as PNG/, undefined],
    ] as const) {
      const disabled = await dialog.getByRole('button', { name: label }).isDisabled();
      if (disabled) {
        results[name] = { ms: 0, longestTask: 0, note: `not offered: ${(await dialog.getByRole('button', { name: label }).getAttribute('title')) ?? 'disabled'}`, run: runDate };
        continue;
      }
      await run(name, () => download(label, keep));
    }
    return { events, openMs, opened: openBy, actions: results };
  } finally {
    await browser.close();
  }
}

/** Runs a command-line tool with /usr/bin/time for its peak memory. */
function timeTool(args: string[]): ToolRun {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '__peak %M', 'npx', 'tsx', ...args], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Math.round(performance.now() - started);
  const peak = /__peak (\d+)/.exec(child.stderr)?.[1];
  const said = `${child.stdout}\n${child.stderr}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('__peak') && !l.startsWith('Command exited'));
  // V8 out of memory aborts with a stack of addresses: say what happened instead.
  const last = /heap out of memory|Reached heap limit/.test(child.stderr) ? 'ran out of memory (the JavaScript heap limit)' : (said.at(-1) ?? '');
  return { ms, peakMb: peak ? Math.round(Number(peak) / 1024) : 0, note: `${child.status === 0 ? 'exit 0' : `exit ${child.status}`}: ${last.slice(0, 160).replaceAll('|', '/')}`, run: runDate };
}

/** npm run gen writes the dataset of this size (opened by URL with --open file, and checked by validate). */
function runGen(events: number, dir: string): { json: string; gen: ToolRun } {
  const json = join(dir, `gen-${events}.json`);
  const gen = timeTool(['scripts/gen.ts', '--events', String(events), '--out', json]);
  console.log(`  gen: ${JSON.stringify(gen)}`);
  return { json, gen };
}

function runTools(json: string, dir: string, csv: string, events: number): Partial<Record<ToolName, ToolRun>> {
  const tools: Partial<Record<ToolName, ToolRun>> = {};
  if (measures('validate')) tools.validate = timeTool(['scripts/validate.ts', json]);
  if (measures('convert')) tools.convert = timeTool(['scripts/convert.ts', csv, '--out', join(dir, `converted-${events}.json`)]);
  console.log(`  ${JSON.stringify(tools)}`);
  return tools;
}

/** This run's numbers over those of the results before, for the rows this run left out (--only). */
function mergeWithEarlier(results: SizeResult[], earlier: SizeResult[]): SizeResult[] {
  const untouched = earlier
    .filter((e) => !results.some((r) => r.events === e.events))
    .map((e) => mergeWithEarlier([{ ...e, actions: {}, tools: {} }], [e])[0] ?? e);
  const merged = results.map((result) => {
    const before = earlier.find((e) => e.events === result.events);
    if (!before) return result;
    const dated = <T extends { run?: string }>(m: T | undefined, run: string) => (m === undefined ? undefined : { ...m, run: m.run ?? run });
    const beforeRun = before.actions.csv?.run ?? earlierRun;
    const actions = Object.fromEntries((Object.keys(ACTIONS) as ActionName[]).map((name) => [name, result.actions[name] ?? dated(before.actions[name], beforeRun)]));
    const tools = Object.fromEntries((Object.keys(TOOLS) as ToolName[]).map((name) => [name, result.tools[name] ?? dated(before.tools[name], beforeRun)]));
    return { ...result, actions, tools };
  });
  return [...merged, ...untouched].sort((a, b) => a.events - b.events);
}

function report(results: SizeResult[]): string {
  const runs = [...new Set(results.flatMap((r) => [...Object.values(r.actions), ...Object.values(r.tools)].map((m) => m?.run ?? runDate)))].sort();
  const when = (m: { run?: string }) => (runs.length > 1 ? ` (${m.run ?? runDate})` : '');
  const cell = (m: Measure | undefined) =>
    m === undefined
      ? 'not measured'
      : m.note?.startsWith('not offered')
        ? m.note
        : `${m.ms.toLocaleString('en-US')} ms; longest task ${m.longestTask} ms${m.longestTask > 200 ? ' (over 200 ms)' : ''}${m.note ? `; ${m.note}` : ''}${when(m)}`;
  const tool = (t: ToolRun | undefined) => (t === undefined ? 'not measured' : `${t.ms.toLocaleString('en-US')} ms; peak ${t.peakMb.toLocaleString('en-US')} MB; ${t.note}${when(t)}`);
  const command = `npx tsx bench/actions.ts${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  return [
    '# Actions on a large sample (built app, headless Chromium, 2 cores)',
    '',
    runs.length > 1
      ? `Runs of ${runs.join(' and ')} UTC (each row says which); the latest by \`${command}\`, the rows it left out kept from the run before. One run per size, on a machine that may be shared with other work (numbers vary by run, long tasks most; the README says what ran beside each run). A long task is one over 50 ms, as the browser reports them (PerformanceObserver "longtask"); the bar is none over 200 ms. The time is from the action to its visible result (for a download: until the file is saved).`
      : `Run ${runDate} UTC by \`${command}\`; one run per size, on a machine shared with other work. A long task is one over 50 ms, as the browser reports them (PerformanceObserver "longtask"); the bar is none over 200 ms. The time is from the action to its visible result (for a download: until the file is saved).`,
    '',
    `| action | ${results.map((r) => `${r.events.toLocaleString('en-US')} events`).join(' | ')} |`,
    `| --- | ${results.map(() => '---').join(' | ')} |`,
    `| open the sample (for reference; the loading path is issue #13's) | ${results.map((r) => `${r.openMs.toLocaleString('en-US')} ms${r.opened === 'file' ? ' (the file npm run gen writes, by URL)' : ''}`).join(' | ')} |`,
    ...(Object.keys(ACTIONS) as ActionName[]).map((name) => `| ${ACTIONS[name]} | ${results.map((r) => cell(r.actions[name])).join(' | ')} |`),
    ...(Object.keys(TOOLS) as ToolName[]).map((name) => `| ${TOOLS[name]} | ${results.map((r) => tool(r.tools[name])).join(' | ')} |`),
    '',
  ].join('\n');
}

const dir = join(projectRoot, 'bench', 'results');
const earlierText = await readFile(join(dir, 'actions.json'), 'utf8').catch(() => '[]');
const earlier = JSON.parse(earlierText) as SizeResult[];
// Results written before runs were dated: their date is the one their report gave.
const earlierRun = /^Run (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/m.exec(await readFile(join(dir, 'actions.md'), 'utf8').catch(() => ''))?.[1] ?? 'an earlier run';

if (!args.includes('--no-build')) execFileSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
const server = await startPreviewServer();
const results: SizeResult[] = [];
const scratch = join(tmpdir(), `bench-actions-${process.pid}`);
await mkdir(scratch, { recursive: true });
try {
  for (const events of sizes) {
    console.log(`actions at ${events} events…`);
    const csv = join(scratch, `download-${events}.csv`);
    const needsGen = openBy === 'file' || measures('gen') || measures('validate');
    const generated = needsGen ? runGen(events, scratch) : null;
    let path = `/?sample=${events}`;
    const served = join(projectRoot, 'dist', `bench-${events}.json`);
    if (openBy === 'file' && generated) {
      await copyFile(generated.json, served);
      path = `/?data=/bench-${events}.json`;
    }
    const browsed = await runSize(events, server.url, csv, path);
    await rm(served, { force: true });
    console.log(`tools at ${events} events…`);
    const tools = generated ? runTools(generated.json, scratch, csv, events) : runTools('', scratch, csv, events);
    results.push({ ...browsed, tools: { ...(generated && measures('gen') ? { gen: generated.gen } : {}), ...tools } });
    await rm(scratch, { recursive: true, force: true });
    await mkdir(scratch, { recursive: true });
  }
} finally {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
}
const merged = only === undefined ? results : mergeWithEarlier(results, earlier);
await mkdir(dir, { recursive: true });
await writeFile(join(dir, 'actions.json'), `${JSON.stringify(merged, null, 2)}\n`);
await writeFile(join(dir, 'actions.md'), report(merged));
console.log(report(merged));
