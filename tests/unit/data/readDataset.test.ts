import { describe, expect, it } from 'vitest';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { validateDataset } from '../../../src/data/validate';
import { normalizeForMatch } from '../../../src/data/textMatch';
import type { TimelineEvent } from '../../../src/data/model';
import { at, DAY_MS, endOf, nth } from '../../fixtures/builders';
import { BUNDLED_TEXT, cloneBundled, readFixture } from '../../fixtures/files';

describe('loadDatasetFromText', () => {
  it('loads the bundled dataset with no problems', async () => {
    const result = await loadDatasetFromText(BUNDLED_TEXT);
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.dataset?.events.length).toBeGreaterThanOrEqual(20);
  });

  it('gives the same result as validating the parsed JSON', async () => {
    const loaded = await loadDatasetFromText(readFixture('minimal-valid.json'));
    const validated = validateDataset(JSON.parse(readFixture('minimal-valid.json')));
    expect(loaded.problems).toEqual(validated.problems);
    expect(loaded.dataset?.events.map((e) => e.id)).toEqual(validated.dataset?.events.map((e) => e.id));
  });

  it.each([
    ['malformed-trailing-comma.json', 'line 5, column 15', 'a trailing comma before "}"'],
    ['malformed-missing-comma.json', 'line 3, column 3', 'expected "," between items'],
    ['malformed-unclosed-string.json', 'line 2, column 12', 'string is not closed'],
    ['empty.json', '(file)', 'the file is empty, not JSON'],
  ])('turns %s into one problem at %s and no dataset', async (file, path, fragment) => {
    const result = await loadDatasetFromText(readFixture(file));
    expect(result.dataset).toBeNull();
    expect(result.rejected).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message).toContain(fragment);
  });

  it('passes well-formed JSON of the wrong shape on to the validator', async () => {
    const result = await loadDatasetFromText('[]');
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([{ path: '(root)', message: expect.stringContaining('must be a JSON object') as unknown as string }]);
  });

  it('reports validation problems with JSON paths after a successful parse', async () => {
    const text = BUNDLED_TEXT.replace('"date": "2022-02",', '"date": "2022-02-31",');
    expect(text).not.toBe(BUNDLED_TEXT);
    const result = await loadDatasetFromText(text);
    expect(result.problems).toEqual([{ path: 'events[0].date', message: '2022-02-31 is not a calendar date' }]);
    expect(result.dataset?.eventsById.has('russia-invades-ukraine')).toBe(false);
  });
});

// The bundled dataset (data/kursk-2024.json), loaded the way the app loads it: it must validate cleanly
// and say what the article says, no more precisely than the article says it.
const loaded = await loadDatasetFromText(BUNDLED_TEXT);
if (!loaded.dataset) throw new Error(`the bundled dataset did not load: ${JSON.stringify(loaded.problems)}`);
const dataset = loaded.dataset;
const event = (id: string): TimelineEvent => {
  const found = dataset.eventsById.get(id);
  if (!found) throw new Error(`the bundled dataset has no event "${id}"`);
  return found;
};
const excerptText = (e: TimelineEvent) => e.excerpts.map((x) => x.quote).join(' ');
const eventsWith = (predicate: (e: TimelineEvent) => boolean) => dataset.events.filter(predicate);

