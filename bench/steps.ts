// Which steps of the input script had no effect on the visible window: pure, from what bench/probe.ts
// recorded in the page (paths.ts reads it back; tests/unit/bench/steps.test.ts checks it).
import type { ProbeState } from './probe';
import type { LostSteps } from './report';

/** The closest zoom of both the app and the vis-timeline page: three hours. */
const MIN_SPAN_MS = 3 * 3_600_000;

/**
 * How many wheel steps and drag moves of the input script took no effect, from the visible window read in
 * every frame. Each input event carries an amount of script steps (its wheel delta over 100, its pointer
 * move over 12 px: more than one when the browser merged events). One step's effect is estimated from the
 * events' own effects per step (the change of the window from the event to the next one: the log of its
 * span for the wheel, its centre over its span for the drag): the smallest that is at least half their
 * median, as a frame that handles two steps at once shows two steps' worth. Then, from the window before
 * the script to the window after it:
 * - wheel: 40 steps in and 40 out leave the span as it was; each step's worth of difference is a step lost
 *   (one lost in each direction would cancel out). When zooming in reaches the closest zoom, its later
 *   steps have nothing to do: then only the 40 steps out are judged, from the span at that limit;
 * - drag: the window should have moved by all 30 moves; what it fell short of is lost (a move that went
 *   only part of the way, at a pan limit, counts as taken).
 * Measured end to end, a change that a busy page shows only after the next phase has begun is not lost.
 * The app's window is read from its overview sliders, which stop at the data's ends: at the widest zoom a
 * drag reads as a narrowing window, so the wheel is judged before the drag begins (endOfZoom), and the drag
 * count errs towards "not lost" there.
 */
export function lostSteps(steps: ProbeState['steps'], windows: ProbeState['windows'], endAt: number, minSpanMs = MIN_SPAN_MS): LostSteps | null {
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (!first || !last || steps.length === 0) return null;
  const windowAt = (t: number) => {
    let current = first;
    for (const w of windows) {
      if (w.t > t) break;
      current = w;
    }
    return current;
  };
  const centre0 = (first.start + first.end) / 2;
  const zoom = (w: ProbeState['windows'][number]) => Math.log(w.end - w.start);
  const pan = (w: ProbeState['windows'][number]) => ((w.start + w.end) / 2 - centre0) / (w.end - w.start);
  const stepEffect = (own: ProbeState['steps'], value: (w: ProbeState['windows'][number]) => number): number | null => {
    const effects = own
      .map((s, i) => Math.abs(value(windowAt(own[i + 1]?.t ?? endAt)) - value(windowAt(s.t))) / s.amount)
      .filter((e) => e > 1e-9)
      .sort((a, b) => a - b);
    const middle = effects[effects.length >> 1];
    if (middle === undefined) return null;
    return effects.find((e) => e >= middle / 2) ?? middle;
  };
  const wheel = steps.filter((s) => s.kind !== 'drag' && s.amount > 0);
  const drag = steps.filter((s) => s.kind === 'drag' && s.amount > 0);
  const sent = (list: ProbeState['steps']) => Math.round(list.reduce((sum, s) => sum + s.amount, 0));
  const quiet = (list: ProbeState['steps'], value: (w: ProbeState['windows'][number]) => number) =>
    list.filter((s, i) => Math.abs(value(windowAt(list[i + 1]?.t ?? endAt)) - value(windowAt(s.t))) <= 1e-9).length;
  const zoomUnit = stepEffect(wheel, zoom);
  const panUnit = stepEffect(drag, pan);
  // Zooming in that reaches the closest zoom leaves its later steps nothing to do: then only the steps out
  // are judged, from the window at that limit.
  const atLimit = windows.find((w) => w.end - w.start <= minSpanMs * 1.01 && w.t <= (wheel[wheel.length - 1]?.t ?? endAt));
  const firstOut = wheel.find((s) => s.kind === 'out');
  const wheelEnd = endOfZoom(windows, wheel[wheel.length - 1]);
  const wheelLost = (): number => {
    if (zoomUnit === null) return sent(wheel);
    if (!atLimit || !firstOut) return Math.round(Math.abs(zoom(wheelEnd) - zoom(first)) / zoomUnit);
    const out = wheel.filter((s) => s.kind === 'out');
    return Math.max(0, sent(out) - Math.ceil(Math.abs(zoom(wheelEnd) - zoom(atLimit)) / zoomUnit - 0.25));
  };
  return {
    wheel: wheel.length === 0 ? 0 : wheelLost(),
    reachedLimit: atLimit !== undefined,
    drag: drag.length === 0 ? 0 : panUnit === null ? sent(drag) : Math.max(0, sent(drag) - Math.ceil(Math.abs(pan(last) - pan(first)) / panUnit - 0.25)),
    quiet: quiet(wheel, zoom) + quiet(drag, pan),
  };
}

/**
 * The window once the last wheel step has shown. The drag follows at once, and a busy page may show the
 * last zoom only in the frame that also shows the first move: so of the changes after the last wheel step,
 * up to and including the first that pans (moves the window's centre by more than 0.2% of its span; a zoom
 * at the pointer moves it far less), the one that went furthest in the last step's direction.
 */
function endOfZoom(windows: ProbeState['windows'], lastWheel: ProbeState['steps'][number] | undefined): ProbeState['windows'][number] {
  let index = 0;
  while (lastWheel && index + 1 < windows.length && (windows[index + 1] as ProbeState['windows'][number]).t <= lastWheel.t) index++;
  const candidates = [windows[index] as ProbeState['windows'][number]];
  for (const next of windows.slice(index + 1)) {
    const current = candidates[candidates.length - 1] as ProbeState['windows'][number];
    candidates.push(next);
    if (Math.abs((next.start + next.end) / 2 - (current.start + current.end) / 2) > 0.002 * (current.end - current.start)) break;
  }
  const span = (w: ProbeState['windows'][number]) => w.end - w.start;
  return candidates.reduce((best, w) => (lastWheel?.kind === 'in' ? span(w) < span(best) : span(w) > span(best)) ? w : best);
}
