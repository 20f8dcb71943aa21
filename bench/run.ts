// Usage: npm run bench -- [--paths memory,url,file] [--sizes 1000,10000,100000,1000000] [--runs 3] [--seed 1]
//                         [--per-source 50] [--runners ours,vis,bare] [--ready-cap 120] [--script-cap 60] [--generate-cap 120]
//                         [--no-build] [--no-app-size] [--path-cap 60] [--csv-sizes 1m] [--path-budget 25] [--slow-link]
// Builds the bench site (bench/vite.config.ts), serves it with `vite preview`, and in headless Chromium
// measures the app's Explorer and vis-timeline on the same generated data (memory), then the built app,
// vis-timeline and a bare page opening the same data as a file by URL and by file (paths.ts); writes
// bench/results/latest.md and latest.json. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, preview, version as viteVersion } from 'vite';
import type { Page } from 'playwright-core';
import { newPage } from '../tests/e2e/support/browser';
import { findFreePort } from '../tests/e2e/support/server';
import type { LongTask } from './harness';
import { close, countDom, errorText, heapMB, inputScript, launch, sleep, withTimeout } from './drive';
import { runPaths } from './paths';
import { parseCount, UsageError } from './cli';
import { readCommandLine } from '../scripts/cli';
import { readCount } from '../src/data/sample';
import {
  fmtN,
  medianMetrics,
  percentile,
  renderMarkdown,
  RUNNER_NAMES,
  type AppSize,
  type Cell,
  type FrameStats,
  type Machine,
  type PathId,
  type PathRunnerId,
  type Results,
  type RunMetrics,
  type RunnerId,
  type RunRecord,
} from './report';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const defaultResultsDir = join(benchDir, 'results');
const tmpDir = join(benchDir, 'tmp');

const USAGE =
  'usage: npm run bench -- [--paths memory,url,file] [--sizes 1000,10000,100000,1000000] [--runs 3] [--seed 1] [--per-source 50]\n' +
  '                        [--runners ours,vis,bare] [--ready-cap SECONDS] [--script-cap SECONDS] [--generate-cap SECONDS] [--no-build] [--no-app-size]\n' +
  '                        [--results-dir DIR] [--report-only (rewrite latest.md from latest.json)] [--try-all] [--budget MINUTES]\n' +
  '                        [--path-cap SECONDS] [--csv-sizes 1m|none] [--path-budget MINUTES] [--slow-link]';

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  perSource: number;
  runners: RunnerId[];
  readyCapS: number;
  scriptCapS: number;
  generateCapS: number;
  build: boolean;
  appSize: boolean;
  resultsDir: string;
  reportOnly: boolean;
  /** Attempt every size even when a smaller one shows it cannot become ready within the cap. */
  tryAll: boolean;
  /** Minutes the whole bench should take at most (0: no limit); later runs of a size give way to larger sizes. */
  budgetMin: number;
  /** Which parts run: data in memory (this file), opening a file by URL and by file (paths.ts). */
  paths: PathPart[];
  /** Runners of the url and file paths (the bare page is theirs only). */
  pathRunners: PathRunnerId[];
  pathCapS: number;
  /** The input script's cap in the url and file parts (--script-cap sets both; default 30 s there). */
  pathScriptCapS: number;
  csvSizes: number[];
  pathBudgetMin: number;
  slowLink: boolean;
}

type PathPart = 'memory' | PathId;


const tool = {
  name: 'bench',
  help: `${USAGE}

Builds the benchmark site, drives our app and vis-timeline in headless Chromium with the same script, and
writes bench/results/latest.md and latest.json. --paths chooses the parts: memory (the dataset built in
the page), url (the built app opening /?data=URL) and file (its "Open dataset" button), the last two also
for vis-timeline and a bare page that only downloads and parses (bench/paths.ts).

Exit status: 0 done; 2 wrong usage.`,
  options: {
    sizes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    'per-source': { type: 'string' },
    runners: { type: 'string' },
    'ready-cap': { type: 'string' },
    'script-cap': { type: 'string' },
    'generate-cap': { type: 'string' },
    'no-build': { type: 'boolean' },
    'no-app-size': { type: 'boolean' },
    'results-dir': { type: 'string' },
    'report-only': { type: 'boolean' },
    'try-all': { type: 'boolean' },
    budget: { type: 'string' },
    paths: { type: 'string' },
    'path-cap': { type: 'string' },
    'csv-sizes': { type: 'string' },
    'path-budget': { type: 'string' },
    'slow-link': { type: 'boolean' },
  },
  positionals: { max: 0 },
} as const;

