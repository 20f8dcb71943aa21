import { utcDay, utcHour, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3-time';
import { UTCDate } from '@date-fns/utc';
import { formatPattern, formatYear } from '../../data/formatDate';
import { ENGLISH, type I18n } from '../../i18n';
import { roundYears } from './roundYears';
import { DAY, HOUR, type TimeWindow } from './timeWindow';

export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface Tick {
  time: number;
  label: string;
}

export interface AxisTicks {
  unit: TickUnit;
  /** Evenly spaced ticks with short labels ("Nov 17", "Mar", "2023"). */
  ticks: Tick[];
  /** Boundaries of the next coarser unit with fuller labels ("November 2024"); the first names the window's start. */
  context: Tick[];
}

interface Level {
  unit: TickUnit;
  interval: TimeInterval;
  approx: number;
  label: (d: Date, i18n: I18n) => string;
}

const yearLabel = (d: Date, i18n: I18n) => formatYear(d.getTime(), i18n);
const dayMonth = (d: Date, i18n: I18n) => formatPattern(d, 'date.pattern.dayMonth', i18n);
const monthYear = (d: Date, i18n: I18n) => formatPattern(d, 'date.pattern.month', i18n);
const every = (interval: CountableTimeInterval, step: number): TimeInterval => interval.every(step) ?? interval;

// Finest first; the first level whose ticks are far enough apart wins.
const LEVELS: Level[] = [
  ...[1, 3, 6, 12].map((step) => ({ unit: 'hour' as const, interval: every(utcHour, step), approx: step * HOUR, label: (d: Date, i18n: I18n) => formatPattern(d, 'date.pattern.hour', i18n) })),
  { unit: 'day', interval: utcDay, approx: DAY, label: dayMonth },
  // Every other day counted from the epoch: d3's every(2) restarts each month and puts Oct 31 next to Nov 1.
  { unit: 'day', interval: utcDay.filter((d) => Math.round(d.getTime() / DAY) % 2 === 0), approx: 2 * DAY, label: dayMonth },
  { unit: 'week', interval: utcMonday, approx: 7 * DAY, label: dayMonth },
  ...[1, 3].map((step) => ({ unit: 'month' as const, interval: every(utcMonth, step), approx: step * 30.4 * DAY, label: (d: Date, i18n: I18n) => formatPattern(d, 'date.pattern.monthNameShort', i18n) })),
  ...[1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000].map((step) => ({
    unit: 'year' as const,
    interval: roundYears(step),
    approx: step * 365.25 * DAY,
    label: yearLabel,
  })),
];

const CONTEXT: Record<TickUnit, { interval: TimeInterval; label: (d: Date, i18n: I18n) => string } | null> = {
  hour: { interval: utcDay, label: (d, i18n) => formatPattern(d, 'date.pattern.weekdayDay', i18n) },
  day: { interval: utcMonth, label: monthYear },
  week: { interval: utcMonth, label: monthYear },
  month: { interval: utcYear, label: yearLabel },
  year: null,
};

export function chooseTickLevel(window: TimeWindow, width: number, minSpacing = 72): Level {
  const msPerPx = (window.end - window.start) / Math.max(width, 1);
  return LEVELS.find((level) => level.approx / msPerPx >= minSpacing) ?? (LEVELS[LEVELS.length - 1] as Level);
}

// A 12px axis label is about 6px a character; labels start 4px after their tick and want a gap before the next.
const LABEL_CHAR_WIDTH = 6;
const LABEL_ROOM = 14;

/** Ticks for the visible window only, so their number follows the width, never the data. */
export function axisTicks(window: TimeWindow, width: number, minSpacing = 72, i18n: I18n = ENGLISH): AxisTicks {
  const msPerPx = (window.end - window.start) / Math.max(width, 1);
  const toTick = (label: Level['label']) => (d: Date): Tick => ({ time: d.getTime(), label: label(new UTCDate(d.getTime()), i18n) });
  let index = LEVELS.indexOf(chooseTickLevel(window, width, minSpacing));
  let level = LEVELS[index] as Level;
  let ticks = level.interval.range(new Date(window.start), new Date(window.end)).map(toTick(level.label));
  // Some languages write longer labels ("131 до н. е." for "131 BCE"): step to sparser ticks until they fit.
  const fits = () => Math.max(0, ...ticks.map((t) => t.label.length)) * LABEL_CHAR_WIDTH + LABEL_ROOM <= level.approx / msPerPx;
  while (!fits() && index < LEVELS.length - 1) {
    index += 1;
    level = LEVELS[index] as Level;
    ticks = level.interval.range(new Date(window.start), new Date(window.end)).map(toTick(level.label));
  }
  const context = CONTEXT[level.unit];
  let contextTicks: Tick[] = [];
  if (context) {
    const first = context.interval.floor(new Date(window.start));
    contextTicks = [first, ...context.interval.range(new Date(window.start), new Date(window.end))]
      .filter((d, i, all) => i === 0 || d.getTime() !== (all[i - 1] as Date).getTime())
      .map(toTick(context.label));
  }
  return { unit: level.unit, ticks, context: contextTicks };
}
