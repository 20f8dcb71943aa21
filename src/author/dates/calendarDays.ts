/** Calendar arithmetic on plain ISO days ("2024-11-18"), in UTC, so the reader's time zone never shifts a date. */

export interface Day {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function parseIsoDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isoDay(day) === isoDay(fromTime(toTime(day))) ? day : null;
}

export function toTime(day: Day): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

export function fromTime(ms: number): Day {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(day: Day, days: number): Day {
  return fromTime(toTime(day) + days * DAY_MS);
}

/** The same day of the month `months` later (earlier when negative), kept inside the target month. */
export function addMonths(day: Day, months: number): Day {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, last) };
}

export function weekday(day: Day): number {
  return new Date(toTime(day)).getUTCDay();
}

export const isoDay = (d: Day) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
export const isoMonth = (d: Pick<Day, 'year' | 'month'>) => `${pad(d.year, 4)}-${pad(d.month)}`;
export const isoYear = (year: number) => pad(year, 4);

/** "Monday 2024-11-18": the dateline as explanations name it. */
export const describeDay = (d: Day) => `${WEEKDAYS[weekday(d)]} ${isoDay(d)}`;
