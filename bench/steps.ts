// Which steps of the input script had no effect on the visible window: pure, from what bench/probe.ts
// recorded in the page (paths.ts reads it back; tests/unit/bench/steps.test.ts checks it).
import type { ProbeState } from './probe';
import type { LostSteps } from './report';

/**
 * For each phase of the input script (wheel in, wheel out, drag), how many of its steps moved the visible
 * window by nothing. Each input event carries an amount of script steps (its wheel delta over 100, its
 * pointer move over 12 px: more than one when the browser merged events); its effect is the change of the
 * window (log of its span for the wheel, its start for the drag) from the event to the next one, per step; the phase's total effect divided by one step's effect
 * (see `unit`) says how many steps took effect; the rest were lost. Two steps handled in one frame thus
 * still count as two, and a lost step shows however the frames fall. A drag moves to absolute positions,
 * so a dropped move is only lost when nothing later makes up for it (the last one).
 */
export function lostSteps(steps: ProbeState['steps'], windows: ProbeState['windows'], endAt: number): LostSteps | null {
  if (windows.length === 0 || steps.length === 0) return null;
  const windowAt = (t: number) => {
    let current = windows[0] as ProbeState['windows'][number];
    for (const w of windows) {
      if (w.t > t) break;
      current = w;
    }
    return current;
  };
  const measure = (kind: 'in' | 'out' | 'drag'): { lost: number; quiet: number } => {
    const value = (w: ProbeState['windows'][number]) => (kind === 'drag' ? w.start : Math.log(w.end - w.start));
    const own = steps.filter((s) => s.kind === kind && s.amount > 0);
    if (own.length === 0) return { lost: 0, quiet: 0 };
    const ts = own.map((s) => s.t);
    const sent = Math.round(own.reduce((sum, s) => sum + s.amount, 0));
    const after = steps.find((s) => s.t > (ts[ts.length - 1] as number) && s.kind !== kind)?.t ?? endAt;
    // Each event's change of the window, per script step it carried (the browser merges events when busy).
    const effects = own.map((s, i) => Math.abs(value(windowAt(ts[i + 1] ?? after)) - value(windowAt(s.t))) / s.amount);
    const moved = effects.filter((e) => e > 1e-9).sort((a, b) => a - b);
    const quiet = effects.length - moved.length;
    if (moved.length === 0) return { lost: sent, quiet };
    // One step's effect: the smallest that is at least half the median (when most frames handle two steps
    // at once the median is two steps' worth; a lone step still shows one).
    const middle = moved[moved.length >> 1] as number;
    const unit = moved.find((e) => e >= middle / 2) ?? middle;
    const total = Math.abs(value(windowAt(after)) - value(windowAt(ts[0] as number)));
    // A step that moved the window only part of the way (stopped at a zoom or pan limit) still took effect.
    return { lost: Math.max(0, sent - Math.ceil(total / unit - 0.25)), quiet };
  };
  const zoomIn = measure('in');
  const zoomOut = measure('out');
  const drag = measure('drag');
  return { zoomIn: zoomIn.lost, zoomOut: zoomOut.lost, drag: drag.lost, quiet: zoomIn.quiet + zoomOut.quiet + drag.quiet };
}