function parseArgs(argv: string[]): Options {
  const { values } = readCommandLine(tool, argv);
  const options: Options = {
    sizes: [1_000, 10_000, 100_000, 1_000_000],
    runs: 3,
    seed: 1,
    perSource: 50,
    runners: ['ours', 'vis'],
    readyCapS: 120,
    scriptCapS: 60,
    generateCapS: 120,
    build: !values['no-build'],
    appSize: !values['no-app-size'],
    resultsDir: values['results-dir'] ?? defaultResultsDir,
    reportOnly: values['report-only'] ?? false,
    tryAll: values['try-all'] ?? false,
    budgetMin: 15,
    paths: ['memory', 'url', 'file'],
    pathRunners: ['ours', 'vis', 'bare'],
    pathCapS: 60,
    pathScriptCapS: 30,
    csvSizes: [1_000_000],
    pathBudgetMin: 25,
    slowLink: values['slow-link'] ?? false,
  };
  const positive = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got "${text}"`);
    return n;
  };
  if (values.sizes !== undefined) {
    options.sizes = [...new Set(values.sizes.split(',').filter(Boolean).map((size) => parseCount('--sizes', size, 1)))].sort((a, b) => a - b);
    if (options.sizes.length === 0) throw new UsageError('--sizes needs at least one size');
  }
  if (values.runs !== undefined) {
    options.runs = Number(values.runs);
    if (!Number.isInteger(options.runs) || options.runs < 1 || options.runs > 20) throw new UsageError(`--runs must be a whole number from 1 to 20, got "${values.runs}"`);
  }
  if (values.seed !== undefined) {
    if (!/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
    options.seed = Number(values.seed);
  }
  if (values['per-source'] !== undefined) options.perSource = parseCount('--per-source', values['per-source'], 1);
  if (values.runners !== undefined) {
    const list = values.runners.split(',').filter(Boolean);
    for (const r of list) if (r !== 'ours' && r !== 'vis' && r !== 'bare') throw new UsageError(`--runners takes ours, vis and/or bare, got "${r}"`);
    if (list.length === 0) throw new UsageError('--runners needs ours, vis or bare');
    options.pathRunners = [...new Set(list as PathRunnerId[])];
    options.runners = options.pathRunners.filter((r): r is RunnerId => r !== 'bare');
  }
  const parts = (flag: string, text: string, allowed: readonly string[]) => {
    const list = [...new Set(text.split(',').filter(Boolean))];
    for (const part of list) if (!allowed.includes(part)) throw new UsageError(`${flag} takes ${allowed.join(', ')}, got "${part}"`);
    if (list.length === 0) throw new UsageError(`${flag} needs at least one of ${allowed.join(', ')}`);
    return list;
  };
  if (values.paths !== undefined) options.paths = parts('--paths', values.paths, ['memory', 'url', 'file']) as PathPart[];
  if (options.paths.includes('memory') && options.runners.length === 0) throw new UsageError('the in-memory bench (--paths memory) needs ours or vis in --runners');
  if (values['path-cap'] !== undefined) options.pathCapS = positive('--path-cap', values['path-cap']);
  if (values['csv-sizes'] !== undefined) {
    options.csvSizes = values['csv-sizes'] === 'none' ? [] : values['csv-sizes'].split(',').filter(Boolean).map((size) => parseCount('--csv-sizes', size, 1));
  }
  if (values['path-budget'] !== undefined) {
    options.pathBudgetMin = Number(values['path-budget']);
    if (!Number.isFinite(options.pathBudgetMin) || options.pathBudgetMin < 0) throw new UsageError(`--path-budget takes minutes (0 for no limit), got "${values['path-budget']}"`);
  }
  if (values['ready-cap'] !== undefined) options.readyCapS = positive('--ready-cap', values['ready-cap']);
  if (values['script-cap'] !== undefined) options.scriptCapS = options.pathScriptCapS = positive('--script-cap', values['script-cap']);
  if (values['generate-cap'] !== undefined) options.generateCapS = positive('--generate-cap', values['generate-cap']);
  if (values.budget !== undefined) {
    options.budgetMin = Number(values.budget);
    if (!Number.isFinite(options.budgetMin) || options.budgetMin < 0) throw new UsageError(`--budget takes minutes (0 for no limit), got "${values.budget}"`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Small helpers.


function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}


// ---------------------------------------------------------------------------------------------
// Builds.

async function buildBenchSite(): Promise<void> {
  await build({ configFile: join(benchDir, 'vite.config.ts'), logLevel: 'warn' });
}

/** The real app's build (its own config), into bench/tmp so that dist/ is left alone; null when it built, else why not. */
async function buildApp(): Promise<string | null> {
  try {
    await build({ root: projectRoot, configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir: join(tmpDir, 'app-dist'), emptyOutDir: true } });
    return null;
  } catch (error) {
    return errorText(error);
  }
}

/** Raw and gzipped sizes of built files, named by their path on the server. */
function sizesOf(paths: string[]): AppSize['files'] {
  return paths.map((ref) => {
    const bytes = readFileSync(join(tmpDir, 'app-dist', ref.replace(/^\//, '')));
    return { file: ref, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
}

/**
 * The app's initial JavaScript: every script the page fetched (its worker's included) between navigation
 * and the bundled article ready, in a fresh browser. The page's first script is small and imports the rest,
 * so the built index.html alone names almost nothing.
 */
async function measureAppSize(): Promise<AppSize> {
  const failed = await buildApp();
  if (failed) return { files: [], totalBytes: 0, totalGzip: 0, error: failed };
  const { times, scripts } = await measureInteractive();
  const files = sizesOf(scripts);
  return {
    files,
    totalBytes: files.reduce((n, f) => n + f.bytes, 0),
    totalGzip: files.reduce((n, f) => n + f.gzip, 0),
    error: files.length === 0 ? 'the page fetched no script before it was ready' : null,
    interactiveMs: times,
  };
}

/**
 * Time to interactive of the built app on its bundled article, three fresh browsers: from navigation
 * start to the first frame with marks on a timeline that takes gestures; and the scripts the first
 * browser fetched before then.
 */
async function measureInteractive(): Promise<{ times: number[]; scripts: string[] }> {
  const port = await findFreePort();
  const server = await preview({
    root: projectRoot,
    configFile: join(projectRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(tmpDir, 'app-dist') },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  const times: number[] = [];
  const scripts = new Set<string>();
  try {
    for (let run = 0; run < 3; run++) {
      const launched = await launch();
      try {
        const page = await newPage(launched.browser, { viewport: { width: 1280, height: 800 } });
        let counting = run === 0;
        // A worker's requests reach the page's context, not the page.
        page.context().on('request', (request) => {
          const path = new URL(request.url()).pathname;
          if (counting && path.endsWith('.js')) scripts.add(path);
        });
        await page.goto(`http://127.0.0.1:${port}/`);
        const ready = await page.waitForFunction(() => (document.querySelector('.timeline-plot[data-gestures="ready"] [data-mark-key]') ? performance.now() : false), null, {
          polling: 'raf',
          timeout: 30_000,
        });
        counting = false;
        times.push(Number(await ready.jsonValue()));
      } finally {
        await close(launched);
      }
    }
  } finally {
    await server.close();
  }
  return { times, scripts: [...scripts] };
}

