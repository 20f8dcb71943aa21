import * as z from 'zod/mini';

/**
 * The dataset format. This file is the single source of truth: TypeScript types are inferred from it
 * and `npm run schema` writes data/dataset.schema.json from it for dataset authors.
 * Cross-record rules (unknown references, verbatim excerpts, EDTF) live in validate.ts.
 * zod/mini keeps the app's bundle small; the checks are the same as zod's.
 */

function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

const text = (message = 'must not be empty') => z.string().check(z.minLength(1, message));

// A fresh schema per use: descriptions are registered per schema instance.
const slug = () => z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "united-states"'));

export const idSchema = describe(slug(), 'A stable identifier: lowercase letters, digits and single hyphens.');

// BCP 47, as dataset authors write it: a language ("uk") with optional subtags ("pt-BR", "sr-Latn").
const languageTag = () =>
  describe(z.string().check(z.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "uk" or "pt-BR"')), 'A BCP 47 language tag: "en", "uk", "pt-BR".');

/** Per language tag, the author's translations of some fields; the original stays the reference. */
const translations = <T extends z.ZodMiniType>(fields: T, description: string) => describe(z.record(languageTag(), fields), description);

const shortTitle = () => text().check(z.maxLength(120, 'must be at most 120 characters (a short title)'));

const hexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f5fa8"'));

export const paragraphSchema = z.strictObject({
  text: text(),
  kind: describe(z._default(z.enum(['body', 'caption']), 'body'), '"caption" marks a photo caption kept from the page; everything else is body text.'),
});

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: text(),
  outlet: text(),
  author: z.optional(text()),
  published: describe(z.string(), 'Publication date as EDTF, normally day precision: "2024-11-18".'),
  updated: z.optional(describe(z.string(), 'Last update, EDTF.')),
  url: z.optional(describe(z.string(), 'Link to the original; only http(s) links are shown as links.')),
  paragraphs: z.array(paragraphSchema).check(z.minLength(1, 'a source needs at least one paragraph')),
});

export const actorKinds = ['state', 'alliance', 'organization', 'person'] as const;

export const actorSchema = z.strictObject({
  id: idSchema,
  name: text(),
  kind: z.enum(actorKinds),
  memberOf: z.optional(describe(slug(), 'For people and organizations: the state or alliance they belong to (Biden → united-states).')),
  color: describe(
    z.strictObject({ light: hexColor, dark: hexColor }),
    'Mark colour per theme; each must keep 3:1 contrast with that theme’s backgrounds.',
  ),
});

export const attributionKinds = ['on-record', 'anonymous', 'other-outlet', 'publication'] as const;

export const attributionSchema = z.strictObject({
  kind: describe(
    z.enum(attributionKinds),
    'on-record: a named person or body said it; anonymous: unnamed officials; other-outlet: the article relays another outlet’s report; publication: the article states it itself.',
  ),
  detail: describe(text(), 'Who, in the article’s terms: "Anonymous U.S. officials, via The New York Times".'),
});

export const excerptSchema = z.strictObject({
  source: idSchema,
  quote: describe(text(), 'Verbatim words from the source that state the event.'),
});

export const dateBasisSchema = z.strictObject({
  quote: describe(text(), 'The words of the source that fixed the date, verbatim (case may differ).'),
  explanation: describe(text(), 'How those words were resolved to the EDTF date.'),
});

export const eventSchema = z.strictObject({
  id: idSchema,
  title: shortTitle(),
  summary: text(),
  date: describe(z.string(), 'EDTF, no more precise than the source supports: "2023", "2022-02", "2024-11-17", "2022-02/2024-11-18".'),
  dateBasis: dateBasisSchema,
  actors: z.array(idSchema).check(z.minLength(1, 'an event needs at least one actor')),
  attribution: attributionSchema,
  excerpts: z.array(excerptSchema).check(z.minLength(1, 'every event needs at least one verbatim excerpt from its source')),
  translations: z.optional(
    translations(
      z.strictObject({ title: z.optional(shortTitle()), summary: z.optional(text()) }),
      'Translated title and summary per language ("uk": {"title": …}), shown to readers who chose that language. Excerpts and date bases are never translated: they are verbatim.',
    ),
  ),
});

