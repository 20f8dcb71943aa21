import { describe, expect, it } from 'vitest';
import { loadDatasetFromText, validateImport } from '../../../src/data/readDataset';
import { convertTimelineJs, edtfOfSlideDate, blockquoteOf } from '../../../src/data/import/timelineJs';
import { convertCsv, parseClock } from '../../../src/data/import/csv';
import { GROUP_PALETTE, htmlToText, UNGROUPED_COLOR } from '../../../src/data/import/shared';
import { contrastRatio, MIN_GRAPHIC_CONTRAST, THEME_SURFACES } from '../../../src/data/contrast';
import type { Dataset, ValidationResult } from '../../../src/data/model';
import { find } from '../../fixtures/builders';
import { formatEventDate } from '../../../src/data/formatDate';
import { readFixture } from '../../fixtures/files';

const load = (name: string) => loadDatasetFromText(readFixture(`import/${name}`), name);

function usable(result: ValidationResult): Dataset {
  if (!result.dataset) throw new Error(`no dataset: ${JSON.stringify(result.problems)}`);
  return result.dataset;
}

const byTitle = (d: Dataset, title: string) => find(d.events, (e) => e.title === title, `event "${title}"`);
const where = (result: ValidationResult) => result.problems.map((p) => p.path);

describe('TimelineJS JSON', () => {
  it('is detected by its content and converted to a dataset that validates with no rejected events', async () => {
    const result = await load('timelinejs.json');
    expect(result.importedFrom).toBe('timelinejs-json');
    const d = usable(result);
    expect(d.origin).toEqual({ format: 'timelinejs-json', file: 'timelinejs.json' });
    expect(d.title).toBe('The Roman Republic');
    expect(d.description).toBe('From the kings to the emperors & beyond.');
    // Six of the seven events: the one without a start date is listed, not dropped in silence.
    expect(d.events).toHaveLength(6);
    expect(result.rejected.filter((r) => r.path.startsWith('events'))).toEqual([
      expect.objectContaining({ path: 'events[4]', label: 'An event TimelineJS would skip' }),
    ]);
    // Reported with its headline wherever the problems are listed.
    expect(result.problems).toContainEqual({
      path: 'events[4].start_date',
      message: '“An event TimelineJS would skip” has no start_date; TimelineJS would leave this event out without a word',
    });
  });

  it('dates each event as precisely as its most specific part: year, month, day or time, BCE as negative years', async () => {
    const d = usable(await load('timelinejs.json'));
    // TimelineJS's -509 is 509 BCE, which EDTF (with a year 0) writes -0508.
    expect(byTitle(d, 'Republic founded').date).toBe('-0508');
    expect(byTitle(d, 'Caesar assassinated').date).toBe('-0043-03-15');
    expect(formatEventDate(byTitle(d, 'Caesar assassinated').when)).toBe('Mar 15, 44 BCE');
    expect(byTitle(d, 'A time of day').date).toBe('1969-07-20T20:17:00Z');
    expect(byTitle(d, 'A time of day').when.startPrecision).toBe('time');
    // A range keeps each end's own precision.
    expect(byTitle(d, 'Second Punic War').date).toBe('-0217-04/-0200');
    expect(byTitle(d, 'Second Punic War').when.kind).toBe('interval');
  });

  it('turns HTML into plain text, entities decoded and tags gone', async () => {
    const d = usable(await load('timelinejs.json'));
    expect(byTitle(d, 'Caesar assassinated').summary).toBe('Stabbed in the Curia of Pompey.');
    expect(byTitle(d, 'Second Punic War').summary).toBe('Hannibal crosses the Alps — with elephants.');
    expect(byTitle(d, 'Republic founded').summary).toBe('The last king is driven out.\nTwo consuls are elected each year.');
    expect(htmlToText('<script>alert(1)</script><p>a &lt;b&gt;<br>c</p>')).toBe('a <b>\nc');
  });

  it('makes a blockquote in media an excerpt credited with the credit, from a source that says it is the quotation as given', async () => {
    const d = usable(await load('timelinejs.json'));
    const event = byTitle(d, 'Caesar assassinated');
    expect(event.excerpts).toEqual([{ source: 'quote-caesar-assassinated', quote: 'Cowards die many times before their deaths.', paragraph: 0, start: 0, end: 43 }]);
    const source = d.sourcesById.get('quote-caesar-assassinated');
    expect(source?.outlet).toBe('William Shakespeare');
    expect(source?.title).toMatch(/^Quotation as given in the TimelineJS file/);
    expect(source?.publishedDate).toBeUndefined();
    // Without a credit, the <cite> is not invented into one: it is said to be uncredited... unless the cite names someone.
    expect(blockquoteOf('<blockquote>Words <cite>Someone</cite></blockquote>')).toEqual({ quote: 'Words', cite: 'Someone' });
    expect(blockquoteOf('https://example.org/a.jpg')).toBeNull();
  });

  it('keeps display_date as the date note and makes groups actors, with "Ungrouped" for events without one', async () => {
    const d = usable(await load('timelinejs.json'));
    expect(byTitle(d, 'Caesar assassinated').dateBasis?.quote).toBe('The Ides of March, 44 BC');
    expect(byTitle(d, 'Republic founded').dateBasis).toBeUndefined();
    expect(d.actors.map((a) => a.name)).toEqual(['Rome', 'Carthage', 'Ungrouped']);
    expect(byTitle(d, 'A time of day').actors).toEqual(['ungrouped']);
  });

  it('uses unique_id as the id (as a slug) and makes ids of duplicate headlines unique', async () => {
    const result = await load('timelinejs.json');
    const d = usable(result);
    expect(byTitle(d, 'Republic founded').id).toBe('republic-founded');
    const crossings = d.events.filter((e) => e.title === 'Crossing').map((e) => e.id);
    expect(crossings.sort()).toEqual(['crossing', 'rubicon-crossing']);
    expect(where(result)).toContain('events[5].unique_id');
  });

  it('marks events without a quotation as having no excerpt instead of rejecting them', async () => {
    const d = usable(await load('timelinejs.json'));
    expect(byTitle(d, 'Republic founded').excerpts).toEqual([]);
  });

  it('makes eras labelled periods and reports one it cannot place', async () => {
    const result = await load('timelinejs.json');
    expect(usable(result).periods?.map((p) => [p.label, p.date])).toEqual([
      ['Republic', '-0508/-0026'],
      ['Reign of Augustus', '-0026/0014'],
    ]);
    expect(result.rejected).toContainEqual(expect.objectContaining({ path: 'eras[2]', label: 'Era: Era without a start' }));
  });

  it('lists media it cannot show rather than dropping it silently', async () => {
    const result = await load('timelinejs.json');
    const media = find(result.rejected, (r) => r.path === 'media', 'media item');
    expect(media.problems.map((p) => p.path)).toEqual(['events[2].media.url']);
  });

  it('reads date parts given as numbers or text, and says which part is wrong', () => {
    const at = (field: string) => field;
    expect(edtfOfSlideDate({ year: ' 1,815 ', month: '12', day: 10 }, 'start_date', at)).toEqual({ ok: true, edtf: '1815-12-10' });
    expect(edtfOfSlideDate({ year: 0 }, 'start_date', at)).toEqual({ ok: true, edtf: '0000' });
    expect(edtfOfSlideDate({ year: 2023, month: 2, day: 29 }, 'start_date', at)).toEqual({
      ok: false,
      problem: { path: 'start_date.day', message: '2023-02-29 is not a calendar date' },
    });
    expect(edtfOfSlideDate({ year: 'soon' }, 'end_date', at)).toMatchObject({ ok: false, problem: { path: 'end_date.year' } });
    expect(edtfOfSlideDate({ year: 2020, day: 3 }, 'start_date', at)).toMatchObject({ ok: false, problem: { path: 'start_date.day' } });
  });

  it('rejects an event that ends before it starts, naming its end_date', () => {
    const result = convertTimelineJs({ events: [{ start_date: { year: 2000 }, end_date: { year: 1990 }, text: { headline: 'Backwards' } }] });
    expect(result.skipped).toEqual([expect.objectContaining({ label: 'Backwards', problems: [expect.objectContaining({ path: 'events[0].end_date' })] })]);
  });
});

