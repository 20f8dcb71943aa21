import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonEventStream, type EventStreamListener } from '../../../src/data/jsonEventStream';

/** Feeds a text in pieces cut at the given offsets. */
function streamed(text: string, cuts: readonly number[] = [], listener: EventStreamListener = {}) {
  const stream = new JsonEventStream(listener);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    stream.push(text.slice(at, cut));
    at = cut;
  }
  stream.push(text.slice(at));
  return stream.finish();
}

// Strings that try the reader's edges: quotes, escapes, brackets and commas inside strings.
const trickyString = fc.oneof(fc.string(), fc.constantFrom('"', '\\', '\\"', '[', ']', '{', '}', ',', 'events', '\\\\', '"]', '\n'));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, trickyString, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(trickyString, tie('value'), { maxKeys: 3 })),
})).value;

describe('JsonEventStream', () => {
  it('reads a dataset cut anywhere into pieces exactly as JSON.parse reads it whole', () => {
    fc.assert(
      fc.property(
        fc.record({ title: trickyString, sources: fc.array(jsonValue, { maxLength: 3 }), events: fc.array(jsonValue, { maxLength: 6 }), extra: jsonValue }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (record, pretty, rawCuts) => {
          const text = JSON.stringify(record, null, pretty ? 2 : undefined);
          const cuts = rawCuts.map((c) => c % (text.length + 1));
          const heads: unknown[] = [];
          const events: [unknown, number][] = [];
          const result = streamed(text, cuts, { head: (head) => heads.push(head), event: (event, index) => events.push([event, index]) });
          expect(result).toEqual({ ok: true, value: JSON.parse(text), keysAfterEvents: new Set(['extra']) });
          // Told of what came before the events once, as they begin, and of each event as it is read.
          expect(heads).toEqual([{ title: record.title, sources: record.sources, events: [] }]);
          expect(events).toEqual(record.events.map((event, index) => [event, index]));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads top-level keys in any order, a key given twice counting as its last, as JSON.parse does', () => {
    const key = fc.constantFrom('title', 'sources', 'actors', 'origin', 'x', '__proto__');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, jsonValue), { maxLength: 6 }), fc.nat(6), fc.array(jsonValue, { maxLength: 3 }), fc.array(fc.nat(), { maxLength: 5 }), (entries, eventsAt, events, rawCuts) => {
        const all: [string, unknown][] = [...entries];
        all.splice(Math.min(eventsAt, all.length), 0, ['events', events]);
        const text = `{${all.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
        const cuts = rawCuts.map((c) => c % (text.length + 1));
        const result = streamed(text, cuts);
        expect(result.ok && result.value).toEqual(JSON.parse(text));
        const after = new Set(all.slice(Math.min(eventsAt, entries.length) + 1).map(([k]) => k));
        expect(result.ok && result.keysAfterEvents).toEqual(after);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an "events" key nested deeper than the top level as part of the head', () => {
    const text = '{"title":"t","meta":{"events":[1,2]},"events":[{"id":"a"},{"id":"b"}]}';
    expect(streamed(text, [5, 20, 33, 50])).toEqual({ ok: true, value: JSON.parse(text), keysAfterEvents: new Set() });
  });

  it('names the event and its line when one element is not valid JSON', () => {
    const text = '{\n"title": "t",\n"events": [\n{"id": "a"},\n{"id": "b",},\n{"id": "c"}\n]\n}';
    const result = streamed(text, [30]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe('events[1] (line 5)');
  });

  it('says where a file ends before its JSON is complete', () => {
    const result = streamed('{\n"title": "t",\n"events": [\n{"id": "a"}');
    expect(result).toEqual({ ok: false, problem: { path: 'line 4', message: 'not valid JSON: the file ends before its JSON is complete' } });
  });

  it('refuses a top level that is not an object', () => {
    const result = streamed('[1, 2]');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe('(root)');
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.nat(), { maxLength: 4 }), (text, rawCuts) => {
        const result = streamed(text, rawCuts.map((c) => c % (text.length + 1)));
        let whole: unknown;
        try {
          whole = JSON.parse(text);
        } catch {
          whole = undefined;
        }
        // Whatever JSON.parse accepts as an object, the stream reads the same; the rest is a problem, not a throw.
        if (result.ok) expect(result.value).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});
