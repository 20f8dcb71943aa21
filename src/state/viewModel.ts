import type { Dataset, TimelineEvent } from '../data/model';
import { laneSteps, type Lane } from '../timeline/core/lanes';
import { finish, finishInSlices, STEP_MASK, type Steps } from '../timeline/core/steps';
import { DAY, dataExtent, fitWindow, zoomLimitsFor, type TimeWindow, type ZoomLimits } from '../timeline/core/timeWindow';
import { actorCountSteps, expandActors, involvesAny, type Filters } from './filters';
import { createSearchIndex, type SearchIndex } from './searchIndex';
import { viewContextSteps, type ViewContext } from './viewState';

/**
 * From this many events on, a change of filters is prepared a slice at a time (see prepareView) while the
 * page keeps showing the previous view; below it, filters apply at once.
 */
export const SLICED_FROM = 20_000;

/** What the views show for one set of filters: the events that pass, in time order, and their lanes. */
export interface FilteredView extends ViewContext {
  events: readonly TimelineEvent[];
  hits: Uint8Array | null;
}

/** Everything derived from a dataset once, and the filtered views derived from it on demand. */
export interface ViewModel {
  dataset: Dataset;
  extent: TimeWindow;
  fit: TimeWindow;
  limits: ZoomLimits;
  /** The search over the dataset's events, which a large dataset's search box runs a slice at a time. */
  search: SearchIndex;
  /** Events per actor among those the search leaves (the filter's facet counts); computed now where not prepared. */
  actorCounts(query: string): ReadonlyMap<string, number>;
  /** The view for some filters; computed now where prepareView has not made it ready. */
  viewFor(filters: Filters): FilteredView;
  /** Whether viewFor would answer at once for these filters (prepared, or remembered). */
  isReady(filters: Filters): boolean;
  /**
   * Makes the view for some filters ready a slice at a time, with pauses for the page between slices,
   * so that filtering a million events never blocks for long. Resolves to false when aborted.
   */
  prepareView(filters: Filters, signal: AbortSignal, budgetMs?: number): Promise<boolean>;
}

/** The extent the view is built around (events and background periods); with neither, the month around the first source's date. */
function extentOf(dataset: Dataset): TimeWindow {
  const extent = dataExtent([...dataset.events.map((e) => e.when), ...(dataset.periods ?? []).map((p) => p.when)]);
  if (extent) return extent;
  const centre = dataset.sources[0]?.publishedDate?.start ?? Date.UTC(2000, 0, 1);
  return { start: centre - 15 * DAY, end: centre + 15 * DAY };
}