describe('TimelineJS spreadsheet (CSV)', () => {
  it('reads the template columns, the title row and era rows, and names the row and column of each problem', async () => {
    const result = await load('timelinejs.csv');
    expect(result.importedFrom).toBe('timelinejs-csv');
    const d = usable(result);
    expect(d.title).toBe('Space Race');
    expect(d.periods?.map((p) => [p.label, p.date])).toEqual([['The Space Race', '1957/1975']]);
    expect(byTitle(d, 'Gagarin in orbit').date).toBe('1961-04-12T06:07:00Z');
    expect(byTitle(d, 'Apollo 11').date).toBe('1969-07-20T20:17:00Z/1969-07-21');
    expect(byTitle(d, 'Apollo 11').dateBasis?.quote).toBe('July 1969');
    expect(byTitle(d, 'Far back').date).toBe('-0499');
    expect(byTitle(d, 'Gagarin in orbit').excerpts).toEqual([{ source: 'quote-gagarin-in-orbit', quote: 'Poyekhali!', paragraph: 0, start: 0, end: 10 }]);
    expect(d.sourcesById.get('quote-gagarin-in-orbit')?.outlet).toBe('Yuri Gagarin');
    expect(d.events.filter((e) => e.title === 'Sputnik 1').map((e) => e.id).sort()).toEqual(['sputnik-1', 'sputnik-1-2']);
    expect(result.rejected.map((r) => [r.path, r.label])).toEqual(expect.arrayContaining([['row 7', 'No year here']]));
    // An unreadable time loses only the time: the event stays, at the precision of its other parts.
    expect(result.rejected.map((r) => r.label)).not.toContain('Bad time');
    expect(byTitle(d, 'Bad time').date).toBe('1970');
    expect(where(result)).toEqual(expect.arrayContaining(['row 7, column "Year"', 'row 9, column "Time"']));
  });

  it('reads times as a spreadsheet writes them', () => {
    expect(parseClock('14:30')).toEqual({ hour: 14, minute: 30, second: 0 });
    expect(parseClock('2:30 PM')).toEqual({ hour: 14, minute: 30, second: 0 });
    expect(parseClock('12:05 am')).toEqual({ hour: 0, minute: 5, second: 0 });
    expect(parseClock('6 p.m.')).toEqual({ hour: 18, minute: 0, second: 0 });
    expect(parseClock('14')).toEqual({ hour: 14, minute: 0, second: 0 });
    expect(parseClock('1430')).toEqual({ hour: 14, minute: 30, second: 0 });
    expect(parseClock('14.30')).toEqual({ hour: 14, minute: 30, second: 0 });
    expect(parseClock('25:00')).toBeNull();
    expect(parseClock('noon')).toBeNull();
  });
});

