import { describe, expect, it } from 'vitest';
import { periodBands, periodRowCount, periodRows, type PeriodInput } from '../../../src/timeline/core/periods';
import { at, endOf } from '../../fixtures/builders';

const period = (id: string, from: string, to: string): PeriodInput => ({ id, label: id, start: at(from), end: endOf(to) });

describe('period bands', () => {
  const republic = period('republic', '-0509', '-0028');
  const augustus = period('augustus', '-0027', '0014');
  const war = period('civil-war', '-0049', '-0045');

  it('gives overlapping periods separate label rows and touching ones the same row', () => {
    const rows = periodRows([augustus, republic, war]);
    expect(Object.fromEntries(rows)).toEqual({ republic: 0, 'civil-war': 1, augustus: 0 });
    expect(periodRowCount(rows)).toBe(2);
    expect(periodRowCount(new Map())).toBe(0);
  });

  it('clips bands to the plot and leaves out periods outside the window', () => {
    const rows = periodRows([republic, augustus]);
    const window = { start: at('-0100'), end: endOf('-0001') };
    const bands = periodBands([republic, augustus, period('later', '0100', '0200')], rows, window, 1000);
    expect(bands.map((b) => b.id)).toEqual(['republic', 'augustus']);
    const [first, second] = bands;
    expect(first?.x).toBe(0);
    expect(first?.labelX).toBe(4);
    expect(second?.x2).toBe(1000);
    // The Republic ends where Augustus begins.
    expect(first?.x2).toBeCloseTo(second?.x ?? NaN, 6);
  });
});
