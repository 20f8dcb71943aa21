import { describe, expect, it } from 'vitest';
import { formatAtPrecision, formatEventDate, formatTimeRange, formatYear } from '../../../src/data/formatDate';
import { at, date, endOf } from '../../fixtures/builders';

describe('formatEventDate', () => {
  it.each([
    ['2023', '2023'],
    ['2022-02', 'February 2022'],
    ['2024-11-17', 'Nov 17, 2024'],
    ['2022-02/2024-11-18', 'between Feb 2022 and Nov 18, 2024'],
    ['2024-11/2024-11-17', 'between Nov 2024 and Nov 17, 2024'],
    ['2024/2024-11-18', 'between 2024 and Nov 18, 2024'],
    ['2024-11-17T06:30:00Z', 'Nov 17, 2024, 06:30 UTC'],
  ])('writes %s as "%s", no more precisely than it is known', (edtf, expected) => {
    expect(formatEventDate(date(edtf))).toBe(expected);
  });

  it.each([
    ['2023?', 'about 2023'],
    ['2024-11~', 'about November 2024'],
    ['2024-11-17%', 'about Nov 17, 2024'],
    ['2022~/2024', 'about between 2022 and 2024'],
  ])('prefixes the qualified date %s with "about"', (edtf, expected) => {
    expect(formatEventDate(date(edtf))).toBe(expected);
  });

  it.each([
    ['-0043', '44 BCE'],
    ['0000', '1 BCE'],
    ['-0001', '2 BCE'],
    ['-0043-03', 'March 44 BCE'],
    ['-0043-03-15', 'Mar 15, 44 BCE'],
    ['-0100/-0043', 'between 101 BCE and 44 BCE'],
  ])('writes the BCE date %s as "%s" (EDTF year 0 is 1 BCE)', (edtf, expected) => {
    expect(formatEventDate(date(edtf))).toBe(expected);
  });

  // Known bug (see report): date-fns' "yyyy" pads early years, so the details panel says "0800" while the axis says "800".
  it('writes early CE years the way the axis does, without zero padding', () => {
    expect(formatEventDate(date('0800'))).toBe(formatYear(at('0800')));
    expect(formatEventDate(date('0001'))).toBe('1');
  });

  it('formats calendar dates in UTC, whatever the reader\'s time zone (runs under America/Los_Angeles)', () => {
    // In Los Angeles the instant 2024-11-17T00:00Z is still Nov 16 and 2024-01-01T00:00Z is still 2023:
    // a formatter that used local time would be a day (or a year) early.
    const start = at('2024-11-17');
    expect(new Date(start).getDate(), 'run the unit tests with TZ=America/Los_Angeles, as `npm run test:unit` does').toBe(16);
    expect(new Date(at('2024')).getFullYear()).toBe(2023);
    expect(formatEventDate(date('2024-11-17'))).toBe('Nov 17, 2024');
    expect(formatEventDate(date('2024'))).toBe('2024');
    expect(formatEventDate(date('2022-02'))).toBe('February 2022');
    expect(formatTimeRange(start, endOf('2024-11-17'))).toBe('Nov 17, 2024');
  });
});

describe('formatAtPrecision', () => {
  it('writes one bound at year, month, day or time precision', () => {
    const t = date('2024-11-17T06:30:00Z').start;
    expect(formatAtPrecision(t, 'year')).toBe('2024');
    expect(formatAtPrecision(t, 'month')).toBe('November 2024');
    expect(formatAtPrecision(t, 'month', 'short')).toBe('Nov 2024');
    expect(formatAtPrecision(t, 'day')).toBe('Nov 17, 2024');
    expect(formatAtPrecision(t, 'time')).toBe('Nov 17, 2024, 06:30 UTC');
  });

  it('keeps BCE years plain at every precision', () => {
    const t = at('-0043-03-15');
    expect(formatAtPrecision(t, 'year')).toBe('44 BCE');
    expect(formatAtPrecision(t, 'month')).toBe('March 44 BCE');
    expect(formatAtPrecision(t, 'month', 'short')).toBe('Mar 44 BCE');
    expect(formatAtPrecision(t, 'day')).toBe('Mar 15, 44 BCE');
  });
});

describe('formatYear', () => {
  it('writes CE years as numbers and year 0 and below as BCE', () => {
    expect(formatYear(at('2024'))).toBe('2024');
    expect(formatYear(at('0800'))).toBe('800');
    expect(formatYear(at('0000'))).toBe('1 BCE');
    expect(formatYear(at('-0043'))).toBe('44 BCE');
  });

  it('reads the year in UTC: the last millisecond of 2023 is 2023, the first of 2024 is 2024', () => {
    expect(formatYear(at('2024') - 1)).toBe('2023');
    expect(formatYear(at('2024'))).toBe('2024');
  });
});

describe('formatTimeRange', () => {
  it.each([
    ['2024-11-17', '2024-11-17', 'Nov 17, 2024'],
    ['2024-11', '2024-11', 'November 2024'],
    ['2024-11-03', '2024-11-09', 'Nov 3–9, 2024'],
    ['2024-03', '2024-05', 'Mar–May 2024'],
    ['2023', '2023', '2023'],
    ['2022', '2024', '2022–2024'],
    ['-0043', '-0043', '44 BCE'],
    ['-0050', '-0043', '51 BCE–44 BCE'],
  ])('names the span from %s to %s as "%s"', (from, to, expected) => {
    expect(formatTimeRange(at(from), endOf(to))).toBe(expected);
  });

  it('names a few hours within one day by that day', () => {
    const start = date('2024-11-17T06:00:00Z').start;
    expect(formatTimeRange(start, date('2024-11-17T09:00:00Z').start)).toBe('Nov 17, 2024');
  });

  it('does not call a partial month by the month name', () => {
    expect(formatTimeRange(at('2024-11-02'), endOf('2024-11-30'))).toBe('Nov 2–30, 2024');
  });

  it('tolerates an empty range', () => {
    expect(formatTimeRange(at('2024-11-17'), at('2024-11-17'))).toBe('Nov 17, 2024');
  });
});