describe('our simple CSV', () => {
  it('reads id, EDTF date, title, summary, actors by name, excerpts and their sources', async () => {
    const result = await load('simple.csv');
    expect(result.importedFrom).toBe('csv');
    expect(result.problems).toEqual([]);
    const d = usable(result);
    const talks = byTitle(d, 'Talks open');
    expect(talks.id).toBe('talks-open');
    expect(talks.actors).toEqual(['northland', 'southland']);
    expect(talks.dateBasis?.quote).toBe('on Sunday');
    const ceasefire = byTitle(d, 'Ceasefire holds');
    expect(ceasefire.id).toBe('ceasefire-holds');
    expect(ceasefire.summary).toBe('Ceasefire holds');
    expect(ceasefire.excerpts.map((e) => e.quote)).toEqual(['Calm returned to the border in November.', 'The guns fell silent, residents said.']);
    // One source per distinct value; a web address becomes its link, anything else its title.
    const talksSource = d.sourcesById.get(talks.excerpts[0]?.source ?? '');
    expect(talksSource?.url).toBe('https://news.example.org/talks');
    expect(talksSource?.paragraphs.map((p) => p.text)).toEqual(['The talks opened on Sunday, officials said.', 'The guns fell silent, residents said.']);
    expect(talksSource?.outlet).toMatch(/not checked against the original/);
    expect(d.sourcesById.get(ceasefire.excerpts[0]?.source ?? '')).toMatchObject({ title: 'Daily Example' });
    expect(d.sourcesById.get(ceasefire.excerpts[0]?.source ?? '')?.url).toBeUndefined();
    const dispute = byTitle(d, 'A long dispute');
    expect(dispute.excerpts).toEqual([]);
    expect(dispute.actors).toEqual(['ungrouped']);
  });

  it('names the row and column of every error and keeps the good rows', async () => {
    const result = await load('errors.csv');
    const d = usable(result);
    expect(d.events.map((e) => e.id).sort()).toEqual(['dup', 'extra', 'good']);
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        'row 1, column "Mood": is not a column this CSV format has; its values are not imported',
        'row 3, column "ID": "Bad Id" is not an id: use lowercase letters, digits and single hyphens, or leave it empty',
        'row 5, column "ID": duplicate id "dup" (first used in row 4)',
        expect.stringMatching(/^row 6, column "Date": not a valid EDTF date: "17 November 2024"/),
        'row 7, column "Title": must not be empty',
        expect.stringMatching(/^row 8, column "Excerpt": is empty but "Source" names a source/),
        expect.stringMatching(/^row 9: has 9 values but the header has 8 columns/),
      ]),
    );
    expect(result.rejected.map((r) => r.label)).toEqual(expect.arrayContaining(['Bad id', 'Second', 'Bad date', 'row 7', 'Source without words']));
  });

  it('says how far its text has been split into rows, then its rows converted, counting every row to the last', () => {
    const rows = Array.from({ length: 4500 }, (_, i) => `ev-${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},Event ${i},What happened ${i}.,Arland,Arland shelled a town.,Daily`);
    const text = ['id,date,title,summary,actors,excerpt,source', ...rows].join('\n');
    const told: [number, number, string][] = [];
    const result = convertCsv(text, 'many.csv', (done, total, counting) => told.push([done, total, counting ?? 'rows']));
    expect(result.dataset?.events).toHaveLength(4500);
    expect(told).toEqual([
      [text.length, text.length, 'characters'],
      [2000, 4500, 'rows'],
      [4000, 4500, 'rows'],
      [4500, 4500, 'rows'],
    ]);
  });

  it('says which columns it expected when the header is neither format', () => {
    const result = convertCsv('when,what\n2024,something\n');
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ path: 'row 1', message: expect.stringContaining('found: "when", "what"') as string })]);
  });
});

