import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateDataset } from '../../../src/data/validate';
import { parseEventDate } from '../../../src/data/edtfDate';
import { contrastRatio } from '../../../src/data/contrast';
import { normalizeForMatch } from '../../../src/data/textMatch';
import type { DatasetRecord } from '../../../src/data/schema';
import type { ValidationResult } from '../../../src/data/model';
import { find, nth } from '../../fixtures/builders';
import { cloneBundled, readFixture } from '../../fixtures/files';

type Loose = Record<string, unknown>;
/** The same object, typed loosely so a test can give it a wrong shape on purpose. */
const loose = (value: object): Loose => value as Loose;

const SOURCE = 'epoch-2024-11-18';

function indexOfEvent(d: DatasetRecord, id: string): number {
  const i = d.events.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no event ${id}`);
  return i;
}

function indexOfActor(d: DatasetRecord, id: string): number {
  const i = d.actors.findIndex((a) => a.id === id);
  if (i < 0) throw new Error(`no actor ${id}`);
  return i;
}

function validateMutated(mutate: (d: DatasetRecord) => void): ValidationResult {
  const d = cloneBundled();
  mutate(d);
  return validateDataset(d);
}

function expectProblem(result: ValidationResult, path: string, fragment: string): void {
  expect(result.problems).toContainEqual({ path, message: expect.stringContaining(fragment) as unknown as string });
}

/** The record at `recordPath` is in `rejected` with the problem at `path`. */
function expectRejected(result: ValidationResult, recordPath: string, path: string, fragment: string): void {
  const item = result.rejected.find((r) => r.path === recordPath);
  expect(item, `${recordPath} should be rejected`).toBeDefined();
  expect(item?.problems).toContainEqual({ path, message: expect.stringContaining(fragment) as unknown as string });
}

describe('validateDataset on the bundled dataset', () => {
  it('accepts the bundled dataset with no problems and nothing rejected', () => {
    const result = validateDataset(cloneBundled());
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.dataset?.events).toHaveLength(cloneBundled().events.length);
  });

  it('sorts events by start, then end, then id', () => {
    const events = validateDataset(cloneBundled()).dataset?.events ?? [];
    for (let i = 1; i < events.length; i++) {
      const a = nth(events, i - 1);
      const b = nth(events, i);
      const ordered = a.when.start < b.when.start || (a.when.start === b.when.start && (a.when.end < b.when.end || (a.when.end === b.when.end && a.id < b.id)));
      expect(ordered, `${a.id} before ${b.id}`).toBe(true);
    }
  });

  it('indexes sources, actors and events by id', () => {
    const dataset = validateDataset(cloneBundled()).dataset;
    expect(dataset?.sourcesById.get(SOURCE)?.outlet).toBe('The Epoch Times');
    expect(dataset?.actorsById.get('joe-biden')?.memberOf).toBe('united-states');
    expect(dataset?.eventsById.get('ap-reports-authorization')?.date).toBe('2024-11-17');
    expect(dataset?.eventsById.size).toBe(dataset?.events.length);
  });

  it('gives events of the same date one parsed date, equal to parsing it alone', () => {
    const events = validateDataset(cloneBundled()).dataset?.events ?? [];
    const byDate = new Map<string, (typeof events)[number]>();
    let shared = 0;
    for (const event of events) {
      const parsed = parseEventDate(event.date);
      expect(parsed.ok && event.when).toEqual(parsed.ok && parsed.date);
      const first = byDate.get(event.date);
      if (first) {
        expect(event.when).toBe(first.when);
        shared++;
      } else byDate.set(event.date, event);
    }
    expect(shared).toBeGreaterThan(0);
  });

  it('gives every excerpt its place, and keeps the excerpts as given and in order', () => {
    const given = cloneBundled();
    const checked = validateDataset(structuredClone(given)).dataset;
    for (const event of checked?.events ?? []) {
      const excerpts = given.events.find((e) => e.id === event.id)?.excerpts ?? [];
      expect(event.excerpts.map(({ source, quote }) => ({ source, quote }))).toEqual(excerpts);
      for (const excerpt of event.excerpts) expect(excerpt.end, event.id).toBeGreaterThan(excerpt.start);
    }
  });
});

describe('validateDataset on records it is given, or that were parsed for it alone', () => {
  it('leaves a dataset it is given as it was', () => {
    const given = cloneBundled();
    const before = structuredClone(given);
    validateDataset(given);
    expect(given).toEqual(before);
  });

  it('keeps the events of a dataset parsed for it alone as they are, and checks them to the same result', () => {
    const parsed = cloneBundled();
    const kept = validateDataset(parsed, undefined, true);
    expect(kept).toEqual(validateDataset(cloneBundled()));
    const first = nth(kept.dataset?.events ?? [], 0);
    expect(parsed.events.find((e) => e.id === first.id)).toBe(first);
  });

  it('still says what is wrong with an event of a dataset parsed for it alone', () => {
    const parsed = cloneBundled();
    (parsed.events[3] as { title: string }).title = '';
    expect(validateDataset(parsed, undefined, true).problems).toEqual(validateDataset(cloneBundled(), undefined, false).problems.concat([{ path: 'events[3].title', message: 'must not be empty' }]));
  });
});

describe('validateDataset: a failing fixture for every rule', () => {
  // Index 3 of the bundled file is "biden-opposes-strikes-inside-russia"; the first test pins that.
  it('uses events[3] = biden-opposes-strikes-inside-russia in the fixtures below', () => {
    expect(nth(cloneBundled().events, 3).id).toBe('biden-opposes-strikes-inside-russia');
  });

  interface RuleCase {
    rule: string;
    mutate: (d: DatasetRecord) => void;
    path: string;
    message: string;
    rejected: string;
  }

  const cases: RuleCase[] = [
    { rule: 'missing field', mutate: (d) => delete loose(nth(d.events, 3)).summary, path: 'events[3].summary', message: 'is required', rejected: 'events[3]' },
    {
      rule: 'missing nested field',
      mutate: (d) => delete loose(nth(d.events, 3).dateBasis).explanation,
      path: 'events[3].dateBasis.explanation',
      message: 'is required',
      rejected: 'events[3]',
    },
    {
      rule: 'mistyped field (string instead of array)',
      mutate: (d) => (loose(nth(d.events, 3)).actors = 'joe-biden'),
      path: 'events[3].actors',
      message: 'must be an array, not the string "joe-biden"',
      rejected: 'events[3]',
    },
    {
      rule: 'mistyped field (number instead of string)',
      mutate: (d) => (loose(nth(d.events, 3)).date = 2024),
      path: 'events[3].date',
      message: 'must be a string, not number 2024',
      rejected: 'events[3]',
    },
    {
      rule: 'value outside an enum',
      mutate: (d) => (loose(nth(d.events, 3).attribution).kind = 'rumour'),
      path: 'events[3].attribution.kind',
      message: 'must be one of "on-record", "anonymous", "other-outlet", "publication"; got the string "rumour"',
      rejected: 'events[3]',
    },
    {
      rule: 'unknown field on an event (strict objects)',
      mutate: (d) => (loose(nth(d.events, 3)).tags = ['kursk']),
      path: 'events[3].tags',
      message: 'unknown field; check its spelling against the schema',
      rejected: 'events[3]',
    },
    {
      rule: 'unknown field inside an excerpt',
      mutate: (d) => (loose(nth(nth(d.events, 3).excerpts, 0)).page = 4),
      path: 'events[3].excerpts[0].page',
      message: 'unknown field',
      rejected: 'events[3]',
    },
    {
      rule: 'unknown field on an actor (misspelt "color")',
      mutate: (d) => (loose(nth(d.actors, indexOfActor(d, 'ntd'))).colour = 'red'),
      path: 'actors[17].colour',
      message: 'unknown field; check its spelling against the schema',
      rejected: 'actors[17]',
    },
    {
      rule: 'bad id slug (upper case and underscore)',
      mutate: (d) => (nth(d.events, 3).id = 'Biden_Opposes'),
      path: 'events[3].id',
      message: 'must be a lowercase slug such as "united-states"',
      rejected: 'events[3]',
    },
    {
      rule: 'bad id slug (double hyphen)',
      mutate: (d) => (nth(d.events, 3).id = 'biden--opposes'),
      path: 'events[3].id',
      message: 'must be a lowercase slug',
      rejected: 'events[3]',
    },
    {
      rule: 'bad slug in an actor reference',
      mutate: (d) => (nth(d.events, 3).actors[0] = 'Joe Biden'),
      path: 'events[3].actors[0]',
      message: 'must be a lowercase slug',
      rejected: 'events[3]',
    },
    {
      rule: 'duplicate event id',
      mutate: (d) => (nth(d.events, 4).id = nth(d.events, 3).id),
      path: 'events[4].id',
      message: 'duplicate id "biden-opposes-strikes-inside-russia" (first used at events[3].id)',
      rejected: 'events[4]',
    },
    {
      rule: 'duplicate actor id',
      mutate: (d) => d.actors.push({ ...nth(d.actors, indexOfActor(d, 'ntd')), name: 'NTD again' }),
      path: 'actors[18].id',
      message: 'duplicate id "ntd" (first used at actors[17].id)',
      rejected: 'actors[18]',
    },
    {
      rule: 'duplicate source id',
      mutate: (d) => d.sources.push(structuredClone(nth(d.sources, 0))),
      path: 'sources[1].id',
      message: `duplicate id "${SOURCE}" (first used at sources[0].id)`,
      rejected: 'sources[1]',
    },
    {
      rule: 'unknown actor reference',
      mutate: (d) => (nth(d.events, 3).actors[1] = 'atlantis'),
      path: 'events[3].actors[1]',
      message: 'unknown actor "atlantis"',
      rejected: 'events[3]',
    },
    {
      rule: 'actor listed twice on one event',
      mutate: (d) => nth(d.events, 3).actors.push('joe-biden'),
      path: 'events[3].actors[2]',
      message: 'actor "joe-biden" is listed twice',
      rejected: 'events[3]',
    },
    {
      // Long actor lists are checked for repeats another way than short ones.
      rule: 'actor listed twice among more than eight',
      mutate: (d) => (nth(d.events, 3).actors = [...d.actors.slice(0, 12).map((a) => a.id), nth(d.actors, 5).id]),
      path: 'events[3].actors[12]',
      message: `is listed twice`,
      rejected: 'events[3]',
    },
    {
      rule: 'unknown memberOf',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'joe-biden')).memberOf = 'atlantis'),
      path: 'actors[7].memberOf',
      message: 'unknown actor "atlantis"',
      rejected: 'actors[7]',
    },
    {
      rule: 'memberOf on a state',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'north-korea')).memberOf = 'russia'),
      path: 'actors[3].memberOf',
      message: 'only people and organizations belong to a state; "north-korea" is a state',
      rejected: 'actors[3]',
    },
    {
      rule: 'memberOf on an alliance',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'nato')).memberOf = 'united-states'),
      path: 'actors[6].memberOf',
      message: '"nato" is an alliance',
      rejected: 'actors[6]',
    },
    {
      rule: 'memberOf pointing to a person',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'white-house')).memberOf = 'joe-biden'),
      path: 'actors[8].memberOf',
      message: '"joe-biden" is a person; memberOf must name a state or alliance',
      rejected: 'actors[8]',
    },
    {
      rule: 'memberOf pointing to an organization',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'joe-biden')).memberOf = 'white-house'),
      path: 'actors[7].memberOf',
      message: '"white-house" is an organization; memberOf must name a state or alliance',
      rejected: 'actors[7]',
    },
    {
      rule: 'unknown excerpt source',
      mutate: (d) => (nth(nth(d.events, 3).excerpts, 0).source = 'epoch-2024-11-19'),
      path: 'events[3].excerpts[0].source',
      message: 'unknown source "epoch-2024-11-19"',
      rejected: 'events[3]',
    },
    {
      rule: 'excerpt not verbatim',
      mutate: (d) => (nth(nth(d.events, 3).excerpts, 0).quote = 'Biden had always been opposed'),
      path: 'events[3].excerpts[0].quote',
      message: `not found verbatim in source "${SOURCE}"`,
      rejected: 'events[3]',
    },
    {
      rule: 'excerpt that differs in letter case (excerpts are verbatim, case included)',
      mutate: (d) => (nth(nth(d.events, 3).excerpts, 0).quote = 'biden had remained opposed'),
      path: 'events[3].excerpts[0].quote',
      message: `not found verbatim in source "${SOURCE}"`,
      rejected: 'events[3]',
    },
    {
      rule: 'excerpt split across two paragraphs',
      mutate: (d) => (nth(nth(d.events, 3).excerpts, 0).quote = 'with nuclear-armed Russia. Russian President Vladimir Putin'),
      path: 'events[3].excerpts[0].quote',
      message: 'not found verbatim',
      rejected: 'events[3]',
    },
    {
      rule: 'dateBasis.quote not found',
      mutate: (d) => (nth(d.events, 3).dateBasis.quote = 'in the summer of 2023'),
      path: 'events[3].dateBasis.quote',
      message: `not found in the event's source "${SOURCE}"; quote the words that fixed the date`,
      rejected: 'events[3]',
    },
    {
      rule: 'invalid EDTF (month 13)',
      mutate: (d) => (nth(d.events, 3).date = '2024-13'),
      path: 'events[3].date',
      message: 'not a valid EDTF date: "2024-13"',
      rejected: 'events[3]',
    },
    {
      rule: 'invalid EDTF (prose date)',
      mutate: (d) => (nth(d.events, 3).date = 'Nov. 17, 2024'),
      path: 'events[3].date',
      message: 'not a valid EDTF date: "Nov. 17, 2024"',
      rejected: 'events[3]',
    },
    {
      rule: 'interval that ends before it starts',
      mutate: (d) => (nth(d.events, 3).date = '2024-11-17/2022-02'),
      path: 'events[3].date',
      message: 'interval ends (2022-02) before it starts (2024-11-17)',
      rejected: 'events[3]',
    },
    {
      rule: 'open interval (open end)',
      mutate: (d) => (nth(d.events, 3).date = '2022-02/..'),
      path: 'events[3].date',
      message: 'open or unknown interval bounds are not supported: "2022-02/.."',
      rejected: 'events[3]',
    },
    {
      rule: 'open interval (unknown start)',
      mutate: (d) => (nth(d.events, 3).date = '/2024-11-17'),
      path: 'events[3].date',
      message: 'open or unknown interval bounds are not supported',
      rejected: 'events[3]',
    },
    {
      rule: 'season instead of a date',
      mutate: (d) => (nth(d.events, 3).date = '2024-21'),
      path: 'events[3].date',
      message: 'is an EDTF season, which a timeline cannot place',
      rejected: 'events[3]',
    },
    {
      rule: 'low-contrast actor colour (light theme)',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'ntd')).color.light = '#dddddd'),
      path: 'actors[17].color.light',
      message: `contrast ${contrastRatio('#dddddd', '#ffffff').toFixed(2)}:1 against the light background #ffffff is below 3:1`,
      rejected: 'actors[17]',
    },
    {
      rule: 'low-contrast actor colour (dark theme)',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'ntd')).color.dark = '#333333'),
      path: 'actors[17].color.dark',
      message: `contrast ${contrastRatio('#333333', '#15171b').toFixed(2)}:1 against the dark background #15171b is below 3:1`,
      rejected: 'actors[17]',
    },
    {
      rule: 'low contrast against the second light surface only',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'ntd')).color.light = '#949494'),
      path: 'actors[17].color.light',
      message: 'against the light background #f7f5f0 is below 3:1',
      rejected: 'actors[17]',
    },
    {
      rule: 'low contrast against the second dark surface only',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'ntd')).color.dark = '#646464'),
      path: 'actors[17].color.dark',
      message: 'against the dark background #1d2025 is below 3:1',
      rejected: 'actors[17]',
    },
    {
      rule: 'malformed colour',
      mutate: (d) => (nth(d.actors, indexOfActor(d, 'ntd')).color.dark = 'tan'),
      path: 'actors[17].color.dark',
      message: 'must be a colour like "#1f5fa8"',
      rejected: 'actors[17]',
    },
    {
      rule: 'event title too long',
      mutate: (d) => (nth(d.events, 3).title = 'x'.repeat(121)),
      path: 'events[3].title',
      message: 'must be at most 120 characters (a short title)',
      rejected: 'events[3]',
    },
    {
      rule: 'event without excerpts',
      mutate: (d) => (nth(d.events, 3).excerpts = []),
      path: 'events[3].excerpts',
      message: 'every event needs at least one verbatim excerpt from its source',
      rejected: 'events[3]',
    },
    {
      rule: 'event without actors',
      mutate: (d) => (nth(d.events, 3).actors = []),
      path: 'events[3].actors',
      message: 'an event needs at least one actor',
      rejected: 'events[3]',
    },
    {
      rule: 'source publication date that is not EDTF',
      mutate: (d) => (nth(d.sources, 0).published = '18 November 2024'),
      path: 'sources[0].published',
      message: 'not a valid EDTF date: "18 November 2024"',
      rejected: 'sources[0]',
    },
    {
      rule: 'source without paragraphs',
      mutate: (d) => (nth(d.sources, 0).paragraphs = []),
      path: 'sources[0].paragraphs',
      message: 'a source needs at least one paragraph',
      rejected: 'sources[0]',
    },
  ];

  for (const { rule, mutate, path, message, rejected } of cases) {
    it(`rejects ${rule}, reporting ${path}: ${message}`, () => {
      const result = validateMutated(mutate);
      expectProblem(result, path, message);
      expectRejected(result, rejected, path, message);
    });
  }

  it('names the problem in the form "path: message", as the spec example reads', () => {
    const result = validateMutated((d) => (nth(nth(d.events, 3).excerpts, 0).quote = 'Biden had always been opposed'));
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toContain(`events[3].excerpts[0].quote: not found verbatim in source "${SOURCE}"`);
  });

  it('rejects a dataset with no sources, with no usable dataset', () => {
    const result = validateMutated((d) => (d.sources = []));
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([{ path: 'sources', message: 'a dataset needs at least one source' }]);
  });

  it('returns no dataset when every source is rejected', () => {
    const result = validateMutated((d) => (nth(d.sources, 0).paragraphs = []));
    expect(result.dataset).toBeNull();
    expect(result.rejected.map((r) => r.path)).toContain('sources[0]');
  });

  it('rejects a top-level field the schema does not know', () => {
    const result = validateMutated((d) => (loose(d).author = 'someone'));
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([{ path: 'author', message: 'unknown field; check its spelling against the schema' }]);
  });

  it('rejects a dataset without a title', () => {
    const result = validateMutated((d) => delete loose(d).title);
    expect(result.dataset).toBeNull();
    expect(result.problems).toContainEqual({ path: 'title', message: 'is required' });
  });

  it('rejects a dataset whose events are not a list', () => {
    const result = validateMutated((d) => (loose(d).events = { one: 1 }));
    expect(result.dataset).toBeNull();
    expect(result.problems).toContainEqual({ path: 'events', message: 'must be an array, not an object' });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'kursk'],
    ['a number', 7],
  ])('says the top level must be an object when it is %s', (_, input) => {
    expect(validateDataset(input)).toEqual({
      dataset: null,
      problems: [{ path: '(root)', message: 'a dataset must be a JSON object with "title", "sources", "actors" and "events"' }],
      rejected: [],
    });
  });

  it('accepts a dataset with zero events: an empty timeline, no problems', () => {
    const result = validateMutated((d) => {
      d.events = [];
      delete d.view;
    });
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.dataset?.events).toEqual([]);
    expect(result.dataset?.actors.length).toBe(cloneBundled().actors.length);
  });

  it('says a reference to an actor rejected for its membership was rejected, not that it never existed', () => {
    const result = validateMutated((d) => (nth(d.actors, indexOfActor(d, 'white-house')).memberOf = 'joe-biden'));
    const i = indexOfEvent(cloneBundled(), 'white-house-declines-comment');
    expectProblem(result, `events[${i}].actors[0]`, 'unknown actor "white-house" (that actor was rejected; see its own problems)');
  });

  // Known bug (see report): actors rejected by the schema or colour check are missing from the
  // lookup that produces the "(that actor was rejected…)" hint, so references call them unknown.
  it('says a reference to an actor rejected for its colour was rejected, not that it is unknown', () => {
    const result = validateMutated((d) => (nth(d.actors, indexOfActor(d, 'ntd')).color.light = '#dddddd'));
    const i = indexOfEvent(cloneBundled(), 'strickland-backs-approval');
    expectProblem(result, `events[${i}].actors[1]`, 'unknown actor "ntd" (that actor was rejected; see its own problems)');
  });

  it('accepts a title of exactly 120 characters', () => {
    const result = validateMutated((d) => (nth(d.events, 3).title = 'x'.repeat(120)));
    expect(result.problems).toEqual([]);
  });
});

