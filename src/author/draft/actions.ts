import type { Actor, ActorKind } from '../../data/schema';
import { UniqueIds } from '../../data/import/shared';
import { findDatePhrases } from '../dates/findDatePhrases';
import { suggestDate } from '../dates/suggestDate';
import { joinParagraphs, splitParagraphs } from './paragraphs';
import type { Draft, DraftEvent, DraftExcerpt, DraftSource, Selection } from './model';

/** Characters of context kept on each side of a quotation, as Hypothesis and other annotators keep about as many. */
export const SELECTOR_CONTEXT = 32;

export interface SourceInput {
  text: string;
  published: string;
  outlet: string;
  author: string;
  title: string;
  url: string;
}

function uniqueId(wanted: string, fallback: string, taken: Iterable<string>): string {
  const ids = new UniqueIds();
  for (const id of taken) ids.take(id, id);
  return ids.take(wanted, fallback);
}

/** Adds a source; its id is made from the outlet and the dateline ("the-epoch-times-2024-11-18"). */
export function addSource(draft: Draft, input: SourceInput): { draft: Draft; sourceId: string } {
  const id = uniqueId(`${input.outlet} ${input.published}`, 'source', draft.sources.map((s) => s.id));
  const source: DraftSource = { id, title: input.title, outlet: input.outlet, author: input.author, url: input.url, published: input.published, paragraphs: splitParagraphs(input.text) };
  return { draft: { ...draft, title: draft.title || input.title, sources: [...draft.sources, source] }, sourceId: id };
}

export type SourcePatch = Partial<Omit<SourceInput, 'text'>> & { text?: string };

/** Edits a source. Excerpts keep their words: one the new text no longer contains is reported by the validator. */
export function editSource(draft: Draft, sourceId: string, patch: SourcePatch): Draft {
  return {
    ...draft,
    sources: draft.sources.map((s) => {
      if (s.id !== sourceId) return s;
      const { text, ...fields } = patch;
      return { ...s, ...fields, ...(text !== undefined ? { paragraphs: splitParagraphs(text) } : {}) };
    }),
  };
}

export const sourceText = (source: DraftSource) => joinParagraphs(source.paragraphs);

/** The selection with white space at its ends left out, or null when nothing but white space is selected. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The excerpt a selection captures, verbatim, with its position and a TextQuoteSelector; null if it selects nothing. */
export function captureExcerpt(source: DraftSource, selection: Selection): DraftExcerpt | null {
  const text = source.paragraphs[selection.paragraph];
  if (text === undefined) return null;
  const range = trimmed(text, selection.start, selection.end);
  if (!range) return null;
  // Context runs across paragraph breaks, as the selector's text is the whole source.
  const before = joinParagraphs(source.paragraphs.slice(0, selection.paragraph));
  const after = joinParagraphs(source.paragraphs.slice(selection.paragraph + 1));
  const whole = `${before}${before ? '\n\n' : ''}${text}${after ? '\n\n' : ''}${after}`;
  const offset = before.length + (before ? 2 : 0);
  const exact = text.slice(range.start, range.end);
  return {
    source: source.id,
    quote: exact,
    paragraph: selection.paragraph,
    ...range,
    selector: {
      type: 'TextQuoteSelector',
      exact,
      prefix: whole.slice(Math.max(0, offset + range.start - SELECTOR_CONTEXT), offset + range.start),
      suffix: whole.slice(offset + range.end, offset + range.end + SELECTOR_CONTEXT),
    },
  };
}

/**
 * A new event from a selected passage: the excerpt captured verbatim, and the passage's nearest date phrase
 * proposed as its date with the words and the explanation for its dateBasis. The author writes the rest.
 */
