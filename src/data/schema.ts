import { z } from 'zod';

/**
 * The dataset format. This file is the single source of truth: TypeScript types are inferred from it
 * and `npm run schema` writes data/dataset.schema.json from it for dataset authors.
 * Cross-record rules (unknown references, verbatim excerpts, EDTF) live in validate.ts.
 */

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "united-states"')
  .describe('A stable identifier: lowercase letters, digits and single hyphens.');

const hexColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1f5fa8"');

export const paragraphSchema = z
  .object({
    text: z.string().min(1, 'must not be empty'),
    kind: z
      .enum(['body', 'caption'])
      .default('body')
      .describe('"caption" marks a photo caption kept from the page; everything else is body text.'),
  })
  .strict();

export const sourceSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    outlet: z.string().min(1),
    author: z.string().min(1).optional(),
    published: z.string().describe('Publication date as EDTF, normally day precision: "2024-11-18".'),
    updated: z.string().optional().describe('Last update, EDTF.'),
    url: z.string().optional().describe('Link to the original; only http(s) links are shown as links.'),
    paragraphs: z.array(paragraphSchema).min(1, 'a source needs at least one paragraph'),
  })
  .strict();

export const actorKinds = ['state', 'alliance', 'organization', 'person'] as const;

export const actorSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    kind: z.enum(actorKinds),
    memberOf: idSchema
      .optional()
      .describe('For people and organizations: the state or alliance they belong to (Biden → united-states).'),
    color: z
      .object({ light: hexColor, dark: hexColor })
      .strict()
      .describe('Mark colour per theme; each must keep 3:1 contrast with that theme’s backgrounds.'),
  })
  .strict();

export const attributionKinds = ['on-record', 'anonymous', 'other-outlet', 'publication'] as const;

export const attributionSchema = z
  .object({
    kind: z
      .enum(attributionKinds)
      .describe(
        'on-record: a named person or body said it; anonymous: unnamed officials; other-outlet: the article relays another outlet’s report; publication: the article states it itself.',
      ),
    detail: z.string().min(1).describe('Who, in the article’s terms: "Anonymous U.S. officials, via The New York Times".'),
  })
  .strict();

export const excerptSchema = z
  .object({
    source: idSchema,
    quote: z.string().min(1).describe('Verbatim words from the source that state the event.'),
  })
  .strict();

export const dateBasisSchema = z
  .object({
    quote: z.string().min(1).describe('The words of the source that fixed the date, verbatim (case may differ).'),
    explanation: z.string().min(1).describe('How those words were resolved to the EDTF date.'),
  })
  .strict();

export const eventSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1).max(120, 'must be at most 120 characters (a short title)'),
    summary: z.string().min(1),
    date: z
      .string()
      .describe('EDTF, no more precise than the source supports: "2023", "2022-02", "2024-11-17", "2022-02/2024-11-18".'),
    dateBasis: dateBasisSchema,
    actors: z.array(idSchema).min(1, 'an event needs at least one actor'),
    attribution: attributionSchema,
    excerpts: z.array(excerptSchema).min(1, 'every event needs at least one verbatim excerpt from its source'),
  })
  .strict();

export const datasetSchema = z
  .object({
    $schema: z.string().optional(),
    title: z.string().min(1),
    description: z.string().optional(),
    sources: z.array(sourceSchema).min(1, 'a dataset needs at least one source'),
    actors: z.array(actorSchema),
    events: z.array(eventSchema),
  })
  .strict();

export type Paragraph = z.infer<typeof paragraphSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type ActorKind = Actor['kind'];
export type Attribution = z.infer<typeof attributionSchema>;
export type AttributionKind = Attribution['kind'];
export type Excerpt = z.infer<typeof excerptSchema>;
export type TimelineEventRecord = z.infer<typeof eventSchema>;
export type DatasetRecord = z.infer<typeof datasetSchema>;
