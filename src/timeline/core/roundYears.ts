import { timeInterval, utcYear, type TimeInterval } from 'd3-time';

// Years as a reader counts them have no year 0: 1 BCE is followed by 1 CE. d3's utcYear.every(500)
// counts astronomically (year 0 = 1 BCE), which puts BCE ticks on 501 BCE, 1001 BCE. Here tick n of a
// step is the year n·step as a reader counts it (n < 0 BCE, n > 0 CE), and tick 0 is 1 CE.

/** The astronomical year (0 = 1 BCE) of tick `n`. */
const yearOfTick = (n: number, step: number) => (n === 0 ? 1 : n > 0 ? n * step : n * step + 1);

/** The last tick at or before the astronomical year `year`. */
function tickAtOrBefore(year: number, step: number): number {
  if (year >= 1) return Math.floor(year / step);
  // Year 0 is 1 BCE, -1 is 2 BCE: reader's year −(1 − year); the tick at or before it is further back.
  return Math.floor((year - 1) / step);
}

function setYear(date: Date, year: number): void {
  date.setUTCFullYear(year, 0, 1);
  date.setUTCHours(0, 0, 0, 0);
}

/** Ticks every `step` years on round years of either era: …, 1000 BCE, 500 BCE, 1, 500, 1000, …. */
export function roundYears(step: number): TimeInterval {
  if (step <= 1) return utcYear;
  const tickOf = (date: Date) => tickAtOrBefore(date.getUTCFullYear(), step);
  return timeInterval(
    (date) => setYear(date, yearOfTick(tickOf(date), step)),
    (date, k) => setYear(date, yearOfTick(tickOf(date) + k, step)),
  );
}