describe('validateDataset: verbatim matching tolerates what copying from a page changes', () => {
  const id = 'zelenskyy-says-missiles-will-speak';

  function mutateQuote(quote: (original: string) => string): ValidationResult {
    return validateMutated((d) => {
      const excerpt = nth(nth(d.events, indexOfEvent(d, id)).excerpts, 0);
      excerpt.quote = quote(excerpt.quote);
    });
  }

  it('passes an excerpt that differs only in white space (runs, newlines, tabs, ends)', () => {
    const result = mutateQuote((q) => `  ${q.replace(/ /g, '  \n\t')}\n`);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.eventsById.has(id)).toBe(true);
  });

  it('passes an excerpt with curly quotes where the source has straight ones', () => {
    const result = mutateQuote((q) => q.replace('"Strikes', '\u201CStrikes').replace('themselves."', 'themselves.\u201D'));
    expect(result.problems).toEqual([]);
  });

  it('passes an excerpt with a curly apostrophe where the source has a straight one', () => {
    const result = validateMutated((d) => {
      const excerpt = nth(nth(d.events, indexOfEvent(d, 'trump-campaign-no-response')).excerpts, 0);
      expect(excerpt.quote).toContain("hasn't");
      excerpt.quote = excerpt.quote.replace("hasn't", 'hasn\u2019t');
    });
    expect(result.problems).toEqual([]);
  });

  it('passes a straight-quoted excerpt against a source that uses curly quotes, and locates it in the source', () => {
    const result = validateMutated((d) => {
      const source = nth(d.sources, 0);
      const p = nth(source.paragraphs, 13);
      p.text = p.text.replace('"Strikes', '\u201CStrikes').replace('themselves."', 'themselves.\u201D');
    });
    expect(result.problems).toEqual([]);
    const event = result.dataset?.eventsById.get(id);
    const location = nth(event?.excerpts ?? [], 0);
    const paragraph = nth(nth(result.dataset?.sources ?? [], 0).paragraphs, location.paragraph).text;
    expect(normalizeForMatch(paragraph.slice(location.start, location.end)).text).toBe(normalizeForMatch(nth(event?.excerpts ?? [], 0).quote).text);
  });

  it('still rejects an excerpt that changes a word', () => {
    const result = mutateQuote((q) => q.replace('speak', 'talk'));
    expectProblem(result, `events[${indexOfEvent(cloneBundled(), id)}].excerpts[0].quote`, 'not found verbatim');
  });

  it('matches the dateBasis quote regardless of letter case', () => {
    const result = validateMutated((d) => (nth(d.events, indexOfEvent(d, id)).dateBasis.quote = 'ON SUNDAY'));
    expect(result.problems).toEqual([]);
  });

  it('finds dateBasis words in another paragraph of the source than the excerpt’s, in any case', () => {
    // Date words are looked for first in the excerpt's own paragraph, then in the whole source.
    const d = cloneBundled();
    const at = indexOfEvent(d, id);
    const quoted = validateDataset(d).dataset?.eventsById.get(id)?.excerpts[0]?.paragraph ?? -1;
    const paragraphs = nth(d.sources, 0).paragraphs;
    const elsewhere = paragraphs.findIndex((p, i) => i !== quoted && p.text.length > 40);
    const words = nth(paragraphs, elsewhere).text.slice(0, 30).trim();
    expect(paragraphs[quoted]?.text.toLowerCase().includes(words.toLowerCase())).toBe(false);
    nth(d.events, at).dateBasis.quote = words.toUpperCase();
    expect(validateDataset(d).problems).toEqual([]);
  });
});