// ---------------------------------------------------------------------------------------------
// One page load.

interface Signal {
  kind: string;
  detail: string;
}

/** The page's `__bench:` console messages, crashes and errors, in order. */
function watchSignals(page: Page) {
  const queue: Signal[] = [];
  /** Every milestone seen, with its detail (ms since the clock started), to say how far a slow page got. */
  const seen = new Map<string, string>();
  let waiter: ((signal: Signal) => void) | null = null;
  const push = (signal: Signal) => {
    if (waiter) {
      const w = waiter;
      waiter = null;
      w(signal);
    } else {
      queue.push(signal);
    }
  };
  page.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith('__bench:')) return;
    const [kind = '', ...rest] = text.slice('__bench:'.length).split(' ');
    seen.set(kind, rest.join(' '));
    push({ kind, detail: rest.join(' ') });
  });
  page.on('crash', () => push({ kind: 'crash', detail: 'the page crashed (most likely out of memory)' }));
  page.on('pageerror', (error) => push({ kind: 'error', detail: errorText(error) }));
  return {
    seen,
    /** The next signal of one of `kinds` (or an error or crash), or a timeout. */
    async next(kinds: string[], ms: number): Promise<Signal> {
      const deadline = Date.now() + ms;
      for (;;) {
        const wanted = (s: Signal) => kinds.includes(s.kind) || s.kind === 'error' || s.kind === 'crash';
        const index = queue.findIndex(wanted);
        if (index >= 0) return queue.splice(0, index + 1).pop() as Signal;
        queue.length = 0;
        const remaining = deadline - Date.now();
        if (remaining <= 0) return { kind: 'timeout', detail: '' };
        const signal = await new Promise<Signal>((resolve) => {
          const timer = setTimeout(() => {
            waiter = null;
            resolve({ kind: 'timeout', detail: '' });
          }, remaining);
          waiter = (s) => {
            clearTimeout(timer);
            resolve(s);
          };
        });
        if (signal.kind === 'timeout' || wanted(signal)) return signal;
      }
    },
  };
}


