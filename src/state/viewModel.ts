import type { Dataset, TimelineEvent } from '../data/model';
import { buildLanes, type Lane } from '../timeline/core/lanes';
import { DAY, dataExtent, fitWindow, zoomLimitsFor, type TimeWindow, type ZoomLimits } from '../timeline/core/timeWindow';
import { expandActors, involvesAny, type Filters } from './filters';
import { createSearchIndex, type SearchIndex } from './searchIndex';
import { makeViewContext, type ViewContext } from './viewState';

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
  /** Folded search text per event of the dataset, made on the first search (a large dataset opens faster). */
  readonly searchText: readonly string[];
  /** The search over the dataset's events, which a large dataset's search box runs a slice at a time. */
  search: SearchIndex;
  viewFor(filters: Filters): FilteredView;
}

/** The extent the view is built around (events and background periods); with neither, the month around the first source's date. */
function extentOf(dataset: Dataset): TimeWindow {
  const extent = dataExtent([...dataset.events.map((e) => e.when), ...(dataset.periods ?? []).map((p) => p.when)]);
  if (extent) return extent;
  const centre = dataset.sources[0]?.publishedDate?.start ?? Date.UTC(2000, 0, 1);
  return { start: centre - 15 * DAY, end: centre + 15 * DAY };
}

/** Where each of `some` (in order, a subset of `all`) stands in `all`; null when it is all of them. */
function positionsIn(all: readonly TimelineEvent[], some: readonly TimelineEvent[]): Int32Array | null {
  if (some === all) return null;
  const at = new Int32Array(some.length);
  let k = 0;
  all.forEach((event, i) => {
    if (some[k] === event) at[k++] = i;
  });
  return at;
}

/** `lanes`: the unfiltered dataset's lanes, when the loader laid them out already (in its worker). */
export function createViewModel(dataset: Dataset, lanes: readonly Lane[] | null = null): ViewModel {
  const extent = extentOf(dataset);
  const limits = zoomLimitsFor(extent);
  const search = createSearchIndex(dataset);
  const laneOf = (actorId: string) => {
    const actor = dataset.actorsById.get(actorId);
    return actor && actor.memberOf && dataset.actorsById.has(actor.memberOf) ? actor.memberOf : actorId;
  };
  // Filters change on a click or a keystroke, not on every frame: one remembered result per stage is enough.
  // Typing a search reuses the actor stage (events and lanes) and only recomputes the hits.
  let actorMemo: { key: string; base: ViewContext & { events: readonly TimelineEvent[] } } | null = null;
  // Where each event the actor filter leaves stands in the dataset, to read the search's matches by.
  let positionsMemo: { base: readonly TimelineEvent[]; positions: Int32Array | null } | null = null;
  let viewMemo: { key: string; view: FilteredView } | null = null;

  const viewFor = (filters: Filters): FilteredView => {
    const query = filters.query.trim();
    const actorKey = JSON.stringify(filters.actors);
    const key = JSON.stringify([actorKey, query]);
    if (viewMemo?.key === key) return viewMemo.view;
    if (actorMemo?.key !== actorKey) {
      const effective = filters.actors === null ? null : expandActors(filters.actors, dataset.actors);
      const events = effective === null ? dataset.events : dataset.events.filter((e) => involvesAny(e, effective));
      const lanesOfChoice = filters.actors === null ? null : new Set(filters.actors.map((id) => laneOf(id)));
      actorMemo = { key: actorKey, base: { ...makeViewContext(events, extent, limits, (lanesOfChoice === null && lanes ? [...lanes] : buildLanes(events, dataset.actors, lanesOfChoice)), { window: dataset.openingWindow, event: dataset.view?.event }, dataset.eventsById), events } };
    }
    const base = actorMemo.base;
    if (positionsMemo?.base !== base.events) positionsMemo = { base: base.events, positions: positionsIn(dataset.events, base.events) };
    const { positions } = positionsMemo;
    const bits = query === '' ? null : search.matchesNow(query);
    const hits = bits === null ? null : positions === null ? bits : Uint8Array.from(positions, (i) => bits[i] ?? 0);
    const view: FilteredView = { ...base, hits };
    viewMemo = { key, view };
    return view;
  };

  return {
    dataset,
    extent,
    fit: fitWindow(extent),
    limits,
    get searchText() {
      return search.texts;
    },
    search,
    viewFor,
  };
}

/** The events a view shows as matching, the ones an export takes: those its filters leave, narrowed to the search hits. */
export function matchingEvents(view: Pick<FilteredView, 'events' | 'hits'>): readonly TimelineEvent[] {
  const { hits } = view;
  return hits === null ? view.events : view.events.filter((_, i) => hits[i] === 1);
}
