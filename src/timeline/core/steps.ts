/**
 * Long work written once, as steps: a generator that yields between pieces of work and returns its
 * result. It runs to the end at once (`finish`) where it is small or needed now, or a slice at a time
 * with a pause for the page between slices (`finishInSlices`) where a million events would otherwise
 * freeze it. Either way it is the same code, so the result is the same.
 */
export type Steps<T> = Generator<void, T, void>;

/** Loops over events offer a pause every this many items (a power of two: `(i & STEP_MASK) === 0`). */
export const STEP_MASK = 4095;

/** Runs steps to the end, without pausing. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long one slice may run before the page gets a turn, in ms (the bar for a long task is 200; a busy machine stretches a slice several times). */
export const SLICE_BUDGET_MS = 20;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs steps for about `budgetMs` at a time, with a task's pause between slices for input and paint.
 * The first slice runs before this returns. Resolves to the result, or to undefined once aborted.
 */
export async function finishInSlices<T>(steps: Steps<T>, signal: AbortSignal, budgetMs = SLICE_BUDGET_MS): Promise<T | undefined> {
  for (;;) {
    if (signal.aborted) return undefined;
    const started = performance.now();
    let next = steps.next();
    while (!next.done && performance.now() - started < budgetMs) next = steps.next();
    if (next.done) return signal.aborted ? undefined : next.value;
    await nextTask();
  }
}

/** Items sorted in runs this long by the engine's sort, then merged in steps. */
const SORTED_RUN = 8192;

/**
 * `items.sort(compare)` in steps: runs sorted at once, then merged pairwise with a chance to pause every
 * few thousand items, so that sorting half a million marks does not block. Returns the sorted array
 * (`items` itself when it is short). For a comparator that orders every pair (no ties) the result is
 * exactly that of `sort`.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  if (items.length <= SORTED_RUN) return items.sort(compare);
  let from: T[] = [];
  for (let start = 0; start < items.length; start += SORTED_RUN) {
    yield;
    const run = items.slice(start, start + SORTED_RUN).sort(compare);
    for (const item of run) from.push(item);
  }
  for (let width = SORTED_RUN; width < from.length; width *= 2) {
    const into: T[] = [];
    for (let left = 0; left < from.length; left += 2 * width) {
      const mid = Math.min(left + width, from.length);
      const end = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = mid;
      while (i < mid || j < end) {
        if ((into.length & STEP_MASK) === 0) yield;
        const a = from[i] as T;
        const b = from[j] as T;
        if (j >= end || (i < mid && compare(a, b) <= 0)) {
          into.push(a);
          i++;
        } else {
          into.push(b);
          j++;
        }
      }
    }
    from = into;
  }
  return from;
}
