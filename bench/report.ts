// Numbers to text: frame statistics, medians, the issue's targets and the Markdown report.

export type RunnerId = 'ours' | 'vis';
export const RUNNER_NAMES: Record<RunnerId, string> = { ours: 'Ours', vis: 'vis-timeline' };

export interface FrameStats {
  /** Frame intervals measured (rAF to rAF). */
  frames: number;
  durationMs: number;
  p50: number;
  p95: number;
  max: number;
  over50: number;
  over100: number;
  longTasks: number;
  longTaskMs: number;
}

/** What one page load measured; absent numbers were not reached. */
export interface RunMetrics {
  generateMs: number;
  readyMs: number;
  readyRafMs: number;
  validateMs: number | null;
  commitMs: number | null;
  /** Ours: the first frame after the commit, whether or not it showed marks yet. */
  firstFrameMs: number | null;
  firstChangedMs: number | null;
  loadLongTasks: number;
  loadLongTaskMs: number;
  heapReadyMB: number;
  domReady: number;
  script: FrameStats | null;
  /** Why the input script has no numbers (did not finish, page crashed). */
  scriptProblem: string | null;
  heapAfterMB: number | null;
  domAfter: number | null;
}

export type RunStatus = 'ok' | 'dnf' | 'crash' | 'error';

export interface RunRecord {
  runner: RunnerId;
  n: number;
  run: number;
  status: RunStatus;
  /** For anything but ok: what happened, in words. */
  message: string | null;
  wallMs: number;
  metrics: RunMetrics | null;
}

export interface Cell {
  runner: RunnerId;
  n: number;
  /** ok: at least one run finished; skipped: not attempted (a smaller size did not finish). */
  status: RunStatus | 'skipped';
  message: string | null;
  runs: RunRecord[];
  median: RunMetrics | null;
  /** Why fewer runs than asked were made, when it was not a missed cap (the time budget). */
  note?: string | null;
}

export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
  vite: string;
  git: string;
  /** rAF intervals on an empty page, for scale. */
  idleFrames: { p50: number; p95: number; max: number } | null;
}

export interface AppSize {
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
  error: string | null;
  /** Time to interactive of the built app on the bundled article, one number per fresh browser (ms). */
  interactiveMs?: number[];
}

export interface Results {
  config: {
    sizes: number[];
    runs: number;
    seed: number;
    perSource?: number;
    runners: RunnerId[];
    readyCapS: number;
    scriptCapS: number;
    generateCapS: number;
    budgetMin?: number;
  };
  machine: Machine;
  appSize: AppSize | null;
  cells: Cell[];
  /** Opening a generated file by URL and by file (paths.ts); absent when only the in-memory bench ran. */
  paths?: PathResults | null;
  /** When the in-memory part was run, if it was kept from an earlier run of only the paths. */
  memoryStartedAt?: string;
  startedAt: string;
  finishedAt: string | null;
  totalSeconds: number | null;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Frame intervals between successive rAF timestamps, and the long tasks that fell in the same stretch. */
export function frameStats(timestamps: readonly number[], longTasks: readonly { start: number; duration: number }[]): FrameStats {
  const intervals: number[] = [];
  for (let i = 1; i < timestamps.length; i++) intervals.push((timestamps[i] as number) - (timestamps[i - 1] as number));
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    durationMs: timestamps.length > 1 ? (timestamps[timestamps.length - 1] as number) - (timestamps[0] as number) : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
    over50: intervals.filter((t) => t > 50).length,
    over100: intervals.filter((t) => t > 100).length,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
  };
}

/** The median of each number of the input script's frame statistics over the runs that finished it. */
function medianFrameStats(list: readonly FrameStats[]): FrameStats | null {
  if (list.length === 0) return null;
  const s = (pick: (f: FrameStats) => number) => median(list.map(pick));
  return {
    frames: s((f) => f.frames),
    durationMs: s((f) => f.durationMs),
    p50: s((f) => f.p50),
    p95: s((f) => f.p95),
    max: s((f) => f.max),
    over50: s((f) => f.over50),
    over100: s((f) => f.over100),
    longTasks: s((f) => f.longTasks),
    longTaskMs: s((f) => f.longTaskMs),
  };
}

/** The median of each number over the runs that have it (a run whose script did not finish still has a ready time). */
export function medianMetrics(runs: readonly RunMetrics[]): RunMetrics | null {
  if (runs.length === 0) return null;
  const m = (pick: (r: RunMetrics) => number | null | undefined): number | null => {
    const values = runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return values.length ? median(values) : null;
  };
  const withScript = runs.filter((r) => r.script !== null);
  return {
    generateMs: m((r) => r.generateMs) ?? NaN,
    readyMs: m((r) => r.readyMs) ?? NaN,
    readyRafMs: m((r) => r.readyRafMs) ?? NaN,
    validateMs: m((r) => r.validateMs),
    commitMs: m((r) => r.commitMs),
    firstFrameMs: m((r) => r.firstFrameMs),
    firstChangedMs: m((r) => r.firstChangedMs),
    loadLongTasks: m((r) => r.loadLongTasks) ?? NaN,
    loadLongTaskMs: m((r) => r.loadLongTaskMs) ?? NaN,
    heapReadyMB: m((r) => r.heapReadyMB) ?? NaN,
    domReady: m((r) => r.domReady) ?? NaN,
    script: medianFrameStats(withScript.map((r) => r.script as FrameStats)),
    scriptProblem: withScript.length ? null : (runs.find((r) => r.scriptProblem)?.scriptProblem ?? null),
    heapAfterMB: m((r) => r.heapAfterMB),
    domAfter: m((r) => r.domAfter),
  };
}

