import type { Actor, DatasetOrigin, DatasetRecord, Excerpt, ImportedEventRecord, ImportedSource, OpeningViewRecord, PeriodRecord, Source, TimelineEventRecord } from './schema';
import type { EventDate } from './edtfDate';
import type { Problem } from './problems';

/** Where in its source an excerpt was found: a paragraph and a character range in it. */
export interface ExcerptPlace {
  paragraph: number;
  start: number;
  end: number;
}

/**
 * A checked event's excerpt, with where it was found. The place is kept on the excerpt itself, not in a
 * list beside it: an object and a list fewer for every event (about 45 bytes each, 45 MB at a million).
 */
export type PlacedExcerpt = Excerpt & ExcerptPlace;

/**
 * An excerpt with its place: a new object of five fields. Three fields added to the excerpt given would not
 * all fit inside it, and the rest would go to a second store beside it.
 */
export const placeExcerpt = ({ source, quote }: Excerpt, paragraph: number, start: number, end: number): PlacedExcerpt => ({ source, quote, paragraph, start, end });

/** Where an excerpt was found: a source, a paragraph of it and a character range in it. */
export interface ExcerptLocation extends ExcerptPlace {
  sourceId: string;
}

/** A validated source, with its publication date parsed (unknown only for an imported dataset's quotations). */
export interface DatasetSource extends ImportedSource {
  publishedDate?: EventDate;
}

/**
 * A validated event, with its date parsed and its excerpts located. Only an imported dataset's events
 * may lack a date basis or excerpts (shown marked "no source excerpt").
 */
export interface TimelineEvent extends ImportedEventRecord {
  when: EventDate;
  excerpts: PlacedExcerpt[];
  /** The language of the title and summary shown, once localized (see i18n/localizeDataset.ts). */
  textLang?: { title: string; summary: string };
}

/** A labelled background period (a TimelineJS era), its date parsed. */
export interface TimelinePeriod extends PeriodRecord {
  when: EventDate;
}

/** A dataset the app can trust: every reference resolves and events are sorted by time. */
export interface Dataset {
  title: string;
  description?: string;
  /** Where an imported dataset came from; absent for a dataset in our own format. */
  origin?: DatasetOrigin;
  /** Background periods, sorted by start; absent or empty when there are none. */
  periods?: readonly TimelinePeriod[];
  /** Where the story starts, as authored (only the parts that check out); absent when the dataset names none. */
  view?: OpeningViewRecord;
  /** The opening window, parsed from `view.window`. */
  openingWindow?: { start: number; end: number };
  /** BCP 47 tag of the dataset's own text; "en" when absent. */
  language?: string;
  translations?: DatasetRecord['translations'];
  /** The language of the title and description shown, once localized (see i18n/localizeDataset.ts). */
  textLang?: { title: string; description: string };
  sources: DatasetSource[];
  actors: Actor[];
  /** Sorted by start, then end, then id. */
  events: TimelineEvent[];
  sourcesById: ReadonlyMap<string, DatasetSource>;
  actorsById: ReadonlyMap<string, Actor>;
  eventsById: ReadonlyMap<string, TimelineEvent>;
}

/** Something the validator left out, kept so that nothing the user gave is silently dropped. */
export interface RejectedItem {
  path: string;
  label: string;
  problems: Problem[];
}

export interface ValidationResult {
  /** Null when nothing usable remains (the top-level shape is wrong, or no source is usable). */
  dataset: Dataset | null;
  problems: Problem[];
  rejected: RejectedItem[];
  /** The format the text was read as, when it was imported from another format. */
  importedFrom?: DatasetOrigin['format'];
}

export type { Actor, DatasetRecord, Source, TimelineEventRecord };
export type { DatasetOrigin, ImportedEventRecord, ImportedSource, OpeningViewRecord, PeriodRecord };

/**
 * The order events are kept in: by start, then end, then id. The validator sorts by it, and a view finds an
 * event's place by bisection on it (state/viewState.ts), so there is one definition.
 */
export function compareEventOrder(aStart: number, aEnd: number, aId: string, bStart: number, bEnd: number, bId: string): number {
  // Plain arguments, not objects: a million events are sorted and searched with this.
  return aStart - bStart || aEnd - bEnd || (aId < bId ? -1 : aId > bId ? 1 : 0);
}
