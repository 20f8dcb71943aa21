import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addExcerpt, addSource, captureExcerpt, chooseReading, createActor, deleteEvent, editEvent, editSource, newEventFromSelection, setEventActor, type SourceInput } from '../../../src/author/draft/actions';
import { canRedo, canUndo, commit, redo, startHistory, undo } from '../../../src/author/draft/history';
import { EMPTY_DRAFT, type Draft, type Selection } from '../../../src/author/draft/model';
import { checkDraft, draftToDataset, draftToJson } from '../../../src/author/draft/serialize';
import { draftFromRecord, draftFromText } from '../../../src/author/draft/fromDataset';
import { splitParagraphs } from '../../../src/author/draft/paragraphs';
import { describeClaim } from '../../../src/author/dates/describeClaim';
import { authorText } from '../../../src/author/i18n/useAuthorText';
import { ENGLISH } from '../../../src/i18n';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { formatProblem } from '../../../src/data/problems';

const ARTICLE = [
  'Anonymous officials said the decision was made.',
  'Ukrainian President Volodymyr Zelenskyy said on Sunday in response to the reports that, "The missiles will speak for themselves."',
  'Zelenskyy also told Ukrainian media on Friday that Kyiv hopes to end the war next year.',
].join('\n\n');

const SOURCE: SourceInput = { text: ARTICLE, published: '2024-11-18', outlet: 'The Epoch Times', author: 'Melanie Sun', title: 'Biden Allows Ukraine', url: 'https://example.org/a' };

function withSource(): { draft: Draft; sourceId: string } {
  return addSource(EMPTY_DRAFT, SOURCE);
}

/** The selection of `words` in paragraph `paragraph` of the draft's first source. */
function select(draft: Draft, paragraph: number, words: string): Selection {
  const source = draft.sources[0] as Draft['sources'][number];
  const start = (source.paragraphs[paragraph] as string).indexOf(words);
  expect(start, `"${words}" is in paragraph ${paragraph}`).toBeGreaterThanOrEqual(0);
  return { sourceId: source.id, paragraph, start, end: start + words.length };
}

function newEvent(draft: Draft, paragraph: number, words: string) {
  const made = newEventFromSelection(draft, select(draft, paragraph, words));
  if (!made) throw new Error('no event made');
  return made;
}

