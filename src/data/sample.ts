/** The synthetic sample a "Load sample" button offers, and the most `?sample=` may ask for. */
export const SAMPLE_EVENTS = 100_000;
export const MAX_SAMPLE_EVENTS = 1_000_000;
/** One seed, so that a `?sample=` link shows everyone the same events. */
export const SAMPLE_SEED = 1;

/** A count as people write it: `100000`, `100_000`, `100k` or `1m`; null for anything else. */
export function readCount(text: string | null | undefined): number | null {
  const match = /^(\d[\d_]*)([km]?)$/i.exec(text?.trim() ?? '');
  if (!match) return null;
  const n = Number((match[1] ?? '').replaceAll('_', '')) * ({ k: 1e3, m: 1e6 }[(match[2] ?? '').toLowerCase()] ?? 1);
  return Number.isSafeInteger(n) ? n : null;
}

/** `?sample=100000` (or `100k`, `1m`): that many generated events; null for anything else or out of range. */
export function sampleSize(text: string | null): number | null {
  const n = readCount(text);
  return n !== null && n >= 1 && n <= MAX_SAMPLE_EVENTS ? n : null;
}