/** How far a page that did not become ready got, from its milestones. */
function howFar(runner: RunnerId, seen: ReadonlyMap<string, string>): string {
  const at = (kind: string) => `${(Number(seen.get(kind)) / 1000).toFixed(1)} s`;
  if (runner === 'ours') {
    if (seen.has('committed')) return `validateDataset took ${at('validated')}, React committed at ${at('committed')}, no complete frame followed`;
    if (seen.has('validated')) return `validateDataset took ${at('validated')}; React had not committed`;
    return 'still in validateDataset';
  }
  if (seen.has('changed')) return `the Timeline constructor returned at ${at('constructed')}, its first redraw at ${at('changed')}; the initial draw did not complete`;
  if (seen.has('constructed')) return `the Timeline constructor returned at ${at('constructed')}; the initial draw did not complete`;
  return 'still inside the Timeline constructor';
}

interface RunContext {
  baseURL: string;
  options: Options;
}

async function runOnce(ctx: RunContext, runner: RunnerId, n: number, run: number): Promise<RunRecord> {
  const started = Date.now();
  const { options } = ctx;
  const record = (status: RunRecord['status'], message: string | null, metrics: RunMetrics | null = null): RunRecord => ({
    runner,
    n,
    run,
    status,
    message,
    wallMs: Date.now() - started,
    metrics,
  });
  const launched = await launch();
  try {
    const page = await newPage(launched.browser, { baseURL: ctx.baseURL });
    const signals = watchSignals(page);
    await page.goto(`${runner === 'ours' ? 'app' : 'vis'}.html?n=${n}&seed=${options.seed}&per-source=${options.perSource}`, { waitUntil: 'commit', timeout: 30_000 });

    const failure = (signal: Signal, what: string, capS: number): RunRecord =>
      signal.kind === 'timeout'
        ? record('dnf', `did not finish ${what} within ${capS} s`)
        : record(signal.kind === 'crash' ? 'crash' : 'error', `${signal.kind === 'crash' ? 'crashed' : 'failed'} while ${what}: ${signal.detail}`);
    const generated = await signals.next(['generated'], options.generateCapS * 1000);
    if (generated.kind !== 'generated') return failure(generated, `generating ${fmtN(n)} events in the page`, options.generateCapS);
    const ready = await signals.next(['ready'], options.readyCapS * 1000);
    if (ready.kind !== 'ready') {
      const progress = howFar(runner, signals.seen);
      if (ready.kind === 'timeout') return record('dnf', `did not become ready within ${options.readyCapS} s (${progress})`);
      return failure(ready, `loading (${progress})`, options.readyCapS);
    }

    await sleep(500);
    const state = await withTimeout(page.evaluate(() => window.__bench), 30_000, 'the page stopped answering after ready');
    const cdp = await page.context().newCDPSession(page);
    const heapReadyMB = await withTimeout(heapMB(cdp), 60_000, 'measuring the heap hung');
    const domReady = await withTimeout(page.evaluate(countDom), 30_000, 'counting the DOM hung');
    const clockStart = state.clockStart ?? 0;
    const loadTasks = state.longTasks.filter((t: LongTask) => t.start >= clockStart && t.start < clockStart + (state.readyMs ?? 0));

    let script: FrameStats | null = null;
    let scriptProblem: string | null = null;
    let heapAfterMB: number | null = null;
    let domAfter: number | null = null;
    let crashed = false;
    page.on('crash', () => {
      crashed = true;
    });
    try {
      script = await inputScript(page, runner, options.scriptCapS * 1000);
      heapAfterMB = await withTimeout(heapMB(cdp), 60_000, 'measuring the heap after the script hung');
      domAfter = await withTimeout(page.evaluate(countDom), 30_000, 'counting the DOM after the script hung');
    } catch (error) {
      scriptProblem = crashed ? 'the page crashed during the input script' : errorText(error);
    }
    const metrics: RunMetrics = {
      generateMs: state.generateMs ?? NaN,
      readyMs: state.readyMs ?? NaN,
      readyRafMs: state.readyRafMs ?? NaN,
      validateMs: state.validateMs ?? null,
      commitMs: state.commitMs ?? null,
      firstFrameMs: state.firstFrameMs ?? null,
      firstChangedMs: state.firstChangedMs ?? null,
      loadLongTasks: loadTasks.length,
      loadLongTaskMs: loadTasks.reduce((sum: number, t: LongTask) => sum + t.duration, 0),
      heapReadyMB,
      domReady,
      script,
      scriptProblem,
      heapAfterMB,
      domAfter,
    };
    return record('ok', null, metrics);
  } catch (error) {
    return record('error', errorText(error));
  } finally {
    await close(launched);
  }
}

