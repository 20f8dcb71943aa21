// What the benchmark's runners share in driving Chromium: timeouts, launching and closing a browser (by
// process id when it will not close), the JS heap after a forced GC, and the wheel-and-drag input script
// with its frame statistics. Used by run.ts (data in memory) and paths.ts (a file opened by URL or by file).
import { execFileSync } from 'node:child_process';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import type { BenchState } from './harness';
import { frameStats, type FrameStats, type RunnerId } from './report';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Timeout extends Error {}

/** The promise, or a Timeout after `ms`; a late rejection of the promise is ignored. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  promise.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(message)), Math.max(1, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error));

/** Process ids of this process's Chromium children, so a browser that will not close can be ended by id. */
export function chromiumChildren(): Set<number> {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    return new Set(
      out
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter(([, comm]) => comm !== undefined && /chrom/i.test(comm))
        .map(([pid]) => Number(pid)),
    );
  } catch {
    return new Set();
  }
}

export interface LaunchedBrowser {
  browser: Browser;
  pids: number[];
}

export async function launch(): Promise<LaunchedBrowser> {
  const before = chromiumChildren();
  const browser = await launchBrowser();
  return { browser, pids: [...chromiumChildren()].filter((pid) => !before.has(pid)) };
}

export async function close({ browser, pids }: LaunchedBrowser): Promise<void> {
  try {
    await withTimeout(browser.close(), 20_000, 'browser.close() hung');
  } catch {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize / 1048576;
}

export const countDom = () => document.getElementsByTagName('*').length;

// Ours: the plot once its gesture handling (loaded just after the first render) is attached.
export const PLOT: Record<RunnerId, string> = { ours: '.timeline-plot[data-gestures="ready"]', vis: '.vis-center' };

/** The input script over the plot, with frame intervals and long tasks recorded in the page. */
export async function inputScript(page: Page, runner: RunnerId, capMs: number): Promise<FrameStats> {
  const deadline = Date.now() + capMs;
  const within = <T>(promise: Promise<T>, step: string) =>
    withTimeout(promise, deadline - Date.now(), `the input script did not finish within ${Math.round(capMs / 1000)} s (stuck at ${step})`);
  await within(page.waitForSelector(PLOT[runner]), 'waiting for the plot to take gestures');
  const point = await within(
    page.evaluate(async (selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      // The plot's top at the top of the viewport: as much of it on screen as there can be.
      window.scrollTo(0, Math.max(0, element.getBoundingClientRect().top + window.scrollY - 8));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const r = element.getBoundingClientRect();
      const left = Math.max(0, r.left);
      const right = Math.min(window.innerWidth, r.right);
      const top = Math.max(0, r.top);
      const bottom = Math.min(window.innerHeight, r.bottom);
      return right > left && bottom > top ? { x: (left + right) / 2, y: (top + bottom) / 2 } : null;
    }, PLOT[runner]),
    'finding the plot',
  );
  if (!point) throw new Error(`${PLOT[runner]} is not on screen`);
  await sleep(300);
  const start = await within(page.evaluate(() => window.__benchFrames.start()), 'starting the frame recorder');
  await within(page.mouse.move(point.x, point.y), 'moving to the plot');
  for (let i = 0; i < 40; i++) {
    await within(page.mouse.wheel(0, -100), `zoom in step ${i + 1}`);
    await sleep(16);
  }
  for (let i = 0; i < 40; i++) {
    await within(page.mouse.wheel(0, 100), `zoom out step ${i + 1}`);
    await sleep(16);
  }
  await within(page.mouse.down(), 'pressing the button');
  for (let i = 1; i <= 30; i++) {
    await within(page.mouse.move(point.x - 12 * i, point.y), `drag step ${i}`);
    await sleep(16);
  }
  await within(page.mouse.up(), 'releasing the button');
  await sleep(300);
  const { frames, end } = await within(page.evaluate(() => window.__benchFrames.stop()), 'stopping the frame recorder');
  const longTasks = await within(
    page.evaluate(({ from, to }) => window.__bench.longTasks.filter((t) => t.start >= from && t.start < to), { from: start, to: end }),
    'reading long tasks',
  );
  return frameStats(frames, longTasks);
}

declare global {
  interface Window {
    __bench: BenchState;
  }
}