describe('sources', () => {
  it('keeps paragraphs of pasted text and names the source by outlet and dateline', () => {
    const { draft, sourceId } = withSource();
    expect(sourceId).toBe('the-epoch-times-2024-11-18');
    expect(draft.sources[0]?.paragraphs).toHaveLength(3);
    expect(draft.title).toBe('Biden Allows Ukraine');
  });

  it('reads one paragraph per line when the text has no blank lines, and joins wrapped lines otherwise', () => {
    expect(splitParagraphs('One.\nTwo.\r\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
    expect(splitParagraphs('A wrapped\nline.\n\n  Next one. ')).toEqual(['A wrapped line.', 'Next one.']);
  });

  it('gives a second source from the same outlet and day its own id', () => {
    const { draft } = withSource();
    expect(addSource(draft, SOURCE).sourceId).toBe('the-epoch-times-2024-11-18-2');
  });

  it('edits fields and text of a source without touching the others', () => {
    const { draft, sourceId } = withSource();
    const edited = editSource(draft, sourceId, { outlet: 'Epoch', text: 'One.\n\nTwo.' });
    expect(edited.sources[0]).toMatchObject({ outlet: 'Epoch', paragraphs: ['One.', 'Two.'], published: '2024-11-18' });
  });
});

describe('new event from selection', () => {
  it('captures the excerpt verbatim with its position and a TextQuoteSelector', () => {
    const { draft } = withSource();
    const { draft: next, key } = newEvent(draft, 1, 'said on Sunday in response to the reports');
    const event = next.events.find((e) => e.key === key);
    const excerpt = event?.excerpts[0];
    expect(excerpt).toMatchObject({ source: 'the-epoch-times-2024-11-18', quote: 'said on Sunday in response to the reports', paragraph: 1, start: 40, end: 81 });
    expect(excerpt?.selector).toEqual({
      type: 'TextQuoteSelector',
      exact: 'said on Sunday in response to the reports',
      prefix: 'Ukrainian President Volodymyr Zelenskyy '.slice(-32),
      suffix: ' that, "The missiles will speak for themselves."'.slice(0, 32),
    });
  });

  it('runs the selector context across paragraph breaks', () => {
    const { draft } = withSource();
    const { draft: next } = newEvent(draft, 1, 'Ukrainian President');
    expect(next.events[0]?.excerpts[0]?.selector.prefix).toBe('cials said the decision was made.\n\n'.slice(-32));
  });

  it('leaves white space at the ends of a selection out of the excerpt', () => {
    const { draft, sourceId } = withSource();
    const made = newEventFromSelection(draft, { sourceId, paragraph: 0, start: 9, end: 24 });
    expect(made?.draft.events[0]?.excerpts[0]?.quote).toBe('officials said');
  });

  it('makes nothing from a selection of white space or outside the source', () => {
    const { draft, sourceId } = withSource();
    expect(newEventFromSelection(draft, { sourceId, paragraph: 0, start: 9, end: 10 })).toBeNull();
    expect(newEventFromSelection(draft, { sourceId, paragraph: 9, start: 0, end: 5 })).toBeNull();
    expect(newEventFromSelection(draft, { sourceId: 'nope', paragraph: 0, start: 0, end: 5 })).toBeNull();
  });

  it('proposes the date phrase of the passage with its words and explanation', () => {
    const { draft } = withSource();
    const event = newEvent(draft, 2, 'told Ukrainian media on Friday that Kyiv hopes').draft.events[0];
    expect(event).toMatchObject({
      date: '2024-11-15',
      dateBasis: { quote: 'on Friday', explanation: 'The article was published on Monday 2024-11-18; the preceding Friday is 2024-11-15.' },
      dateNeedsAuthor: false,
    });
  });

  it('marks a date taken from outside the passage as needing the author', () => {
    const { draft } = withSource();
    const event = newEvent(draft, 1, 'The missiles will speak for themselves.').draft.events[0];
    expect(event?.date).toBe('2024-11-17');
    expect(event?.dateNeedsAuthor).toBe(true);
  });

  it('leaves the date empty when the passage and its paragraph have no date phrase', () => {
    const { draft } = withSource();
    expect(newEvent(draft, 0, 'the decision was made').draft.events[0]).toMatchObject({ date: '', dateBasis: { quote: '', explanation: '' }, dateNeedsAuthor: true });
  });
});

describe('editing events and actors', () => {
  it('edits fields of one event and takes an alternative reading with its explanation', () => {
    const { draft } = withSource();
    const { draft: d1, key } = newEvent(draft, 2, 'next year');
    const d2 = editEvent(d1, key, { title: 'Hope', attribution: { kind: 'on-record' } });
    expect(d2.events[0]).toMatchObject({ title: 'Hope', attribution: { kind: 'on-record', detail: 'The Epoch Times' }, date: '2025' });
    const d3 = chooseReading(d2, key, { edtf: '2025~', explanation: 'about' });
    expect(d3.events[0]).toMatchObject({ date: '2025~', dateBasis: { quote: 'next year', explanation: 'about' } });
    expect(deleteEvent(d3, key).events).toEqual([]);
  });

  it('creates an actor with an id from its name, belonging to a state only when it is a person or organization', () => {
    const { draft } = withSource();
    const color = { light: '#2f5f9e', dark: '#7fa8e0' };
    const state = createActor(draft, { name: 'Ukraine', kind: 'state', memberOf: 'x', color });
    expect(state.draft.actors[0]).toEqual({ id: 'ukraine', name: 'Ukraine', kind: 'state', color });
    const { draft: d1, key } = newEvent(state.draft, 1, 'said on Sunday');
    const person = createActor(d1, { name: 'Volodymyr Zelenskyy', kind: 'person', memberOf: 'ukraine', color }, key);
    expect(person.actorId).toBe('volodymyr-zelenskyy');
    expect(person.draft.events[0]?.actors).toEqual(['volodymyr-zelenskyy']);
    expect(setEventActor(person.draft, key, 'ukraine', true).events[0]?.actors).toEqual(['volodymyr-zelenskyy', 'ukraine']);
    expect(setEventActor(person.draft, key, 'volodymyr-zelenskyy', false).events[0]?.actors).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes changes, one step per field however many keystrokes', () => {
    const { draft } = withSource();
    const { draft: d1, key } = newEvent(draft, 2, 'on Friday');
    let h = commit(startHistory(EMPTY_DRAFT), draft);
    h = commit(h, d1);
    h = commit(h, editEvent(h.present, key, { title: 'H' }), `title:${key}`);
    h = commit(h, editEvent(h.present, key, { title: 'Ho' }), `title:${key}`);
    h = commit(h, editEvent(h.present, key, { title: 'Hop' }), `title:${key}`);
    expect(h.present.events[0]?.title).toBe('Hop');
    h = undo(h);
    expect(h.present.events[0]?.title).toBe('');
    h = undo(h);
    expect(h.present.events).toEqual([]);
    expect(canRedo(h)).toBe(true);
    h = redo(redo(h));
    expect(h.present.events[0]?.title).toBe('Hop');
    expect(canRedo(h)).toBe(false);
    h = undo(undo(undo(h)));
    expect(h.present).toBe(EMPTY_DRAFT);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
  });

  it('does not record a change that changes nothing, and a new change clears redo', () => {
    const h = commit(startHistory(EMPTY_DRAFT), withSource().draft);
    expect(commit(h, h.present)).toBe(h);
    const branched = commit(undo(h), setTitleDraft(EMPTY_DRAFT));
    expect(canRedo(branched)).toBe(false);
  });
});

const setTitleDraft = (d: Draft): Draft => ({ ...d, title: 'Other' });

describe('the draft as a dataset', () => {
  function complete(): Draft {
    const { draft } = withSource();
    const { draft: d1, key } = newEvent(draft, 1, 'Zelenskyy said on Sunday in response to the reports');
    const color = { light: '#2f5f9e', dark: '#7fa8e0' };
    const { draft: d2 } = createActor(d1, { name: 'Volodymyr Zelenskyy', kind: 'person', color }, key);
    return editEvent(d2, key, { title: 'Zelenskyy: the missiles will speak', summary: 'He answered the reports.', attribution: { kind: 'on-record', detail: 'Zelenskyy' } });
  }

  it('writes a complete draft as a dataset the validator accepts', () => {
    const result = checkDraft(complete());
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events[0]).toMatchObject({ id: 'zelenskyy-the-missiles-will-speak', date: '2024-11-17', dateBasis: { quote: 'on Sunday' } });
  });

  it('reports what is missing with the same messages and JSON paths as npm run validate', async () => {
    const draft = editEvent(complete(), 'e1', { title: '', actors: [] });
    const live = checkDraft(draft).problems.map(formatProblem);
    const cli = (await loadDatasetFromText(draftToJson(draft))).problems.map(formatProblem);
    expect(live).toEqual(cli);
    // A draft whose only event is unusable is said so first, as for any dataset with no usable event.
    expect(live).toEqual(['events: the only event is not usable; its problems follow', 'events[0].title: must not be empty', 'events[0].actors: an event needs at least one actor']);
  });

  it('reports an excerpt that an edited source no longer contains', () => {
    const draft = complete();
    const edited = editSource(draft, draft.sources[0]?.id ?? '', { text: 'Nothing of it remains.' });
    expect(checkDraft(edited).problems.map(formatProblem)).toContain('events[0].excerpts[0].quote: not found verbatim in source "the-epoch-times-2024-11-18"');
  });

  it('keeps the bundled dataset whole through opening and writing out', () => {
    const original = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as { events: { id: string; date: string; excerpts: unknown[] }[] };
    const draft = draftFromRecord(original);
    expect(draft.events.every((e) => e.excerpts.every((x) => x.paragraph >= 0))).toBe(true);
    const written = draftToDataset(draft);
    expect(checkDraft(draft).problems).toEqual([]);
    expect(written.events.map((e) => [e.id, e.date, e.excerpts])).toEqual(original.events.map((e) => [e.id, e.date, e.excerpts]));
  });

  it('opens a TimelineJS file with its events marked unverified until an excerpt is attached', async () => {
    const opened = await draftFromText(readFileSync('data/roman-republic.timelinejs.json', 'utf8'), 'roman.json');
    if (!opened.ok) throw new Error('not opened');
    expect(opened.draft.origin?.format).toBe('timelinejs-json');
    const bare = opened.draft.events.find((e) => e.unverified);
    expect(bare).toBeDefined();
    expect(checkDraft(opened.draft).dataset?.events.length).toBe(opened.draft.events.length);
    const { draft: withOurs, sourceId } = addSource(opened.draft, SOURCE);
    const attached = addExcerpt(withOurs, bare?.key ?? '', { sourceId, paragraph: 0, start: 0, end: 9 });
    expect(attached?.events.find((e) => e.key === bare?.key)).toMatchObject({ unverified: false, excerpts: [{ quote: 'Anonymous' }] });
  });

  it('says why a file cannot be opened', async () => {
    const opened = await draftFromText('{"title": ', 'broken.json');
    expect(opened.ok).toBe(false);
    expect(opened.problems[0]?.message).toMatch(/JSON/);
  });

  it('keeps an excerpt it cannot find in its source, for the validator to report', () => {
    const draft = draftFromRecord({ title: 't', sources: [{ id: 's', title: 't', outlet: 'o', published: '2024-01-01', paragraphs: [{ text: 'abc' }] }], actors: [], events: [{ excerpts: [{ source: 's', quote: 'zzz' }] }] });
    expect(draft.events[0]?.excerpts[0]).toMatchObject({ quote: 'zzz', paragraph: -1 });
  });

  it('captures nothing for a paragraph that does not exist', () => {
    const { draft } = withSource();
    expect(captureExcerpt(draft.sources[0] as Draft['sources'][number], { sourceId: 'x', paragraph: 5, start: 0, end: 1 })).toBeNull();
  });
});

describe('event ids', () => {
  it('keeps the ids of opened events and makes new ones from titles, each once', () => {
    const opened = draftFromRecord({ title: 't', sources: [], actors: [], events: [{ id: 'talks', title: 'Talks' }] });
    const { draft } = addSource(opened, SOURCE);
    const { draft: d1, key } = newEvent(draft, 0, 'officials');
    const named = editEvent(d1, key, { title: 'Talks' });
    expect(draftToDataset(named).events.map((e) => e.id)).toEqual(['talks', 'talks-2']);
  });
});

describe('what a date claims', () => {
  const t = authorText(ENGLISH);
  it.each([
    ['2024-11-17', 'Claims a day: Nov 17, 2024.'],
    ['2022-02', 'Claims a month: February 2022.'],
    ['2023', 'Claims a year: 2023.'],
    ['2022-02/2024-11-18', 'Claims only a span: from February 2022 to Nov 18, 2024.'],
    ['2024-10-28~', 'Claims a day: Oct 28, 2024. Marked approximate or uncertain.'],
    ['Sunday', 'Not a date the timeline can place yet.'],
    ['', 'Not a date the timeline can place yet.'],
  ])('%j: %s', (edtf, words) => {
    expect(describeClaim(edtf, t, ENGLISH)).toBe(words);
  });
});