async function idleFrames(): Promise<{ idle: Machine['idleFrames']; chromium: string }> {
  const launched = await launch();
  try {
    const chromium = launched.browser.version();
    const page = await newPage(launched.browser);
    await page.setContent('<p>Nothing happens here.</p>');
    // A string, not a function: tsx would wrap the named inner function in a helper the page lacks.
    const frames: number[] = await page.evaluate(`new Promise((resolve) => {
      const times = [];
      const loop = (t) => {
        times.push(t);
        if (times.length > 1 && t - times[0] > 1500) resolve(times);
        else requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    })`);
    const intervals = frames.slice(1).map((t, i) => t - (frames[i] as number)).sort((a, b) => a - b);
    return { idle: { p50: percentile(intervals, 50), p95: percentile(intervals, 95), max: intervals[intervals.length - 1] ?? NaN }, chromium };
  } catch {
    return { idle: null, chromium: launched.browser.version() };
  } finally {
    await close(launched);
  }
}

// ---------------------------------------------------------------------------------------------

function describeRun(r: RunRecord): string {
  const m = r.metrics;
  if (r.status !== 'ok' || !m) return `${r.message} (${(r.wallMs / 1000).toFixed(1)} s)`;
  const s = m.script;
  const frames = s
    ? `frames p50 ${s.p50.toFixed(1)} / p95 ${s.p95.toFixed(1)} / max ${s.max.toFixed(0)} ms, ${s.over50} > 50 ms, long tasks ${s.longTasks} (${Math.round(s.longTaskMs)} ms)`
    : `script: ${m.scriptProblem}`;
  return (
    `ready ${Math.round(m.readyMs)} ms${m.validateMs !== null ? ` (validate ${Math.round(m.validateMs)})` : ''}, ${frames}, ` +
    `heap ${m.heapReadyMB.toFixed(1)}${m.heapAfterMB !== null ? `/${m.heapAfterMB.toFixed(1)}` : ''} MB, DOM ${m.domReady}${m.domAfter !== null ? `/${m.domAfter}` : ''} ` +
    `(${(r.wallMs / 1000).toFixed(1)} s)`
  );
}

