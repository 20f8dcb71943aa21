import type { Dataset, DatasetRecord, DatasetSource, PlacedExcerpt, TimelineEvent } from '../data/model';
import type { ImportedDatasetRecord } from '../data/schema';
import { finish, STEP_MASK } from '../timeline/core/steps';
import type { OnProgress } from './csv';

/** Our own format, or an imported dataset (with its `origin`) whose looser rules travel with it. */
export type ExportedDataset = DatasetRecord | ImportedDatasetRecord;

/** A shallow copy without the given keys: what the app derived goes, everything authored stays. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy: Record<string, unknown> = {};
  // A loop, not Object.entries: a million events would make a million arrays of pairs to throw away.
  for (const key in value) if (!(keys as readonly PropertyKey[]).includes(key)) copy[key] = value[key];
  return copy as Omit<T, K>;
}

const DERIVED_SOURCE_FIELDS = ['publishedDate'] as const satisfies readonly (keyof DatasetSource)[];
const DERIVED_EVENT_FIELDS = ['when', 'textLang'] as const satisfies readonly (keyof TimelineEvent)[];
const DERIVED_EXCERPT_FIELDS = ['paragraph', 'start', 'end'] as const satisfies readonly (keyof PlacedExcerpt)[];

/** An event as authored: without what checking added to it and to each of its excerpts (their places). */
function authoredEvent(event: TimelineEvent) {
  // Spread over the record, `excerpts` keeps its place among the event's fields.
  return { ...without(event, DERIVED_EVENT_FIELDS), excerpts: event.excerpts.map((excerpt) => without(excerpt, DERIVED_EXCERPT_FIELDS)) };
}
const DERIVED_DATASET_FIELDS = ['sourcesById', 'actorsById', 'eventsById', 'textLang', 'openingWindow'] as const satisfies readonly (keyof Dataset)[];

/**
 * A dataset in our own format holding just these events, the sources their excerpts quote and the
 * actors they name (with the states or alliances those actors are members of). Fields of the dataset
 * and its records that the app does not derive are carried through unchanged, so fields added to the
 * format later travel without changes here.
 */
export function datasetWithEvents(dataset: Dataset, events: readonly TimelineEvent[]): ExportedDataset {
  const { events: lazyEvents, ...parts } = finish(exportParts(dataset, events));
  return { ...parts, events: lazyEvents.items.map(lazyEvents.map) } as ExportedDataset;
}

/** A list written item by item: what a large export must not build as one value or one string. */
interface LazyList<T> {
  items: readonly T[];
  map: (item: T) => unknown;
}

const isLazyList = (value: unknown): value is LazyList<unknown> =>
  typeof value === 'object' && value !== null && 'items' in value && Array.isArray(value.items) && 'map' in value && typeof value.map === 'function';

/** What an export holds, gathered in steps (see steps.ts): at a million events this pass alone takes a while. */
function* exportParts(dataset: Dataset, events: readonly TimelineEvent[]) {
  const openingEvent = dataset.view?.event;
  // Loops rather than flatMap: at a million events the intermediate arrays alone are large.
  const sourceIds = new Set<string>();
  const actorIds = new Set<string>();
  let hasOpening = false;
  for (let i = 0; i < events.length; i++) {
    if ((i & STEP_MASK) === 0) yield;
    const event = events[i] as TimelineEvent;
    for (const excerpt of event.excerpts) sourceIds.add(excerpt.source);
    for (const actor of event.actors) actorIds.add(actor);
    if (event.id === openingEvent) hasOpening = true;
  }
  // memberOf can chain (a person in an organization in a state): follow it until nothing is added.
  const pending = [...actorIds];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const parent = dataset.actorsById.get(id)?.memberOf;
    if (parent && !actorIds.has(parent)) {
      actorIds.add(parent);
      pending.push(parent);
    }
  }
  // The records are written below, after the dataset's own fields, in the same order by every writer.
  const { periods, view, ...rest } = without(dataset, [...DERIVED_DATASET_FIELDS, 'sources', 'actors', 'events']);
  // The opening event travels only with its event; the opening window always fits the story.
  const openingRest = without(view ?? {}, ['event']);
  const opening = openingEvent !== undefined && hasOpening ? { ...openingRest, event: openingEvent } : openingRest;
  // Which of the two formats this is follows from `origin`, carried through from the dataset.
  return {
    ...rest,
    ...(Object.keys(opening).length > 0 ? { view: opening } : {}),
    ...(periods ? { periods: periods.map((p) => without(p, ['when'])) } : {}),
    sources: dataset.sources.filter((s) => sourceIds.has(s.id)).map((s) => without(s, DERIVED_SOURCE_FIELDS)),
    actors: dataset.actors.filter((a) => actorIds.has(a.id)),
    events: { items: events, map: authoredEvent } satisfies LazyList<TimelineEvent>,
  };
}

