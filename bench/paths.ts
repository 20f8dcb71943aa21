// The path a reader takes to a large dataset: opening a generated file by URL (`/?data=URL`) and by file
// (the "Open dataset" button's file chooser), in the real built app, in vis-timeline 8.5 (vis.html?load) and
// in a bare page that only downloads and parses (bare.html). Driven by run.ts (`--paths url,file`); see
// bench/README.md. Only what a user sees is relied on: the URL parameter, the button, the loading screen
// (role=status with a <progress>), marks in the plot; bench/probe.ts watches them from inside the page.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { CDPSession, Page } from 'playwright-core';
import { newPage } from '../tests/e2e/support/browser';
import { findFreePort } from '../tests/e2e/support/server';
import { close, errorText, heapMB, inputScript, launch, sleep, withTimeout } from './drive';
import { probeScript, type ProbeConfig } from './probe';
import { lostSteps } from './steps';
import {
  fmtN,
  medianPathMetrics,
  PATH_RUNNER_NAMES,
  type FileFormat,
  type FrameStats,
  type LostSteps,
  type PathCell,
  type PathId,
  type PathMetrics,
  type PathResults,
  type PathRun,
  type PathRunnerId,
} from './report';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(benchDir, 'tmp', 'paths');
export const APP_DIST = join(benchDir, 'tmp', 'app-dist');

export interface PathOptions {
  sizes: number[];
  runs: number;
  seed: number;
  perSource: number;
  paths: PathId[];
  runners: PathRunnerId[];
  /** Seconds from the clock's start to ready before a run is given up. */
  capS: number;
  scriptCapS: number;
  /** Sizes also opened as our CSV (ours and the bare page). */
  csvSizes: number[];
  /** Minutes for this part of the bench (0: no limit); later runs of a cell give way to larger sizes. */
  budgetMin: number;
  /** Build the app into bench/tmp/app-dist (else reuse it). */
  buildApp: boolean;
  /** Also the 100k-by-URL row over an emulated 50 Mbit/s link with 40 ms latency (ours and bare). */
  slowLink: boolean;
}

type Log = (text: string) => void;

// ---------------------------------------------------------------------------------------------
// The files and their server.

function dataFile(n: number, seed: number, perSource: number, format: FileFormat): string {
  return join(dataDir, `synthetic-${n}-seed${seed}-ps${perSource}.${format}`);
}

/** The JSON file gzipped beside it (level 6, gzip's own default), unless it is there already. */
async function gzipFile(n: number, options: PathOptions, log: Log): Promise<void> {
  const file = dataFile(n, options.seed, options.perSource, 'json.gz');
  if (existsSync(file)) return;
  log(`gzipping ${fmtN(n)} events' JSON to ${basename(file)}`);
  const partial = `${file}.partial`;
  await pipeline(createReadStream(dataFile(n, options.seed, options.perSource, 'json')), createGzip({ level: 6 }), createWriteStream(partial));
  renameSync(partial, file);
}

