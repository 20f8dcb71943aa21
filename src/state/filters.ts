import type { Actor } from '../data/schema';
import { foldForSearch } from '../data/searchText';
import { ENGLISH, type I18n } from '../i18n';
import { finish, STEP_MASK, type Steps } from '../timeline/core/steps';

/** What narrows the view: chosen actors (null for all of them) and a search query. */
export interface Filters {
  actors: readonly string[] | null;
  query: string;
}

export const NO_FILTERS: Filters = { actors: null, query: '' };

export function filtersActive(filters: Filters): boolean {
  return filters.actors !== null || filters.query.trim() !== '';
}

/** The actors a choice stands for: a state or alliance brings its people and organizations along. */
export function expandActors(chosen: readonly string[], actors: readonly Actor[]): Set<string> {
  const set = new Set(chosen);
  for (const actor of actors) if (actor.memberOf && set.has(actor.memberOf)) set.add(actor.id);
  return set;
}

export function involvesAny(event: { actors: readonly string[] }, effective: ReadonlySet<string> | null): boolean {
  return effective === null || event.actors.some((a) => effective.has(a));
}

export interface SearchableEvent {
  title: string;
  summary: string;
  actors: readonly string[];
  excerpts: readonly { quote: string }[];
}

/** The folded text an event is searched by: title, summary, actor names and excerpts. */
export function searchTextOf(event: SearchableEvent, actorsById: ReadonlyMap<string, Actor>): string {
  return foldForSearch(unfoldedSearchTextOf(event, actorsById));
}

/** searchTextOf before folding (the search index folds many events' texts in one call). */
export function unfoldedSearchTextOf(event: SearchableEvent, actorsById: ReadonlyMap<string, Actor>): string {
  const names = event.actors.map((id) => actorsById.get(id)?.name ?? id);
  return [event.title, event.summary, ...names, ...event.excerpts.map((e) => e.quote)].join('\n');
}

export function matchesQuery(searchText: string, query: string): boolean {
  const needle = foldForSearch(query.trim());
  return needle === '' || searchText.includes(needle);
}

/**
 * How many events each actor takes part in, counting only events that pass the other filters (the
 * search), the way faceted search counts. A state counts its people's and organizations' events too.
 */
export function actorCounts(
  events: readonly { actors: readonly string[] }[],
  passesOtherFilters: (index: number) => boolean,
  actors: readonly Actor[],
): Map<string, number> {
  return finish(actorCountSteps(events, passesOtherFilters, actors));
}

/** actorCounts as steps (see steps.ts): a search's facet counts are prepared with its matches. */
export function* actorCountSteps(
  events: readonly { actors: readonly string[] }[],
  passesOtherFilters: (index: number) => boolean,
  actors: readonly Actor[],
): Steps<Map<string, number>> {
  // Typed arrays and a per-event stamp instead of a Set per event: a million events count in one quick pass.
  const slot = new Map(actors.map((a, i) => [a.id, i]));
  const parentSlot = actors.map((a) => (a.memberOf === undefined ? undefined : slot.get(a.memberOf)));
  const tally = new Float64Array(actors.length);
  const countedFor = new Int32Array(actors.length).fill(-1);
  const count = (k: number | undefined, index: number) => {
    if (k === undefined || countedFor[k] === index) return;
    countedFor[k] = index;
    tally[k] = (tally[k] ?? 0) + 1;
  };
  for (let index = 0; index < events.length; index++) {
    if ((index & STEP_MASK) === 0) yield;
    if (!passesOtherFilters(index)) continue;
    for (const id of (events[index] as { actors: readonly string[] }).actors) {
      const k = slot.get(id);
      count(k, index);
      if (k !== undefined) count(parentSlot[k], index);
    }
  }
  return new Map(actors.map((a, i) => [a.id, tally[i] ?? 0]));
}

/** Why nothing matches, in words, for the empty state. */
export function describeExclusion(filters: Filters, actorsById: ReadonlyMap<string, Actor>, i18n: I18n = ENGLISH): string[] {
  const reasons: string[] = [];
  if (filters.actors !== null) {
    reasons.push(
      filters.actors.length === 0
        ? i18n.t('exclusion.noActors')
        : i18n.t('exclusion.onlyActors', { actors: filters.actors.map((id) => actorsById.get(id)?.name ?? id).join(', '), count: filters.actors.length }),
    );
  }
  if (filters.query.trim() !== '') reasons.push(i18n.t('exclusion.search', { query: filters.query.trim() }));
  return reasons;
}
