/** A date the words can support, with the explanation that becomes the event's dateBasis. */
export interface DateReading {
  /** EDTF, no more precise than the words. */
  edtf: string;
  explanation: string;
}

/** A temporal expression found in a source text, with where it stands and how it resolves. */
export interface DatePhrase {
  /** Character offsets into the text searched, [start, end). */
  start: number;
  end: number;
  /** The words as they stand in the text (verbatim, so they can be quoted as the date basis). */
  text: string;
  /** The suggested reading; its EDTF is null when only the author can date the words. */
  reading: { edtf: string | null; explanation: string };
  /** True when the words need the author's judgement: they refer to a time named elsewhere, or the reading assumes something. */
  needsAuthor: boolean;
  /** Other honest readings of the same words (e.g. "earlier this year" as an interval up to publication). */
  alternatives: DateReading[];
}

/** What a rule says about a match: everything except where it stands. */
export type Resolution = Omit<DatePhrase, 'start' | 'end' | 'text'>;

export const dated = (edtf: string, explanation: string, alternatives: DateReading[] = [], needsAuthor = false): Resolution => ({
  reading: { edtf, explanation },
  needsAuthor,
  alternatives,
});

export const forAuthor = (explanation: string, suggestion: string | null = null): Resolution => ({
  reading: { edtf: suggestion, explanation },
  needsAuthor: true,
  alternatives: [],
});