/** Writes the files not yet in bench/tmp/paths (they depend only on size, seed and events per source). */
function generateFiles(options: PathOptions, log: Log): void {
  mkdirSync(dataDir, { recursive: true });
  for (const n of options.sizes) {
    for (const format of ['json', ...(options.csvSizes.includes(n) ? ['csv'] : [])] as FileFormat[]) {
      const file = dataFile(n, options.seed, options.perSource, format);
      if (existsSync(file)) continue;
      log(`writing ${fmtN(n)} events as ${format.toUpperCase()} to ${basename(file)}`);
      const partial = `${file}.partial`;
      const args =
        format === 'json'
          ? ['tsx', 'scripts/gen.ts', '--events', String(n), '--seed', String(options.seed), '--per-source', String(options.perSource), '--out', partial]
          : ['tsx', 'bench/gen-csv.ts', String(n), String(options.seed), String(options.perSource), partial];
      execFileSync('npx', args, { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
      renameSync(partial, file);
    }
  }
}

/** A static server for bench/tmp/paths: Content-Length, CORS for the app's cross-origin fetch, no caching. */
async function serveData(): Promise<{ base: string; server: Server }> {
  const port = await findFreePort();
  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('cache-control', 'no-store');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET', 'access-control-allow-headers': '*' });
      res.end();
      return;
    }
    const name = basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dataDir, name);
    if (!name || !existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    // A gzipped file is sent as a file (as object stores and most static hosts send a .gz), not as an encoding.
    const type = name.endsWith('.gz') ? 'application/gzip' : name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json';
    res.writeHead(200, { 'content-type': type, 'content-length': statSync(file).size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${port}/`, server };
}

// ---------------------------------------------------------------------------------------------
// Web Workers' heap, through the browser's CDP target list (Playwright exposes no CDP session for a worker).

class WorkerHeaps {
  private readonly sessions = new Map<string, string>();
  private readonly waiting = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  /** The largest sum seen while loading; null until a worker is seen. */
  peakMB: number | null = null;
  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
      const reply = JSON.parse(message) as { id?: number; result?: unknown; error?: unknown };
      if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply.result ?? null);
    });
    cdp.on('Target.detachedFromTarget', ({ targetId }) => {
      if (targetId) this.sessions.delete(targetId);
    });
  }

  private async call(sessionId: string, method: string): Promise<unknown> {
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve) => this.waiting.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    try {
      return await withTimeout(answer, 10_000, `${method} in a worker did not answer`);
    } finally {
      this.waiting.delete(id);
    }
  }

  /** The sum of the live workers' used heap (MB), after a GC when asked; null when no worker is alive. */
  async sample(gc: boolean): Promise<number | null> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'worker');
    for (const t of workers) {
      if (this.sessions.has(t.targetId)) continue;
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      this.sessions.set(t.targetId, sessionId);
    }
    let total = 0;
    let alive = 0;
    for (const t of workers) {
      const sessionId = this.sessions.get(t.targetId);
      if (!sessionId) continue;
      try {
        if (gc) await this.call(sessionId, 'HeapProfiler.collectGarbage');
        const usage = (await this.call(sessionId, 'Runtime.getHeapUsage')) as { usedSize?: number } | null;
        if (usage?.usedSize !== undefined) {
          total += usage.usedSize / 1048576;
          alive++;
        }
      } catch {
        // The worker ended while being asked.
      }
    }
    if (alive > 0) this.peakMB = Math.max(this.peakMB ?? 0, total);
    return alive > 0 ? total : null;
  }
}

// ---------------------------------------------------------------------------------------------
// One page load.

interface Servers {
  app: string;
  site: string;
  data: string;
}

interface RunSpec {
  runner: PathRunnerId;
  path: PathId;
  format: FileFormat;
  n: number;
  run: number;
  slowLink?: boolean;
}

/** The page's `__paths:` console messages, or a crash, as one awaitable outcome. */
function outcome(page: Page, ms: number): Promise<'ready' | 'error' | 'crash' | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    const done = (kind: 'ready' | 'error' | 'crash') => {
      clearTimeout(timer);
      resolve(kind);
    };
    page.on('console', (message) => {
      const text = message.text();
      if (text === '__paths:ready') done('ready');
      else if (text === '__paths:error') done('error');
    });
    page.on('crash', () => done('crash'));
  });
}

const readProbe = (page: Page) => page.evaluate(() => {
  const p = window.__paths;
  if (!p) return null;
  return { longTasks: p.longTasks, changes: p.changes, chosenAt: p.chosenAt, readyAt: p.readyAt, readyRafAt: p.readyRafAt, completeAt: p.completeAt, error: p.error, steps: p.steps, windows: p.windows };
});

/** Ours: waits (at most `ms`) until every lane's marks are drawn; the time, or null (other pages, or not in time). */
async function whenComplete(page: Page, ms: number): Promise<number | null> {
  const until = Date.now() + ms;
  for (;;) {
    const at = await page.evaluate(() => window.__paths?.completeAt ?? null);
    if (at !== null || Date.now() > until) return at;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function runOnce(spec: RunSpec, servers: Servers, options: PathOptions): Promise<PathRun> {
  const { runner, path, format, n, run } = spec;
  const started = Date.now();
  const record = (status: PathRun['status'], message: string | null, metrics: PathMetrics | null = null): PathRun => ({
    runner,
    path,
    format,
    n,
    run,
    status,
    message,
    wallMs: Date.now() - started,
    metrics,
  });
  const file = dataFile(n, options.seed, options.perSource, format);
  const dataUrl = `${servers.data}${basename(file)}`;
  const page0 = new URL(runner === 'ours' ? servers.app : `${servers.site}${runner === 'vis' ? 'vis.html?load' : 'bare.html'}`);
  const config: ProbeConfig = { watchMarks: runner === 'ours', armOnFile: path === 'file', windowFrom: runner === 'vis' ? 'vis' : 'overview' };
  const launched = await launch();
  try {
    const page = await newPage(launched.browser, { viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: probeScript(config) });
    const cdp = await page.context().newCDPSession(page);
    if (spec.slowLink) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 50e6 / 8, uploadThroughput: 50e6 / 8 });
    }
    const workers = new WorkerHeaps(await launched.browser.newBrowserCDPSession());
    const capMs = options.capS * 1000;
    let result: Promise<'ready' | 'error' | 'crash' | 'timeout'>;
    if (path === 'url') {
      result = outcome(page, capMs);
      const url = new URL(page0);
      url.searchParams.set('data', dataUrl);
      await page.goto(url.href, { waitUntil: 'commit', timeout: 30_000 });
    } else {
      await page.goto(page0.href, { waitUntil: 'load', timeout: 30_000 });
      if (runner === 'ours') {
        // The reader meets the bundled article first; its plot is marked so that only the new one counts.
        await page.waitForSelector('.timeline-plot [data-mark-key]', { timeout: 30_000 });
        await sleep(500);
        await page.evaluate(() => document.querySelectorAll('.timeline-plot').forEach((plot) => plot.setAttribute('data-bench-stale', '')));
      }
      const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
      await page.getByRole('button', { name: 'Open dataset' }).first().click();
      result = outcome(page, capMs);
      await (await chooser).setFiles(file);
    }
    // The workers' heap while loading, every 250 ms, for its largest value.
    let loading = true;
    const sampler = (async () => {
      while (loading) {
        await workers.sample(false).catch(() => null);
        await sleep(250);
      }
    })();
    const end = await result;
    loading = false;
    await sampler;
    if (end !== 'ready') {
      const probe = end === 'crash' ? null : await withTimeout(readProbe(page), 10_000, 'the page stopped answering').catch(() => null);
      const shown = probe?.changes.at(-1)?.text;
      const where = shown ? ` (the loading screen said "${shown}")` : '';
      if (end === 'timeout') return record('dnf', runner === 'vis' ? `no first render in ${options.capS} s${where}` : `did not become ready within ${options.capS} s${where}`);
      if (end === 'crash') return record('crash', 'the page crashed (most likely out of memory)');
      return record('error', `failed: ${probe?.error ?? 'an error in the page'}`);
    }
    if (runner === 'ours') await withTimeout(whenComplete(page, 10_000), 30_000, 'the page stopped answering after ready');
    const probe = await withTimeout(readProbe(page), 30_000, 'the page stopped answering after ready');
    if (!probe || probe.readyAt === null) return record('error', 'the page said ready but has no ready time');
    const t0 = path === 'file' ? (probe.chosenAt ?? NaN) : 0;
    const readyAt = probe.readyAt;
    // Long tasks count until every lane is drawn, not only until the first screen's marks are.
    const completeAt = Math.max(readyAt, probe.completeAt ?? readyAt);
    const tasks = probe.longTasks.filter((t) => t.start >= t0 && t.start < completeAt);
    const changes = probe.changes.filter((c) => c.t >= t0 && c.t <= readyAt).map((c) => c.t);
    const gaps = changes.slice(1).map((t, i) => t - (changes[i] as number));
    if (changes.length > 0) gaps.push(readyAt - (changes[changes.length - 1] as number));
    const heapReadyMB = await withTimeout(heapMB(cdp), 60_000, 'measuring the heap hung');
    const workerHeapReadyMB = await workers.sample(true).catch(() => null);

    let script: FrameStats | null = null;
    let scriptProblem: string | null = null;
    let lost: LostSteps | null = null;
    let heapAfterMB: number | null = null;
    if (runner !== 'bare') {
      try {
        script = await inputScript(page, runner, options.scriptCapS * 1000);
        const after = await withTimeout(readProbe(page), 30_000, 'reading the steps hung');
        lost = after ? lostSteps(after.steps, after.windows, after.windows.at(-1)?.t ?? Infinity) : null;
        // The raw input events and windows, to look into a count of lost steps.
        if (after) writeFileSync(join(dataDir, `steps-${runner}-${path}-${format}-${n}-run${run}${spec.slowLink ? '-slow' : ''}.json`), JSON.stringify({ steps: after.steps, windows: after.windows }));
        heapAfterMB = await withTimeout(heapMB(cdp), 60_000, 'measuring the heap after the script hung');
      } catch (error) {
        scriptProblem = errorText(error);
      }
    }
    return record('ok', null, {
      readyMs: readyAt - t0,
      readyRafMs: (probe.readyRafAt ?? readyAt) - t0,
      completeMs: completeAt - t0,
      longTasks: tasks.length,
      longTaskMaxMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
      longTaskSumMs: tasks.reduce((sum, t) => sum + t.duration, 0),
      progressChanges: changes.length,
      firstProgressMs: changes.length ? (changes[0] as number) - t0 : null,
      progressMaxGapMs: gaps.length ? Math.max(...gaps) : null,
      heapReadyMB,
      workerHeapReadyMB,
      workerHeapPeakMB: workers.peakMB,
      script,
      scriptProblem,
      lost,
      heapAfterMB,
    });
  } catch (error) {
    return record('error', errorText(error));
  } finally {
    await close(launched);
  }
}

function describe(r: PathRun): string {
  const m = r.metrics;
  if (r.status !== 'ok' || !m) return `${r.message} (${(r.wallMs / 1000).toFixed(1)} s)`;
  const s = m.script;
  return (
    `ready ${Math.round(m.readyMs)} ms; long tasks ${m.longTasks} (longest ${Math.round(m.longTaskMaxMs)}, all ${Math.round(m.longTaskSumMs)} ms); ` +
    `progress ${m.progressChanges} changes, longest gap ${m.progressMaxGapMs === null ? '—' : Math.round(m.progressMaxGapMs)} ms; ` +
    `heap ${m.heapReadyMB.toFixed(1)} MB, workers ${m.workerHeapReadyMB?.toFixed(1) ?? '—'} (peak ${m.workerHeapPeakMB?.toFixed(1) ?? '—'}) MB` +
    (s ? `; frames p95 ${s.p95.toFixed(1)} max ${Math.round(s.max)} ms, ${s.over50} > 50 ms` : m.scriptProblem ? `; script: ${m.scriptProblem}` : '') +
    (m.lost ? `; steps lost: wheel ${m.lost.wheel}${m.lost.reachedLimit ? ' (zoom in reached 3 h)' : ''}, drag ${m.lost.drag} (quiet ${m.lost.quiet})` : '') +
    ` (${(r.wallMs / 1000).toFixed(1)} s)`
  );
}

function finish(cell: PathCell): void {
  if (cell.status === 'skipped') return;
  const ok = cell.runs.filter((r) => r.status === 'ok' && r.metrics);
  cell.median = medianPathMetrics(ok.map((r) => r.metrics as PathMetrics));
  if (ok.length > 0) {
    cell.status = 'ok';
    cell.message = null;
  } else {
    cell.status = cell.runs[0]?.status ?? 'error';
    cell.message = cell.runs[0]?.message ?? 'no run';
  }
}

// ---------------------------------------------------------------------------------------------

async function buildApp(log: Log): Promise<void> {
  log('building the app (vite.config.ts → bench/tmp/app-dist)');
  await build({ root: projectRoot, configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: APP_DIST, emptyOutDir: true } });
}

/**
 * Opens every size by each path in each runner, runs times each; calls `save` after each size. The bench
 * site (bench/dist) must be built. Returns the results.
 */
export async function runPaths(options: PathOptions, log: Log, save: (paths: PathResults) => void): Promise<PathResults> {
  const startedAt = Date.now();
  if (options.buildApp || !existsSync(join(APP_DIST, 'index.html'))) await buildApp(log);
  generateFiles(options, log);
  const data = await serveData();
  const appPort = await findFreePort();
  const appServer = await preview({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: APP_DIST },
    preview: { port: appPort, strictPort: true, host: '127.0.0.1', open: false },
  });
  const sitePort = await findFreePort();
  const siteServer = await preview({ configFile: join(benchDir, 'vite.config.ts'), logLevel: 'warn', preview: { port: sitePort, strictPort: true, host: '127.0.0.1', open: false } });
  const servers: Servers = { app: `http://127.0.0.1:${appPort}/`, site: `http://127.0.0.1:${sitePort}/`, data: data.base };
  const results: PathResults = {
    config: {
      sizes: options.sizes,
      runs: options.runs,
      paths: options.paths,
      runners: options.runners,
      capS: options.capS,
      csvSizes: options.csvSizes,
      budgetMin: options.budgetMin,
      slowLink: options.slowLink,
    },
    cells: [],
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: null,
  };
  /** Per runner, path and format: the size that did not become ready (larger ones are not attempted). */
  const gaveUp = new Map<string, { n: number; message: string }>();
  const budgetMs = options.budgetMin * 60_000;
  const capMs = (options.capS + options.scriptCapS) * 1000 + 20_000;
  try {
    for (const n of options.sizes) {
      const cells: PathCell[] = [];
      for (const path of options.paths) {
        for (const runner of options.runners) cells.push({ runner, path, format: 'json', n, bytes: 0, status: 'ok', message: null, runs: [], median: null });
        if (options.csvSizes.includes(n)) {
          for (const runner of options.runners.filter((r) => r !== 'vis')) cells.push({ runner, path, format: 'csv', n, bytes: 0, status: 'ok', message: null, runs: [], median: null });
        }
      }
      const keyOf = (c: PathCell) => `${c.runner} ${c.path} ${c.format}`;
      const done = new Set<PathCell>();
      for (const cell of cells) {
        cell.bytes = statSync(dataFile(n, options.seed, options.perSource, cell.format)).size;
        const earlier = gaveUp.get(keyOf(cell));
        if (earlier) {
          cell.status = 'skipped';
          cell.message = `not run: at ${fmtN(earlier.n)} events ${earlier.message.split(' (')[0]}`;
          done.add(cell);
        }
      }
      /** One run of each cell of the larger sizes, estimated from this size's first runs (10 times the data). */
      const reserve = () =>
        options.sizes
          .filter((s) => s > n)
          .reduce((sum, s) => sum + cells.filter((c) => !gaveUp.has(keyOf(c))).reduce((t, c) => t + Math.min(capMs, (c.runs[0]?.wallMs ?? 10_000) * (s / n)), 0), 0);
      for (let run = 1; run <= options.runs; run++) {
        for (const cell of cells) {
          if (done.has(cell)) continue;
          const first = cell.runs[0];
          if (run > 1 && first && budgetMs > 0 && Date.now() - startedAt + first.wallMs + reserve() > budgetMs) {
            cell.note = `to stay within the ${options.budgetMin}-minute budget`;
            done.add(cell);
            log(`${fmtN(n).padStart(4)} ${keyOf(cell)}: runs ${run}–${options.runs} left out ${cell.note}`);
            continue;
          }
          const result = await runOnce({ runner: cell.runner, path: cell.path, format: cell.format, n, run }, servers, options);
          cell.runs.push(result);
          log(`${fmtN(n).padStart(4)} ${PATH_RUNNER_NAMES[cell.runner].split(' (')[0]} ${cell.path} ${cell.format} run ${run}/${options.runs}: ${describe(result)}`);
          if (result.status !== 'ok') {
            done.add(cell);
            gaveUp.set(keyOf(cell), { n, message: result.message ?? result.status });
          }
        }
      }
      for (const cell of cells) finish(cell);
      results.cells.push(...cells);
      save(results);
    }
    if (options.slowLink) {
      const n = 100_000;
      results.slow = [];
      if (!existsSync(dataFile(n, options.seed, options.perSource, 'json'))) generateFiles({ ...options, sizes: [n], csvSizes: [] }, log);
      await gzipFile(n, options, log);
      // The same events as our JSON and gzipped: on a slow link the bytes sent decide.
      for (const format of ['json', 'json.gz'] as const) {
        for (const runner of options.runners.filter((r) => r !== 'vis')) {
          const cell: PathCell = { runner, path: 'url', format, n, bytes: 0, status: 'ok', message: null, runs: [], median: null };
          cell.bytes = statSync(dataFile(n, options.seed, options.perSource, format)).size;
          const result = await runOnce({ runner, path: 'url', format, n, run: 1, slowLink: true }, servers, options);
          cell.runs.push(result);
          log(` 100k ${runner} url ${format} over a slow link: ${describe(result)}`);
          finish(cell);
          results.slow.push(cell);
        }
      }
    }
  } finally {
    await appServer.close();
    await siteServer.close();
    await new Promise<void>((resolve) => data.server.close(() => resolve()));
  }
  results.finishedAt = new Date().toISOString();
  save(results);
  return results;
}
