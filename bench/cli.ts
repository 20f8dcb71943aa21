/** What the benchmark's command-line tools share: usage errors and counts written as 10000, 10_000, 10k or 1m. */

export class UsageError extends Error {}

/** A whole number of at least `min`, with k and m for thousands and millions. */
export function parseCount(flag: string, text: string | undefined, min: number): number {
  if (text === undefined || text.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  const match = /^(\d[\d_]*)([km]?)$/i.exec(text.trim());
  const n = match ? Number((match[1] as string).replaceAll('_', '')) * ({ k: 1e3, m: 1e6 }[(match[2] as string).toLowerCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} must be a whole number ≥ ${min} (such as 10000 or 10k), got "${text}"`);
  return n;
}
