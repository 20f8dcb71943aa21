import { describe, expect, it } from 'vitest';
import { SharedValues } from '../../../src/data/sharedValues';
import type { TimelineEvent } from '../../../src/data/model';
import type { ImportedSource } from '../../../src/data/schema';
import { validateDataset } from '../../../src/data/validate';
import { generateDataset } from '../../../src/data/synthetic';

const source: ImportedSource = {
  id: 'src-1',
  title: 'Dispatch',
  outlet: 'Arland Post',
  published: '2024-01-02',
  paragraphs: [{ text: 'Arland said “talks are over” on Monday. Borovia did not reply.', kind: 'body' }],
};

function eventQuoting(...quotes: [string, number, number][]): TimelineEvent {
  return {
    excerpts: quotes.map(([quote, start, end]) => ({ source: 'src-1', quote, paragraph: 0, start, end })),
  } as unknown as TimelineEvent;
}

describe('SharedValues.quotes', () => {
  const sourcesById = new Map([[source.id, source]]);

  it('keeps every quote word for word, whether it is its paragraph’s words or found after normalising', () => {
    const text = source.paragraphs[0]?.text ?? '';
    const exact = 'Borovia did not reply.';
    const straightQuotes = 'Arland said "talks are over"';
    const event = eventQuoting([exact, text.indexOf(exact), text.indexOf(exact) + exact.length], [straightQuotes, 0, 28]);
    new SharedValues().quotes(event, sourcesById);
    // The typographic quotes of the paragraph never replace the excerpt's own straight ones.
    expect(event.excerpts.map((e) => e.quote)).toEqual([exact, straightQuotes]);
  });

  it('leaves a loaded dataset’s excerpts exactly as the file gave them', () => {
    const given = generateDataset({ events: 300, seed: 3 });
    const dataset = validateDataset(structuredClone(given)).dataset;
    if (!dataset) throw new Error('the generated dataset should be valid');
    const shared = new SharedValues();
    for (const event of dataset.events) shared.quotes(event, dataset.sourcesById);
    const quotes = (events: readonly { id: string; excerpts: readonly { quote: string }[] }[]) => new Map(events.map((e) => [e.id, e.excerpts.map((x) => x.quote)]));
    expect(quotes(dataset.events)).toEqual(quotes(given.events));
  });
});

describe('SharedValues.event', () => {
  const eventWith = (actors: string[]) => ({ when: { edtf: '2024' }, date: '2024', attribution: { kind: 'publication', detail: 'Post' }, actors, excerpts: [] }) as unknown as TimelineEvent;

  it('gives events with the same actors in the same order one list that nothing can change', () => {
    const shared = new SharedValues();
    const [a, b, c] = [eventWith(['arland', 'borovia']), eventWith(['arland', 'borovia']), eventWith(['borovia', 'arland'])].map((e) => shared.event(e));
    expect(a?.actors).toBe(b?.actors);
    expect(c?.actors).toEqual(['borovia', 'arland']);
    expect(() => (a?.actors as string[]).push('carinth')).toThrow(TypeError);
    expect(b?.actors).toEqual(['arland', 'borovia']);
  });

  it('shares an attribution or a date basis only between events whose both parts are the same', () => {
    const shared = new SharedValues();
    const withNotes = (kind: string, detail: string, quote: string, explanation: string) =>
      shared.event({ ...eventWith(['arland']), attribution: { kind, detail }, dateBasis: { quote, explanation } } as unknown as TimelineEvent);
    const first = withNotes('publication', 'Post', 'on Monday', 'The dispatch is dated.');
    const same = withNotes('publication', 'Post', 'on Monday', 'The dispatch is dated.');
    const otherKind = withNotes('on-record', 'Post', 'on Monday', 'A week later.');
    expect(same.attribution).toBe(first.attribution);
    expect(same.dateBasis).toBe(first.dateBasis);
    expect(otherKind.attribution).toEqual({ kind: 'on-record', detail: 'Post' });
    expect(otherKind.dateBasis).toEqual({ quote: 'on Monday', explanation: 'A week later.' });
    expect(otherKind.dateBasis).not.toBe(first.dateBasis);
    // A second pair with the same first part is shared too.
    const otherAgain = withNotes('on-record', 'Post', 'on Monday', 'A week later.');
    expect(otherAgain.attribution).toBe(otherKind.attribution);
    expect(otherAgain.dateBasis).toBe(otherKind.dateBasis);
    // One actor or two: the same actors share a list, different ones do not.
    expect(same.actors).toBe(first.actors);
    expect(shared.event(eventWith(['borovia'])).actors).toEqual(['borovia']);
  });

  it('keeps sharing past 50,000 distinct values while each repeats, and stops for values that never do', () => {
    const shared = new SharedValues();
    const withBasis = (quote: string) => shared.event({ ...eventWith(['arland']), dateBasis: { quote, explanation: 'The day is named.' } } as unknown as TimelineEvent);
    // A million events' date bases: ~96,000 distinct ones, each given by about ten events in a row.
    const notShared: number[] = [];
    for (let day = 0; day < 60_000; day++) {
      const first = withBasis(`on day ${day}`);
      if (withBasis(`on day ${day}`).dateBasis !== first.dateBasis) notShared.push(day);
    }
    expect(notShared).toEqual([]);
    // Free-text attributions, every one different, among events whose one attribution is found again each
    // time: past 50,000 and a trial of 10,000 found no more, the table takes no more of them.
    const withDetail = (detail: string) => shared.event({ ...eventWith(['arland']), attribution: { kind: 'on-record', detail } } as unknown as TimelineEvent);
    const firsts = Array.from({ length: 70_000 }, (_, i) => withDetail(`Witness ${i}`).attribution);
    expect(withDetail('Witness 10').attribution).toBe(firsts[10]);
    expect(withDetail('Witness 65000').attribution).not.toBe(firsts[65_000]);
    expect(withDetail('Witness 65000').attribution).toEqual({ kind: 'on-record', detail: 'Witness 65000' });
  });
});
