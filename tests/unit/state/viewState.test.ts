import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  activateCluster,
  fitAll,
  focusEdge,
  focusStep,
  initialViewState,
  makeViewContext,
  selectEvent,
  selectStep,
  setWindow,
  windowShowing,
  zoomIn,
  zoomOut,
  zoomToRange,
  ZOOM_STEP,
  type ViewContext,
  type ViewState,
} from '../../../src/state/viewState';
import { buildLanes } from '../../../src/timeline/core/lanes';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { layoutTimeline } from '../../../src/timeline/core/layout';
import { centerOf, dataExtent, fitWindow, sameWindow, spanOf, zoomLimitsFor, type TimeWindow } from '../../../src/timeline/core/timeWindow';
import { at, DAY_MS, HOUR_MS, windowOf } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';

const dataset = bundledDataset();
const extent = dataExtent(dataset.events.map((e) => e.when)) as TimeWindow;
const limits = zoomLimitsFor(extent);
const lanes = buildLanes(dataset.events, dataset.actors);
/** Without lanes: revealing pans only. */
const ctx: ViewContext = makeViewContext(dataset.events, extent, limits);
/** With lanes, as the app builds it: revealing also zooms until the event has its own mark. */
const ctxWithLanes: ViewContext = makeViewContext(dataset.events, extent, limits, lanes);
const ids = dataset.events.map((e) => e.id);
const lastId = ids[ids.length - 1] as string;

const at0 = initialViewState(ctx);
const withWindow = (window: TimeWindow, state: ViewState = at0): ViewState => ({ ...state, window });
const overlapsWindow = (w: TimeWindow, e: { start: number; end: number }) => e.start < w.end && e.end > w.start;
const eventWhen = (id: string) => {
  const e = dataset.eventsById.get(id);
  if (!e) throw new Error(id);
  return e.when;
};

describe('initialViewState', () => {
  it('starts with nothing selected or focused, showing every event', () => {
    expect(at0.selected).toBeNull();
    expect(at0.focused).toBeNull();
    expect(at0.window).toEqual(fitWindow(extent));
    for (const e of dataset.events) expect(e.when.start >= at0.window.start && e.when.end <= at0.window.end).toBe(true);
  });
});

describe('zooming and panning', () => {
  it('zoomIn halves the window around the anchor', () => {
    const anchor = at('2024-06-01');
    const next = zoomIn(at0, ctx, anchor);
    expect(spanOf(next.window)).toBeCloseTo(spanOf(at0.window) / ZOOM_STEP, -1);
    const ratio = (anchor - at0.window.start) / spanOf(at0.window);
    expect((anchor - next.window.start) / spanOf(next.window)).toBeCloseTo(ratio, 9);
  });

  it('zoomIn stops at the minimum span and then leaves the state untouched', () => {
    let state = at0;
    for (let i = 0; i < 40; i++) state = zoomIn(state, ctx);
    expect(spanOf(state.window)).toBeCloseTo(limits.minSpan, -1);
    expect(zoomIn(state, ctx)).toBe(state);
  });

  it('zoomOut stops at the maximum span', () => {
    let state = at0;
    for (let i = 0; i < 20; i++) state = zoomOut(state, ctx);
    expect(spanOf(state.window)).toBeCloseTo(limits.maxSpan, -1);
    expect(zoomOut(state, ctx)).toBe(state);
  });

  it('zoomOut undoes zoomIn at the same anchor', () => {
    const anchor = at('2023-03-01');
    const back = zoomOut(zoomIn(at0, ctx, anchor), ctx, anchor);
    expect(sameWindow(back.window, at0.window, 1)).toBe(true);
  });

  it('fitAll returns to the fitted window', () => {
    const zoomed = setWindow(at0, ctx, windowOf('2024-11-10', '2024-11-20'));
    expect(fitAll(zoomed, ctx).window).toEqual(ctx.fit);
  });

  it('setWindow clamps to the zoom limits', () => {
    const tiny = setWindow(at0, ctx, { start: at('2024-11-17'), end: at('2024-11-17') + HOUR_MS });
    expect(spanOf(tiny.window)).toBe(limits.minSpan);
    const far = setWindow(at0, ctx, windowOf('2090', '2091'));
    expect(centerOf(far.window)).toBe(limits.maxCenter);
    const huge = setWindow(at0, ctx, windowOf('1900', '2100'));
    expect(spanOf(huge.window)).toBe(limits.maxSpan);
  });

  it('setWindow keeps the same state object when the window does not change', () => {
    expect(setWindow(at0, ctx, { ...at0.window })).toBe(at0);
  });

  it('zoomToRange frames the range, centred', () => {
    const range = windowOf('2024-11-15', '2024-11-17');
    const next = zoomToRange(at0, ctx, range);
    expect(next.window.start).toBeLessThan(range.start);
    expect(next.window.end).toBeGreaterThan(range.end);
    expect(centerOf(next.window)).toBeCloseTo(centerOf(range), -1);
    expect(spanOf(next.window)).toBeLessThan(spanOf(range) * 2);
  });
});

