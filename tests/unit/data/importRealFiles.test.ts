// Files as newsrooms have them: real TimelineJS exports (tests/fixtures/import/real, see PROVENANCE.md)
// and small files reproducing each way a real spreadsheet failed to import.
import { describe, expect, it } from 'vitest';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { convertCsv, parseClock } from '../../../src/data/import/csv';
import { detectDelimiter, readRecords } from '../../../src/data/import/csvRecords';
import { readAnyFormat } from '../../../src/data/import/detect';
import { slideDateOfV2 } from '../../../src/data/import/timelineJs2';
import type { Dataset, ValidationResult } from '../../../src/data/model';
import { find } from '../../fixtures/builders';
import { readFixture } from '../../fixtures/files';

const load = (name: string) => loadDatasetFromText(readFixture(`import/${name}`), name.split('/').pop());

function usable(result: ValidationResult): Dataset {
  if (!result.dataset) throw new Error(`no dataset: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}
const byTitle = (d: Dataset, title: string) => find(d.events, (e) => e.title === title, `event "${title}"`);

describe('real TimelineJS files', () => {
  it('imports TimelineJS’s own sample spreadsheet, exported as CSV, with every dated row an event', async () => {
    const result = await load('real/women_in_computing.csv');
    expect(result.importedFrom).toBe('timelinejs-csv');
    const d = usable(result);
    expect(d.title).toBe('Women in Computing');
    expect(byTitle(d, 'Ada Lovelace').date).toBe('1815-12-10/1852-11-27');
    // A quotation with its cite becomes the excerpt.
    expect(byTitle(d, 'Edith Clarke: Bucking the Trend').excerpts[0]?.quote).toMatch(/^There is no demand for women engineers/);
    // Only media is left out (it is listed), never a dated row.
    expect(result.rejected.map((r) => r.path)).toEqual(['media']);
  });

  it('recognises the older TimelineJS2 format and imports its dates, tags and title', async () => {
    const result = await load('real/houston.timeline2.json');
    expect(result.importedFrom).toBe('timelinejs-json');
    const d = usable(result);
    expect(d.title).toBe('Whitney Houston 1963 - 2012');
    expect(d.events).toHaveLength(18);
    expect(byTitle(d, 'A Musical Heritage').date).toBe('1963-08-09');
    expect(result.rejected.map((r) => r.path)).toEqual(['media']);
    expect(result.problems.find((p) => p.path.startsWith('timeline.date[0].asset.media'))).toBeDefined();
  });

  it('lists each cosmological slide of TimelineJS’s template with its headline and why, instead of losing it', async () => {
    const result = await load('real/cosmo.json');
    const bigBang = find(result.rejected, (r) => r.label === 'The Big Bang', 'The Big Bang');
    expect(bigBang.problems).toEqual([
      {
        path: 'events[0].start_date.year',
        message: '“The Big Bang” the year -13,800,000,000 is a geological or cosmological year; this timeline places years from 9999 BCE to 9999 CE only, so it is left out',
      },
    ]);
    const slides = (JSON.parse(readFixture('import/real/cosmo.json')) as { events: unknown[] }).events.length;
    // Every slide is either an event or listed as left out.
    expect((result.dataset?.events.length ?? 0) + result.rejected.filter((r) => r.path.startsWith('events')).length).toBe(slides);
  });

  it('imports the eras template as labelled periods', async () => {
    const d = usable(await load('real/eras.json'));
    expect(d.periods?.length).toBeGreaterThan(0);
    expect(d.periods).toContainEqual(expect.objectContaining({ label: 'Era Test 650-700', date: '0650/0700' }));
  });
});

describe('delimiters', () => {
  it('finds commas, semicolons or tabs in a header row, ignoring those inside quotes', () => {
    expect(detectDelimiter('Year,Month,Headline')).toBe(',');
    expect(detectDelimiter('Year;Month;Headline')).toBe(';');
    expect(detectDelimiter('Year\tMonth\tHeadline')).toBe('\t');
    expect(detectDelimiter('"A;B;C",Year')).toBe(',');
    expect(detectDelimiter('{')).toBeNull();
  });

  it('imports a spreadsheet saved with semicolons (Excel in much of Europe) and says so', async () => {
    const text = readFixture('import/semicolons.csv');
    const converted = convertCsv(text, 'semicolons.csv');
    expect(converted.delimiter).toBe(';');
    const d = usable(await load('semicolons.csv'));
    expect(byTitle(d, 'Unabhängigkeitstag').summary).toBe('Parade in Kyjiw; Gefangene vorgeführt');
    expect(byTitle(d, 'Angriff').date).toBe('2022-02-24T05:00:00Z');
  });

  it('imports a tab-separated file', async () => {
    const d = usable(await load('tabs.tsv'));
    expect(byTitle(d, 'Referendum').summary).toBe('Over 90%, "yes"');
    expect(d.actors.map((a) => a.name)).toEqual(['Ukraine']);
  });

  it('names the delimiter it found when a header row has neither format’s columns', () => {
    expect(convertCsv('a;b;c\n1;2;3\n').problems[0]?.message).toMatch(/^the header row \(separated by semicolons\) has neither/);
  });
});

describe('times as TimelineJS reads them', () => {
  it('accepts one-digit minutes and seconds and fractions of a second', () => {
    expect(parseClock('18:30:3')).toEqual({ hour: 18, minute: 30, second: 3 });
    expect(parseClock('12:00:0')).toEqual({ hour: 12, minute: 0, second: 0 });
    expect(parseClock('7.5')).toEqual({ hour: 7, minute: 5, second: 0 });
    expect(parseClock('10:15:30.25')).toEqual({ hour: 10, minute: 15, second: 30 });
    expect(parseClock('10:60')).toBeNull();
    expect(parseClock('1:2:3:4')).toBeNull();
  });

  it('keeps every row: an unreadable time leaves its event on its day and is reported with its row and column', async () => {
    const result = await load('short-times.csv');
    const d = usable(result);
    expect(d.events.map((e) => e.date)).toEqual(['2024-11-17T18:30:03Z', '2024-11-18T12:00:00Z', '2024-11-19T07:05:00Z', '2024-11-20']);
    const unreadable = {
      path: 'row 5, column "Time"',
      message: '“An unreadable time”: "half past six" is not a time such as "14:30" or "2:30 PM"; the start is placed on its day without a time',
    };
    expect(result.problems).toEqual([unreadable]);
    // Listed where the page lists what it could not use, as media is, though the event is shown.
    expect(result.rejected).toEqual([{ path: 'time', label: 'Times of 1 event that could not be read; it is placed without a time', problems: [unreadable] }]);
  });
});

describe('an undoubled quote', () => {
  it('is reported with its row and physical line, and does not swallow the rows after it', async () => {
    const result = await load('stray-quote.csv');
    const d = usable(result);
    expect(d.events.map((e) => e.title)).toEqual(['First row', '"The "long-range" missiles', 'Third row', 'Fourth row', 'Fifth row']);
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'row 3, column "Headline"', message: expect.stringMatching(/^\(line 3 of the file\) opens a quoted value that is not closed/) }),
    ]);
    // A real line break inside quotes stays in its value: the fifth row starts on line 7.
    expect(byTitle(d, 'Fourth row').summary).toBe('A cell with a line break\nthat is real');
  });

  it('numbers later rows truly, by spreadsheet row, whatever the lines', () => {
    const records = readRecords(readFixture('import/stray-quote.csv'), ',');
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(records.map((r) => r.strayQuotes)).toEqual([[], [], [3], [], [], []]);
  });

  it('reads an unterminated quote at the end of the file as written', () => {
    expect(readRecords('a,b\n1,"open', ',').map((r) => r.cells)).toEqual([['a', 'b'], ['1', '"open']]);
  });

  it('reads \\r\\n, \\r and a leading byte-order mark', () => {
    expect(readRecords('\uFEFFa;b\r\n1;2\r3;"x\r\ny"\r\n', ';').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', 'x\r\ny']],
    ]);
  });
});

describe('TimelineJS2 dates', () => {
  it('splits "year,month,day[,hour,minute]" and keeps BCE years negative', () => {
    expect(slideDateOfV2('1963,8,9')).toEqual({ year: '1963', month: '8', day: '9' });
    expect(slideDateOfV2('2012/2/11')).toEqual({ year: '2012', month: '2', day: '11' });
    expect(slideDateOfV2('-500')).toEqual({ year: '-500' });
    expect(slideDateOfV2('')).toBeUndefined();
  });

  it('recognises a TimelineJS2 file by its content', async () => {
    const read = await readAnyFormat(JSON.stringify({ timeline: { headline: 'Old', date: [{ startDate: '2011,12,10', headline: 'One', tag: 'A' }] } }));
    expect(read.kind).toBe('import');
    if (read.kind !== 'import') return;
    expect(read.result.dataset?.events).toEqual([expect.objectContaining({ title: 'One', date: '2011-12-10' })]);
    expect(read.result.dataset?.actors.map((a) => a.name)).toEqual(['A']);
  });
});