export function newEventFromSelection(draft: Draft, selection: Selection): { draft: Draft; key: string } | null {
  const source = draft.sources.find((s) => s.id === selection.sourceId);
  const excerpt = source && captureExcerpt(source, selection);
  if (!source || !excerpt) return null;
  const paragraph = source.paragraphs[excerpt.paragraph] as string;
  const suggestion = suggestDate(findDatePhrases(paragraph, source.published), excerpt.start, excerpt.end);
  const phrase = suggestion?.phrase;
  const key = `e${draft.nextKey}`;
  const event: DraftEvent = {
    key,
    id: '',
    title: '',
    summary: '',
    date: phrase?.reading.edtf ?? '',
    dateBasis: { quote: phrase?.text ?? '', explanation: phrase?.reading.explanation ?? '' },
    dateAlternatives: phrase?.alternatives ?? [],
    dateNeedsAuthor: phrase ? phrase.needsAuthor || !suggestion.inside : true,
    actors: [],
    attribution: { kind: 'publication', detail: source.outlet },
    excerpts: [excerpt],
    unverified: false,
  };
  return { draft: { ...draft, events: [...draft.events, event], nextKey: draft.nextKey + 1 }, key };
}

export type EventPatch = Partial<Pick<DraftEvent, 'title' | 'summary' | 'date' | 'actors'>> & {
  dateBasis?: Partial<DraftEvent['dateBasis']>;
  attribution?: Partial<DraftEvent['attribution']>;
};

const withEvent = (draft: Draft, key: string, change: (e: DraftEvent) => DraftEvent): Draft => ({
  ...draft,
  events: draft.events.map((e) => (e.key === key ? change(e) : e)),
});

export function editEvent(draft: Draft, key: string, patch: EventPatch): Draft {
  return withEvent(draft, key, (e) => ({
    ...e,
    ...patch,
    dateBasis: { ...e.dateBasis, ...patch.dateBasis },
    attribution: { ...e.attribution, ...patch.attribution },
  }));
}

/** Takes one of the other readings of the date phrase: its EDTF and its explanation together. */
export function chooseReading(draft: Draft, key: string, reading: { edtf: string; explanation: string }): Draft {
  return withEvent(draft, key, (e) => ({ ...e, date: reading.edtf, dateBasis: { ...e.dateBasis, explanation: reading.explanation } }));
}

/** Attaches another excerpt, from any source; an imported event so gains its first verified excerpt. */
export function addExcerpt(draft: Draft, key: string, selection: Selection): Draft | null {
  const source = draft.sources.find((s) => s.id === selection.sourceId);
  const excerpt = source && captureExcerpt(source, selection);
  if (!excerpt) return null;
  return withEvent(draft, key, (e) => ({ ...e, excerpts: [...e.excerpts, excerpt], unverified: false }));
}

export function removeExcerpt(draft: Draft, key: string, index: number): Draft {
  return withEvent(draft, key, (e) => ({ ...e, excerpts: e.excerpts.filter((_, i) => i !== index) }));
}

export function deleteEvent(draft: Draft, key: string): Draft {
  return { ...draft, events: draft.events.filter((e) => e.key !== key) };
}

export function setEventActor(draft: Draft, key: string, actorId: string, on: boolean): Draft {
  return withEvent(draft, key, (e) => ({ ...e, actors: on ? (e.actors.includes(actorId) ? e.actors : [...e.actors, actorId]) : e.actors.filter((a) => a !== actorId) }));
}

export interface ActorInput {
  name: string;
  kind: ActorKind;
  memberOf?: string;
  color: { light: string; dark: string };
}

/** Adds an actor (its id made from its name) and, when given, puts it on an event. */
export function createActor(draft: Draft, input: ActorInput, eventKey?: string): { draft: Draft; actorId: string } {
  const id = uniqueId(input.name, 'actor', draft.actors.map((a) => a.id));
  const member = input.kind === 'person' || input.kind === 'organization' ? input.memberOf : undefined;
  const actor: Actor = { id, name: input.name.trim(), kind: input.kind, ...(member ? { memberOf: member } : {}), color: input.color };
  const next = { ...draft, actors: [...draft.actors, actor] };
  return { draft: eventKey ? setEventActor(next, eventKey, id, true) : next, actorId: id };
}

export function setTitle(draft: Draft, title: string): Draft {
  return { ...draft, title };
}