describe('activateCluster', () => {
  it('zooms to the time a cluster covers when zooming will split it', () => {
    const range = windowOf('2024-11-15', '2024-11-17');
    const next = activateCluster(withWindow(ctx.fit), ctx, { ...range, first: 0 });
    expect(next.window).toEqual(zoomToRange(at0, ctx, range).window);
    expect(next.selected).toBeNull();
  });

  it('opens the first event of a cluster that zooming cannot split (the view already frames its time)', () => {
    const range = windowOf('2024-11-15', '2024-11-17');
    const framed = zoomToRange(at0, ctx, range).window;
    const first = ctx.indexOf.get('ap-reports-authorization') as number;
    const next = activateCluster(withWindow(framed), ctx, { ...range, first });
    expect(next.selected).toBe('ap-reports-authorization');
    expect(next.window).toEqual(framed);
  });
});

describe('selectEvent', () => {
  it('selects and focuses the event, leaving the window alone without reveal', () => {
    const next = selectEvent(at0, ctx, 'ap-reports-authorization');
    expect(next.selected).toBe('ap-reports-authorization');
    expect(next.focused).toBe('ap-reports-authorization');
    expect(next.window).toBe(at0.window);
  });

  it('ignores an unknown id', () => {
    expect(selectEvent(at0, ctx, 'no-such-event', { reveal: true })).toBe(at0);
  });

  it('clears the selection with null, and is a no-op when nothing is selected', () => {
    const selected = selectEvent(at0, ctx, 'ap-reports-authorization');
    expect(selectEvent(selected, ctx, null).selected).toBeNull();
    expect(selectEvent(at0, ctx, null)).toBe(at0);
  });

  it('with reveal, pans so that a short event lies inside the window', () => {
    const start = withWindow(windowOf('2022-06-01', '2022-06-07'));
    const next = selectEvent(start, ctx, 'ap-reports-authorization', { reveal: true });
    const when = eventWhen('ap-reports-authorization');
    expect(next.window.start).toBeLessThanOrEqual(when.start);
    expect(next.window.end).toBeGreaterThanOrEqual(when.end);
    expect(spanOf(next.window)).toBeCloseTo(spanOf(start.window), -1);
  });

  it('with reveal, brings a long event into view without zooming out to its whole length', () => {
    const start = withWindow(windowOf('2024-11-10', '2024-11-16'));
    const next = selectEvent(start, ctx, 'russia-invades-ukraine', { reveal: true });
    expect(overlapsWindow(next.window, eventWhen('russia-invades-ukraine'))).toBe(true);
    expect(spanOf(next.window)).toBeCloseTo(spanOf(start.window), -1);
  });

  it('with reveal, makes every event visible from any window', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: Math.log(limits.minSpan), max: Math.log(limits.maxSpan), noNaN: true }), (id, c, logSpan) => {
        const span = Math.exp(logSpan);
        const center = limits.minCenter + c * (limits.maxCenter - limits.minCenter);
        const start = setWindow(at0, ctx, { start: center - span / 2, end: center + span / 2 });
        const next = selectEvent(start, ctx, id, { reveal: true });
        const when = eventWhen(id);
        expect(overlapsWindow(next.window, when)).toBe(true);
        if (when.end - when.start <= spanOf(start.window) * 0.8) {
          expect(next.window.start).toBeLessThanOrEqual(when.start + 1);
          expect(next.window.end).toBeGreaterThanOrEqual(when.end - 1);
        }
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('with reveal and lanes, zooms in until the event stands on its own mark, not inside a cluster', () => {
    for (const id of ['zelenskyy-says-missiles-will-speak', 'zelenskyy-hopes-for-diplomatic-end', 'ap-reports-authorization']) {
      const next = selectEvent(at0, ctxWithLanes, id, { reveal: true });
      const index = ctxWithLanes.indexOf.get(id) as number;
      const layout = layoutTimeline({ lanes, window: next.window, width: next.width, labelWidth: () => 0 });
      expect(layout.focusKeyOfEvent.get(index), id).toBe(`event:${index}`);
      expect(overlapsWindow(next.window, eventWhen(id))).toBe(true);
    }
  });
});

