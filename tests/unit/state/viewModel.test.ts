import { describe, expect, it } from 'vitest';
import { createViewModel, type FilteredView } from '../../../src/state/viewModel';
import { matchesQuery, NO_FILTERS, searchTextOf, type Filters } from '../../../src/state/filters';
import { focusEdge, focusStep, initialViewState, selectEvent, selectStep, setFilters, setView, setWindow, type ViewState } from '../../../src/state/viewState';
import { laneActorId, laneItems } from '../../../src/timeline/core/lanes';
import { DAY } from '../../../src/timeline/core/timeWindow';
import type { Actor, Dataset, DatasetSource, TimelineEvent } from '../../../src/data/model';
import { actor, at, date, nth, windowOf } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';

const dataset = bundledDataset();
const model = createViewModel(dataset);
const ids = dataset.events.map((e) => e.id);

const filters = (actors: string[] | null, query = ''): Filters => ({ actors, query });
const idsOf = (view: FilteredView) => view.events.map((e) => e.id);
const hitIds = (view: FilteredView) => view.events.filter((_, i) => view.hits?.[i] === 1).map((e) => e.id);
/** Events of the bundled dataset naming one of `actorIds` or a member of one of them. */
const naming = (...actorIds: string[]) =>
  dataset.events.filter((e) => e.actors.some((a) => actorIds.includes(a) || actorIds.includes(dataset.actorsById.get(a)?.memberOf ?? ''))).map((e) => e.id);

// A small hand-built dataset: Ruritania with its prime minister, Freedonia, and an outlet.
const source: DatasetSource = {
  id: 'gazette',
  title: 'Treaty',
  outlet: 'The Gazette',
  published: '2024-03-02',
  publishedDate: date('2024-03-02'),
  paragraphs: [{ text: 'Text.', kind: 'body' }],
};

function timelineEvent(id: string, edtf: string, actorIds: string[], title = id): TimelineEvent {
  return {
    id,
    title,
    summary: `Summary of ${id}.`,
    date: edtf,
    dateBasis: { quote: 'q', explanation: 'e' },
    actors: actorIds,
    attribution: { kind: 'publication', detail: 'The Gazette' },
    excerpts: [{ source: 'gazette', quote: 'Text.', paragraph: 0, start: 0, end: 5 }],
    when: date(edtf),
  };
}

function smallDataset(events: TimelineEvent[], actors: Actor[]): Dataset {
  return {
    title: 'Small',
    sources: [source],
    actors,
    events,
    sourcesById: new Map([[source.id, source]]),
    actorsById: new Map(actors.map((a) => [a.id, a])),
    eventsById: new Map(events.map((e) => [e.id, e])),
  };
}

const smallActors = [actor('ruritania'), actor('freedonia'), actor('ruritania-pm', 'person', 'ruritania'), actor('gazette', 'organization')];
const small = smallDataset(
  [
    timelineEvent('dispute', '2019/2024-03-01', ['freedonia', 'ruritania-pm']),
    timelineEvent('treaty', '2024-03-01', ['ruritania', 'freedonia'], 'Border treaty signed'),
    timelineEvent('pm-speech', '2024-03-02', ['ruritania-pm'], 'Prime minister hails the treaty'),
    timelineEvent('gazette-report', '2024-03-02', ['gazette'], 'The Gazette reports'),
  ],
  smallActors,
);

