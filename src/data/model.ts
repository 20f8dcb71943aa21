import type { Actor, DatasetRecord, Source, TimelineEventRecord } from './schema';
import type { EventDate } from './edtfDate';
import type { Problem } from './problems';

/** Where an excerpt was found: a paragraph of a source and a character range in it. */
export interface ExcerptLocation {
  sourceId: string;
  paragraph: number;
  start: number;
  end: number;
}

/** A validated source, with its publication date parsed. */
export interface DatasetSource extends Source {
  publishedDate: EventDate;
}

/** A validated event, with its date parsed and its excerpts located. */
export interface TimelineEvent extends TimelineEventRecord {
  when: EventDate;
  /** One per excerpt, in the same order. */
  excerptLocations: ExcerptLocation[];
  /** The language of the title and summary shown, once localized (see i18n/localizeDataset.ts). */
  textLang?: { title: string; summary: string };
}

/** A dataset the app can trust: every reference resolves and events are sorted by time. */
export interface Dataset {
  title: string;
  description?: string;
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
}

export type { Actor, DatasetRecord, Source, TimelineEventRecord };