/** `prelaid`: the unfiltered dataset's lanes, when the loader laid them out already (in its worker). */
export function createViewModel(dataset: Dataset, prelaid: readonly Lane[] | null = null): ViewModel {
  const extent = extentOf(dataset);
  const limits = zoomLimitsFor(extent);
  const search = createSearchIndex(dataset);
  const laneOf = (actorId: string) => {
    const actor = dataset.actorsById.get(actorId);
    return actor && actor.memberOf && dataset.actorsById.has(actor.memberOf) ? actor.memberOf : actorId;
  };
  type ActorStage = ViewContext & {
    events: readonly TimelineEvent[];
    /** Where each of the events stands in the dataset, to read the search's matches by; null when it is all of them. */
    positions: Int32Array | null;
  };
  /** The events an actor choice leaves, their lanes and their index: the costly stage, done in steps. */
  function* actorStageSteps(actors: Filters['actors']): Steps<ActorStage> {
    let events: readonly TimelineEvent[] = dataset.events;
    let positions: Int32Array | null = null;
    if (actors !== null) {
      const effective = expandActors(actors, dataset.actors);
      const kept: TimelineEvent[] = [];
      const at: number[] = [];
      for (let i = 0; i < dataset.events.length; i++) {
        if ((i & STEP_MASK) === 0) yield;
        const event = dataset.events[i] as TimelineEvent;
        if (involvesAny(event, effective)) {
          kept.push(event);
          at.push(i);
        }
      }
      events = kept;
      positions = Int32Array.from(at);
    }
    const lanesOfChoice = actors === null ? null : new Set(actors.map((id) => laneOf(id)));
    const lanes = lanesOfChoice === null && prelaid ? [...prelaid] : yield* laneSteps(events, dataset.actors, lanesOfChoice);
    const context = yield* viewContextSteps(events, extent, limits, lanes, { window: dataset.openingWindow, event: dataset.view?.event }, dataset.eventsById);
    return { ...context, events, positions };
  }
  // Filters change on a click or a keystroke, not on every frame. The unfiltered stage is kept for good
  // (Clear filters is instant); of the others the last two used: the view shown and the one being prepared.
  const stages = new Map<string, ActorStage>();
  const REMEMBERED_STAGES = 2;
  const keyOf = (actors: Filters['actors']) => JSON.stringify(actors);
  const keepStage = (key: string, stage: ActorStage) => {
    stages.delete(key);
    stages.set(key, stage);
    const others = [...stages.keys()].filter((k) => k !== keyOf(null));
    for (const old of others.slice(0, Math.max(0, others.length - REMEMBERED_STAGES))) stages.delete(old);
    return stage;
  };
  const stageFor = (actors: Filters['actors']) => {
    const key = keyOf(actors);
    return keepStage(key, stages.get(key) ?? finish(actorStageSteps(actors)));
  };
  // Typing a search reuses the actor stage (events and lanes) and only recomputes the hits.
  let viewMemo: { key: string; view: FilteredView } | null = null;

  const viewFor = (filters: Filters): FilteredView => {
    const query = filters.query.trim();
    const key = JSON.stringify([keyOf(filters.actors), query]);
    if (viewMemo?.key === key) return viewMemo.view;
    const { positions, ...base } = stageFor(filters.actors);
    const bits = query === '' ? null : search.matchesNow(query);
    const hits = bits === null ? null : positions === null ? bits : Uint8Array.from(positions, (i) => bits[i] ?? 0);
    const view: FilteredView = { ...base, hits };
    viewMemo = { key, view };
    return view;
  };

  // The facet counts of the last query, which change with the search only.
  let countsMemo: { query: string; counts: ReadonlyMap<string, number> } | null = null;
  function* countSteps(query: string): Steps<ReadonlyMap<string, number>> {
    const key = query.trim();
    if (countsMemo?.query === key) return countsMemo.counts;
    const bits = search.matchesNow(key);
    const counts = yield* actorCountSteps(dataset.events, bits === null ? () => true : (i) => bits[i] === 1, dataset.actors);
    countsMemo = { query: key, counts };
    return counts;
  }

  const isReady = (filters: Filters) =>
    stages.has(keyOf(filters.actors)) && search.remembered(filters.query) !== undefined && countsMemo?.query === filters.query.trim();

  const prepareView = async (filters: Filters, signal: AbortSignal, budgetMs?: number) => {
    const key = keyOf(filters.actors);
    if (!stages.has(key)) {
      const stage = await finishInSlices(actorStageSteps(filters.actors), signal, budgetMs);
      if (stage === undefined) return false;
      keepStage(key, stage);
    }
    if ((await search.matchesInSlices(filters.query, signal, budgetMs)) === undefined) return false;
    return (await finishInSlices(countSteps(filters.query), signal, budgetMs)) !== undefined;
  };

  return {
    dataset,
    extent,
    fit: fitWindow(extent),
    limits,
    search,
    actorCounts: (query) => finish(countSteps(query)),
    viewFor,
    isReady,
    prepareView,
  };
}

/** The events a view shows as matching, the ones an export takes: those its filters leave, narrowed to the search hits. */
export function matchingEvents(view: Pick<FilteredView, 'events' | 'hits'>): readonly TimelineEvent[] {
  const { hits } = view;
  return hits === null ? view.events : view.events.filter((_, i) => hits[i] === 1);
}