describe('stepping through a dense sample', () => {
  const sample = validateDataset(generateDataset({ events: 10000, seed: 1 })).dataset;
  if (!sample) throw new Error('the sample should be valid');
  const sampleExtent = dataExtent(sample.events.map((e) => e.when)) as TimeWindow;
  const sampleLanes = buildLanes(sample.events, sample.actors);
  const context = makeViewContext(sample.events, sampleExtent, zoomLimitsFor(sampleExtent), sampleLanes, {}, sample.eventsById);

  it('leaves every event it selects drawn in the window it shows, a day-precise point included', () => {
    // In 10,000 events the arrow keys reach the closest zoom (3 hours) on long spans that stay clustered; a
    // day-precise event, drawn as a point at midday, was then "shown" by a window that only met its day's end.
    let state: ViewState = { ...initialViewState(context), width: 752 };
    state = selectEvent(state, context, sample.events[0]?.id ?? null, { reveal: true });
    for (let step = 1; step < 60; step++) {
      state = selectStep(state, context, 1);
      const index = context.indexOf.get(state.selected as string) as number;
      const layout = layoutTimeline({ lanes: sampleLanes, window: state.window, width: state.width, labelWidth: () => 0, priority: [index], itemStartOf: (i) => context.order.itemStarts[i] ?? 0 });
      expect(layout.focusKeyOfEvent.get(index), `${state.selected} in ${new Date(state.window.start).toISOString()}–${new Date(state.window.end).toISOString()}`).toBeDefined();
    }
  });

  it('shows the whole of a fortnight-long span that no zoom draws apart from its neighbour, not a few hours of it', () => {
    // "Minister Orlin runs convoys to Greyford", 6–21 January 2014, overlaps another span in its row at every
    // zoom: revealing it zoomed on to the closest zoom, a 3-hour window in the middle of its fortnight.
    const convoys = sample.events.find((e) => e.title === 'Minister Orlin runs convoys to Greyford' && e.date === '2014-01-06/2014-01-21');
    if (!convoys) throw new Error('the sample should have the convoys of 6–21 January 2014');
    const state = selectEvent({ ...initialViewState(context), width: 752 }, context, convoys.id, { reveal: true });
    const index = context.indexOf.get(convoys.id) as number;
    const layout = layoutTimeline({ lanes: sampleLanes, window: state.window, width: state.width, labelWidth: () => 0, priority: [index], itemStartOf: (i) => context.order.itemStarts[i] ?? 0 });
    const key = layout.focusKeyOfEvent.get(index);
    const mark = layout.marks.find((m) => m.key === key);
    // Still a cluster (no zoom can split it), of the two spans alone, with the whole fortnight in view.
    expect(mark?.type === 'cluster' ? mark.count : null).toBe(2);
    expect(state.window.start).toBeLessThanOrEqual(convoys.when.start);
    expect(state.window.end).toBeGreaterThanOrEqual(convoys.when.end);
  });
});

describe('keyboard focus', () => {
  it('focusStep starts at the first event in view when nothing is focused', () => {
    const state = withWindow(windowOf('2024-11-14', '2024-11-19'));
    const next = focusStep(state, ctx, 1);
    const expected = dataset.events.find((e) => e.when.end >= state.window.start);
    expect(next.focused).toBe(expected?.id);
  });

  it('focusStep moves through events in time order and stops at the last', () => {
    let state = focusEdge(at0, ctx, 'first');
    const visited = [state.focused];
    for (let i = 0; i < ids.length + 3; i++) {
      state = focusStep(state, ctx, 1);
      visited.push(state.focused);
    }
    expect(visited.slice(0, ids.length)).toEqual(ids);
    expect(visited.slice(ids.length)).toEqual([lastId, lastId, lastId, lastId]);
  });

  it('focusStep moves backwards and stops at the first', () => {
    let state = focusEdge(at0, ctx, 'last');
    const visited = [state.focused];
    for (let i = 0; i < ids.length + 1; i++) {
      state = focusStep(state, ctx, -1);
      visited.push(state.focused);
    }
    expect(visited.slice(0, ids.length)).toEqual([...ids].reverse());
    expect(visited[ids.length]).toBe(ids[0]);
  });

  it('focusStep keeps the focused event in view', () => {
    let state = setWindow(at0, ctx, windowOf('2024-11-16', '2024-11-18'));
    state = selectEvent(state, ctx, 'zelenskyy-hopes-for-diplomatic-end');
    for (let i = 0; i < 6; i++) {
      state = focusStep(state, ctx, -1);
      expect(overlapsWindow(state.window, eventWhen(state.focused as string))).toBe(true);
    }
  });

  it('focusStep does not change the selection', () => {
    const selected = selectEvent(at0, ctx, 'ap-reports-authorization');
    expect(focusStep(selected, ctx, 1).selected).toBe('ap-reports-authorization');
  });

  it('focusEdge focuses the first or last event and shows it', () => {
    const narrow = setWindow(at0, ctx, windowOf('2023-06-01', '2023-06-07'));
    const first = focusEdge(narrow, ctx, 'first');
    expect(first.focused).toBe(ids[0]);
    expect(overlapsWindow(first.window, eventWhen(ids[0] as string))).toBe(true);
    const last = focusEdge(narrow, ctx, 'last');
    expect(last.focused).toBe(lastId);
    expect(overlapsWindow(last.window, eventWhen(lastId))).toBe(true);
  });

  it('does nothing on an empty dataset', () => {
    const empty = makeViewContext([], windowOf('2024-11-01', '2024-11-30'), zoomLimitsFor(windowOf('2024-11-01', '2024-11-30')));
    const state = initialViewState(empty);
    expect(focusStep(state, empty, 1)).toBe(state);
    expect(focusEdge(state, empty, 'last')).toBe(state);
  });
});