const MAX_ITEMS_PER_PIECE = 250;

/** `JSON.stringify(value, null, 2)` of a value nested `depth` levels deep. */
const indented = (value: unknown, depth: number) => (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${'  '.repeat(depth)}`);

const LIST_HEAD = '{\n  "x": ['.length;
const LIST_TAIL = '\n  ]\n}'.length;

/**
 * Items of a list that is a field of the top-level object, each on its own line and indented as
 * `JSON.stringify(dataset, null, 2)` places them, joined by commas: the same text as indenting each
 * item's own JSON, but made in one call, without a second copy of every line.
 */
const listItems = (items: readonly unknown[]) => {
  const text = JSON.stringify({ x: items }, null, 2);
  return text.slice(LIST_HEAD, text.length - LIST_TAIL);
};

/**
 * The same text as `JSON.stringify(datasetWithEvents(…), null, 2)`, in pieces of a few thousand records,
 * so that no single string (nor one copy of every event) holds a million events.
 */
export function* datasetJsonChunks(dataset: Dataset, events: readonly TimelineEvent[], onProgress?: OnProgress): Generator<string> {
  // Each step of gathering is an empty piece, a chance for the writer (blobParts) to pause.
  const parts = exportParts(dataset, events);
  let step = parts.next();
  for (; !step.done; step = parts.next()) yield '';
  yield* recordJsonChunks(step.value, onProgress);
}

/** A list among a record's fields: an array, or the lazily mapped `events`. */
const listOf = (value: unknown): LazyList<unknown> | null => (Array.isArray(value) ? { items: value, map: (x) => x } : isLazyList(value) ? value : null);

/** Items looked at to guess how long a list's JSON is. */
const SAMPLES = 16;

/** How long the JSON of a list's item is, on average over a few spread through it (the first, a story's own source, can be short). */
const itemLength = (list: LazyList<unknown>) => {
  const { items } = list;
  if (items.length === 0) return 0;
  let chars = 0;
  const step = Math.max(1, Math.floor(items.length / SAMPLES));
  let count = 0;
  for (let i = 0; i < items.length && count < SAMPLES; i += step, count++) chars += JSON.stringify(list.map(items[i]))?.length ?? 4;
  return chars / count;
};

/** A piece of a list holds about this many characters: a source of a generated million-event set is 15 KB, an event 0.5 KB. */
const PIECE_CHARS = 64 * 1024;

/** How many items make a piece of about PIECE_CHARS, when `count` of them made `chars` characters. */
const itemsFor = (chars: number, count: number) => Math.max(1, Math.min(MAX_ITEMS_PER_PIECE, Math.floor((PIECE_CHARS * count) / Math.max(1, chars))));

/**
 * `JSON.stringify(record, null, 2)` and a line break, in pieces: each list among its fields (an array, or
 * the lazily mapped `events`) a few hundred items at a time. The progress told is the share of the text
 * written, of an estimate made from a few items of each list.
 */
export function* recordJsonChunks(record: object, onProgress?: OnProgress): Generator<string> {
  const fields = Object.entries(record).filter(([, value]) => value !== undefined);
  const lengths = new Map<string, number>();
  let estimate = 0;
  for (const [key, value] of fields) {
    const list = listOf(value);
    if (list) lengths.set(key, itemLength(list));
    estimate += list ? (lengths.get(key) ?? 0) * list.items.length : indented(value, 1).length;
  }
  let written = 0;
  const piece = (text: string) => {
    written += text.length;
    onProgress?.(Math.min(0.99, written / Math.max(1, estimate)));
    return text;
  };
  yield '{';
  for (const [i, [key, value]] of fields.entries()) {
    const head = `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    const list = listOf(value);
    if (!list) {
      yield piece(head + indented(value, 1));
    } else if (list.items.length === 0) {
      yield `${head}[]`;
    } else {
      yield `${head}[`;
      // Items vary (the story's source is short, a generated one long): each piece's count follows the last one's length.
      let perPiece = itemsFor(lengths.get(key) ?? 0, 1);
      for (let from = 0; from < list.items.length; ) {
        const text = listItems(list.items.slice(from, from + perPiece).map(list.map));
        yield piece((from === 0 ? '' : ',') + text);
        from += perPiece;
        perPiece = itemsFor(text.length, perPiece);
      }
      yield '\n  ]';
    }
  }
  onProgress?.(1);
  yield fields.length === 0 ? '}\n' : '\n}\n';
}

/** The dataset as JSON text in one string (for small sets and tests; files are made from datasetJsonChunks). */
export function datasetToJson(dataset: Dataset, events: readonly TimelineEvent[]): string {
  return [...datasetJsonChunks(dataset, events)].join('');
}
