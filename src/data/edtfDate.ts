import { daysInMonth, impossibleDay } from './calendar';
import edtf, { Century, Date as EdtfDate, Decade, Interval as EdtfInterval, Season, Year } from 'edtf';

/** How precisely a bound of a date is known, from the EDTF text. */
export type Precision = 'year' | 'month' | 'day' | 'time';

/** An event's date as parsed from EDTF: the earliest and latest instants it can mean (UTC, ms). */
export interface EventDate {
  edtf: string;
  kind: 'date' | 'interval';
  /** Earliest instant the date can mean, inclusive. */
  start: number;
  /** Latest instant the date can mean, exclusive. */
  end: number;
  startPrecision: Precision;
  endPrecision: Precision;
  /** EDTF `?` (uncertain) or `~` (approximate) qualifiers on any part. */
  qualified: boolean;
}

export { daysInMonth, impossibleDay } from './calendar';

export type ParsedDate = { ok: true; date: EventDate } | { ok: false; message: string };

const EXAMPLES = '"2023", "2022-02", "2024-11-17" or "2022-02/2024-11-18"';

// edtf's numeric precision: 0 = time of day, 1 = year, 2 = month, 3 = day.
const precisionNames: Record<number, Precision> = { 0: 'time', 1: 'year', 2: 'month', 3: 'day' };

type EdtfValue = ReturnType<typeof edtf>;

function tryEdtf(text: string): EdtfValue | null {
  try {
    return edtf(text);
  } catch {
    return null;
  }
}

// edtf keeps qualifiers as bitmasks (an object even when empty): a non-zero value marks `?` or `~`.
const maskSet = (mask: unknown) => typeof mask === 'object' && mask !== null && Number((mask as { value?: unknown }).value) > 0;

function isQualified(value: EdtfValue): boolean {
  return maskSet(value.uncertain) || maskSet(value.approximate);
}

function precisionOf(value: EdtfValue): Precision | null {
  return value.precision === undefined ? null : (precisionNames[value.precision] ?? null);
}

