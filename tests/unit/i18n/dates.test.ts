import { describe, expect, it } from 'vitest';
import { formatEventDate, formatTimeRange } from '../../../src/data/formatDate';
import { axisTicks } from '../../../src/timeline/core/ticks';
import { createI18n } from '../../../src/i18n';
import ukrainian from '../../../src/i18n/locales/uk';
import { at, date, endOf, windowOf } from '../../fixtures/builders';

const uk = createI18n('uk', ukrainian);

describe('dates in Ukrainian', () => {
  it.each([
    ['2023', '2023'],
    // Nominative for a month alone, genitive after a day.
    ['2022-02', 'лютий 2022'],
    ['2024-11-17', '17 листопада 2024'],
    ['2022-02/2024-11-18', 'з лют. 2022 по 18 листопада 2024'],
    // An era before the common era, as imported from TimelineJS: no doubled «до».
    ['-0132/-0048', 'з 133 до н. е. по 49 до н. е.'],
    ['2024-11-17T06:30:00Z', '17 листопада 2024, 06:30 UTC'],
    ['2024-11~', 'приблизно листопад 2024'],
    ['-0043', '44 до н. е.'],
  ])('writes %s as "%s"', (edtf, expected) => {
    expect(formatEventDate(date(edtf), uk)).toBe(expected);
  });

  it('names spans of time the Ukrainian way', () => {
    expect(formatTimeRange(at('2024-11-17'), endOf('2024-11-19'), uk)).toBe('17–19 листоп. 2024');
    expect(formatTimeRange(at('2024-03'), endOf('2024-05'), uk)).toBe('берез.–трав. 2024');
    expect(formatTimeRange(at('2022'), endOf('2024'), uk)).toBe('2022–2024');
  });

  it('spaces the ticks so that longer Ukrainian labels do not run into each other, where English keeps its finer ticks', () => {
    // 135 BCE to 15 CE across a desktop plot, as for the imported Roman Republic.
    const window = { start: new Date(0).setUTCFullYear(-134, 0, 1), end: new Date(0).setUTCFullYear(15, 0, 1) };
    const english = axisTicks(window, 1150);
    const ukrainian = axisTicks(window, 1150, 72, uk);
    expect(ukrainian.ticks[0]?.label).toMatch(/до н\. е\.$/);
    const spacing = (ticks: { time: number }[]) => ((ticks[1]?.time ?? 0) - (ticks[0]?.time ?? 0)) / ((window.end - window.start) / 1150);
    const widest = Math.max(...ukrainian.ticks.map((t) => t.label.length));
    expect(spacing(ukrainian.ticks)).toBeGreaterThanOrEqual(widest * 6 + 14);
    expect(spacing(english.ticks)).toBeLessThan(spacing(ukrainian.ticks));
  });

  it('labels the axis with Ukrainian day, month and context labels', () => {
    const days = axisTicks(windowOf('2024-11-15', '2024-11-20'), 800, 72, uk);
    expect(days.ticks.map((t) => t.label)).toContain('17 листоп.');
    expect(days.context[0]?.label).toBe('листопад 2024');
    const months = axisTicks(windowOf('2024-01-01', '2024-12-31'), 1200, 72, uk);
    expect(months.ticks.map((t) => t.label)).toContain('листоп.');
  });
});
