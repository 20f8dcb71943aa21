/** What the benchmark's command-line tools share: usage errors and counts written as 10000, 10_000, 10k or 1m. */
import { readCount } from '../src/data/sample';
import { UsageError } from '../scripts/cli';

export { UsageError };

/** A whole number of at least `min`, with k and m for thousands and millions. */
export function parseCount(flag: string, text: string | undefined, min: number): number {
  if (text === undefined || text.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  const n = readCount(text) ?? NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min} (such as 10000 or 10k), got "${text}"`);
  return n;
}
