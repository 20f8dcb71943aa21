import { describe, expect, it } from 'vitest';
import { finish, finishInSlices, sortSteps, type Steps } from '../../../src/timeline/core/steps';
import { createRandom } from '../../../src/data/synthetic';

function* counting(to: number): Steps<number> {
  let sum = 0;
  for (let i = 0; i < to; i++) {
    yield;
    sum += i;
  }
  return sum;
}

describe('work in steps', () => {
  it('finish runs the steps to the end and returns their result', () => {
    expect(finish(counting(100))).toBe(4950);
  });

  it('finishInSlices gives the same result with turns for the page between slices, and undefined once aborted', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    // A budget of 0 ms: each step is a slice of its own.
    expect(await finishInSlices(counting(20), new AbortController().signal, 0)).toBe(190);
    clearInterval(timer);
    expect(turns).toBeGreaterThan(1);
    const controller = new AbortController();
    const running = finishInSlices(counting(20), controller.signal, 0);
    controller.abort();
    expect(await running).toBeUndefined();
  });

  it.each([0, 5, 8_192, 8_193, 50_000])('sortSteps sorts %i items exactly as sort does', (n) => {
    const random = createRandom(n);
    const items = Array.from({ length: n }, (_, id) => ({ key: Math.floor(random() * 1000), id }));
    const compare = (a: { key: number; id: number }, b: { key: number; id: number }) => a.key - b.key || a.id - b.id;
    expect(finish(sortSteps([...items], compare))).toEqual([...items].sort(compare));
  });
});
