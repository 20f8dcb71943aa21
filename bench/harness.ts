// In-page side of the benchmark, shared by the app page and the vis-timeline page: reads ?n=&seed=,
// keeps the numbers in window.__bench, observes long tasks, records frame times on demand, and tells
// the runner about milestones through console messages (they arrive even while the page is busy).

import { readCount } from '../src/data/sample';

export type Runner = 'ours' | 'vis';

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchState {
  runner: Runner;
  n: number;
  seed: number;
  /** Events per source in the generated data (?per-source=, default 50). */
  perSource: number;
  phase: 'generating' | 'rendering' | 'ready' | 'error';
  /** Building the dataset object in the page; not part of ready. */
  generateMs?: number;
  /** performance.now() when the clock started (data in memory). */
  clockStart?: number;
  /** Ours: validateDataset; vis: nothing (its items are built before the clock). */
  validateMs?: number;
  /** Ours: React's first commit; vis: the Timeline constructor returning. */
  commitMs?: number;
  /** vis only: its first 'changed' event after the constructor, if any came before ready. */
  firstChangedMs?: number;
  /** Ours: the first frame after the commit, complete or not (ready waits for marks on the plot). */
  firstFrameMs?: number;
  /** The first requestAnimationFrame after the commit (or vis' initial draw). */
  readyRafMs?: number;
  /** A task posted from that rAF: the frame's style, layout and paint are done. The headline number. */
  readyMs?: number;
  events?: number;
  problems?: number;
  error?: string;
  longTasks: LongTask[];
}

declare global {
  interface Window {
    __bench: BenchState;
    __benchFrames: { start(): number; stop(): { frames: number[]; end: number } };
  }
}

/** The dataset size: "10000", "10k" or "1m". */

export function signal(name: string, detail = ''): void {
  console.log(`__bench:${name}${detail ? ` ${detail}` : ''}`);
}

export function initBench(runner: Runner): BenchState {
  const params = new URLSearchParams(window.location.search);
  const state: BenchState = {
    runner,
    n: readCount(params.get('n')) ?? 1000,
    seed: /^-?\d+$/.test(params.get('seed') ?? '') ? Number(params.get('seed')) : 1,
    perSource: Math.max(1, Math.floor(Number(params.get('per-source') ?? '50')) || 50),
    phase: 'generating',
    longTasks: [],
  };
  window.__bench = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the list stays empty.
  }

  let frames: number[] = [];
  let recording = false;
  window.__benchFrames = {
    start() {
      frames = [];
      recording = true;
      const loop = (time: number) => {
        frames.push(time);
        if (recording) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      return performance.now();
    },
    stop() {
      recording = false;
      return { frames, end: performance.now() };
    },
  };

  const fail = (message: string) => {
    if (state.phase === 'ready' || state.phase === 'error') return;
    state.phase = 'error';
    state.error = message;
    signal('error', message);
  };
  window.addEventListener('error', (event) => fail(event.message || String(event.error)));
  window.addEventListener('unhandledrejection', (event) => fail(String(event.reason)));
  return state;
}

export function failBench(state: BenchState, message: string): void {
  state.phase = 'error';
  state.error = message;
  signal('error', message);
}

/** Calls back in a task posted from the next animation frame, i.e. once that frame has been rendered. */
export function afterNextFrame(callback: (rafAt: number, doneAt: number) => void): void {
  requestAnimationFrame(() => {
    const rafAt = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback(rafAt, performance.now());
    };
    channel.port2.postMessage(null);
  });
}

/** Stops the clock: records ready and tells the runner. */
export function markReady(state: BenchState, rafAt: number, doneAt: number): void {
  const start = state.clockStart ?? 0;
  state.readyRafMs = rafAt - start;
  state.readyMs = doneAt - start;
  state.phase = 'ready';
  signal('ready', String(Math.round(state.readyMs)));
}

/** Builds the dataset outside the clock, then hands over in a fresh task so generation stays its own long task. */
/**
 * The generated dataset as it would be after JSON.parse of a file, record by record (a whole 1M-event
 * file would pass V8's string limit): the generator builds its text by concatenation, and V8 keeps such
 * strings as trees of pieces that take far more memory than the flat strings a parsed file gives.
 */
export function asIfParsed<T extends { sources: unknown[]; actors: unknown[]; events: unknown[] }>(record: T): T {
  const copy = <R>(items: R[]): R[] => items.map((item) => JSON.parse(JSON.stringify(item)) as R);
  return { ...record, sources: copy(record.sources), actors: copy(record.actors), events: copy(record.events) };
}

export function generateThen<T>(state: BenchState, generate: () => T, run: (data: T) => void): void {
  const t0 = performance.now();
  let data: T;
  try {
    data = generate();
  } catch (error) {
    failBench(state, `generation failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  state.generateMs = performance.now() - t0;
  state.phase = 'rendering';
  signal('generated', String(Math.round(state.generateMs)));
  setTimeout(() => {
    try {
      run(data);
    } catch (error) {
      failBench(state, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }, 0);
}
