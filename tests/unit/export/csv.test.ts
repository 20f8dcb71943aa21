import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvParseRows } from 'd3-dsv';
import { CSV_COLUMNS, csvChunks, csvFileChunks, eventsToCsv } from '../../../src/export/csv';
import { guardFormula, unguardFormula } from '../../../src/data/csvFormula';
import { bundledDataset } from '../../fixtures/kursk';
import type { TimelineEvent } from '../../../src/data/model';

const dataset = bundledDataset();

function withEvent(changes: Partial<TimelineEvent>): TimelineEvent {
  const first = dataset.events[0];
  if (!first) throw new Error('the bundled dataset has no events');
  return { ...first, ...changes };
}

describe('CSV of events', () => {
  it('starts with our header and widens it to the most excerpts any event has', () => {
    const most = Math.max(...dataset.events.map((e) => e.excerpts.length));
    expect(most).toBeGreaterThan(1);
    const [header] = csvParseRows(eventsToCsv(dataset, dataset.events));
    const extra = Array.from({ length: most - 1 }, (_, i) => [`excerpt_${i + 2}`, `source_${i + 2}`]).flat();
    expect(header).toEqual([...CSV_COLUMNS, ...extra]);
  });

  it('has only the base columns when every event has one excerpt', () => {
    const single = dataset.events.filter((e) => e.excerpts.length === 1);
    expect(single.length).toBeGreaterThan(0);
    expect(eventsToCsv(dataset, single).split('\n')[0]).toBe('id,date,title,summary,actors,excerpt,source,date_basis');
  });

  it('writes actor names, the EDTF date as authored and the source URL', () => {
    const source = dataset.sources[0];
    if (!source) throw new Error('no source');
    const url = 'https://example.org/story';
    const sourcesById = new Map([[source.id, { ...source, url }]]);
    const event = withEvent({ id: 'x', date: '2022-02/2024-11-18', actors: ['joe-biden', 'ukraine'], excerpts: [{ source: source.id, quote: 'q', paragraph: 0, start: 0, end: 1 }] });
    const [, row] = csvParseRows(eventsToCsv({ actorsById: dataset.actorsById, sourcesById }, [event]));
    expect(row).toEqual(['x', '2022-02/2024-11-18', event.title, event.summary, 'Joe Biden; Ukraine', 'q', url, event.dateBasis?.quote]);
  });

  it('names a source without a URL by its title', () => {
    const event = withEvent({});
    const source = dataset.sourcesById.get(event.excerpts[0]?.source ?? '');
    expect(source?.url).toBeUndefined();
    const [, row] = csvParseRows(eventsToCsv(dataset, [event]));
    expect(row?.[6]).toBe(source?.title);
  });

  it('quotes commas, quotes and line breaks so that a CSV reader gets the text back', () => {
    const summary = 'He said, "no".\nThen: yes; maybe';
    const [, row] = csvParseRows(eventsToCsv(dataset, [withEvent({ summary })]));
    expect(row?.[3]).toBe(summary);
  });

  it('keeps spreadsheets from running a cell as a formula', () => {
    const title = '=HYPERLINK("https://evil.example","click")';
    const [, row] = csvParseRows(eventsToCsv(dataset, [withEvent({ title, summary: '@SUM(A1)', dateBasis: { quote: '-2+3', explanation: 'e' } })]));
    expect(row?.[2]).toBe(`'${title}`);
    expect(row?.[3]).toBe("'@SUM(A1)");
    expect(row?.[7]).toBe("'-2+3");
  });
});

describe('formula guard', () => {
  it('prefixes cells starting with = + - @ tab, carriage return or NUL, and leaves others alone', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r', '\0']) expect(guardFormula(`${c}x`)).toBe(`'${c}x`);
    for (const s of ['Kursk', ' =x', "'Tis", '', 'a=b']) expect(guardFormula(s)).toBe(s);
  });

  it('is undone exactly by unguardFormula, even for text that already starts with apostrophes', () => {
    expect(unguardFormula(guardFormula("'=x"))).toBe("'=x");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '-', '+', '@', '\t', 'a', ' ', ',') }), (s) => unguardFormula(guardFormula(s)) === s),
    );
  });
});

describe('CSV of many events', () => {
  it('writes 150,000 events (more than one call can spread into Math.max) in pieces that join to the whole text', () => {
    const first = dataset.events[0];
    if (!first) throw new Error('the bundled dataset has no events');
    const many = Array.from({ length: 150_000 }, () => first);
    const chunks = [...csvChunks(dataset, many)];
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.join('');
    expect(text.split('\n')).toHaveLength(150_001);
    expect(text).toBe(eventsToCsv(dataset, many));
  });

  it('starts the file with a UTF-8 byte-order mark, so that a spreadsheet shows Cyrillic as written', async () => {
    const event = withEvent({ title: 'Україна: удар по Курську' });
    const bytes = new Uint8Array(await new Blob([...csvFileChunks(dataset, [event])]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [, row] = csvParseRows(new TextDecoder().decode(bytes));
    expect(row?.[2]).toBe('Україна: удар по Курську');
  });
});
