// The in-page side of paths.ts, installed with page.addInitScript before any of the page's own code runs,
// in the real app and in the bench's vis-timeline and bare pages alike. It only watches what a user can
// see: the loading screen (a role=status element holding a <progress>), the marks in the plot, the
// visible window (the overview strip's sliders, or vis-timeline's getWindow()), and the main thread's
// long tasks. It is a string of plain JavaScript: tsx would wrap named functions in a helper the page lacks.

/** What paths.ts reads back from `window.__paths`. */
export interface ProbeState {
  longTasks: { start: number; duration: number }[];
  /** Every change to the loading screen's text or progress value: time and what it showed ('' once gone). */
  changes: { t: number; text: string }[];
  /** performance.now() when a file was chosen in a file input (the file path's clock start). */
  chosenAt: number | null;
  /** A task posted from the first animation frame with marks drawn (ours) or the page's own ready call. */
  readyAt: number | null;
  readyRafAt: number | null;
  /**
   * Ours: a task posted from the first animation frame in which every lane's marks are drawn (the lanes
   * below the first screen come just after ready); null until then, and for other pages.
   */
  completeAt: number | null;
  error: string | null;
  /** Input events during the wheel-and-drag script, each with the number of script steps it carries. */
  steps: { t: number; kind: 'in' | 'out' | 'drag'; amount: number }[];
  /** The visible window, sampled each frame of the script when it changed. */
  windows: { t: number; start: number; end: number }[];
}

export interface ProbeConfig {
  /** Ours: ready is the first frame with marks in the plot (a plot marked data-bench-stale does not count). */
  watchMarks: boolean;
  /** The file path: the clock starts, and marks count, only once a file has been chosen. */
  armOnFile: boolean;
  /** How to read the visible window during the input script. */
  windowFrom: 'overview' | 'vis';
}

const SCRIPT = String.raw`
(() => {
  const config = __CONFIG__;
  const P = { longTasks: [], changes: [], chosenAt: null, readyAt: null, readyRafAt: null, completeAt: null, error: null, steps: [], windows: [] };
  window.__paths = P;
  // drive.ts's input script reads long tasks from window.__bench, as in the bench's own pages.
  window.__bench = { longTasks: P.longTasks };
  const say = (kind) => console.log('__paths:' + kind);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) P.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}

  let shown = '';
  const snapshot = () => {
    const parts = [];
    for (const status of document.querySelectorAll('[role=status]')) {
      const bar = status.querySelector('progress');
      if (!bar) continue;
      const value = bar.hasAttribute('value') ? String(bar.value) : '-';
      const max = bar.hasAttribute('max') ? String(bar.max) : '-';
      parts.push(status.textContent.trim().replace(/\s+/g, ' ') + ' [' + value + '/' + max + ']');
    }
    return parts.join(' | ');
  };
  const onMutate = () => {
    const now = snapshot();
    if (now === shown) return;
    shown = now;
    P.changes.push({ t: performance.now(), text: now.slice(0, 160) });
  };
  new MutationObserver(onMutate).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['value', 'max'] });

  document.addEventListener('change', (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file' && P.chosenAt === null) P.chosenAt = performance.now();
  }, true);

  P.markReady = (rafAt) => {
    if (P.readyAt !== null) return;
    P.readyAt = performance.now();
    P.readyRafAt = rafAt === undefined ? P.readyAt : rafAt;
    say('ready');
  };
  P.fail = (message) => {
    if (P.readyAt !== null || P.error !== null) return;
    P.error = String(message).slice(0, 400);
    say('error');
  };
  window.addEventListener('error', (event) => P.fail(event.message || String(event.error)));
  window.addEventListener('unhandledrejection', (event) => P.fail(String(event.reason)));

  if (config.watchMarks) {
    // After ready, until the marks layer no longer holds lanes back (data-waiting): then every lane is drawn.
    const watchComplete = () => {
      if (P.completeAt !== null || P.error !== null) return;
      if (document.querySelector('.timeline-plot:not([data-bench-stale]) .timeline-marks:not([data-waiting])')) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (P.completeAt === null) P.completeAt = performance.now();
        };
        channel.port2.postMessage(null);
        return;
      }
      requestAnimationFrame(watchComplete);
    };
    const watch = () => {
      if (P.readyAt !== null || P.error !== null) return;
      if (!config.armOnFile || P.chosenAt !== null) {
        if (document.querySelector('.timeline-plot:not([data-bench-stale]) [data-mark-key]')) {
          const rafAt = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => P.markReady(rafAt);
          channel.port2.postMessage(null);
          requestAnimationFrame(watchComplete);
          return;
        }
        const failed = document.querySelector('main.error-page');
        if (failed) {
          const heading = failed.querySelector('h1');
          const items = [...failed.querySelectorAll('li')].map((li) => li.innerText.trim().replace(/\s+/g, ' '));
          P.fail('the app said "' + (heading ? heading.innerText.trim() : 'error') + '": ' + (items.length ? items.join('; ') : failed.innerText.trim().replace(/\s+/g, ' ')));
          return;
        }
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }

  const readWindow = () => {
    if (config.windowFrom === 'vis') {
      const w = window.__visTimeline ? window.__visTimeline.getWindow() : null;
      return w ? { start: +w.start, end: +w.end } : null;
    }
    const sliders = document.querySelectorAll('.overview [role=slider][aria-valuenow]');
    if (sliders.length < 2) return null;
    return { start: Number(sliders[0].getAttribute('aria-valuenow')), end: Number(sliders[sliders.length - 1].getAttribute('aria-valuenow')) };
  };
  let recording = false;
  // The script's steps are wheel deltas of 100 px and pointer moves of 12 px; an event the browser merged carries more.
  window.addEventListener('wheel', (event) => {
    if (recording) P.steps.push({ t: performance.now(), kind: event.deltaY < 0 ? 'in' : 'out', amount: Math.abs(event.deltaY) / 100 });
  }, { capture: true, passive: true });
  let pointerX = 0;
  window.addEventListener('mousedown', (event) => {
    pointerX = event.clientX;
  }, { capture: true, passive: true });
  window.addEventListener('mousemove', (event) => {
    if (!recording || !(event.buttons & 1)) return;
    P.steps.push({ t: performance.now(), kind: 'drag', amount: Math.abs(event.clientX - pointerX) / 12 });
    pointerX = event.clientX;
  }, { capture: true, passive: true });
  let frames = [];
  window.__benchFrames = {
    start() {
      frames = [];
      P.steps = [];
      P.windows = [];
      recording = true;
      let last = '';
      const loop = (time) => {
        frames.push(time);
        const w = readWindow();
        const key = w ? w.start + ':' + w.end : '';
        if (w && key !== last) {
          last = key;
          P.windows.push({ t: performance.now(), start: w.start, end: w.end });
        }
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
})();
`;

/** The probe as a script for page.addInitScript. */
export function probeScript(config: ProbeConfig): string {
  return SCRIPT.replace('__CONFIG__', JSON.stringify(config));
}

/** What the bench's own pages call; declared here so that they type-check. */
export interface ProbeApi {
  markReady(rafAt?: number): void;
  fail(message: string): void;
}

declare global {
  interface Window {
    __paths?: ProbeState & ProbeApi;
    __visTimeline?: { getWindow(): { start: Date; end: Date } };
  }
}
