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
 * Runs steps for about `budgetMs` at a time, with a task's pause between slices for input and paint
 * (or `pause`, where the work must also wait for something, such as a worker it feeds).
 * The first slice runs before this returns. Resolves to the result, or to undefined once aborted.
 */
export async function finishInSlices<T>(steps: Steps<T>, signal: AbortSignal, budgetMs = SLICE_BUDGET_MS, pause: () => Promise<void> = nextTask): Promise<T | undefined> {
  for (;;) {
    if (signal.aborted) return undefined;
    const started = performance.now();
    let next = steps.next();
    while (!next.done && performance.now() - started < budgetMs) next = steps.next();
    if (next.done) return signal.aborted ? undefined : next.value;
    await pause();
  }
}

