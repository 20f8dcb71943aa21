import { UniqueIds } from '../../data/import/shared';
import type { ImportedDatasetRecord } from '../../data/schema';
import type { ValidationResult } from '../../data/model';
import { validateDataset } from '../../data/validate';
import type { Draft } from './model';

export const SCHEMA_URL = './dataset.schema.json';

/** The dataset ids of the draft's events, in order: an opened event keeps its own, a new one's is made from its title. */
export function eventIds(draft: Draft): string[] {
  const ids = new UniqueIds();
  const kept = new Set(draft.events.flatMap((e) => (e.id ? [e.id] : [])));
  for (const id of kept) ids.take(id, id);
  // A repeated id stays repeated, for the validator to name.
  return draft.events.map((e, i) => e.id || ids.take(e.title, `event-${i + 1}`));
}

/**
 * The draft written as our dataset JSON, in the draft's order, so `events[3]` in a problem is the fourth event
 * of the list. Nothing is filled in for the author: an empty title stays empty and the validator says so.
 */
export function draftToDataset(draft: Draft): ImportedDatasetRecord | Omit<ImportedDatasetRecord, 'origin'> {
  const ids = eventIds(draft);
  const imported = draft.origin !== undefined;
  return {
    $schema: SCHEMA_URL,
    title: draft.title,
    ...(draft.origin ? { origin: draft.origin } : {}),
    sources: draft.sources.map((s) => ({
      id: s.id,
      title: s.title,
      outlet: s.outlet,
      ...(s.author.trim() ? { author: s.author.trim() } : {}),
      // An imported source may have no date; one of ours must have it, so an empty one is written out for the validator to name.
      ...(s.published || !imported ? { published: s.published } : {}),
      ...(s.url.trim() ? { url: s.url.trim() } : {}),
      paragraphs: s.paragraphs.map((text) => ({ text, kind: 'body' as const })),
    })),
    actors: draft.actors,
    events: draft.events.map((e, i) => ({
      id: ids[i] as string,
      title: e.title,
      summary: e.summary,
      date: e.date,
      ...(e.unverified && !e.dateBasis.quote ? {} : { dateBasis: e.dateBasis }),
      actors: e.actors,
      attribution: e.attribution,
      excerpts: e.excerpts.map((x) => ({ source: x.source, quote: x.quote })),
    })),
  };
}

/** The draft checked by the same validator as `npm run validate`: the same messages at the same JSON paths. */
export function checkDraft(draft: Draft): ValidationResult {
  return validateDataset(draftToDataset(draft));
}

export const draftToJson = (draft: Draft) => `${JSON.stringify(draftToDataset(draft), null, 2)}\n`;

