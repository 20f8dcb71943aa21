import { formatAtPrecision, formatPattern, formatTimeRange } from '../../data/formatDate';
import type { I18n } from '../../i18n';
import type { BinStep, DensityBin, DensityLayout, LaneDensity } from './density';

// The words of the density bands (core/density.ts), shared by the page and the exported picture.

/** "per month", "per 2 years": how long one bar's bin is. */
export function perStep(step: BinStep, i18n: I18n): string {
  if (step.unit === 'month' && step.count % 12 === 0) return i18n.t('density.perYear', { count: step.count / 12 });
  const key = ({ hour: 'density.perHour', day: 'density.perDay', week: 'density.perWeek', month: 'density.perMonth' } as const)[step.unit];
  return i18n.t(key, { count: step.count });
}

/** A bin's dates: "March 2020", "Nov 11–17, 2024", or its hours for a bin shorter than a day. */
export function binRange(bin: DensityBin, step: BinStep, i18n: I18n): string {
  if (step.unit !== 'hour') return formatTimeRange(bin.start, bin.end, i18n);
  return i18n.t('overview.range', { start: formatAtPrecision(bin.start, 'time', 'long', i18n), end: formatPattern(new Date(bin.end), 'date.pattern.hour', i18n) });
}

/** "412 events, March 2020": what one bar stands for. */
export function binLabel(bin: DensityBin, step: BinStep, i18n: I18n): string {
  return i18n.t('density.bin', { count: bin.count, range: binRange(bin, step, i18n) });
}

/** What a screen reader hears after a dense lane's name: how many events, in bars of what, and the busiest bar. */
export function laneDensityDescription(lane: LaneDensity, step: BinStep, i18n: I18n): string {
  const busiest = lane.busiest;
  return i18n.t('density.lane', {
    count: lane.inView,
    per: perStep(step, i18n),
    range: busiest ? binRange(busiest, step, i18n) : '',
    max: busiest?.count ?? 0,
  });
}

/** "Bars: events per month, tallest 1,228": what the bars' height means. */
export function densityCaption(density: DensityLayout, i18n: I18n): string {
  return i18n.t('density.caption', { per: perStep(density.step, i18n), max: density.max });
}