describe('createViewModel(…).viewFor', () => {
  it('shows every event in time order, without hits, when nothing is filtered', () => {
    const view = model.viewFor(NO_FILTERS);
    expect(idsOf(view)).toEqual(ids);
    expect(view.order.events.map((e) => e.id)).toEqual(ids);
    expect(view.hits).toBeNull();
  });

  it('keeps exactly the events that name North Korea or one of its members when filtering to north-korea', () => {
    const view = model.viewFor(filters(['north-korea']));
    expect(idsOf(view)).toEqual(naming('north-korea'));
    expect(idsOf(view)).toEqual(['north-korea-supplies-russia-missiles', 'north-korean-troops-amass-in-kursk', 'officials-explain-biden-reasons']);
  });

  it('includes Biden’s and the White House’s events when filtering to united-states', () => {
    const view = model.viewFor(filters(['united-states']));
    expect(idsOf(view)).toEqual(naming('united-states'));
    for (const e of dataset.events.filter((x) => x.actors.includes('joe-biden') || x.actors.includes('white-house'))) expect(idsOf(view)).toContain(e.id);
    expect(idsOf(view)).not.toContain('ap-reports-authorization');
  });

  it('keeps only a person’s own events when the person alone is chosen', () => {
    const view = model.viewFor(filters(['joe-biden']));
    expect(idsOf(view)).toEqual(dataset.events.filter((e) => e.actors.includes('joe-biden')).map((e) => e.id));
    expect(view.events).toHaveLength(5);
  });

  it('shows no events and no lanes when no actors are chosen', () => {
    const view = model.viewFor(filters([]));
    expect(view.events).toEqual([]);
    expect(view.order.length).toBe(0);
    expect(view.lanes).toEqual([]);
  });

  it('keeps events in time order and indexes them by id within the filtered view', () => {
    const view = model.viewFor(filters(['russia', 'france']));
    expect(idsOf(view)).toEqual(naming('russia', 'france'));
    view.order.events.forEach(({ id }, i) => {
      expect(view.indexOf.get(id)).toBe(i);
      if (i > 0) expect(view.order.starts[i]).toBeGreaterThanOrEqual(view.order.starts[i - 1] ?? Infinity);
    });
    // Events the filter leaves out have no place in this view.
    for (const event of dataset.events) if (!view.order.events.includes(event)) expect(view.indexOf.has(event.id)).toBe(false);
    expect(view.indexOf.get('no-such-event')).toBeUndefined();
  });

  it('has null hits without a query, or with a blank one', () => {
    expect(model.viewFor(filters(null, '')).hits).toBeNull();
    expect(model.viewFor(filters(['ukraine'], '   ')).hits).toBeNull();
  });

  it('marks exactly the events matching the query with a one, and keeps the others in the view', () => {
    const view = model.viewFor(filters(null, 'Kursk'));
    expect(view.hits).toHaveLength(view.events.length);
    expect(view.events).toHaveLength(dataset.events.length);
    const expected = dataset.events.filter((e) => matchesQuery(searchTextOf(e, dataset.actorsById), 'kursk')).map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(hitIds(view)).toEqual(expected);
    expect([...(view.hits ?? [])].every((h) => h === 0 || h === 1)).toBe(true);
  });

  it('aligns hits with the filtered events when actors and a query are both set', () => {
    const view = model.viewFor(filters(['north-korea'], 'kursk'));
    expect(view.hits).toHaveLength(3);
    expect(hitIds(view)).toEqual(['north-korean-troops-amass-in-kursk', 'officials-explain-biden-reasons']);
  });

  it('finds events case- and accent-insensitively, by actor name too', () => {
    expect(hitIds(model.viewFor(filters(null, 'ATACMS')))).toEqual(hitIds(model.viewFor(filters(null, 'atacms'))));
    expect(hitIds(model.viewFor(filters(null, 'atacms')))).toContain('us-approves-atacms-within-ukraine');
    expect(hitIds(model.viewFor(filters(null, 'ZELENSKYY')))).toContain('zelenskyy-says-missiles-will-speak');
    expect(hitIds(model.viewFor(filters(null, 'Kyïv')))).toContain('zelenskyy-hopes-for-diplomatic-end');
    expect(hitIds(model.viewFor(filters(null, 'grenell')))).toEqual(['grenell-criticizes-decision']);
  });

  it('has the same fitted window and zoom limits whatever the filters, so the axis keeps its window', () => {
    for (const f of [NO_FILTERS, filters(['north-korea']), filters(['joe-biden'], 'kursk'), filters([]), filters(null, 'no such words')]) {
      const view = model.viewFor(f);
      expect(view.fit).toEqual(model.fit);
      expect(view.limits).toEqual(model.limits);
    }
  });

  it('keeps only the lanes of the chosen actors (a person’s lane is their state’s)', () => {
    for (const chosen of [['north-korea'], ['joe-biden'], ['associated-press', 'white-house'], ['united-states']]) {
      const view = model.viewFor(filters(chosen));
      const expected = new Set(chosen.map((id) => laneActorId(dataset.actorsById.get(id) as Actor)));
      expect(new Set(view.lanes?.map((l) => l.actor.id)), chosen.join()).toEqual(expected);
      for (const lane of view.lanes ?? []) {
        expect(laneItems(lane).length).toBeGreaterThan(0);
        for (const item of laneItems(lane)) expect(item.event).toBeLessThan(view.events.length);
      }
    }
    expect(model.viewFor(filters(['north-korea'])).lanes?.map((l) => l.actor.id).sort()).toEqual(['north-korea']);
    expect(model.viewFor(NO_FILTERS).lanes?.length).toBe(new Set(dataset.actors.map(laneActorId)).size);
  });

  it('returns the same object for equal filters asked twice', () => {
    const m = createViewModel(dataset);
    expect(m.viewFor(filters(['russia'], 'kursk'))).toBe(m.viewFor(filters(['russia'], 'kursk')));
    expect(m.viewFor({ ...NO_FILTERS })).toBe(m.viewFor(NO_FILTERS));
  });

  it('reuses the actor stage while the query is typed: lanes and events are the same arrays for two queries', () => {
    const m = createViewModel(dataset);
    const a = m.viewFor(filters(['united-states'], 'k'));
    const b = m.viewFor(filters(['united-states'], 'kursk'));
    expect(b).not.toBe(a);
    expect(b.lanes).toBe(a.lanes);
    expect(b.events).toBe(a.events);
    expect(b.order).toBe(a.order);
    expect(hitIds(b)).not.toEqual(hitIds(a));
  });

  it('gives the right view after switching actors and back (the memo never goes stale)', () => {
    const m = createViewModel(dataset);
    const first = idsOf(m.viewFor(filters(['north-korea'], 'kursk')));
    expect(idsOf(m.viewFor(filters(['joe-biden'], 'kursk')))).toEqual(naming('joe-biden'));
    expect(idsOf(m.viewFor(filters(['north-korea'], 'kursk')))).toEqual(first);
    expect(hitIds(m.viewFor(filters(['north-korea'], 'troops')))).toEqual(hitIds(createViewModel(dataset).viewFor(filters(['north-korea'], 'troops'))));
    expect(hitIds(m.viewFor(filters(['north-korea'], 'troops')))).toContain('north-korean-troops-amass-in-kursk');
  });

  it('treats white space around the query as not there', () => {
    expect(hitIds(model.viewFor(filters(null, '  kursk ')))).toEqual(hitIds(model.viewFor(filters(null, 'kursk'))));
  });

  it('draws a member’s events in its state’s lane when filtering to the state (small dataset)', () => {
    const m = createViewModel(small);
    const view = m.viewFor(filters(['ruritania']));
    expect(idsOf(view)).toEqual(['dispute', 'treaty', 'pm-speech']);
    expect(view.lanes?.map((l) => l.actor.id).sort()).toEqual(['ruritania']);
    expect(idsOf(m.viewFor(filters(['ruritania-pm'])))).toEqual(['dispute', 'pm-speech']);
    expect(hitIds(m.viewFor(filters(null, 'TREATY')))).toEqual(['treaty', 'pm-speech']);
  });

  it('centres a dataset without events on its first source’s date', () => {
    const m = createViewModel(smallDataset([], smallActors));
    const published = at('2024-03-02');
    expect(m.fit.start).toBeLessThan(published);
    expect(m.fit.end).toBeGreaterThan(published);
    expect(m.fit.end - m.fit.start).toBeLessThan(40 * DAY);
    expect(m.viewFor(NO_FILTERS).events).toEqual([]);
  });
});

