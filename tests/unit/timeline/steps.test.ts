import { describe, expect, it } from 'vitest';
import { finish, finishInSlices, type Steps } from '../../../src/timeline/core/steps';

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
});
