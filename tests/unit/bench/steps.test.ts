// The bench counts wheel and drag steps that moved the visible window by nothing; frames that handle two
// steps at once must not be counted as losses, and a dropped step must be.
import { describe, expect, it } from 'vitest';
import { lostSteps } from '../../../bench/steps';
import type { ProbeState } from '../../../bench/probe';

type Step = ProbeState['steps'][number];
type Window = ProbeState['windows'][number];

/**
 * The window as an app shows it: changed in frames every 16.7 ms by the steps that arrived since the last
 * frame, except those in `dropped`; a zoom step scales the span by 1.15 (in to three hours at the closest),
 * a drag step shifts the window by 1% of its span (the last one by `partLast` of that), each as many times
 * as the event's amount.
 */
const HOURS_3 = 3 * 3_600_000;

function replay(steps: readonly Step[], dropped: ReadonlySet<number> = new Set(), partLast = 1, startSpan = 1e12): { windows: Window[]; end: number } {
  let start = 0;
  let end = startSpan;
  const windows: Window[] = [{ t: 50, start, end }];
  let next = 0;
  const last = (steps.at(-1)?.t ?? 0) + 300;
  for (let frame = 100 + 8; frame < last; frame += 16.7) {
    let changed = false;
    for (; next < steps.length && (steps[next] as Step).t < frame; next++) {
      if (dropped.has(next)) continue;
      const step = steps[next] as Step;
      const mid = (start + end) / 2;
      const half = (end - start) / 2;
      const k = 1.15 ** step.amount;
      // Zooming in stops at three hours, as in the app.
      if (step.kind === 'in') [start, end] = [mid - Math.max(half / k, HOURS_3 / 2), mid + Math.max(half / k, HOURS_3 / 2)];
      else if (step.kind === 'out') [start, end] = [mid - half * k, mid + half * k];
      else {
        const by = (next === steps.length - 1 ? partLast : 1) * 0.01 * (end - start) * step.amount;
        [start, end] = [start - by, end - by];
      }
      changed = true;
    }
    if (changed) windows.push({ t: frame, start, end });
  }
  return { windows, end: last };
}

function simulate(kinds: Step['kind'][], dropped: ReadonlySet<number> = new Set(), partLast = 1, startSpan = 1e12): { steps: Step[]; windows: Window[]; end: number } {
  const steps = kinds.map((kind, i) => ({ t: 100 + i * 16, kind, amount: 1 }));
  return { steps, ...replay(steps, dropped, partLast, startSpan) };
}

const script: Step['kind'][] = [...Array<'in'>(40).fill('in'), ...Array<'out'>(40).fill('out'), ...Array<'drag'>(30).fill('drag')];

describe('lostSteps', () => {
  it('counts no loss when every step moved the window, even where a frame took two steps', () => {
    const { steps, windows, end } = simulate(script);
    const lost = lostSteps(steps, windows, end);
    expect(lost).toMatchObject({ wheel: 0, drag: 0 });
    // Steps 16 ms apart and frames 16.7 ms apart: now and then a frame takes two and the step before shows nothing.
    expect(lost?.quiet).toBeGreaterThan(0);
  });

  it('counts the wheel steps and drag moves that were dropped', () => {
    const { steps, windows, end } = simulate(script, new Set([3, 4, 90]));
    expect(lostSteps(steps, windows, end)).toMatchObject({ wheel: 2, drag: 1 });
  });

  it('counts a step stopped part of the way (at a pan limit) as taken', () => {
    const { steps, windows, end } = simulate(script, new Set(), 0.4);
    expect(lostSteps(steps, windows, end)).toMatchObject({ wheel: 0, drag: 0 });
  });

  it('counts events the browser merged (one wheel event of two steps, one move of two) as all their steps', () => {
    const { steps: one, end } = simulate(script);
    // Pairs of steps arrive as one event carrying both, as Chromium sends them when the page is busy.
    const merged = one.filter((_, i) => i % 2 === 0).map((s) => ({ ...s, amount: 2 }));
    const { windows } = replay(merged);
    expect(merged).toHaveLength(55);
    expect(lostSteps(merged, windows, end)).toMatchObject({ wheel: 0, drag: 0 });
  });

  it('judges only the steps out when zooming in reached the closest zoom, whose later steps had nothing to do', () => {
    // 20 days: 40 steps of 1.15 would go below three hours.
    const clamped = simulate(script, new Set(), 1, 20 * 86_400_000);
    expect(lostSteps(clamped.steps, clamped.windows, clamped.end)).toMatchObject({ wheel: 0, drag: 0, reachedLimit: true });
    const dropped = simulate(script, new Set([45, 46, 47]), 1, 20 * 86_400_000);
    expect(lostSteps(dropped.steps, dropped.windows, dropped.end)).toMatchObject({ wheel: 3, reachedLimit: true });
  });

  it('says nothing when the window was never read', () => {
    expect(lostSteps([{ t: 1, kind: 'in', amount: 1 }], [], 10)).toBeNull();
  });
});
