import type { ExcerptLocation } from '../data/model';

export interface TextSegment {
  text: string;
  /** Events whose excerpts cover this stretch, in the order their excerpts were given; empty for plain text. */
  events: string[];
}

export interface LocatedExcerpt extends ExcerptLocation {
  eventId: string;
}

/**
 * Excerpt locations grouped by source and paragraph, for the source panel; with `only`, just those of the
 * paragraphs it keeps (a large dataset's panel shows a few paragraphs of thousands).
 */
export function excerptsByParagraph(
  events: readonly { id: string; excerptLocations: readonly ExcerptLocation[] }[],
  only?: ReadonlyMap<string, ReadonlySet<number>>,
): Map<string, LocatedExcerpt[]> {
  const map = new Map<string, LocatedExcerpt[]>();
  for (const event of events) {
    for (const location of event.excerptLocations) {
      if (only && !only.get(location.sourceId)?.has(location.paragraph)) continue;
      const key = `${location.sourceId}:${location.paragraph}`;
      const list = map.get(key) ?? [];
      list.push({ ...location, eventId: event.id });
      map.set(key, list);
    }
  }
  return map;
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
