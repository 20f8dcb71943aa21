import type { Actor, AttributionKind, DatasetOrigin } from '../../data/schema';
import type { DateReading } from '../dates/types';

/**
 * A W3C Web Annotation TextQuoteSelector: the quotation with the text just before and after it, so it stays
 * findable if the source is edited or re-pasted (https://www.w3.org/TR/annotation-model/#text-quote-selector).
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface DraftSource {
  id: string;
  title: string;
  outlet: string;
  author: string;
  url: string;
  /** The dateline, an ISO day: the anchor of every relative date in the text. */
  published: string;
  /** The text, one string per paragraph (blank lines between paragraphs when pasted). */
  paragraphs: string[];
}

export interface DraftExcerpt {
  source: string;
  /** Verbatim by construction: cut from the source text at the selection. */
  quote: string;
  /** Where it was when captured: paragraph index and character range in it. */
  paragraph: number;
  start: number;
  end: number;
  selector: TextQuoteSelector;
}

export interface DraftEvent {
  /** Stable while editing (the dataset id is made from the title when the draft is written out). */
  key: string;
  /** The dataset id of an opened event, kept; empty for a new one, whose id is made from its title. */
  id: string;
  title: string;
  summary: string;
  date: string;
  dateBasis: { quote: string; explanation: string };
  /** Other honest readings of the date phrase, offered to the author. */
  dateAlternatives: DateReading[];
  /** The date phrase needs the author's judgement (it refers to a time named elsewhere, or assumes something). */
  dateNeedsAuthor: boolean;
  actors: string[];
  attribution: { kind: AttributionKind; detail: string };
  excerpts: DraftExcerpt[];
  /** Imported (e.g. from TimelineJS) with no excerpt checked against a source yet. */
  unverified: boolean;
}

export interface Draft {
  title: string;
  sources: DraftSource[];
  actors: Actor[];
  events: DraftEvent[];
  /** Set when the draft was opened from an imported file: its events may lack excerpts until the author attaches them. */
  origin?: DatasetOrigin;
  /** Counter for event keys, so a key is never reused after undo. */
  nextKey: number;
}

export const EMPTY_DRAFT: Draft = { title: '', sources: [], actors: [], events: [], nextKey: 1 };

/** A passage selected in one paragraph of a source. */
export interface Selection {
  sourceId: string;
  paragraph: number;
  start: number;
  end: number;
}