describe('setFilters', () => {
  const start = initialViewState(model.viewFor(NO_FILTERS));
  const apply = (state: ViewState, f: Filters) => setFilters(state, model.viewFor(f), f);

  it('clears a selection the new filters hide and tells the reader which event (the page names it by title)', () => {
    const selected = selectEvent(start, model.viewFor(NO_FILTERS), 'ap-reports-authorization');
    const next = apply(selected, filters(['north-korea']));
    expect(next.selected).toBeNull();
    expect(next.focused).toBeNull();
    expect(next.filters).toEqual(filters(['north-korea']));
    expect(next.notice).toEqual({ hiddenEvent: 'ap-reports-authorization' });
  });

  it('keeps a selection the new filters still show, without a notice', () => {
    const selected = selectEvent(start, model.viewFor(NO_FILTERS), 'officials-explain-biden-reasons');
    const next = apply(selected, filters(['north-korea']));
    expect(next.selected).toBe('officials-explain-biden-reasons');
    expect(next.focused).toBe('officials-explain-biden-reasons');
    expect(next.notice).toBeNull();
  });

  it('keeps the selection when only the search changes: a search marks events, it does not hide them', () => {
    const selected = selectEvent(start, model.viewFor(NO_FILTERS), 'ap-reports-authorization');
    const next = apply(selected, filters(null, 'no such words anywhere'));
    expect(next.selected).toBe('ap-reports-authorization');
    expect(next.notice).toBeNull();
  });

  it('drops a hidden focus while keeping a visible selection', () => {
    const state: ViewState = { ...selectEvent(start, model.viewFor(NO_FILTERS), 'officials-explain-biden-reasons'), focused: 'ap-reports-authorization' };
    const next = apply(state, filters(['north-korea']));
    expect(next.selected).toBe('officials-explain-biden-reasons');
    expect(next.focused).toBeNull();
    expect(next.notice).toBeNull();
  });

  it('clears an earlier notice on the next change of filters', () => {
    const selected = selectEvent(start, model.viewFor(NO_FILTERS), 'ap-reports-authorization');
    const hidden = apply(selected, filters(['north-korea']));
    expect(hidden.notice).not.toBeNull();
    expect(apply(hidden, NO_FILTERS).notice).toBeNull();
  });

  it('keeps the window and the view mode', () => {
    const zoomed = setView(setWindow(start, model.viewFor(NO_FILTERS), windowOf('2024-11-10', '2024-11-20')), 'list');
    const next = apply(zoomed, filters(['ukraine'], 'kursk'));
    expect(next.window).toBe(zoomed.window);
    expect(next.view).toBe('list');
  });
});

