import { describe, expect, it } from 'vitest';
import { parseEventDate, type EventDate } from '../../../src/data/edtfDate';

/** Midnight UTC of a calendar day; works for BCE and years 0–99, which Date.UTC would shift to 19xx. */
function utc(year: number, month = 1, day = 1, hour = 0, minute = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, 0, 0);
  return d.getTime();
}

function ok(text: string): EventDate {
  const parsed = parseEventDate(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.date;
}

function failure(text: string): string {
  const parsed = parseEventDate(text);
  if (parsed.ok) throw new Error(`expected ${text} to be rejected`);
  return parsed.message;
}

describe('parseEventDate', () => {
  it('reads a year as the whole year, at year precision', () => {
    expect(ok('2023')).toEqual({ edtf: '2023', kind: 'date', start: utc(2023), end: utc(2024), startPrecision: 'year', endPrecision: 'year', qualified: false });
  });

  it('reads a month as the whole month, at month precision', () => {
    const d = ok('2022-02');
    expect([d.start, d.end, d.startPrecision]).toEqual([utc(2022, 2, 1), utc(2022, 3, 1), 'month']);
  });

  it('reads a day as the whole day, at day precision', () => {
    const d = ok('2024-11-17');
    expect([d.start, d.end, d.startPrecision, d.endPrecision]).toEqual([utc(2024, 11, 17), utc(2024, 11, 18), 'day', 'day']);
  });

  it('accepts Feb 29 in a leap year', () => {
    expect(ok('2024-02-29').start).toBe(utc(2024, 2, 29));
  });

  // Known bug (see report): the edtf package accepts Feb 29 of any year and rolls it over to March 1;
  // parseEventDate passes that on, so a typo is placed (and shown) a day late instead of being reported.
  it.each(['2023-02-29', '2100-02-29'])('rejects %s (Feb 29 in a non-leap year) instead of moving it to March 1', (text) => {
    expect(parseEventDate(text).ok).toBe(false);
  });

  it('reads a time as a single instant at time precision', () => {
    const d = ok('2024-11-17T06:30:00Z');
    expect([d.start, d.end, d.startPrecision]).toEqual([utc(2024, 11, 17, 6, 30), utc(2024, 11, 17, 6, 30) + 1, 'time']);
  });

  it('reads a closed interval from the start of its first bound to the end of its last, keeping each precision', () => {
    const d = ok('2022-02/2024-11-18');
    expect(d).toEqual({
      edtf: '2022-02/2024-11-18',
      kind: 'interval',
      start: utc(2022, 2, 1),
      end: utc(2024, 11, 19),
      startPrecision: 'month',
      endPrecision: 'day',
      qualified: false,
    });
  });

  it.each(['2023?', '2024-11~', '2024-11-17%', '2022~/2024', '2022/2024?'])('marks %s as qualified', (text) => {
    expect(ok(text).qualified).toBe(true);
  });

  it('treats EDTF year 0 as 1 BCE and negative years as earlier BCE years', () => {
    expect(ok('0000').start).toBe(utc(0));
    expect(ok('-0043').start).toBe(utc(-43));
    expect(ok('-0043').end).toBe(utc(-42));
    expect(ok('-0043-03-15').start).toBe(utc(-43, 3, 15));
    expect(ok('-0100/-0043').kind).toBe('interval');
  });

  it('does not depend on the reader\'s time zone: a day starts at midnight UTC', () => {
    // The suite runs in America/Los_Angeles, where local midnight of Nov 17 is 08:00 UTC.
    expect(ok('2024-11-17').start, 'run the unit tests with TZ=America/Los_Angeles, as `npm run test:unit` does').not.toBe(new Date(2024, 10, 17).getTime());
    expect(new Date(ok('2024-11-17').start).toISOString()).toBe('2024-11-17T00:00:00.000Z');
  });

  it.each([' 2023', '2023 ', '', '\t2023'])('rejects %j: leading or trailing white space, or nothing', (text) => {
    expect(failure(text)).toContain('not a valid EDTF date');
  });

  it('names a day that does not exist rather than calling the whole text malformed', () => {
    expect(failure('2024-02-30')).toBe('2024-02-30 is not a calendar date');
  });

  it.each(['2024-13', '2024-11-17T25:00', 'Nov 17, 2024', '17/11/2024', '2024-1-7'])('rejects the invalid date %j with examples of valid ones', (text) => {
    expect(failure(text)).toBe(`not a valid EDTF date: ${JSON.stringify(text)} (expected "2023", "2022-02", "2024-11-17" or "2022-02/2024-11-18")`);
  });

  it.each([
    ['2024-11-17/2022-02', 'interval ends (2022-02) before it starts (2024-11-17)'],
    ['2024/2023', 'interval ends (2023) before it starts (2024)'],
    ['2024-11-18/2024-11-17', 'interval ends (2024-11-17) before it starts (2024-11-18)'],
  ])('says the interval %s ends before it starts', (text, message) => {
    expect(failure(text)).toBe(message);
  });

  it.each(['2022-02/..', '../2024-11-17', '2022-02/', '/2024-11-17'])('rejects the open or unknown-ended interval %s', (text) => {
    expect(failure(text)).toContain('open or unknown interval bounds are not supported');
  });

  it.each(['2024-21', '[2022, 2023]', '{2022, 2023}'])('rejects %s, which is not a date or closed interval', (text) => {
    expect(failure(text)).toContain('which a timeline cannot place; give a date or a closed interval');
  });

  it('keeps the EDTF text it was given', () => {
    expect(ok('2024-11/2024-11-17').edtf).toBe('2024-11/2024-11-17');
  });
});