function finishCell(cell: Cell): void {
  if (cell.status === 'skipped') return;
  const ok = cell.runs.filter((r) => r.status === 'ok' && r.metrics);
  cell.median = medianMetrics(ok.map((r) => r.metrics as RunMetrics));
  if (ok.length > 0) {
    cell.status = 'ok';
    cell.message = null;
  } else {
    const first = cell.runs[0];
    cell.status = first?.status ?? 'error';
    cell.message = first?.message ?? 'no run';
  }
}

function writeResults(results: Results, resultsDir: string): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.md'), renderMarkdown(results));
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.reportOnly) {
    const file = join(options.resultsDir, 'latest.json');
    writeFileSync(join(options.resultsDir, 'latest.md'), renderMarkdown(JSON.parse(readFileSync(file, 'utf8')) as Results));
    console.log(`bench: rewrote ${relative(process.cwd(), join(options.resultsDir, 'latest.md'))} from latest.json`);
    return;
  }
  const startedAt = Date.now();
  const log = (text: string) => console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${text}`);

  if (options.build) {
    log('building the bench site (bench/vite.config.ts → bench/dist)');
    try {
      await buildBenchSite();
    } catch (error) {
      console.error(`bench: the bench site did not build: ${errorText(error)}`);
      process.exit(1);
    }
  }
  const memory = options.paths.includes('memory');
  const pathParts = options.paths.filter((part): part is PathId => part !== 'memory');
  let appSize: AppSize | null = null;
  if (options.appSize && memory) {
    log('building the app (vite.config.ts → bench/tmp/app-dist) for its initial JavaScript size');
    appSize = await measureAppSize();
    log(appSize.error ? `app build: ${appSize.error}` : `app initial JS: ${(appSize.totalGzip / 1024).toFixed(1)} KB gzipped in ${appSize.files.length} files`);
    if (appSize.interactiveMs) log(`app time to interactive on the bundled article: ${appSize.interactiveMs.map((ms) => Math.round(ms)).join(', ')} ms`);
  }

  const port = await findFreePort();
  const server = await preview({ configFile: join(benchDir, 'vite.config.ts'), logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
  const baseURL = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    await server.close();
  };
  process.once('SIGINT', () => {
    console.error(`\nbench: interrupted; results so far are in ${relative(process.cwd(), options.resultsDir)}/`);
    void stop().finally(() => process.exit(130));
  });

  const { idle, chromium } = await idleFrames();
  const status = git(['status', '--porcelain', '--', 'src']);
  const changed = status ? status.split('\n').length : 0;
  const cpus = os.cpus();
  const machine: Machine = {
    date: new Date().toISOString(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    vite: viteVersion,
    git: `${git(['rev-parse', '--short', 'HEAD']) || 'unknown commit'}${changed ? ` with uncommitted changes in ${changed} file${changed === 1 ? '' : 's'} under src/` : ''}`,
    idleFrames: idle,
  };
  log(`Chromium ${chromium}; ${machine.cpus} CPUs; empty page rAF p50 ${idle?.p50.toFixed(1)} ms, p95 ${idle?.p95.toFixed(1)} ms`);

  const results: Results = {
    config: {
      sizes: options.sizes,
      runs: options.runs,
      seed: options.seed,
      perSource: options.perSource,
      runners: options.runners,
      readyCapS: options.readyCapS,
      scriptCapS: options.scriptCapS,
      generateCapS: options.generateCapS,
      budgetMin: options.budgetMin,
    },
    machine,
    appSize,
    cells: [],
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: null,
    totalSeconds: null,
  };
  const ctx: RunContext = { baseURL, options };
  /** Per runner, the size that did not become ready: larger ones are not attempted. */
  const gaveUp = new Map<RunnerId, { n: number; message: string }>();
  /** Per runner, the median ready time at the last size that became ready. */
  const lastReady = new Map<RunnerId, { n: number; readyMs: number }>();
  const budgetMs = options.budgetMin * 60_000;
  const capsMs = (options.generateCapS + options.readyCapS + options.scriptCapS) * 1000 + 20_000;
  /** Whether a size is predicted not to become ready within the cap, from a smaller size's ready time. */
  const tooSlow = (from: { n: number; readyMs: number }, n: number) => !options.tryAll && (from.readyMs * n) / from.n > 2 * options.readyCapS * 1000;
  /**
   * Time for one run of each larger size that each runner would still attempt, estimated from this size's
   * first runs: generating and becoming ready grow with the data (half again more than linearly, for margin),
   * the script may take its whole cap, and starting a browser and measuring take about 10 s.
   */
  const reserveAfter = (n: number, cells: readonly Cell[]): number => {
    let total = 0;
    for (const cell of cells) {
      const m = cell.runs[0]?.metrics;
      if (!m || cell.runs[0]?.status !== 'ok' || gaveUp.has(cell.runner)) continue;
      for (const larger of options.sizes.filter((s) => s > n)) {
        if (tooSlow({ n, readyMs: m.readyMs }, larger)) break;
        const k = larger / n;
        total += Math.min(capsMs, 10_000 + (m.generateMs + m.readyMs) * k * 1.5 + options.scriptCapS * 1000);
      }
    }
    return total;
  };

  // A run of only some parts keeps the other parts' last results (each with its own date).
  const previousFile = join(options.resultsDir, 'latest.json');
  const previous = existsSync(previousFile) ? (JSON.parse(readFileSync(previousFile, 'utf8')) as Results) : null;
  if (memory) {
    try {
      for (const n of options.sizes) {
        const cells: Cell[] = options.runners.map((runner) => ({ runner, n, status: 'ok', message: null, runs: [], median: null }));
        const done = new Set<RunnerId>();
        for (const cell of cells) {
          const earlier = gaveUp.get(cell.runner);
          if (earlier) {
            cell.status = 'skipped';
            cell.message = `not run: at ${fmtN(earlier.n)} events ${RUNNER_NAMES[cell.runner]} ${earlier.message.split(' (')[0]}`;
            done.add(cell.runner);
            log(`${fmtN(n).padStart(4)} ${cell.runner.padEnd(4)} ${cell.message}`);
            continue;
          }
          // Ready time grows at least in proportion to the data; far beyond the cap, the attempt would only burn the cap.
          const last = lastReady.get(cell.runner);
          const estimate = last ? (last.readyMs * n) / last.n : 0;
          if (last && tooSlow(last, n)) {
            cell.status = 'skipped';
            cell.message =
              `not run: ${RUNNER_NAMES[cell.runner]} took ${(last.readyMs / 1000).toFixed(1)} s to become ready at ${fmtN(last.n)} events; ` +
              `${fmtN(n)} would take about ${Math.round(estimate / 1000)} s at the same rate, far over the ${options.readyCapS} s cap (--try-all runs it anyway)`;
            done.add(cell.runner);
            gaveUp.set(cell.runner, { n, message: `was predicted not to become ready within ${options.readyCapS} s` });
            log(`${fmtN(n).padStart(4)} ${cell.runner.padEnd(4)} ${cell.message}`);
          }
        }
        for (let run = 1; run <= options.runs; run++) {
          // Runners take turns, so that drift in the machine touches both alike.
          for (const cell of cells) {
            if (done.has(cell.runner)) continue;
            const first = cell.runs[0];
            if (run > 1 && first && budgetMs > 0) {
              // Keep time for one run of each larger size this runner will still attempt.
              const reserve = reserveAfter(n, cells);
              if (Date.now() - startedAt + first.wallMs + reserve > budgetMs) {
                cell.note = `to stay within the ${options.budgetMin}-minute budget`;
                done.add(cell.runner);
                log(`${fmtN(n).padStart(4)} ${cell.runner.padEnd(4)} runs ${run}–${options.runs} left out ${cell.note} (keeping ${Math.round(reserve / 1000)} s for larger sizes)`);
                continue;
              }
            }
            const result = await runOnce(ctx, cell.runner, n, run);
            cell.runs.push(result);
            log(`${fmtN(n).padStart(4)} ${cell.runner.padEnd(4)} run ${run}/${options.runs}: ${describeRun(result)}`);
            if (result.status !== 'ok') {
              // One run that does not finish is enough: the others would take as long.
              done.add(cell.runner);
              gaveUp.set(cell.runner, { n, message: result.message ?? result.status });
            } else if (result.metrics?.scriptProblem) {
              done.add(cell.runner);
            }
          }
        }
        for (const cell of cells) {
          finishCell(cell);
          if (cell.status === 'ok' && cell.median) lastReady.set(cell.runner, { n, readyMs: cell.median.readyMs });
        }
        results.cells.push(...cells);
        writeResults(results, options.resultsDir);
      }
    } finally {
      await stop();
    }
    if (pathParts.length === 0 && previous?.paths) results.paths = previous.paths;
  } else {
    await stop();
    if (previous && previous.cells.length > 0) {
      results.config = previous.config;
      results.cells = previous.cells;
      results.appSize = previous.appSize;
      results.memoryStartedAt = previous.memoryStartedAt ?? previous.startedAt;
    }
  }
  if (pathParts.length > 0) {
    results.paths = await runPaths(
      {
        sizes: options.sizes,
        runs: options.runs,
        seed: options.seed,
        perSource: options.perSource,
        paths: pathParts,
        runners: options.pathRunners,
        capS: options.pathCapS,
        scriptCapS: options.pathScriptCapS,
        csvSizes: options.csvSizes.filter((n) => options.sizes.includes(n)),
        budgetMin: options.pathBudgetMin,
        buildApp: options.build && !(memory && appSize && !appSize.error),
        slowLink: options.slowLink,
      },
      log,
      (paths) => {
        results.paths = paths;
        writeResults(results, options.resultsDir);
      },
    );
  }
  const totalSeconds = (Date.now() - startedAt) / 1000;
  results.finishedAt = new Date().toISOString();
  results.totalSeconds = totalSeconds;
  writeResults(results, options.resultsDir);
  log(`done in ${totalSeconds.toFixed(0)} s; wrote ${relative(process.cwd(), join(options.resultsDir, 'latest.md'))} and latest.json`);
}

await main();

// Then what a reader does once a large sample is open (list view, typing a search, CSV download), in the
// built app: bench/actions.ts, for the sizes of this run from 100,000 events up (its own report).
const sizesFlag = process.argv.indexOf('--sizes');
const largeSizes = (sizesFlag >= 0 ? (process.argv[sizesFlag + 1] ?? '') : '100k,1m').split(',').filter((size) => (readCount(size) ?? 0) >= 100_000);
const pathsFlag = process.argv.indexOf('--paths');
const memoryRan = pathsFlag < 0 || (process.argv[pathsFlag + 1] ?? '').split(',').includes('memory');
if (largeSizes.length > 0 && memoryRan && !process.argv.includes('--report-only')) execFileSync('npx', ['tsx', 'bench/actions.ts', '--sizes', largeSizes.join(',')], { stdio: 'inherit' });