/** The text quoted in a message, cut short: a megabyte of nonsense is described, not echoed. */
export function quoteShort(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

const PLAIN = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

function utcDay(year: number, month: number, day: number): number {
  // setUTCFullYear, because Date.UTC reads the years 0–99 as 1900–1999.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getTime();
}

/** "2023", "2022-02" or "2024-11-17" read directly; anything else (qualifiers, odd days) is left to edtf. */
function plainBound(text: string): { start: number; end: number; precision: Precision } | null {
  const match = PLAIN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { start: utcDay(year, 1, 1), end: utcDay(year + 1, 1, 1), precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) {
    return { start: utcDay(year, month, 1), end: month === 12 ? utcDay(year + 1, 1, 1) : utcDay(year, month + 1, 1), precision: 'month' };
  }
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const start = utcDay(year, month, day);
  return { start, end: start + DAY_MS, precision: 'day' };
}

/**
 * The common plain forms, parsed without the grammar (edtf's parser costs about 0.1 ms a date, which
 * adds up to seconds for a large dataset). Gives the same result as edtf; a unit test holds it to that.
 */
function parsePlain(text: string): EventDate | null {
  const parts = text.split('/');
  if (parts.length === 1) {
    const bound = plainBound(text);
    return bound && { edtf: text, kind: 'date', start: bound.start, end: bound.end, startPrecision: bound.precision, endPrecision: bound.precision, qualified: false };
  }
  if (parts.length !== 2) return null;
  const lower = plainBound(parts[0] as string);
  const upper = plainBound(parts[1] as string);
  // Anything edtf might judge otherwise (ends before it starts, equal ends) goes to edtf for its verdict.
  if (!lower || !upper || upper.start < lower.start || upper.end <= lower.end || parts[0] === parts[1]) return null;
  return { edtf: text, kind: 'interval', start: lower.start, end: upper.end, startPrecision: lower.precision, endPrecision: upper.precision, qualified: false };
}

const cache = new Map<string, ParsedDate>();
const CACHE_LIMIT = 50_000;

/** Parses an EDTF date or closed interval, the only forms a timeline can place honestly. */
export function parseEventDate(text: string): ParsedDate {
  const cached = cache.get(text);
  if (cached) return cached;
  const parsed = parseEventDateUncached(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

function parseEventDateUncached(text: string): ParsedDate {
  const plain = parsePlain(text);
  if (plain) return { ok: true, date: plain };
  const trimmed = text.trim();
  if (trimmed !== text || text === '') {
    return { ok: false, message: `not a valid EDTF date: ${quoteShort(text)} (expected ${EXAMPLES})` };
  }
  if (text.length > 64) return { ok: false, message: `not a valid EDTF date: ${quoteShort(text)} is far too long for a date` };
  // edtf reads a bare run of five or more digits as a Unix timestamp; in a dataset it is a mistaken year.
  if (text.split('/').some((part) => /^-?\d{5,}$/.test(part))) {
    return { ok: false, message: `${quoteShort(text)}: years beyond 9999 are written with EDTF's Y prefix (Y10000), which a timeline cannot place; use four-digit years` };
  }
  if (/[Xx]/.test(text)) {
    return { ok: false, message: `unspecified digits (X) are not supported: ${quoteShort(text)}; give only the known part, e.g. "2024" for "2024-XX"` };
  }
  const impossible = impossibleDay(text);
  if (impossible) return { ok: false, message: `${impossible} is not a calendar date` };
  const value = tryEdtf(text);
  if (!value) return { ok: false, message: invalidMessage(text) };

  // Class checks, not `type`: edtf derives `type` from class names, which minifiers rename.
  if (value instanceof EdtfDate) {
    const precision = precisionOf(value);
    if (!precision) return { ok: false, message: invalidMessage(text) };
    return {
      ok: true,
      date: {
        edtf: text,
        kind: 'date',
        start: value.min,
        end: value.max + 1,
        startPrecision: precision,
        endPrecision: precision,
        qualified: isQualified(value),
      },
    };
  }

  if (value instanceof EdtfInterval) {
    const lower = value.lower;
    const upper = value.upper;
    const lowerPrecision = lower instanceof EdtfDate ? precisionOf(lower) : null;
    const upperPrecision = upper instanceof EdtfDate ? precisionOf(upper) : null;
    if (!lower || !upper || !lowerPrecision || !upperPrecision || !Number.isFinite(value.min) || !Number.isFinite(value.max)) {
      return {
        ok: false,
        message: `open or unknown interval bounds are not supported: ${quoteShort(text)} (give both ends, e.g. "2022-02/2024-11-18")`,
      };
    }
    return {
      ok: true,
      date: {
        edtf: text,
        kind: 'interval',
        start: lower.min,
        end: upper.max + 1,
        startPrecision: lowerPrecision,
        endPrecision: upperPrecision,
        qualified: isQualified(lower) || isQualified(upper),
      },
    };
  }

  const kind =
    value instanceof Year ? 'long year (Y…)' : value instanceof Decade ? 'decade' : value instanceof Century ? 'century' : value instanceof Season ? 'season' : 'set or list';
  return {
    ok: false,
    message: `${quoteShort(text)} is an EDTF ${kind}, which a timeline cannot place; give a date or a closed interval (${EXAMPLES})`,
  };
}

function invalidMessage(text: string): string {
  const parts = text.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) {
    const lower = tryEdtf(parts[0]);
    const upper = tryEdtf(parts[1]);
    if (lower && upper && upper.max < lower.min) {
      return `interval ends (${parts[1]}) before it starts (${parts[0]})`;
    }
    if (lower && upper && parts[0] === parts[1]) {
      return `interval starts and ends on the same date; write the single date ${JSON.stringify(parts[0])}`;
    }
  }
  return `not a valid EDTF date: ${quoteShort(text)} (expected ${EXAMPLES})`;
}