// ---------------------------------------------------------------------------------------------
// Targets from the issue, for our numbers.

export interface Targets {
  readyMs: number;
  p95: number;
  /** No frame interval longer than this. */
  noFrameOver: 50 | 100;
  heapMB: number;
  dom: number;
}

export const TARGETS: Record<number, Targets> = {
  10_000: { readyMs: 300, p95: 16.7, noFrameOver: 50, heapMB: 15, dom: 3000 },
  100_000: { readyMs: 1000, p95: 16.7, noFrameOver: 50, heapMB: 60, dom: 3000 },
  1_000_000: { readyMs: 5000, p95: 33, noFrameOver: 100, heapMB: 400, dom: 3000 },
};

/**
 * rAF timestamps are aligned to the display's 60 Hz clock but can land a fraction of a millisecond off it;
 * a p95 target of 16.7 ms is judged with this much slack so that a steady 60 fps always meets it.
 */
export const FRAME_SLACK_MS = 0.5;

export type Verdict = 'met' | 'not met' | 'n/a';

export interface Check {
  label: string;
  target: string;
  verdict: Verdict;
}

/** Each target against a cell's medians; a cell that did not finish meets none. */
export function checkTargets(n: number, cell: Cell | undefined): Check[] {
  const t = TARGETS[n];
  if (!t) return [];
  const m = cell?.median ?? null;
  const finished = cell?.status === 'ok' && m !== null;
  const judge = (ok: boolean | null): Verdict => (!finished ? 'not met' : ok === null ? 'n/a' : ok ? 'met' : 'not met');
  const heap = m ? Math.max(m.heapReadyMB, m.heapAfterMB ?? 0) : NaN;
  const dom = m ? Math.max(m.domReady, m.domAfter ?? 0) : NaN;
  const over = m?.script ? (t.noFrameOver === 50 ? m.script.over50 : m.script.over100) : null;
  return [
    { label: 'ready', target: `≤ ${fmtMs(t.readyMs)}`, verdict: judge(m ? m.readyMs <= t.readyMs : null) },
    { label: 'frame p95', target: `≤ ${t.p95} ms`, verdict: judge(m?.script ? m.script.p95 <= t.p95 + FRAME_SLACK_MS : false) },
    { label: `frames > ${t.noFrameOver} ms`, target: 'none', verdict: judge(over === null ? false : over === 0) },
    { label: 'JS heap', target: `≤ ${t.heapMB} MB`, verdict: judge(m ? heap <= t.heapMB : null) },
    { label: 'DOM elements', target: `≤ ${t.dom}`, verdict: judge(m ? dom <= t.dom : null) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Formatting.

export function fmtN(n: number): string {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function fmtNum(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return digits === 0 ? Math.round(v).toLocaleString('en-US') : v.toFixed(digits);
}

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return '—';
  if (b === 0) return a === 0 ? '1.00' : '∞';
  return (a / b).toFixed(2);
}

const verdictMark = (v: Verdict | undefined) => (v === 'met' ? '✅ met' : v === 'not met' ? '❌ not met' : '');

function cellStatus(cell: Cell | undefined, runs: number): string {
  if (!cell) return 'not run';
  if (cell.status === 'ok') {
    const finished = cell.runs.filter((r) => r.status === 'ok').length;
    const scriptMissed = cell.runs.filter((r) => r.metrics?.scriptProblem).length;
    const skipped = runs - cell.runs.length;
    return (
      `${finished} of ${runs} run${runs === 1 ? '' : 's'} became ready` +
      (scriptMissed ? `; the input script did not finish in ${scriptMissed === 1 ? 'it' : `${scriptMissed} of them`}` : '') +
      (skipped > 0 ? `; ${skipped} more not attempted ${cell.note ?? 'after a run missed a cap'}` : '')
    );
  }
  return cell.message ?? cell.status;
}

/** A short status for a table cell. */
function shortStatus(cell: Cell | undefined): string {
  if (!cell) return 'not run';
  if (cell.status === 'skipped') return 'not run';
  return (cell.message ?? cell.status).split(' (')[0] as string;
}

interface Row {
  label: string;
  /** A number of the input script: shown as "did not finish" when the script did not. */
  script?: boolean;
  get: (m: RunMetrics) => number | null | undefined;
  format: (v: number | null | undefined) => string;
  check?: string;
}

const ROWS: Row[] = [
  { label: 'Ready (data in memory → first complete frame)', get: (m) => m.readyMs, format: fmtMs, check: 'ready' },
  { label: '… of which validateDataset', get: (m) => m.validateMs, format: fmtMs },
  { label: '… first commit (ours) / Timeline constructor (vis)', get: (m) => m.commitMs, format: fmtMs },
  { label: 'Long tasks while loading (count)', get: (m) => m.loadLongTasks, format: (v) => fmtNum(v) },
  { label: 'Frame interval p50', script: true, get: (m) => m.script?.p50, format: fmtMs },
  { label: 'Frame interval p95', script: true, get: (m) => m.script?.p95, format: fmtMs, check: 'frame p95' },
  { label: 'Frame interval max', script: true, get: (m) => m.script?.max, format: fmtMs },
  { label: 'Frames > 50 ms', script: true, get: (m) => m.script?.over50, format: (v) => fmtNum(v), check: 'frames > 50 ms' },
  { label: 'Frames > 100 ms', script: true, get: (m) => m.script?.over100, format: (v) => fmtNum(v), check: 'frames > 100 ms' },
  { label: 'Frames recorded', script: true, get: (m) => m.script?.frames, format: (v) => fmtNum(v) },
  { label: 'Script duration', script: true, get: (m) => m.script?.durationMs, format: fmtMs },
  { label: 'Long tasks during script (count)', script: true, get: (m) => m.script?.longTasks, format: (v) => fmtNum(v) },
  { label: 'Long tasks during script (total)', script: true, get: (m) => m.script?.longTaskMs, format: fmtMs },
  { label: 'JS heap after GC, at ready (MB)', get: (m) => m.heapReadyMB, format: (v) => fmtNum(v, 1), check: 'JS heap' },
  { label: 'JS heap after GC, after script (MB)', script: true, get: (m) => m.heapAfterMB, format: (v) => fmtNum(v, 1), check: 'JS heap' },
  { label: 'DOM elements at ready', get: (m) => m.domReady, format: (v) => fmtNum(v), check: 'DOM elements' },
  { label: 'DOM elements after script', script: true, get: (m) => m.domAfter, format: (v) => fmtNum(v), check: 'DOM elements' },
  { label: 'Generating the data in the page (not in ready)', get: (m) => m.generateMs, format: fmtMs },
];

function sizeSection(n: number, results: Results): string[] {
  const ours = results.cells.find((c) => c.runner === 'ours' && c.n === n);
  const vis = results.cells.find((c) => c.runner === 'vis' && c.n === n);
  const checks = checkTargets(n, ours);
  const hasTargets = checks.length > 0;
  const lines = [`### ${fmtN(n)} events`, ''];
  const runs = results.config.runs;
  lines.push(`- Ours: ${cellStatus(ours, runs)}`, `- vis-timeline: ${cellStatus(vis, runs)}`, '');
  const problems = [ours, vis].flatMap((c) => (c ? c.runs.filter((r) => r.status !== 'ok' || r.metrics?.scriptProblem) : []));
  const problemLines = problems.map((r) => `- ${RUNNER_NAMES[r.runner]}, run ${r.run}: ${r.status !== 'ok' ? r.message : r.metrics?.scriptProblem}`);
  if (!ours?.median && !vis?.median) {
    // Nothing to tabulate.
    if (problemLines.length) lines.push('What happened:', '', ...problemLines, '');
    if (hasTargets) lines.push(`Targets: none met${ours?.status === 'skipped' ? ', as it was not run' : ''} (${checks.map((c) => `${c.label} ${c.target}`).join(', ')}).`, '');
    return lines;
  }
  const header = ['Metric (median)', 'Ours', ...(hasTargets ? ['Target', 'Met?'] : []), 'vis-timeline', 'Ours ÷ vis'];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of ROWS) {
    const a = ours?.median ? row.get(ours.median) : null;
    const b = vis?.median ? row.get(vis.median) : null;
    const check = row.check ? checks.find((c) => c.label === row.check) : undefined;
    const show = (cell: Cell | undefined, v: number | null | undefined) =>
      !cell?.median ? `(${shortStatus(cell)})` : row.script && !cell.median.script ? '(script did not finish)' : row.format(v);
    const cells = [row.label, show(ours, a)];
    if (hasTargets) cells.push(check?.target ?? '', verdictMark(check?.verdict));
    cells.push(show(vis, b), ratio(a, b));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push('');
  if (problemLines.length) lines.push('What did not finish:', '', ...problemLines, '');
  return lines;
}

export function renderMarkdown(results: Results): string {
  const { machine, config } = results;
  const lines: string[] = ['# Performance benchmark: ours vs vis-timeline', ''];
  lines.push(
    `Run ${machine.date}${results.totalSeconds !== null ? `, took ${Math.round(results.totalSeconds)} s` : ' (in progress)'}. ` +
      `Sizes ${config.sizes.map(fmtN).join(', ')}; ${config.runs} run${config.runs === 1 ? '' : 's'} each (medians); seed ${config.seed}; about ${config.perSource ?? 50} events per source.`,
    '',
    '## Machine',
    '',
    `- CPUs: ${machine.cpus} × ${machine.cpuModel}; memory ${machine.memoryGB} GB; ${machine.os}`,
    `- Chromium ${machine.chromium} (headless, --disable-gpu), Node ${machine.node}, Vite ${machine.vite}`,
    `- Code: ${machine.git}`,
    machine.idleFrames
      ? `- rAF on an empty page: p50 ${fmtMs(machine.idleFrames.p50)}, p95 ${fmtMs(machine.idleFrames.p95)}, max ${fmtMs(machine.idleFrames.max)}`
      : '- rAF on an empty page: not measured',
    '',
  );

  lines.push('## Initial JavaScript of the app (gzipped)', '');
  const size = results.appSize;
  if (!size) lines.push('Not measured (--no-app-size).', '');
  else if (size.error) lines.push(`The app build failed: ${size.error}`, '');
  else {
    lines.push(
      `**${(size.totalGzip / 1024).toFixed(1)} KB** gzipped (${(size.totalBytes / 1024).toFixed(1)} KB raw): every script a fresh browser fetched, the loader's worker included, from navigation until the bundled article was ready (zlib default level).`,
      '',
      '| File | Raw | Gzipped |',
      '| --- | ---: | ---: |',
      ...size.files.map((f) => `| ${f.file} | ${(f.bytes / 1024).toFixed(1)} KB | ${(f.gzip / 1024).toFixed(1)} KB |`),
      '',
    );
    const runs = size.interactiveMs ?? [];
    if (runs.length > 0) {
      const sorted = [...runs].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      lines.push(
        '## Time to interactive of the bundled article',
        '',
        `**${Math.round(median)} ms** (median of ${runs.length}: ${runs.map((ms) => Math.round(ms)).join(', ')} ms; target under 1 s ${median < 1000 ? '✅ met' : '❌ not met'}): the built app served by \`vite preview\`, a fresh browser each time, from navigation start to the first frame in which the timeline shows its marks and takes gestures (the article fetched, checked in the Web Worker, rendered, and the gesture code loaded).`,
        '',
      );
    }
  }

  if (results.cells.length === 0) {
    lines.push('## Data in memory', '', 'Not run (`--paths` without `memory`).', '');
    if (results.paths) lines.push(...renderPathsMarkdown(results.paths));
    return lines.join('\n');
  }
  if (results.memoryStartedAt) lines.push(`The data-in-memory sections below are from the run of ${results.memoryStartedAt} (this run opened files only).`, '');
  lines.push('## Targets (ours)', '');
  const targetSizes = config.sizes.filter((n) => TARGETS[n]);
  if (targetSizes.length === 0) lines.push('No size with targets was run (targets exist for 10k, 100k and 1M).', '');
  else {
    lines.push('| Size | Ready | Frame p95 | No long frames | JS heap | DOM elements |', '| --- | --- | --- | --- | --- | --- |');
    for (const n of targetSizes) {
      const cell = results.cells.find((c) => c.runner === 'ours' && c.n === n);
      const checks = checkTargets(n, cell);
      const m = cell?.median;
      if (!m || cell?.status !== 'ok') {
        lines.push(`| ${fmtN(n)} | ❌ ${shortStatus(cell)} | ❌ | ❌ | ❌ | ❌ |`);
        continue;
      }
      const value = (label: string): string => {
        switch (label) {
          case 'ready':
            return fmtMs(m.readyMs);
          case 'frame p95':
            return m.script ? fmtMs(m.script.p95) : 'script did not finish';
          case 'JS heap':
            return `${fmtNum(Math.max(m.heapReadyMB, m.heapAfterMB ?? 0), 1)} MB`;
          case 'DOM elements':
            return fmtNum(Math.max(m.domReady, m.domAfter ?? 0));
          default: {
            const over = TARGETS[n]?.noFrameOver === 50 ? m.script?.over50 : m.script?.over100;
            return over === undefined ? 'script did not finish' : `${over} over ${TARGETS[n]?.noFrameOver} ms`;
          }
        }
      };
      const cells = checks.map((c) => `${value(c.label)} (${c.target}) ${verdictMark(c.verdict)}`);
      lines.push(`| ${fmtN(n)} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }

  lines.push('## Results by size', '');
  for (const n of config.sizes) lines.push(...sizeSection(n, results));

  lines.push(
    '## How it is measured',
    '',
    '- Each run is a fresh headless Chromium (the e2e flags) with one 1280×800 page. The page generates the dataset with `src/data/synthetic.ts` (not timed), then starts the clock.',
    '- **Ready**, ours: `validateDataset` on the object, React renders `<Explorer>`, and the clock stops in a task posted from the first requestAnimationFrame after the first commit, i.e. once that frame has been styled, laid out and painted (the rAF itself is in the JSON as `readyRafMs`); should that frame not show marks on the plot yet (`.timeline-plot [data-mark-key]`), the clock waits for the first frame that does (`firstFrameMs` in the JSON is the first frame either way). vis-timeline: DataSets are built before the clock; the clock runs from `new Timeline(…)` to the same point after its initial draw (`onInitialDrawComplete`, when vis makes the timeline visible); its first `changed` event is in the JSON as `firstChangedMs`.',
    '- **Script** (after ready, a 500 ms pause, scrolling the plot to the top of the viewport): over the centre of the visible plot (ours `.timeline-plot`, vis `.vis-center`), 40 wheel steps in (deltaY −100) and 40 out, then a 30-step drag of 12 px each; 16 ms between steps. Frame intervals come from a requestAnimationFrame loop started just before the script and stopped 300 ms after it; long tasks from a `longtask` PerformanceObserver, counted inside the same stretch.',
    '- **JS heap**: `Runtime.getHeapUsage` (used size) after `HeapProfiler.collectGarbage`, at ready and after the script. **DOM elements**: `document.getElementsByTagName("*").length`, same times. The generated object is dropped once validated (ours) or turned into DataSets (vis).',
    `- Caps: generation ${config.generateCapS} s, ready ${config.readyCapS} s, script ${config.scriptCapS} s. A run that misses a cap is recorded as not finished and the page is closed; after a size does not become ready, larger sizes of that runner are not attempted, and after one run of a size misses a cap its remaining runs are skipped. A size is also not attempted when the last ready time scaled by the size (linearly) comes to more than twice the ready cap; the report says so (\`--try-all\` attempts it anyway).${config.budgetMin ? ` Runs after the first of a size are left out when they would take the whole bench past ${config.budgetMin} minutes, keeping time for one run of each larger size (\`--budget 0\` lifts this).` : ''}`,
    '- "Generating the data" for vis-timeline includes turning it into vis DataSets; neither is part of ready.',
    '- The same wheel input zooms each library by its own factor (d3-zoom: ×1.15 a step; vis-timeline: about ×1.2), both clamped to a 3-hour minimum and four times the data at the widest.',
    '',
  );
  if (results.paths) lines.push(...renderPathsMarkdown(results.paths));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Opening a generated file by URL and by file (paths.ts): the path a reader takes.

export type PathId = 'url' | 'file';
export type PathRunnerId = 'ours' | 'vis' | 'bare';
/** Our JSON, our CSV, or our JSON gzipped (the slow-link rows: what a slow link is given matters there). */
export type FileFormat = 'json' | 'csv' | 'json.gz';
export const PATH_NAMES: Record<PathId, string> = { url: 'By URL (`/?data=URL`)', file: 'By file ("Open dataset")' };
export const PATH_RUNNER_NAMES: Record<PathRunnerId, string> = { ours: 'Ours', vis: 'vis-timeline 8.5', bare: 'Bare page (download + parse)' };

/** Wheel and drag steps of the input script that took no effect (see lostSteps in steps.ts). */
export interface LostSteps {
  /** Net: the span after 40 steps in and 40 out, against the span before, in steps (only the steps out when zooming in reached the limit). */
  wheel: number;
  /** Zooming in reached the closest zoom (three hours). */
  reachedLimit?: boolean;
  drag: number;
  /** Events after which no change was seen before the next one (most are only merged into a later frame). */
  quiet: number;
}

export interface PathMetrics {
  /** From navigation start (URL) or the file being chosen (file) to ready. */
  readyMs: number;
  readyRafMs: number;
  /** Ours: to the first frame with every lane's marks drawn (ready shows the first screen's); others: ready. */
  completeMs?: number;
  /** Main-thread long tasks (over 50 ms) from the clock's start until every lane's marks are drawn. */
  longTasks: number;
  longTaskMaxMs: number;
  longTaskSumMs: number;
  /** Changes to the loading screen's text or progress value before ready. */
  progressChanges: number;
  firstProgressMs: number | null;
  /** The longest time without a change, from the first change to ready. */
  progressMaxGapMs: number | null;
  heapReadyMB: number;
  /** Live Web Workers' heap at ready after a forced GC (null: none alive), and their largest sample while loading (null: none seen). */
  workerHeapReadyMB: number | null;
  workerHeapPeakMB: number | null;
  script: FrameStats | null;
  scriptProblem: string | null;
  lost: LostSteps | null;
  heapAfterMB: number | null;
}

export interface PathRun {
  runner: PathRunnerId;
  path: PathId;
  format: FileFormat;
  n: number;
  run: number;
  status: RunStatus;
  message: string | null;
  wallMs: number;
  metrics: PathMetrics | null;
}

export interface PathCell {
  runner: PathRunnerId;
  path: PathId;
  format: FileFormat;
  n: number;
  /** The file's size in bytes. */
  bytes: number;
  status: RunStatus | 'skipped';
  message: string | null;
  runs: PathRun[];
  median: PathMetrics | null;
  note?: string | null;
}

export interface PathResults {
  config: { sizes: number[]; runs: number; paths: PathId[]; runners: PathRunnerId[]; capS: number; csvSizes: number[]; budgetMin: number; slowLink: boolean };
  /** The 100k-by-URL row over an emulated slow link, when asked for (--slow-link). */
  slow?: PathCell[];
  cells: PathCell[];
  startedAt: string;
  finishedAt: string | null;
}

/** The median of each number over the runs that have it. */
export function medianPathMetrics(runs: readonly PathMetrics[]): PathMetrics | null {
  if (runs.length === 0) return null;
  const m = (pick: (r: PathMetrics) => number | null | undefined): number | null => {
    const values = runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return values.length ? median(values) : null;
  };
  const withScript = runs.filter((r) => r.script !== null);
  const withLost = runs.filter((r) => r.lost !== null);
  const l = (pick: (x: LostSteps) => number) => median(withLost.map((r) => pick(r.lost as LostSteps)));
  return {
    readyMs: m((r) => r.readyMs) ?? NaN,
    readyRafMs: m((r) => r.readyRafMs) ?? NaN,
    completeMs: m((r) => r.completeMs) ?? undefined,
    longTasks: m((r) => r.longTasks) ?? NaN,
    longTaskMaxMs: m((r) => r.longTaskMaxMs) ?? NaN,
    longTaskSumMs: m((r) => r.longTaskSumMs) ?? NaN,
    progressChanges: m((r) => r.progressChanges) ?? NaN,
    firstProgressMs: m((r) => r.firstProgressMs),
    progressMaxGapMs: m((r) => r.progressMaxGapMs),
    heapReadyMB: m((r) => r.heapReadyMB) ?? NaN,
    workerHeapReadyMB: m((r) => r.workerHeapReadyMB),
    workerHeapPeakMB: m((r) => r.workerHeapPeakMB),
    script: medianFrameStats(withScript.map((r) => r.script as FrameStats)),
    scriptProblem: withScript.length ? null : (runs.find((r) => r.scriptProblem)?.scriptProblem ?? null),
    lost: withLost.length ? { wheel: l((x) => x.wheel), drag: l((x) => x.drag), quiet: l((x) => x.quiet), reachedLimit: withLost.some((r) => r.lost?.reachedLimit) } : null,
    heapAfterMB: m((r) => r.heapAfterMB),
  };
}

/** The issue's targets for opening a file (ours, JSON), each judged against the medians. */
export function checkPathTargets(n: number, ours: PathCell | undefined, vis: PathCell | undefined, bare: PathCell | undefined): Check[] {
  const m = ours?.status === 'ok' ? ours.median : null;
  const judge = (ok: boolean | null): Verdict => (m === null ? 'not met' : ok === null ? 'n/a' : ok ? 'met' : 'not met');
  const ready = m?.readyMs ?? NaN;
  const lostTotal = m?.lost ? m.lost.wheel + m.lost.drag : null;
  const checks: Check[] = [];
  // Long tasks are those over 50 ms: "none over 50 ms" means no long task at all.
  const noTaskOver = (limit: number) => checks.push({ label: 'longest task while loading', target: `≤ ${limit} ms`, verdict: judge(m ? m.longTasks === 0 || m.longTaskMaxMs <= limit : null) });
  const heap = (limit: number) => checks.push({ label: 'page heap', target: `≤ ${limit} MB`, verdict: judge(m ? m.heapReadyMB <= limit : null) });
  if (n === 1_000) {
    const visReady = vis?.status === 'ok' ? (vis.median?.readyMs ?? null) : null;
    checks.push({ label: 'ready', target: '≤ 500 ms', verdict: judge(ready <= 500) });
    checks.push({ label: 'ready vs vis-timeline', target: '≤ vis-timeline\'s', verdict: visReady === null ? 'n/a' : judge(ready <= visReady) });
    noTaskOver(50);
  } else if (n === 10_000) {
    checks.push({ label: 'ready', target: '≤ 700 ms', verdict: judge(ready <= 700) });
    noTaskOver(50);
    heap(15);
  } else if (n === 100_000) {
    const bareReady = bare?.status === 'ok' ? (bare.median?.readyMs ?? null) : null;
    checks.push({ label: 'ready', target: '≤ 2 s', verdict: judge(ready <= 2000) });
    checks.push({ label: 'ready vs bare page', target: '≤ 4 × the bare page\'s', verdict: bareReady === null ? 'n/a' : judge(ready <= 4 * bareReady) });
    noTaskOver(100);
    checks.push({ label: 'loading screen moves', target: 'every ≤ 250 ms', verdict: judge(m ? m.progressMaxGapMs !== null && m.progressMaxGapMs <= 250 : null) });
    heap(60);
    checks.push({ label: 'frame p95', target: `≤ 16.7 ms`, verdict: judge(m ? m.script !== null && m.script.p95 <= 16.7 + FRAME_SLACK_MS : null) });
    checks.push({ label: 'frames > 50 ms', target: 'none', verdict: judge(m ? m.script !== null && m.script.over50 === 0 : null) });
  } else if (n === 1_000_000) {
    checks.push({ label: 'ready', target: '≤ 15 s', verdict: judge(ready <= 15_000) });
    noTaskOver(200);
    heap(400);
  } else {
    return [];
  }
  checks.push({ label: 'steps lost', target: 'none', verdict: judge(m ? (lostTotal === null ? null : lostTotal === 0) : null) });
  return checks;
}

const shorten = (text: string, max = 160) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const fmtMB = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(1)} MB`);

function pathStatus(cell: PathCell | undefined, runs: number): string {
  if (!cell) return 'not run';
  if (cell.status === 'ok') {
    const finished = cell.runs.filter((r) => r.status === 'ok').length;
    const skipped = runs - cell.runs.length;
    return `${finished} of ${runs} run${runs === 1 ? '' : 's'} became ready${skipped > 0 ? `; ${skipped} more not attempted ${cell.note ?? 'after a run missed the cap'}` : ''}`;
  }
  return cell.message ?? cell.status;
}

interface PathRow {
  label: string;
  get: (m: PathMetrics) => string;
}

const PATH_ROWS: PathRow[] = [
  { label: 'Ready', get: (m) => fmtMs(m.readyMs) },
  { label: '… every lane drawn as marks (ours: after ready they come a hundred a frame, a canvas drawing them until then)', get: (m) => fmtMs(m.completeMs ?? m.readyMs) },
  { label: 'Long tasks while loading (until every lane is drawn): longest', get: (m) => (m.longTasks > 0 ? fmtMs(m.longTaskMaxMs) : 'none') },
  { label: '… all together (count)', get: (m) => (m.longTasks > 0 ? `${fmtMs(m.longTaskSumMs)} (${fmtNum(m.longTasks)})` : '0') },
  { label: 'Loading screen: first change', get: (m) => fmtMs(m.firstProgressMs) },
  { label: '… longest time without a change (to ready)', get: (m) => fmtMs(m.progressMaxGapMs) },
  { label: '… changes', get: (m) => fmtNum(m.progressChanges) },
  { label: 'Page JS heap at ready (after GC)', get: (m) => fmtMB(m.heapReadyMB) },
  {
    label: 'Workers\' JS heap at ready (after GC) / largest while loading',
    get: (m) => `${m.workerHeapReadyMB === null ? 'none alive' : fmtMB(m.workerHeapReadyMB)} / ${m.workerHeapPeakMB === null ? 'none seen' : fmtMB(m.workerHeapPeakMB)}`,
  },
  { label: 'Frame interval p50 / p95 / max', get: (m) => (m.script ? `${fmtMs(m.script.p50)} / ${fmtMs(m.script.p95)} / ${fmtMs(m.script.max)}` : m.scriptProblem ? 'script did not finish' : '—') },
  { label: 'Frames > 50 ms / > 100 ms', get: (m) => (m.script ? `${fmtNum(m.script.over50)} / ${fmtNum(m.script.over100)}` : '—') },
  {
    label: 'Steps lost: wheel (of 80) / drag (of 30)',
    get: (m) => (m.lost ? `${fmtNum(m.lost.wheel)}${m.lost.reachedLimit ? ' (of the 40 out: zooming in reached 3 hours)' : ''} / ${fmtNum(m.lost.drag)}` : '—'),
  },
  { label: 'JS heap after the script', get: (m) => fmtMB(m.heapAfterMB) },
];

const FORMAT_SUFFIX: Record<FileFormat, string> = { json: '', csv: ', CSV', 'json.gz': ', gzipped JSON' };

function pathTable(cells: readonly (PathCell | undefined)[]): string[] {
  const header = ['Metric (median)', ...cells.map((c) => (c ? `${PATH_RUNNER_NAMES[c.runner]}${FORMAT_SUFFIX[c.format]}` : ''))];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of PATH_ROWS) {
    // Why a cell has no numbers is said in full in the list above the table; here in a word or two.
    const why = (c: PathCell) =>
      c.status === 'skipped' ? 'not run' : c.status === 'dnf' ? (c.message?.startsWith('no first render') ? 'no first render' : 'not ready in time') : c.status === 'crash' ? 'crashed' : 'failed';
    const values = cells.map((c) => (!c ? '' : c.median && c.status === 'ok' ? row.get(c.median) : `(${why(c)})`));
    lines.push(`| ${[row.label, ...values].join(' | ')} |`);
  }
  return lines;
}

export function renderPathsMarkdown(paths: PathResults): string[] {
  const { config } = paths;
  const lines: string[] = [
    '## Opening a file: by URL and by file',
    '',
    `Run ${paths.startedAt}${paths.finishedAt ? '' : ' (in progress)'}; sizes ${config.sizes.map(fmtN).join(', ')}; ${config.runs} run${config.runs === 1 ? '' : 's'} each (medians); cap ${config.capS} s to ready.`,
    '',
  ];
  const find = (runner: PathRunnerId, path: PathId, n: number, format: FileFormat = 'json') =>
    paths.cells.find((c) => c.runner === runner && c.path === path && c.n === n && c.format === format);

  lines.push('### Targets (ours, JSON)', '');
  for (const path of config.paths) {
    lines.push(`${PATH_NAMES[path]}:`, '');
    lines.push('| Size | Target | Measured | Met? |', '| --- | --- | --- | --- |');
    for (const n of config.sizes) {
      const ours = find('ours', path, n);
      const checks = checkPathTargets(n, ours, find('vis', path, n), find('bare', path, n));
      const m = ours?.status === 'ok' ? ours.median : null;
      const other = (runner: PathRunnerId) => {
        const cell = find(runner, path, n);
        return cell?.status === 'ok' && cell.median ? cell.median.readyMs : null;
      };
      const versus = (runner: PathRunnerId) => {
        const theirs = other(runner);
        return m ? `${fmtMs(m.readyMs)} vs ${theirs === null ? `(${PATH_RUNNER_NAMES[runner]} not ready)` : `${fmtMs(theirs)} (${ratio(m.readyMs, theirs)}×)`}` : '';
      };
      for (const [i, c] of checks.entries()) {
        const measured = (() => {
          // Why it did not open, once per size (the details are in the table of the size below).
          if (!m) return i > 0 ? '″' : shorten((ours?.message ?? 'not run').split(' (')[0] as string);
          switch (c.label) {
            case 'ready':
              return fmtMs(m.readyMs);
            case 'ready vs vis-timeline':
              return versus('vis');
            case 'ready vs bare page':
              return versus('bare');
            case 'longest task while loading':
              return m.longTasks > 0 ? `${fmtMs(m.longTaskMaxMs)} (${fmtNum(m.longTasks)} long tasks, ${fmtMs(m.longTaskSumMs)} in all)` : 'no long task';
            case 'loading screen moves':
              return m.progressMaxGapMs === null ? 'never changed' : `longest gap ${fmtMs(m.progressMaxGapMs)}`;
            case 'page heap':
              return fmtMB(m.heapReadyMB);
            case 'frame p95':
              return m.script ? fmtMs(m.script.p95) : 'script did not finish';
            case 'frames > 50 ms':
              return m.script ? fmtNum(m.script.over50) : 'script did not finish';
            default:
              return m.lost ? `${m.lost.wheel} wheel, ${m.lost.drag} drag` : 'not measured';
          }
        })();
        lines.push(`| ${fmtN(n)} | ${c.label} ${c.target} | ${measured} | ${verdictMark(c.verdict) || 'n/a (not measured)'} |`);
      }
    }
    lines.push('');
  }

  for (const path of config.paths) {
    lines.push(`### ${PATH_NAMES[path]}`, '');
    for (const n of config.sizes) {
      const row = config.runners.map((r) => find(r, path, n));
      const csv = config.csvSizes.includes(n) ? (['ours', 'bare'] as const).filter((r) => config.runners.includes(r)).map((r) => find(r, path, n, 'csv')) : [];
      const bytes = row.find((c) => c)?.bytes;
      lines.push(`#### ${fmtN(n)} events${bytes ? ` (JSON ${(bytes / 1048576).toFixed(1)} MB${csv[0]?.bytes ? `, CSV ${(csv[0].bytes / 1048576).toFixed(1)} MB` : ''})` : ''}`, '');
      for (const cell of [...row, ...csv]) if (cell) lines.push(`- ${PATH_RUNNER_NAMES[cell.runner]}${cell.format === 'csv' ? ' (CSV)' : ''}: ${pathStatus(cell, config.runs)}`);
      lines.push('', ...pathTable([...row, ...csv]), '');
      const problems = [...row, ...csv].flatMap((c) => (c ? c.runs.filter((r) => r.status !== 'ok' || r.metrics?.scriptProblem) : []));
      if (problems.length) {
        lines.push('What did not finish:', '');
        for (const r of problems) lines.push(`- ${PATH_RUNNER_NAMES[r.runner]}${r.format === 'csv' ? ' (CSV)' : ''}, run ${r.run}: ${r.status !== 'ok' ? r.message : r.metrics?.scriptProblem}`);
        lines.push('');
      }
    }
  }
  if (paths.slow?.length) {
    lines.push('### 100k by URL over an emulated slow link (50 Mbit/s, 40 ms latency)', '', ...pathTable(paths.slow), '');
  }
  lines.push(
    '### How it is measured',
    '',
    '- Files: `scripts/gen.ts` (JSON, written a record at a time) and `bench/gen-csv.ts` (our CSV, the app\'s exporter) into `bench/tmp/paths/`, served by a small node:http server on its own port with Content-Length and `Access-Control-Allow-Origin: *` (the app fetches `?data=` cross-origin). Ours is the real app built with its own `vite.config.ts` (`bench/tmp/app-dist`, served by `vite preview` with its CSP); vis-timeline and the bare page are `bench/vis.html?load` (`vis-load.ts`) and `bench/bare.html`.',
    '- Every run is a fresh browser (no cache). **By URL**: the clock runs from navigation start of `/?data=URL`. **By file**: the page is opened first (ours shows its bundled article and waits for its marks), then the "Open dataset" button is clicked and the file given to the file chooser; the clock runs from the input\'s `change` event.',
    '- **Ready**, ours: a task posted from the first animation frame in which the plot (a new one, for a file) holds a mark or cluster (`.timeline-plot [data-mark-key]`); vis-timeline: the same after its initial draw (`onInitialDrawComplete`); bare page: once parsed (JSON.parse or d3-dsv; a file over 256 MB, too large for one string, is parsed a top-level array element at a time as it streams).',
    '- **Long tasks**: a buffered `longtask` PerformanceObserver installed before the page\'s code; those starting between the clock\'s start and ready. **Loading screen**: a MutationObserver records each change to the text or `<progress>` value of a `role=status` element holding a `<progress>`; the longest gap runs from its first change to ready. An indeterminate bar never counts as moving.',
    '- **Heap**: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage` on the page at ready; Web Workers through the browser\'s CDP target list (sampled every 250 ms while loading, without GC, for the largest; after GC at ready for those still alive).',
    '- **Script**: the in-memory bench\'s wheel-and-drag script (40 wheel steps in, 40 out, a 30-step drag, 16 ms apart). **Steps lost**: the visible window (ours: the overview strip\'s sliders; vis: `getWindow()`) is read every frame. One step\'s effect is estimated from the input events\' own effects (the smallest at least half their median, so that a frame handling two steps still counts them as two; events the browser merged count as the steps they carry). Wheel: 40 steps in and 40 out should leave the span as it was, and each step\'s worth of difference is a step lost (one lost each way would cancel); when zooming in reaches the closest zoom (3 hours), only the 40 steps out are judged, from the span at that limit. Drag: the window should follow all 30 moves; what it falls short of is lost. Both are measured from before the script to after it, so a change a busy page shows late is not lost.',
    '- Caps: ready within the cap (vis-timeline that does not is recorded as "no first render"); a runner that misses it is not run at larger sizes. Runs after the first of a cell are left out when they would take the bench past its budget; the status line says so.',
    '',
  );
  return lines;
}