describe('data/kursk-2024.json', () => {
  it('validates with zero problems and nothing rejected', () => {
    const result = validateDataset(cloneBundled());
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
  });

  it('holds at least 20 events', () => {
    expect(dataset.events.length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['russia-invades-ukraine', '2022-02'],
    ['us-approves-atacms-within-ukraine', '2023'],
    ['north-korea-supplies-russia-missiles', '2023'],
    ['ukraine-launches-kursk-incursion', '2024'],
    ['zelenskyy-says-missiles-will-speak', '2024-11-17'],
    ['zelenskyy-hopes-for-diplomatic-end', '2024-11-15'],
    ['ap-reports-authorization', '2024-11-17'],
    ['us-security-assistance-since-invasion', '2022-02/2024-11-18'],
  ])('dates %s as exactly %s', (id, edtf) => {
    expect(event(id).date).toBe(edtf);
  });

  it('dates the North Korean troop build-up as an interval ending on 2024-11-18', () => {
    const e = event('north-korean-troops-amass-in-kursk');
    expect(e.when.kind).toBe('interval');
    expect(e.date.endsWith('/2024-11-18')).toBe(true);
    expect(e.when.end).toBe(endOf('2024-11-18'));
  });

  it("dates Biden's authorization as an interval within November 2024", () => {
    const e = event('biden-authorizes-kursk-strikes');
    expect(e.when.kind).toBe('interval');
    expect(e.when.start).toBeGreaterThanOrEqual(at('2024-11'));
    expect(e.when.end).toBeLessThanOrEqual(endOf('2024-11'));
  });

  it.each([
    ['Strickland backing the approval', (e: TimelineEvent) => e.actors.includes('marilyn-strickland')],
    ['Trump Jr. criticizing the decision', (e: TimelineEvent) => e.actors.includes('donald-trump-jr') && excerptText(e).includes('World War 3')],
    ['Grenell criticizing the decision', (e: TimelineEvent) => e.actors.includes('richard-grenell') && excerptText(e).includes('whole new war')],
    ['the White House declining comment', (e: TimelineEvent) => e.actors.includes('white-house') && excerptText(e).includes('declined')],
    ["Putin's warning to NATO", (e: TimelineEvent) => e.actors.includes('vladimir-putin') && excerptText(e).includes('warned')],
    ['the UK and France supplying Storm Shadow/SCALP', (e: TimelineEvent) => excerptText(e).includes('Storm Shadow and SCALP')],
    ["Trump's pledge to de-escalate", (e: TimelineEvent) => e.actors.includes('donald-trump') && excerptText(e).includes('de-escalate')],
    [
      'the refusals of tanks, Patriots and F-16s',
      (e: TimelineEvent) => ['tanks', 'Patriot', 'F-16'].every((word) => excerptText(e).includes(word)) && excerptText(e).includes('refusing'),
    ],
  ])('has an event for %s', (_, predicate) => {
    expect(eventsWith(predicate).length).toBeGreaterThanOrEqual(1);
  });

  it('gives every event at least one excerpt and records where each excerpt is', () => {
    for (const e of dataset.events) {
      expect(e.excerpts.length, e.id).toBeGreaterThanOrEqual(1);
      for (const location of e.excerpts) {
        expect(Number.isInteger(location.paragraph), e.id).toBe(true);
        expect(location.start, e.id).toBeGreaterThanOrEqual(0);
        expect(location.end, e.id).toBeGreaterThan(location.start);
      }
    }
  });

  it("slicing each excerpt's paragraph at [start, end) gives back the quote (modulo white space and quote marks)", () => {
    for (const e of dataset.events) {
      e.excerpts.forEach((location, i) => {
        const source = dataset.sourcesById.get(location.source);
        const paragraph = nth(source?.paragraphs ?? [], location.paragraph).text;
        expect(location.end, e.id).toBeLessThanOrEqual(paragraph.length);
        const sliced = paragraph.slice(location.start, location.end);
        expect(normalizeForMatch(sliced).text, `${e.id} excerpt ${i}`).toBe(normalizeForMatch(nth(e.excerpts, i).quote).text);
      });
    }
  });

  it('dates nothing more precisely than a day', () => {
    for (const e of dataset.events) {
      expect([e.when.startPrecision, e.when.endPrecision], e.id).not.toContain('time');
    }
  });

  const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
  /** The days a dateBasis quote names: a weekday ("Sunday") or an AP-style date ("Nov. 17"). */
  function namesTheDay(quote: string, start: number): boolean {
    const d = new Date(start);
    const weekday = WEEKDAYS[d.getUTCDay()] as string;
    const monthDay = `${MONTHS[d.getUTCMonth()] as string} ${d.getUTCDate()}`;
    return quote.includes(weekday) || quote.includes(monthDay);
  }

  it('uses a single-day date only where the dateBasis quote names that day ("Sunday", "Friday", "Nov. 17")', () => {
    const dayDates = dataset.events.filter((e) => e.when.kind === 'date' && e.when.startPrecision === 'day');
    expect(dayDates.map((e) => e.id).sort()).toEqual(['ap-reports-authorization', 'zelenskyy-hopes-for-diplomatic-end', 'zelenskyy-says-missiles-will-speak']);
    for (const e of dayDates) {
      const quote = e.dateBasis?.quote ?? '';
      expect(namesTheDay(quote, e.when.start), `${e.id}: "${quote}" should name ${e.date}`).toBe(true);
    }
  });

  it("bounds intervals by days the article fixes: its publication day or a day it names", () => {
    const published = dataset.sources.map((s) => at(s.published ?? ''));
    const namedDays = dataset.events.filter((e) => e.when.kind === 'date' && e.when.startPrecision === 'day').map((e) => e.when.start);
    const allowed = new Set([...published, ...namedDays]);
    for (const e of dataset.events.filter((x) => x.when.kind === 'interval')) {
      if (e.when.startPrecision === 'day') expect(allowed.has(e.when.start), `${e.id} starts on ${e.date}`).toBe(true);
      if (e.when.endPrecision === 'day') expect(allowed.has(e.when.end - DAY_MS), `${e.id} ends on ${e.date}`).toBe(true);
    }
  });

  it('starts nothing after the article was published', () => {
    const lastPublished = Math.max(...dataset.sources.map((s) => endOf(s.published ?? '')));
    for (const e of dataset.events) expect(e.when.start, e.id).toBeLessThan(lastPublished);
  });
});