export const importFormats = ['timelinejs-json', 'timelinejs-csv', 'csv'] as const;

export const originSchema = describe(
  z.strictObject({
    format: describe(z.enum(importFormats), 'The format the events were imported from: a TimelineJS JSON file, a TimelineJS spreadsheet (CSV), or our simple CSV.'),
    file: z.optional(describe(text(), 'The name of the imported file, where known.')),
  }),
  'Present when the dataset was imported from another format: its events may then have no excerpt (shown marked "no source excerpt"), no dateBasis, and its sources no publication date.',
);

export const periodSchema = z.strictObject({
  id: idSchema,
  label: text(),
  date: describe(z.string(), 'EDTF, normally an interval: "1914/1918", "-0509/-0027".'),
});

/** A source quoted by an imported dataset: its publication date may be unknown. */
export const importedSourceSchema = z.extend(sourceSchema, {
  published: z.optional(describe(z.string(), 'Publication date as EDTF, where known.')),
});

/** An event of an imported dataset: a TimelineJS file has no verbatim excerpts or date basis to give. */
export const importedEventSchema = z.extend(eventSchema, {
  dateBasis: z.optional(dateBasisSchema),
  excerpts: z.array(excerptSchema),
});

export const openingViewSchema = z.strictObject({
  window: z.optional(describe(z.string(), 'The window the timeline opens on, an EDTF interval of days: "2024-10-25/2024-11-21".')),
  event: z.optional(describe(idSchema, 'The event selected when the timeline opens: the story\'s headline event.')),
});

export const datasetSchema = z.strictObject({
  $schema: z.optional(z.string()),
  title: text(),
  description: z.optional(z.string()),
  origin: z.optional(originSchema),
  periods: z.optional(describe(z.array(periodSchema), 'Labelled background periods (eras) drawn behind the lanes.')),
  view: z.optional(
    describe(openingViewSchema, 'Where the story starts: the window the timeline opens on and the event it selects, unless the link says otherwise.'),
  ),
  language: z.optional(describe(languageTag(), 'The language the dataset is written in (its titles, summaries and sources); "en" when absent.')),
  translations: z.optional(
    translations(z.strictObject({ title: z.optional(text()), description: z.optional(text()) }), 'Translated dataset title and description per language.'),
  ),
  sources: z.array(sourceSchema).check(z.minLength(1, 'a dataset needs at least one source')),
  actors: z.array(actorSchema),
  events: z.array(eventSchema),
});

/** A dataset imported from another format: `origin` is required, and relaxes the rules above as it says. */
export const importedDatasetSchema = z.extend(datasetSchema, {
  origin: originSchema,
  sources: z.array(importedSourceSchema),
  events: z.array(importedEventSchema),
});

/** What `npm run schema` describes: a dataset of our own, or an imported one with its looser rules. */
export const anyDatasetSchema = z.union([datasetSchema, importedDatasetSchema]);

export type Paragraph = z.infer<typeof paragraphSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type ActorKind = Actor['kind'];
export type Attribution = z.infer<typeof attributionSchema>;
export type AttributionKind = Attribution['kind'];
export type Excerpt = z.infer<typeof excerptSchema>;
export type DateBasis = z.infer<typeof dateBasisSchema>;
export type TimelineEventRecord = z.infer<typeof eventSchema>;
export type DatasetRecord = z.infer<typeof datasetSchema>;
export type ImportFormat = (typeof importFormats)[number];
export type DatasetOrigin = z.infer<typeof originSchema>;
export type PeriodRecord = z.infer<typeof periodSchema>;
export type OpeningViewRecord = z.infer<typeof openingViewSchema>;
export type ImportedSource = z.infer<typeof importedSourceSchema>;
export type ImportedEventRecord = z.infer<typeof importedEventSchema>;
export type ImportedDatasetRecord = z.infer<typeof importedDatasetSchema>;