describe('selectStep', () => {
  it('selects the next and previous events in time, revealing them', () => {
    const i = ids.indexOf('zelenskyy-hopes-for-diplomatic-end');
    const start = selectEvent(setWindow(at0, ctx, windowOf('2024-11-14', '2024-11-16')), ctx, 'zelenskyy-hopes-for-diplomatic-end');
    const next = selectStep(start, ctx, 1);
    expect(next.selected).toBe(ids[i + 1]);
    expect(next.focused).toBe(ids[i + 1]);
    expect(overlapsWindow(next.window, eventWhen(ids[i + 1] as string))).toBe(true);
    expect(selectStep(start, ctx, -1).selected).toBe(ids[i - 1]);
  });

  it('steps from the selection, not from a focus that has wandered elsewhere', () => {
    const state = { ...selectEvent(at0, ctx, ids[3] as string), focused: ids[10] as string };
    expect(selectStep(state, ctx, 1).selected).toBe(ids[4]);
  });

  it('stays on the last event at the end and on the first at the start', () => {
    expect(selectStep(selectEvent(at0, ctx, lastId), ctx, 1).selected).toBe(lastId);
    expect(selectStep(selectEvent(at0, ctx, ids[0] as string), ctx, -1).selected).toBe(ids[0]);
  });
});

describe('windowShowing', () => {
  it('leaves the window alone when a long event already crosses its middle', () => {
    const w = windowOf('2024-06-01', '2024-06-07');
    expect(windowShowing(w, ctx, eventWhen('us-security-assistance-since-invasion'))).toBe(w);
  });

  it('pans to the nearer end of a long event that is out of view', () => {
    const w = windowOf('2021-06-01', '2021-06-07');
    const next = windowShowing(w, ctx, eventWhen('russia-invades-ukraine'));
    expect(overlapsWindow(next, eventWhen('russia-invades-ukraine'))).toBe(true);
    expect(spanOf(next)).toBeCloseTo(spanOf(w), -1);
    expect(next.end - eventWhen('russia-invades-ukraine').start).toBeLessThan(7 * DAY_MS);
  });
});

describe('makeViewContext: the place of an event by its id', () => {
  it('finds every event of a large sample, ties of start and end included, without a map of ids', () => {
    const sample = validateDataset(generateDataset({ events: 4000, seed: 11 })).dataset;
    if (!sample) throw new Error('the sample should be valid');
    const sampleExtent = dataExtent(sample.events.map((e) => e.when)) as TimeWindow;
    const context = makeViewContext(sample.events, sampleExtent, zoomLimitsFor(sampleExtent), undefined, {}, sample.eventsById);
    const ties = sample.events.filter((e, i) => i > 0 && sample.events[i - 1]?.when.start === e.when.start && sample.events[i - 1]?.when.end === e.when.end);
    expect(ties.length).toBeGreaterThan(10);
    sample.events.forEach((event, i) => expect(context.indexOf.get(event.id)).toBe(i));
    expect(context.indexOf.has('not-an-event')).toBe(false);
  });

  it('does not place an event the list leaves out, though the dataset has it', () => {
    const some = dataset.events.filter((_, i) => i % 2 === 0);
    const context = makeViewContext(some, extent, limits, undefined, {}, dataset.eventsById);
    dataset.events.forEach((event, i) => expect(context.indexOf.get(event.id)).toBe(i % 2 === 0 ? i / 2 : undefined));
  });

  it('still places events given out of time order', () => {
    const reversed = [...dataset.events].reverse();
    const context = makeViewContext(reversed, extent, limits);
    reversed.forEach((event, i) => expect(context.indexOf.get(event.id)).toBe(i));
  });
});