describe('validateDataset: partial trust', () => {
  function accounting(d: DatasetRecord, result: ValidationResult) {
    const rejectedEvents = result.rejected.filter((r) => r.path.startsWith('events['));
    return { given: d.events.length, kept: result.dataset?.events.length ?? 0, rejected: rejectedEvents.length };
  }

  it('keeps the good events when one event is bad, and puts the bad one in rejected with its path and problems', () => {
    const d = cloneBundled();
    nth(nth(d.events, 3).excerpts, 0).quote = 'Biden had always been opposed';
    const result = validateDataset(d);
    const badId = nth(d.events, 3).id;
    expect(result.dataset?.events.map((e) => e.id).sort()).toEqual(d.events.map((e) => e.id).filter((e) => e !== badId).sort());
    expect(result.rejected).toEqual([
      {
        path: 'events[3]',
        label: nth(d.events, 3).title,
        problems: [{ path: 'events[3].excerpts[0].quote', message: `not found verbatim in source "${SOURCE}"` }],
      },
    ]);
    expect(result.problems).toEqual(nth(result.rejected, 0).problems);
  });

  it('accounts for every event when several are bad in different ways: kept + rejected = given', () => {
    const d = cloneBundled();
    delete loose(nth(d.events, 0)).title;
    nth(d.events, 5).actors.push('atlantis');
    nth(d.events, 9).date = '2023-02-30';
    nth(d.events, 12).dateBasis.quote = 'in the summer';
    loose(nth(d.events, 20)).extra = true;
    const result = validateDataset(d);
    expect(result.rejected.map((r) => r.path)).toEqual(['events[0]', 'events[5]', 'events[9]', 'events[12]', 'events[20]']);
    const { given, kept, rejected } = accounting(d, result);
    expect(kept + rejected).toBe(given);
    for (const item of result.rejected) {
      expect(item.problems.length).toBeGreaterThan(0);
      for (const problem of item.problems) expect(problem.path.startsWith(`${item.path}.`)).toBe(true);
    }
  });

  it('labels a rejected record by its title, else its name or id, else its path', () => {
    const d = cloneBundled();
    delete loose(nth(d.events, 1)).title;
    nth(d.events, 1).summary = '';
    nth(d.events, 2).summary = '';
    d.events.push('not an event' as unknown as DatasetRecord['events'][number]);
    const result = validateDataset(d);
    expect(find(result.rejected, (r) => r.path === 'events[1]').label).toBe(nth(d.events, 1).id);
    expect(find(result.rejected, (r) => r.path === 'events[2]').label).toBe(nth(d.events, 2).title);
    const last = `events[${d.events.length - 1}]`;
    expect(find(result.rejected, (r) => r.path === last).label).toBe(last);
  });

  // Known bug (see report): the duplicate is rejected, yet the event check has already pushed it into the dataset.
  it('keeps a duplicate event out of dataset.events once it is rejected (kept + rejected = given)', () => {
    const d = cloneBundled();
    nth(d.events, 4).id = nth(d.events, 3).id;
    const result = validateDataset(d);
    expect(result.rejected.map((r) => r.path)).toEqual(['events[4]']);
    const { given, kept, rejected } = accounting(d, result);
    expect(kept + rejected).toBe(given);
    expect(result.dataset?.events.filter((e) => e.id === nth(d.events, 3).id)).toHaveLength(1);
    expect(result.dataset?.eventsById.get(nth(d.events, 3).id)?.title).toBe(nth(d.events, 3).title);
  });

  it('keeps actors accounted for: kept + rejected = given', () => {
    const d = cloneBundled();
    nth(d.actors, indexOfActor(d, 'white-house')).memberOf = 'joe-biden';
    nth(d.actors, indexOfActor(d, 'ntd')).color.dark = '#333333';
    const result = validateDataset(d);
    const rejectedActors = result.rejected.filter((r) => r.path.startsWith('actors['));
    expect(rejectedActors.map((r) => r.path).sort()).toEqual(['actors[17]', 'actors[8]']);
    expect((result.dataset?.actors.length ?? 0) + rejectedActors.length).toBe(d.actors.length);
  });

  it('never throws, whatever JSON value it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateDataset(value);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 100, seed: 20241118 },
    );
  });

  it('never throws on a bundled dataset with a random field replaced by a random value', () => {
    const d = cloneBundled();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: d.events.length - 1 }), fc.constantFrom('id', 'title', 'date', 'actors', 'excerpts', 'dateBasis', 'attribution'), fc.jsonValue(), (i, key, value) => {
        const copy = structuredClone(d);
        loose(nth(copy.events, i))[key] = value;
        const result = validateDataset(copy);
        const kept = result.dataset?.events.length ?? 0;
        const rejected = result.rejected.filter((r) => r.path.startsWith('events[')).length;
        expect(kept + rejected).toBe(copy.events.length);
      }),
      { numRuns: 8, seed: 7 },
    );
  });
});

