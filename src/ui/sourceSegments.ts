import type { ExcerptLocation, PlacedExcerpt } from '../data/model';
import { finish, finishInSlices, STEP_MASK, type Steps } from '../timeline/core/steps';

export interface TextSegment {
  text: string;
  /** Events whose excerpts cover this stretch, in the order their excerpts were given; empty for plain text. */
  events: string[];
}

export interface LocatedExcerpt extends ExcerptLocation {
  eventId: string;
}

const located = ({ source, paragraph, start, end }: PlacedExcerpt, eventId: string): LocatedExcerpt => ({ sourceId: source, paragraph, start, end, eventId });

/**
 * Excerpt locations grouped by source and paragraph, for the source panel; with `only`, just those of the
 * paragraphs it keeps (a large dataset's panel shows a few paragraphs of thousands).
 */
export function excerptsByParagraph(
  events: readonly ExcerptedEvent[],
  only?: ReadonlyMap<string, ReadonlySet<number>>,
): Map<string, LocatedExcerpt[]> {
  const map = new Map<string, LocatedExcerpt[]>();
  for (const event of events) {
    for (const excerpt of event.excerpts) {
      if (only && !only.get(excerpt.source)?.has(excerpt.paragraph)) continue;
      const key = `${excerpt.source}:${excerpt.paragraph}`;
      const list = map.get(key) ?? [];
      list.push(located(excerpt, event.id));
      map.set(key, list);
    }
  }
  return map;
}

interface ExcerptedEvent {
  id: string;
  excerpts: readonly PlacedExcerpt[];
}

/**
 * Which events quote each paragraph, made in one pass over the events and kept (compactly, in typed
 * arrays), so that the few paragraphs a large dataset's panel shows around each new selection are found
 * without passing over a million events again.
 */
export interface ParagraphExcerpts {
  /** excerptsByParagraph(events, only), without a pass over the events. */
  only(shown: ReadonlyMap<string, ReadonlySet<number>>): Map<string, LocatedExcerpt[]>;
}

const indexes = new WeakMap<readonly ExcerptedEvent[], ParagraphExcerpts>();

interface ExcerptedDataset {
  events: readonly ExcerptedEvent[];
  sources: readonly { id: string; paragraphs: readonly unknown[] }[];
}

/** The paragraph index of a dataset's events (made on first use, then remembered for those events). */
export function paragraphExcerpts(dataset: ExcerptedDataset): ParagraphExcerpts {
  return indexes.get(dataset.events) ?? remember(dataset.events, finish(paragraphExcerptSteps(dataset.events, dataset.sources)));
}

/** Makes the paragraph index a slice at a time (a million events' excerpts take a while), ahead of its first use. */
export async function prepareParagraphExcerpts(dataset: ExcerptedDataset, signal: AbortSignal): Promise<void> {
  if (indexes.has(dataset.events)) return;
  const index = await finishInSlices(paragraphExcerptSteps(dataset.events, dataset.sources), signal);
  if (index) remember(dataset.events, index);
}

function remember(events: readonly ExcerptedEvent[], index: ParagraphExcerpts): ParagraphExcerpts {
  indexes.set(events, index);
  return index;
}

function* paragraphExcerptSteps(events: readonly ExcerptedEvent[], sources: readonly { id: string; paragraphs: readonly unknown[] }[]): Steps<ParagraphExcerpts> {
  // Every paragraph of every source has a number (its source's first number plus its own); every excerpt is
  // listed under its paragraph's number by a counting sort, in the order of the events and of their
  // excerpts, as excerptsByParagraph lists them.
  const firstOf = new Map<string, { first: number; count: number }>();
  let paragraphs = 0;
  for (const source of sources) {
    firstOf.set(source.id, { first: paragraphs, count: source.paragraphs.length });
    paragraphs += source.paragraphs.length;
  }
  const numberOf = (sourceId: string, paragraph: number) => {
    const at = firstOf.get(sourceId);
    return at && paragraph >= 0 && paragraph < at.count ? at.first + paragraph : undefined;
  };
  const paragraphOf: number[] = [];
  const eventOf: number[] = [];
  const excerptOf: number[] = [];
  for (let e = 0; e < events.length; e++) {
    if ((e & STEP_MASK) === 0) yield;
    const excerpts = (events[e] as ExcerptedEvent).excerpts;
    for (let x = 0; x < excerpts.length; x++) {
      const excerpt = excerpts[x] as PlacedExcerpt;
      const number = numberOf(excerpt.source, excerpt.paragraph);
      if (number === undefined) continue;
      paragraphOf.push(number);
      eventOf.push(e);
      excerptOf.push(x);
    }
  }
  yield;
  const starts = new Int32Array(paragraphs + 1);
  for (const number of paragraphOf) starts[number + 1] = (starts[number + 1] ?? 0) + 1;
  for (let n = 0; n < paragraphs; n++) starts[n + 1] = (starts[n + 1] ?? 0) + (starts[n] ?? 0);
  const next = starts.slice(0, paragraphs);
  const sortedEvent = new Int32Array(eventOf.length);
  const sortedExcerpt = new Int32Array(eventOf.length);
  for (let i = 0; i < paragraphOf.length; i++) {
    if ((i & STEP_MASK) === 0) yield;
    const number = paragraphOf[i] as number;
    const at = next[number] ?? 0;
    next[number] = at + 1;
    sortedEvent[at] = eventOf[i] ?? 0;
    sortedExcerpt[at] = excerptOf[i] ?? 0;
  }
  return {
    only(shown) {
      const map = new Map<string, LocatedExcerpt[]>();
      for (const [sourceId, kept] of shown) {
        for (const paragraph of kept) {
          const number = numberOf(sourceId, paragraph);
          if (number === undefined) continue;
          const list: LocatedExcerpt[] = [];
          for (let at = starts[number] ?? 0; at < (starts[number + 1] ?? 0); at++) {
            const event = events[sortedEvent[at] ?? 0] as ExcerptedEvent;
            list.push(located(event.excerpts[sortedExcerpt[at] ?? 0] as PlacedExcerpt, event.id));
          }
          if (list.length > 0) map.set(`${sourceId}:${paragraph}`, list);
        }
      }
      return map;
    },
  };
}

/** Splits a paragraph at every excerpt boundary, so overlapping excerpts of different events both stay visible. */
export function segmentParagraph(text: string, excerpts: readonly LocatedExcerpt[]): TextSegment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const e of excerpts) {
    cuts.add(Math.max(0, Math.min(e.start, text.length)));
    cuts.add(Math.max(0, Math.min(e.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    if (to <= from) continue;
    const events = [...new Set(excerpts.filter((e) => e.start <= from && e.end >= to).map((e) => e.eventId))];
    const previous = segments[segments.length - 1];
    if (previous && previous.events.join() === events.join()) previous.text += text.slice(from, to);
    else segments.push({ text: text.slice(from, to), events });
  }
  return segments;
}
