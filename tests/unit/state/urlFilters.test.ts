import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseViewParams, restoreView, writeViewParams } from '../../../src/state/urlState';
import { createViewModel } from '../../../src/state/viewModel';
import { NO_FILTERS, type Filters } from '../../../src/state/filters';
import { initialViewState, selectEvent, setFilters, setView, setWindow, type ViewState } from '../../../src/state/viewState';
import { sameWindow } from '../../../src/timeline/core/timeWindow';
import { at, windowOf } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';

// The filters and views below are written for a dataset that names no opening view; `opened` has one.
const opened = createViewModel(bundledDataset());
const dataset = { ...bundledDataset(), view: undefined, openingWindow: undefined };
const model = createViewModel(dataset);
const actorIds = dataset.actors.map((a) => a.id);
const initial = initialViewState(model.viewFor(NO_FILTERS));

function collectWarnings(): { warn: (message: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (m) => messages.push(m), messages };
}

/** The state after the reader sets these filters (and optionally a view), starting from `state`. */
function withFilters(f: Filters, state: ViewState = initial): ViewState {
  return setFilters(state, model.viewFor(f), f);
}

const write = (state: ViewState, search = '') => writeViewParams(search, state, model.viewFor(state.filters));

describe('parseViewParams: filters and view', () => {
  it('reads a comma-separated list of actors', () => {
    expect(parseViewParams('?actors=north-korea,united-states').actors).toEqual(['north-korea', 'united-states']);
    expect(parseViewParams('?actors=north-korea%2Cunited-states').actors).toEqual(['north-korea', 'united-states']);
  });

  it('reads an empty actors parameter as an empty list (none chosen), and its absence as all actors', () => {
    expect(parseViewParams('?actors=').actors).toEqual([]);
    expect(parseViewParams('?q=kursk').actors).toBeUndefined();
  });

  it('skips empty items and spaces in the actors list', () => {
    expect(parseViewParams('?actors=,russia,,%20ukraine%20,').actors).toEqual(['russia', 'ukraine']);
  });

  it('reads the search, decoded', () => {
    expect(parseViewParams('?q=Kursk').query).toBe('Kursk');
    expect(parseViewParams('?q=north+korea').query).toBe('north korea');
    expect(parseViewParams('?q=Ky%C3%AFv%20%26%20Crimea').query).toBe('Kyïv & Crimea');
  });

  it('reads no search from an empty q', () => {
    expect(parseViewParams('?q=')).toEqual({});
  });

  it('reads view=list and view=timeline without warning', () => {
    const { warn, messages } = collectWarnings();
    expect(parseViewParams('?view=list', warn).view).toBe('list');
    expect(parseViewParams('?view=timeline', warn).view).toBe('timeline');
    expect(messages).toEqual([]);
  });

  it.each(['grid', 'LIST', ''])('ignores view=%j with a warning, keeping the rest', (mode) => {
    const { warn, messages } = collectWarnings();
    const view = parseViewParams(`?view=${mode}&actors=russia&q=kursk`, warn);
    expect(view).toEqual({ actors: ['russia'], query: 'kursk' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`view=${mode}`);
  });

  it('reads filters, view, event and window together', () => {
    expect(parseViewParams('?data=x.json&event=ap-reports-authorization&from=2024-11-01&to=2024-11-30&actors=ukraine&q=missiles&view=list')).toEqual({
      selected: 'ap-reports-authorization',
      window: { start: at('2024-11-01'), end: at('2024-11-30') },
      actors: ['ukraine'],
      query: 'missiles',
      view: 'list',
    });
  });
});

describe('writeViewParams: filters and view', () => {
  it('writes nothing for all actors, no search and the timeline', () => {
    expect(write(initial)).toBe('');
    expect(write(initial, '?actors=russia&q=kursk&view=list')).toBe('');
  });

  it('writes the chosen actors, commas unescaped', () => {
    const text = write(withFilters({ actors: ['north-korea', 'united-states'], query: '' }));
    expect(text).toBe('?actors=north-korea,united-states');
    expect(text).not.toContain('%2C');
  });

  it('writes an empty actors parameter when none are chosen, so that it reads back as none', () => {
    const text = write(withFilters({ actors: [], query: '' }));
    expect(text).toBe('?actors=');
    expect(parseViewParams(text).actors).toEqual([]);
  });

  it('writes the search only when it is not blank', () => {
    expect(new URLSearchParams(write(withFilters({ actors: null, query: 'Kyïv & Crimea, 50%' }))).get('q')).toBe('Kyïv & Crimea, 50%');
    expect(write(withFilters({ actors: null, query: '   ' }))).toBe('');
    expect(write(withFilters({ actors: null, query: ' ' }), '?q=old')).toBe('');
  });

  it('writes view=list only for the list', () => {
    expect(write(setView(initial, 'list'))).toBe('?view=list');
    expect(write(setView(initial, 'timeline'), '?view=list')).toBe('');
  });

  it('keeps parameters that belong to others, such as data=', () => {
    const data = 'https://example.org/data/a,b.json?x=1&y=2';
    const state = setView(withFilters({ actors: ['russia', 'ukraine'], query: 'kursk' }), 'list');
    const params = new URLSearchParams(write(state, `?data=${encodeURIComponent(data)}&lang=en`));
    expect(params.get('data')).toBe(data);
    expect(params.get('lang')).toBe('en');
    expect(params.get('actors')).toBe('russia,ukraine');
    expect(params.get('q')).toBe('kursk');
    expect(params.get('view')).toBe('list');
  });

  it('removes actors, q and view that no longer apply, keeping the rest', () => {
    expect(write(initial, '?data=x.json&actors=russia&q=kursk&view=list')).toBe('?data=x.json');
  });
});

describe('restoreView', () => {
  it('restores the chosen actors, search and view', () => {
    const { warn, messages } = collectWarnings();
    const state = restoreView(model, { actors: ['north-korea', 'joe-biden'], query: 'kursk', view: 'list' }, warn);
    expect(state.filters).toEqual({ actors: ['north-korea', 'joe-biden'], query: 'kursk' });
    expect(state.view).toBe('list');
    expect(messages).toEqual([]);
  });

  it('defaults to all actors, no search and the timeline, opening where the dataset says the story starts', () => {
    const state = restoreView(opened, {});
    expect(state.filters).toEqual(NO_FILTERS);
    expect(state.view).toBe('timeline');
    expect(opened.dataset.openingWindow).toBeDefined();
    expect(state.window).toEqual(opened.dataset.openingWindow);
    expect(state.selected).toBe(opened.dataset.view?.event);
  });

  it('opens on the whole extent with nothing selected for a dataset that names no opening', () => {
    const plain = model;
    const state = restoreView(plain, {});
    expect(state.window).toEqual(plain.fit);
    expect(state.selected).toBeNull();
    expect(writeViewParams('', state, plain.viewFor(NO_FILTERS))).toBe('');
  });

  it('lets a link that names an event or a window, or says none is selected (event=), override the opening event', () => {
    expect(restoreView(opened, parseViewParams('?event=ap-reports-authorization')).selected).toBe('ap-reports-authorization');
    expect(restoreView(opened, parseViewParams('?from=2023-01-01&to=2023-06-01')).selected).toBeNull();
    expect(restoreView(opened, parseViewParams('?event=')).selected).toBeNull();
    // …and a view with nothing selected comes back with nothing selected.
    const cleared = { ...restoreView(opened, {}), selected: null };
    const search = writeViewParams('', cleared, opened.viewFor(NO_FILTERS));
    expect(restoreView(opened, parseViewParams(search)).selected).toBeNull();
  });

  it('drops unknown actor ids with a warning naming each, keeping the known ones', () => {
    const { warn, messages } = collectWarnings();
    const state = restoreView(model, { actors: ['atlantis', 'russia', 'el-dorado'] }, warn);
    expect(state.filters.actors).toEqual(['russia']);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('"atlantis"');
    expect(messages[1]).toContain('"el-dorado"');
  });

  it('falls back to all actors when every actor in the URL is unknown', () => {
    const { warn, messages } = collectWarnings();
    const state = restoreView(model, { actors: ['atlantis', 'el-dorado'] }, warn);
    expect(state.filters.actors).toBeNull();
    expect(messages).toHaveLength(2);
  });

  it('keeps an empty list of actors as none chosen, without a warning', () => {
    const { warn, messages } = collectWarnings();
    expect(restoreView(model, { actors: [] }, warn).filters.actors).toEqual([]);
    expect(messages).toEqual([]);
  });

  it('selects an event the URL’s filters show', () => {
    const state = restoreView(model, { actors: ['north-korea'], selected: 'officials-explain-biden-reasons' });
    expect(state.selected).toBe('officials-explain-biden-reasons');
    expect(state.focused).toBe('officials-explain-biden-reasons');
  });

  it('drops a selected event the URL’s own filters hide', () => {
    const { warn, messages } = collectWarnings();
    const state = restoreView(model, { actors: ['north-korea'], selected: 'ap-reports-authorization' }, warn);
    expect(state.selected).toBeNull();
    expect(state.filters.actors).toEqual(['north-korea']);
    expect(messages).toHaveLength(1);
  });

  it('says a selected event is hidden by the filters, not that the dataset lacks it', () => {
    // The event exists; the warning "this dataset has no such event" sends the reader looking for a typo.
    const { warn, messages } = collectWarnings();
    restoreView(model, { actors: ['north-korea'], selected: 'ap-reports-authorization' }, warn);
    expect(messages.join('\n')).not.toContain('no such event');
  });

  it('restores a URL written from the whole parsed query string, with its warnings', () => {
    const { warn, messages } = collectWarnings();
    const state = restoreView(model, parseViewParams('?actors=ukraine,atlantis&q=Kursk&view=table', warn), warn);
    expect(state.filters).toEqual({ actors: ['ukraine'], query: 'Kursk' });
    expect(state.view).toBe('timeline');
    expect(messages).toHaveLength(2);
  });
});

describe('state → URL → restoreView', () => {
  function roundTrip(state: ViewState): ViewState {
    const search = writeViewParams('?data=bundled&lang=en', state, model.viewFor(state.filters));
    expect(new URLSearchParams(search).get('data')).toBe('bundled');
    return restoreView(model, parseViewParams(search));
  }

  function expectSameView(back: ViewState, state: ViewState) {
    expect(back.filters.actors).toEqual(state.filters.actors);
    expect(back.filters.query).toBe(state.filters.query.trim() === '' ? '' : state.filters.query);
    expect(back.view).toBe(state.view);
    expect(back.selected).toBe(state.selected);
    expect(sameWindow(back.window, state.window, 1000)).toBe(true);
  }

  it('gives back the filters, view, selection and window of a reader’s session', () => {
    let state = withFilters({ actors: ['north-korea', 'united-states'], query: 'Kyïv, Kursk & “missiles”' });
    const ctx = model.viewFor(state.filters);
    state = setWindow(state, ctx, { start: at('2024-11-10') + 1234.5, end: at('2024-11-20') + 98765.4 });
    state = selectEvent(state, ctx, 'officials-explain-biden-reasons');
    state = setView(state, 'list');
    expectSameView(roundTrip(state), state);
  });

  it('gives back none chosen, and all actors', () => {
    expectSameView(roundTrip(withFilters({ actors: [], query: '' })), withFilters({ actors: [], query: '' }));
    expectSameView(roundTrip(initial), initial);
  });

  it('gives back any filters, view, visible selection and window', () => {
    const { limits } = model;
    fc.assert(
      fc.property(
        fc.option(fc.subarray(actorIds), { nil: null }),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
        fc.constantFrom<ViewState['view']>('timeline', 'list'),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: Math.log(limits.minSpan), max: Math.log(limits.maxSpan), noNaN: true }),
        (actors, query, view, pick, c, logSpan) => {
          const f: Filters = { actors, query };
          const ctx = model.viewFor(f);
          const span = Math.exp(logSpan);
          const center = limits.minCenter + c * (limits.maxCenter - limits.minCenter);
          let state = setView(setWindow(withFilters(f), ctx, { start: center - span / 2, end: center + span / 2 }), view);
          const visible = ctx.order.events[pick % (ctx.order.length + 1)]?.id;
          if (visible) state = selectEvent(state, ctx, visible);
          expectSameView(roundTrip(state), state);
        },
      ),
      { numRuns: 120, seed: 23 },
    );
  });

  it('writes the same URL again after restoring it', () => {
    const state = setView(selectEvent(withFilters({ actors: ['ukraine'], query: 'Kursk' }), model.viewFor({ actors: ['ukraine'], query: 'Kursk' }), 'ukraine-holds-ground-in-kursk'), 'list');
    const zoomed = setWindow(state, model.viewFor(state.filters), windowOf('2024-11-01', '2024-11-29'));
    const first = write(zoomed, '?data=x.json');
    expect(first).toBe('?data=x.json&event=ukraine-holds-ground-in-kursk&from=2024-11-01&to=2024-11-30&actors=ukraine&q=Kursk&view=list');
    expect(write(restoreView(model, parseViewParams(first)), '?data=x.json')).toBe(first);
  });
});