describe('validateDataset on the small standalone fixture', () => {
  it('accepts tests/fixtures/minimal-valid.json with its three events in time order', () => {
    const result = validateDataset(JSON.parse(readFixture('minimal-valid.json')));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['border-dispute', 'treaty-signed', 'pm-hails-treaty']);
    expect(result.dataset?.sources[0]?.paragraphs[0]?.kind).toBe('body');
  });
});

describe('validateDataset: the opening view', () => {
  it('keeps a valid opening window and event, parsed', () => {
    const result = validateMutated((d) => (d.view = { window: '2024-10-27/2024-11-21', event: 'ap-reports-authorization' }));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.view).toEqual({ window: '2024-10-27/2024-11-21', event: 'ap-reports-authorization' });
    expect(result.dataset?.openingWindow).toEqual({ start: Date.UTC(2024, 9, 27), end: Date.UTC(2024, 10, 22) });
  });

  it('reports an opening event that does not exist at view.event, and still opens the dataset', () => {
    const result = validateMutated((d) => (d.view = { window: '2024-10-27/2024-11-21', event: 'no-such-event' }));
    expect(result.problems).toEqual([{ path: 'view.event', message: expect.stringContaining('"no-such-event" is not the id of an event') }]);
    expect(result.dataset?.view).toEqual({ window: '2024-10-27/2024-11-21' });
    expect(result.dataset?.events.length).toBe(cloneBundled().events.length);
  });

  it('reports an opening window that is not a date interval at view.window', () => {
    const result = validateMutated((d) => (d.view = { window: 'soon' }));
    expect(result.problems.map((p) => p.path)).toEqual(['view.window']);
    expect(result.dataset?.view).toBeUndefined();
  });

  it('reports unknown fields of the opening view with their path', () => {
    const result = validateMutated((d) => (d.view = { zoom: 3 } as never));
    expect(result.problems.map((p) => p.path)).toEqual(['view.zoom']);
    expect(result.dataset).not.toBeNull();
  });
});
