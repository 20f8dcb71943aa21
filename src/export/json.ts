import type { Dataset, DatasetRecord, DatasetSource, TimelineEvent } from '../data/model';
import type { ImportedDatasetRecord } from '../data/schema';

/** Our own format, or an imported dataset (with its `origin`) whose looser rules travel with it. */
export type ExportedDataset = DatasetRecord | ImportedDatasetRecord;

/** A shallow copy without the given keys: what the app derived goes, everything authored stays. */
function without<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const dropped = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}

const DERIVED_SOURCE_FIELDS = ['publishedDate'] as const satisfies readonly (keyof DatasetSource)[];
const DERIVED_EVENT_FIELDS = ['when', 'excerptLocations', 'textLang'] as const satisfies readonly (keyof TimelineEvent)[];
const DERIVED_DATASET_FIELDS = ['sourcesById', 'actorsById', 'eventsById', 'textLang', 'openingWindow'] as const satisfies readonly (keyof Dataset)[];

/**
 * A dataset in our own format holding just these events, the sources their excerpts quote and the
 * actors they name (with the states or alliances those actors are members of). Fields of the dataset
 * and its records that the app does not derive are carried through unchanged, so fields added to the
 * format later travel without changes here.
 */
export function datasetWithEvents(dataset: Dataset, events: readonly TimelineEvent[]): ExportedDataset {
  const sourceIds = new Set(events.flatMap((e) => e.excerpts.map((x) => x.source)));
  const actorIds = new Set(events.flatMap((e) => e.actors));
  // memberOf can chain (a person in an organization in a state): follow it until nothing is added.
  const pending = [...actorIds];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const parent = dataset.actorsById.get(id)?.memberOf;
    if (parent && !actorIds.has(parent)) {
      actorIds.add(parent);
      pending.push(parent);
    }
  }
  const { periods, view, ...rest } = without(dataset, DERIVED_DATASET_FIELDS);
  // The opening event travels only with its event; the opening window always fits the story.
  const eventIds = new Set(events.map((e) => e.id));
  const { event: openingEvent, ...openingRest } = view ?? {};
  const opening = openingEvent !== undefined && eventIds.has(openingEvent) ? { ...openingRest, event: openingEvent } : openingRest;
  // Which of the two formats this is follows from `origin`, carried through from the dataset.
  return {
    ...rest,
    ...(Object.keys(opening).length > 0 ? { view: opening } : {}),
    ...(periods ? { periods: periods.map((p) => without(p, ['when'])) } : {}),
    sources: dataset.sources.filter((s) => sourceIds.has(s.id)).map((s) => without(s, DERIVED_SOURCE_FIELDS)),
    actors: dataset.actors.filter((a) => actorIds.has(a.id)),
    events: events.map((e) => without(e, DERIVED_EVENT_FIELDS)),
  } as ExportedDataset;
}

export function datasetToJson(dataset: Dataset, events: readonly TimelineEvent[]): string {
  return `${JSON.stringify(datasetWithEvents(dataset, events), null, 2)}\n`;
}
