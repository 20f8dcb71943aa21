// CPU profile of the app's bench page: where loading and the input script spend their time.
//   npx tsx bench/profile.ts --size 10k [--no-build] [--phase load|script|both]
// Builds the bench site unminified into bench/tmp/profile-dist (readable function names), opens
// app.html?n=SIZE in headless Chromium, records a V8 CPU profile of loading (to ready) and of a short
// wheel-and-drag script, writes both .cpuprofile files to bench/tmp/ (open them in Chrome DevTools) and
// prints the functions with the most self time. A tool for finding work to remove, not a benchmark.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../tests/e2e/support/browser';
import { readCommandLine, usageError } from '../scripts/cli';
import { findFreePort } from '../tests/e2e/support/server';
import { parseCount } from './cli';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const tmpDir = join(benchDir, 'tmp');
const tool = {
  name: 'profile',
  help: `usage: npx tsx bench/profile.ts [--size 10k] [--no-build] [--phase load|script|both] [--inclusive] [--trace] [--trace-load]

CPU profile of the bench page (app.html?n=SIZE): where loading and a wheel-and-drag script spend their
time. Writes .cpuprofile files to bench/tmp/ and prints the functions with the most self time
(--inclusive: with their callees). --trace and --trace-load trace the script or the load.

Exit status: 0 done; 2 wrong usage.`,
  options: {
    size: { type: 'string', default: '10k' },
    phase: { type: 'string', default: 'both' },
    'no-build': { type: 'boolean', default: false },
    inclusive: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    'trace-load': { type: 'boolean', default: false },
  },
  positionals: { max: 0 },
} as const;
const { values: args } = readCommandLine(tool);
let size = 0;
try {
  size = parseCount('--size', args.size, 1);
} catch (error) {
  usageError(tool, (error as Error).message);
}
const phase = args.phase;
if (!['load', 'script', 'both'].includes(phase)) usageError(tool, `--phase takes load, script or both, got "${phase}"`);
const config: InlineConfig = {
  configFile: join(benchDir, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir: join(tmpDir, 'profile-dist'), minify: false },
};

/** Self time per function, in ms, biggest first. */
function selfTimes(profile: CpuProfile): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

/** Inclusive time per function: a sample counts for every distinct function on its stack. */
function totalTimes(profile: CpuProfile): { name: string; ms: number }[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node || !node.callFrame.url) continue;
      const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

async function record(cdp: CDPSession, label: string, action: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.start');
  await action();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const file = join(tmpDir, `${label}-${size}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const rows = selfTimes(profile);
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  console.log(`\n== ${label} (${size} events): ${Math.round(total)} ms sampled; ${file}`);
  for (const r of rows.slice(0, 30)) console.log(`${r.ms.toFixed(1).padStart(9)} ms  ${r.name}`);
  if (args.inclusive) {
    console.log(`\n== ${label}: inclusive time of our functions (React internals left out)`);
    const ours = totalTimes(profile).filter((r) => !/^(renderWithHooks|performUnitOfWork|beginWork|workLoop|commit|recursively|flush|perform|run|updateFunctionComponent|callCallback|processRootSchedule|scheduleUpdate|mountIndeterminate|reconcile|completeUnitOfWork|\(anonymous\))/.test(r.name));
    for (const r of ours.slice(0, 45)) console.log(`${r.ms.toFixed(1).padStart(9)} ms  ${r.name}`);
  }
}

async function wheelAndDrag(page: Page): Promise<void> {
  const box = await page.locator('.timeline-plot[data-gestures="ready"]').first().boundingBox();
  if (!box) throw new Error('no plot');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height, 300) / 2;
  await page.mouse.move(x, y);
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(16);
  }
  for (let i = 0; i < 20; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  await page.mouse.down();
  for (let i = 1; i <= 15; i++) {
    await page.mouse.move(x - 12 * i, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Where the renderer's main thread spends an action (loading, or the input script), by trace event (self time is not split out). */
async function traceScript(page: Page, action: () => Promise<void> = () => wheelAndDrag(page)): Promise<void> {
  const browser = page.context().browser();
  if (!browser) return;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await action();
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map<string, number>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const thread = main && e.pid === main.pid && e.tid === main.tid ? 'main' : 'other';
    const key = `${thread} ${e.name}`;
    totals.set(key, (totals.get(key) ?? 0) + e.dur / 1000);
  }
  const onMain = (e: TraceEvent) => main !== undefined && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined;
  const mainEvents = traceEvents.filter(onMain);
  console.log('\n== long tasks on the main thread (> 40 ms) and what they held');
  for (const task of mainEvents.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 40_000)) {
    const inner = new Map<string, number>();
    for (const e of mainEvents) {
      if (e === task || e.ts < task.ts || e.ts >= task.ts + (task.dur ?? 0) || e.name === 'RunTask') continue;
      inner.set(e.name, (inner.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const top = [...inner].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
    console.log(`${((task.dur ?? 0) / 1000).toFixed(0).padStart(5)} ms: ${top.join(', ')}`);
  }
  console.log('\n== trace of the script (inclusive ms per event name)');
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
}

async function main(): Promise<void> {
  mkdirSync(tmpDir, { recursive: true });
  if (!args['no-build']) await build(config);
  const port = await findFreePort();
  const server = await preview({ ...config, preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const url = `http://127.0.0.1:${port}/app.html?n=${size}`;
    const load = async () => {
      await page.goto(url);
      await page.waitForFunction(() => window.__bench.phase === 'ready' || window.__bench.phase === 'error', null, { timeout: 300_000 });
      const b = await page.evaluate(() => ({ ...window.__bench, longTasks: window.__bench.longTasks.length }));
      console.log(`ready ${b.readyMs?.toFixed(0)} ms (validate ${b.validateMs?.toFixed(0)}, commit ${b.commitMs?.toFixed(0)})`);
    };
    if (args['trace-load']) await traceScript(page, load);
    else if (phase === 'script') await load();
    else await record(cdp, 'load', load);
    if (phase !== 'load') await record(cdp, 'script', () => wheelAndDrag(page));
    if (args.trace) await traceScript(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