describe('an import checked as converted', () => {
  it('gives the same dataset, problems and rejections as one checked from a copy, for every kind of file', () => {
    for (const name of ['timelinejs.json', 'timelinejs.csv', 'simple.csv', 'errors.csv', 'semicolons.csv']) {
      const text = readFixture(`import/${name}`);
      const convert = () => (name.endsWith('.json') ? convertTimelineJs(JSON.parse(text) as unknown, name) : convertCsv(text, name));
      expect(validateImport(convert(), undefined, true), name).toEqual(validateImport(convert()));
    }
  });
});

describe('our own format with origin', () => {
  it('still requires an excerpt, a date basis and a publication date of a dataset that was not imported', async () => {
    const converted = convertCsv(readFixture('import/simple.csv')).dataset;
    const own: Record<string, unknown> = { ...converted };
    delete own.origin;
    const result = await loadDatasetFromText(JSON.stringify(own));
    expect(where(result)).toEqual(expect.arrayContaining(['sources[0].published', 'events[2].excerpts', 'events[2].dateBasis']));
  });
});

describe('group colours', () => {
  it('keep 3:1 contrast with both themes’ backgrounds', () => {
    for (const color of [...GROUP_PALETTE, UNGROUPED_COLOR]) {
      for (const theme of ['light', 'dark'] as const) {
        for (const surface of THEME_SURFACES[theme]) expect(contrastRatio(color[theme], surface)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST);
      }
    }
  });
});
