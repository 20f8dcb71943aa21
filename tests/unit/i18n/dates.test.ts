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
    ['2022-02/2024-11-18', 'від лют. 2022 до 18 листопада 2024'],
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

  it('labels the axis with Ukrainian day, month and context labels', () => {
    const days = axisTicks(windowOf('2024-11-15', '2024-11-20'), 800, 72, uk);
    expect(days.ticks.map((t) => t.label)).toContain('17 листоп.');
    expect(days.context[0]?.label).toBe('листопад 2024');
    const months = axisTicks(windowOf('2024-01-01', '2024-12-31'), 1200, 72, uk);
    expect(months.ticks.map((t) => t.label)).toContain('листоп.');
  });
});
