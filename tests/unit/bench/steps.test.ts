// The bench counts wheel and drag steps that moved the visible window by nothing; frames that handle two
// steps at once must not be counted as losses, and a dropped step must be.
import { describe, expect, it } from 'vitest';
import { lostSteps } from '../../../bench/steps';
import type { ProbeState } from '../../../bench/probe';

type Step = ProbeState['steps'][number];
type Window = ProbeState['windows'][number];

/**
 * Steps 16 ms apart; the window changes in frames every 16.7 ms by the steps that arrived since the last
 * frame, except those in `dropped`; zoom steps scale the span by 1.15, drag steps shift the start by 1000
 * (the last one by `partLast` of that).
 */
function simulate(kinds: Step['kind'][], dropped: ReadonlySet<number> = new Set(), partLast = 1): { steps: Step[]; windows: Window[]; end: number } {
  const steps = kinds.map((kind, i) => ({ t: 100 + i * 16, kind }));
  let start = 0;
  let end = 1e9;
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
      if (step.kind === 'in') [start, end] = [mid - half / 1.15, mid + half / 1.15];
      else if (step.kind === 'out') [start, end] = [mid - half * 1.15, mid + half * 1.15];
      else {
        const by = next === steps.length - 1 ? 1000 * partLast : 1000;
        [start, end] = [start - by, end - by];
      }
      changed = true;
    }
    if (changed) windows.push({ t: frame, start, end });
  }
  return { steps, windows, end: last };
}

const script: Step['kind'][] = [...Array<'in'>(40).fill('in'), ...Array<'out'>(40).fill('out'), ...Array<'drag'>(30).fill('drag')];

describe('lostSteps', () => {
  it('counts no loss when every step moved the window, even where a frame took two steps', () => {
    const { steps, windows, end } = simulate(script);
    const lost = lostSteps(steps, windows, end);
    expect(lost).toMatchObject({ zoomIn: 0, zoomOut: 0, drag: 0 });
    // Steps 16 ms apart and frames 16.7 ms apart: now and then a frame takes two and the step before shows nothing.
    expect(lost?.quiet).toBeGreaterThan(0);
  });

  it('counts the wheel steps that were dropped', () => {
    const { steps, windows, end } = simulate(script, new Set([3, 4, 50]));
    expect(lostSteps(steps, windows, end)).toMatchObject({ zoomIn: 2, zoomOut: 1, drag: 0 });
  });

  it('counts a step stopped part of the way (at a pan limit) as taken', () => {
    const { steps, windows, end } = simulate(script, new Set(), 0.4);
    expect(lostSteps(steps, windows, end)).toMatchObject({ zoomIn: 0, zoomOut: 0, drag: 0 });
  });

  it('says nothing when the window was never read', () => {
    expect(lostSteps([{ t: 1, kind: 'in' }], [], 10)).toBeNull();
  });
});