describe('setView', () => {
  const start = initialViewState(model.viewFor(NO_FILTERS));

  it('switches between the timeline and the list', () => {
    const list = setView(start, 'list');
    expect(list.view).toBe('list');
    expect(setView(list, 'timeline').view).toBe('timeline');
  });

  it('returns the same state when the view does not change', () => {
    expect(setView(start, 'timeline')).toBe(start);
  });
});

describe('keyboard focus while a search is active', () => {
  const ctx = model.viewFor(filters(null, 'kursk'));
  const matches = hitIds(ctx);
  const start = initialViewState(ctx);
  const firstMatch = nth(matches, 0);
  const lastMatch = nth(matches, matches.length - 1);

  it('has matches that are not neighbours in time, so stepping has something to skip', () => {
    expect(matches.length).toBeGreaterThan(2);
    expect(matches).not.toEqual(ids.slice(ids.indexOf(firstMatch), ids.indexOf(firstMatch) + matches.length));
  });

  it('Home and End go to the first and last match, not the first and last event', () => {
    expect(ids[0]).not.toBe(firstMatch);
    expect(focusEdge(start, ctx, 'first').focused).toBe(firstMatch);
    expect(focusEdge(start, ctx, 'last').focused).toBe(lastMatch);
  });

  it('steps forward only between matches and stops at the last match without wrapping', () => {
    let state = focusEdge(start, ctx, 'first');
    const visited = [state.focused];
    for (let i = 0; i < matches.length + 2; i++) {
      state = focusStep(state, ctx, 1);
      visited.push(state.focused);
    }
    expect(visited).toEqual([...matches, lastMatch, lastMatch, lastMatch]);
  });

  it('steps backward only between matches and stops at the first match', () => {
    let state = focusEdge(start, ctx, 'last');
    const visited = [state.focused];
    for (let i = 0; i < matches.length; i++) {
      state = focusStep(state, ctx, -1);
      visited.push(state.focused);
    }
    expect(visited).toEqual([...[...matches].reverse(), firstMatch]);
  });

  it('steps from a focused event that is not a match to the next match in that direction', () => {
    const between = ids.slice(ids.indexOf(firstMatch) + 1).find((id) => !matches.includes(id)) as string;
    const i = ids.indexOf(between);
    const focused: ViewState = { ...start, focused: between };
    expect(focusStep(focused, ctx, 1).focused).toBe(ids.slice(i + 1).find((id) => matches.includes(id)));
    expect(focusStep(focused, ctx, -1).focused).toBe([...ids.slice(0, i)].reverse().find((id) => matches.includes(id)));
  });

  it('with nothing focused, a step forward starts at the first match in view', () => {
    expect(focusStep(start, ctx, 1).focused).toBe(firstMatch);
  });

  it('with nothing focused, a step backward also starts at the first match in view, as it does without a search', () => {
    // Without a search, either arrow focuses the first event in view; with one, the backward step looks only
    // before that event, finds no match there and leaves focus nowhere, although matches are in view.
    const everything = { ...start, window: model.fit };
    expect(focusStep(everything, model.viewFor(NO_FILTERS), -1).focused).toBe(ids[0]);
    expect(focusStep(everything, ctx, -1).focused).toBe(firstMatch);
  });

  it('moves the selection from match to match with Previous and Next', () => {
    const selected = selectEvent(start, ctx, nth(matches, 1));
    expect(selectStep(selected, ctx, 1).selected).toBe(nth(matches, 2));
    expect(selectStep(selected, ctx, -1).selected).toBe(firstMatch);
  });

  it('does not move when the search matches nothing', () => {
    const none = model.viewFor(filters(null, 'no such words anywhere'));
    const idle = initialViewState(none);
    expect(focusStep(idle, none, 1)).toBe(idle);
    expect(focusEdge(idle, none, 'first')).toBe(idle);
    const focused: ViewState = { ...idle, focused: 'ap-reports-authorization' };
    expect(focusStep(focused, none, 1).focused).toBe('ap-reports-authorization');
    expect(focusStep(focused, none, -1).focused).toBe('ap-reports-authorization');
  });
});
