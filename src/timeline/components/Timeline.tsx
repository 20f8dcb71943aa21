import { memo, startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Dataset, TimelineEvent } from '../../data/model';
import type { Actor } from '../../data/schema';
import type { ViewState } from '../../state/viewState';
import type { FilteredView } from '../../state/viewModel';
import type { ViewActions } from '../../state/useViewState';
import { formatAtPrecision, formatEventDate } from '../../data/formatDate';
import { layoutTimeline, type ClusterMark, type EchoMark, type Mark, type TimelineLayout } from '../core/layout';
import { axisTicks } from '../core/ticks';
import { itemStart, type Lane } from '../core/lanes';
import { createTimeScale } from '../core/timeScale';
import { frameRange, spanOf } from '../core/timeWindow';
import { PERIOD_ROW_HEIGHT, periodBands, periodRowCount, periodRows } from '../core/periods';
import type { PanZoomController } from '../interaction/panZoom';
import { commandForKey } from '../interaction/keyboardMap';
import { Axis, AXIS_HEIGHT } from './Axis';
import { OverviewStrip } from './OverviewStrip';
import { ClusterMarkView, colorStyle, EchoMarkView, EventMarkView } from './MarkView';
import { useElementWidth } from './useElementWidth';
import { useLabelWidths } from './useLabelWidths';
import { GestureCanvas } from './GestureCanvas';
import { useI18n } from '../../i18n';
import { useMediaQuery } from './useMediaQuery';
import { GEOMETRY, TOUCH_GEOMETRY } from '../core/geometry';

interface TimelineProps {
  dataset: Dataset;
  /** The events the filters leave, their lanes, and the search hits among them. */
  ctx: FilteredView;
  state: ViewState;
  actions: ViewActions;
  /** Inside an embed: the plain wheel scrolls the host page. */
  embedded?: boolean;
}

/** Which mark holds the single Tab stop: the focused event's, else the selected one's, else the first in view. */
function tabStopKey(marks: readonly Mark[], focusKeyOfEvent: ReadonlyMap<number, string>, candidates: readonly (number | undefined)[]): string | null {
  for (const index of candidates) {
    if (index === undefined) continue;
    const key = focusKeyOfEvent.get(index);
    if (key) return key;
  }
  const focusable = [...marks];
  focusable.sort((a, b) => a.x - b.x || a.y - b.y);
  return focusable[0]?.key ?? null;
}

/** A phone, or any screen used with fingers. */
export const TOUCH_QUERY = '(pointer: coarse), (max-width: 480px)';

const NO_LANES: readonly Lane[] = [];
const NO_PERIODS: NonNullable<Dataset['periods']> = [];
const MAX_PUBLICATION_MARKERS = 5;

export function Timeline({ dataset, ctx, state, actions, embedded = false }: TimelineProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const events = ctx.events;
  const lanes = ctx.lanes ?? NO_LANES;
  const plotRef = useRef<HTMLDivElement>(null);
  const controller = useRef<PanZoomController | null>(null);
  const [gesturesReady, setGesturesReady] = useState(false);
  // A re-rendered mark can take DOM focus with it; remember the reader was here to give it back.
  const keyboardInside = useRef(false);
  // A pointer is down on the marks: the focus it brings must not move them.
  const pointerPressing = useRef(false);
  const width = useElementWidth(plotRef);
  // Fingers get larger targets that never overlap; a mouse gets the denser rhythm.
  const touch = useMediaQuery(TOUCH_QUERY);
  const geometry = touch ? TOUCH_GEOMETRY : GEOMETRY;
  // Read from the events and the view's index as they are: copying a million titles or dates takes a long task.
  const labelWidth = useLabelWidths(events);

  const selectedIndex = state.selected === null ? undefined : ctx.indexOf.get(state.selected);
  const focusedIndex = state.focused === null ? undefined : ctx.indexOf.get(state.focused);
  const scale = useMemo(() => createTimeScale(state.window, width), [state.window, width]);
  const layout = useMemo(
    () =>
      layoutTimeline({
        lanes,
        window: state.window,
        width,
        labelWidth,
        itemStartOf: (i) => {
          const when = events[i]?.when;
          return when ? itemStart(when) : 0;
        },
        priority: [selectedIndex, focusedIndex].filter((i): i is number => i !== undefined),
        geometry,
      }),
    [lanes, events, state.window, width, labelWidth, selectedIndex, focusedIndex, geometry],
  );
  const ticks = useMemo(() => axisTicks(state.window, width, undefined, i18n), [state.window, width, i18n]);
  // During a reader's wheel, drag or pinch the focusable marks stay as they were (hidden) and a canvas
  // draws each frame; they are rendered again, once, for the window where the gesture ends.
  const [gestureLayout, setGestureLayout] = useState<TimelineLayout | null>(null);
  const committedLayout = useRef(layout);
  useEffect(() => {
    committedLayout.current = layout;
  });
  const onGesture = useCallback((active: boolean) => {
    if (active) setGestureLayout(committedLayout.current);
    // Rendering a thousand marks takes longer than a frame: as a transition React does it in slices,
    // and the canvas stays until they are ready.
    else startTransition(() => setGestureLayout(null));
  }, []);
  const shownLayout = gestureLayout ?? layout;
  // Not redone on every frame of a gesture, while the marks it picks from stay as they were.
  const stopKey = useMemo(() => tabStopKey(shownLayout.marks, shownLayout.focusKeyOfEvent, [focusedIndex, selectedIndex]), [shownLayout, focusedIndex, selectedIndex]);
  const periods = dataset.periods ?? NO_PERIODS;
  const periodInputs = useMemo(() => periods.map((p) => ({ id: p.id, label: p.label, start: p.when.start, end: p.when.end })), [periods]);
  const periodRowOf = useMemo(() => periodRows(periodInputs), [periodInputs]);
  const bands = useMemo(() => periodBands(periodInputs, periodRowOf, state.window, width), [periodInputs, periodRowOf, state.window, width]);
  // Period labels get a strip of their own below the lanes, so they never cover an event.
  const lanesHeight = Math.max(layout.height, 80);
  const periodStrip = periodRowCount(periodRowOf) * PERIOD_ROW_HEIGHT + (periods.length > 0 ? 4 : 0);
  const plotHeight = lanesHeight + periodStrip;

  const [wheelHint, setWheelHint] = useState(false);
  const hintTimer = useRef<number | undefined>(undefined);
  const showWheelHint = useCallback(() => {
    setWheelHint(true);
    window.clearTimeout(hintTimer.current);
    hintTimer.current = window.setTimeout(() => setWheelHint(false), 1500);
  }, []);
  useEffect(() => () => window.clearTimeout(hintTimer.current), []);

  // The controller is made once per dataset (filters keep the axis); React state stays the owner of the window.
  const { start: fitStart, end: fitEnd } = ctx.fit;
  const limits = ctx.limits;
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  useEffect(() => {
    const element = plotRef.current;
    if (!element) return;
    // Gesture handling (d3-zoom and what it brings) loads just after the first render: a tenth of the
    // page's script that the first paint does not need.
    let cancelled = false;
    void import('../interaction/panZoom').then(({ createPanZoom }) => {
      if (cancelled) return;
      controller.current = createPanZoom({
        element,
        base: { start: fitStart, end: fitEnd },
        onWindow: actions.setWindow,
        wheelNeedsModifier: embedded,
        onPlainWheel: showWheelHint,
        onGesture,
      });
      controller.current.update(stateRef.current.window, stateRef.current.width, limits);
      setGesturesReady(true);
    });
    return () => {
      cancelled = true;
      controller.current?.destroy();
      controller.current = null;
    };
  }, [fitStart, fitEnd, limits, actions, embedded, showWheelHint, onGesture]);

  useEffect(() => {
    controller.current?.update(state.window, width, limits);
  }, [state.window, width, limits]);

  useEffect(() => actions.setWidth(width), [width, actions]);

  // Roving focus: when the focused event changes while the reader is in the timeline, follow it.
  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot || focusedIndex === undefined) return;
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (!plot.contains(document.activeElement) && !(lost && keyboardInside.current)) return;
    const key = shownLayout.focusKeyOfEvent.get(focusedIndex);
    // Keys are built from slugs and numbers, safe inside a quoted attribute selector.
    const target = key ? plot.querySelector<HTMLElement>(`[data-mark-key="${key}"]`) : null;
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
  }, [focusedIndex, shownLayout]);

  // The marks' handlers read the latest render through a ref, so that they keep one identity and the
  // marks layer can skip re-rendering while a gesture is under way.
  const live = useRef({ events, state, actions, limits: ctx.limits, focusedIndex });
  useEffect(() => {
    live.current = { events, state, actions, limits: ctx.limits, focusedIndex };
  });
  const handlers = useMemo<MarkHandlers>(() => {
    const focusedTime = () => {
      const { events, state, focusedIndex } = live.current;
      const when = focusedIndex === undefined ? undefined : events[focusedIndex]?.when;
      if (!when) return undefined;
      const t = (when.start + when.end) / 2;
      return t >= state.window.start && t <= state.window.end ? t : undefined;
    };
    return {
      onKeyDown(event) {
        keyboardInside.current = true;
        const command = commandForKey(event.key, event);
        if (!command) return;
        event.preventDefault();
        event.stopPropagation();
        const { actions } = live.current;
        // Stepping selects: the details and the source follow the keyboard, and focus stays on the mark.
        if (command.type === 'step') actions.selectStep(command.step);
        else if (command.type === 'edge') actions.selectEdge(command.edge);
        else if (command.type === 'zoomIn') actions.zoomIn(focusedTime());
        else if (command.type === 'zoomOut') actions.zoomOut(focusedTime());
        else if (command.type === 'fitAll') actions.fitAll();
        else actions.clearSelection();
      },
      // Focus that comes with a press stays put: moving the view under the pointer would make the
      // release land beside the mark, and the click would be lost.
      focus(id) {
        if (pointerPressing.current) return;
        if (live.current.state.focused !== id) live.current.actions.focus(id);
      },
      select(id) {
        live.current.actions.select(id);
      },
      // A cluster that zooming cannot split (its events overlap in time) opens its first event instead.
      activateCluster(mark) {
        const { events, state, actions, limits } = live.current;
        const framed = frameRange({ start: mark.start, end: mark.end }, limits);
        const first = events[mark.first];
        if (spanOf(framed) > spanOf(state.window) * 0.7 && first) actions.select(first.id);
        else actions.zoomToRange({ start: mark.start, end: mark.end });
      },
      fitAll() {
        live.current.actions.fitAll();
      },
      leftMarks() {
        keyboardInside.current = false;
      },
      pressed(down) {
        if (down) pointerPressing.current = true;
        // The click (and the focus it brings) comes after the release; the press ends after it.
        else window.setTimeout(() => (pointerPressing.current = false), 0);
      },
    };
  }, []);

  const publications = useMemo(
    () =>
      // One marker per source reads well for an article or a few; hundreds of them would hide the data.
      dataset.sources.length > MAX_PUBLICATION_MARKERS
        ? []
        : dataset.sources.flatMap(({ id, publishedDate: date }) => (date ? [{ id, time: (date.start + date.end) / 2, date }] : [])),
    [dataset],
  );

  // A shared event is linked across lanes: a line from its mark through its echoes.
  const selectedMarks =
    selectedIndex === undefined ? [] : [...layout.marks, ...layout.echoes].filter((m) => (m.type === 'event' ? m.event === selectedIndex : m.events.includes(selectedIndex)));
  const anchor = selectedMarks[0];
  const connectorX = anchor ? (anchor.shape === 'point' ? anchor.x : Math.min(Math.max(anchor.x, 0) + 8, width - 8)) : null;
  const connectorYs = selectedMarks.map((m) => m.y);

  return (
    <section className={touch ? 'timeline is-touch' : 'timeline'} role={embedded ? 'group' : undefined} aria-label={t('timeline.region', { title: dataset.title })}>
      <div className="timeline-toolbar">
        <div className="timeline-zoom" role="group" aria-label={t('timeline.zoom')}>
          <button type="button" className="tool-button" onClick={() => actions.zoomIn()}>
            {t('timeline.zoomIn')}
          </button>
          <button type="button" className="tool-button" onClick={() => actions.zoomOut()}>
            {t('timeline.zoomOut')}
          </button>
          <button type="button" className="tool-button" onClick={actions.fitAll}>
            {t('timeline.fitAll')}
          </button>
        </div>
        <p className="timeline-hint">
          {embedded ? t('timeline.hintEmbedded') : t('timeline.hint')} {t('timeline.hintKeys')}
        </p>
      </div>
      <div className="timeline-frame">
        <div className="timeline-lane-labels" aria-hidden="true" style={{ top: AXIS_HEIGHT }}>
          {layout.bands.map((band) => (
            <div key={band.lane.actor.id} className="lane-label" style={{ top: band.top, height: band.height }}>
              <span className="lane-swatch" style={colorStyle(band.lane.actor)} />
              {band.lane.actor.name}
            </div>
          ))}
        </div>
        <div ref={plotRef} className="timeline-plot" data-gestures={gesturesReady ? 'ready' : 'loading'} style={{ height: plotHeight + AXIS_HEIGHT }}>
          <Axis ticks={ticks} scale={scale} height={AXIS_HEIGHT} />
          {wheelHint ? (
            <p className="wheel-hint" role="status">
              {t('timeline.wheelHint')}
            </p>
          ) : null}
          <svg className="timeline-grid" width={width} height={plotHeight} style={{ top: AXIS_HEIGHT }} aria-hidden="true" focusable="false">
            {layout.bands.map((band, i) => (
              <rect key={band.lane.actor.id} className={i % 2 ? 'lane-band lane-band-odd' : 'lane-band'} x={0} y={band.top} width={width} height={band.height} />
            ))}
            {bands.map((band) => (
              <g key={band.id} className={band.row % 2 ? 'period-band period-band-alt' : 'period-band'}>
                <rect x={band.x} y={0} width={Math.max(0, band.x2 - band.x)} height={plotHeight} />
                <line x1={band.x} x2={band.x} y1={0} y2={plotHeight} />
              </g>
            ))}
            {ticks.ticks.map((tick) => (
              <line key={tick.time} className="grid-line" x1={scale.toX(tick.time)} x2={scale.toX(tick.time)} y1={0} y2={plotHeight} />
            ))}
            {publications.map((p) => {
              const x = scale.toX(p.time);
              return x >= 0 && x <= width ? <line key={p.id} className="publication-line" x1={x} x2={x} y1={0} y2={plotHeight} /> : null;
            })}
            {connectorX !== null && connectorYs.length > 1 ? (
              <line className="selection-connector" x1={connectorX} x2={connectorX} y1={Math.min(...connectorYs)} y2={Math.max(...connectorYs)} />
            ) : null}
          </svg>
          {bands.map((band) => (
            <div
              key={band.id}
              className="period-label"
              aria-hidden="true"
              style={{ transform: `translate(${band.labelX}px, ${AXIS_HEIGHT + lanesHeight + 2 + band.row * PERIOD_ROW_HEIGHT}px)`, maxWidth: Math.max(0, band.x2 - band.labelX - 4) }}
            >
              {band.label}
            </div>
          ))}
          {publications.map((p) => {
            const x = scale.toX(p.time);
            return x >= 0 && x <= width ? (
              <div key={p.id} className="publication-marker" style={{ transform: `translate(${x}px, ${AXIS_HEIGHT - 2}px)` }}>
                {t('timeline.published')}
                <span className="publication-date"> {formatAtPrecision(p.date.start, p.date.startPrecision, 'long', i18n)}</span>
              </div>
            ) : null;
          })}
          {gestureLayout ? (
            <GestureCanvas
              layout={layout}
              width={width}
              height={plotHeight}
              top={AXIS_HEIGHT}
              actorsById={dataset.actorsById}
              events={events}
              hits={ctx.hits}
              selected={selectedIndex}
            />
          ) : null}
          {/* Hidden through a wrapper, so that the marks themselves are not re-rendered to hide them. */}
          <div className={gestureLayout ? 'timeline-marks-wrap is-hidden' : 'timeline-marks-wrap'}>
            <MarksLayer
              layout={shownLayout}
              top={AXIS_HEIGHT}
              height={plotHeight}
              width={width}
              events={events}
              actorsById={dataset.actorsById}
              hits={ctx.hits}
              selectedIndex={selectedIndex}
              focusedIndex={focusedIndex}
              stopKey={stopKey}
              handlers={handlers}
            />
          </div>
        </div>
      </div>
      {periods.length > 0 ? (
        <div className="visually-hidden">
          <h2>{t('timeline.periods')}</h2>
          <ul>
            {periods.map((p) => (
              <li key={p.id}>
                <span lang={dataset.language ?? 'en'}>{p.label}</span>: {formatEventDate(p.when, i18n)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <OverviewStrip extent={ctx.fit} window={state.window} limits={ctx.limits} ranges={ctx.order} onWindow={actions.setWindow} />
    </section>
  );
}

const NO_LANE_MARKS: { echoes: EchoMark[]; marks: Mark[] } = { echoes: [], marks: [] };

/** Each lane's echoes and marks, the marks in time order (the order a screen reader reads them in). */
function marksByLane(layout: TimelineLayout): Map<string, { echoes: EchoMark[]; marks: Mark[] }> {
  const lanes = new Map<string, { echoes: EchoMark[]; marks: Mark[] }>();
  const of = (laneId: string) => {
    let lane = lanes.get(laneId);
    if (!lane) lanes.set(laneId, (lane = { echoes: [], marks: [] }));
    return lane;
  };
  for (const echo of layout.echoes) of(echo.laneId).echoes.push(echo);
  for (const mark of layout.marks) of(mark.laneId).marks.push(mark);
  for (const lane of lanes.values()) lane.marks.sort((a, b) => a.x - b.x || a.y - b.y);
  return lanes;
}

/** How many of a cluster's listed events match the search. */
function clusterMatches(mark: ClusterMark, hits: Uint8Array): number {
  let n = 0;
  for (const event of mark.events) n += hits[event] === 1 ? 1 : 0;
  return n;
}

interface MarkHandlers {
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  focus: (eventId: string) => void;
  select: (eventId: string) => void;
  activateCluster: (mark: ClusterMark) => void;
  fitAll: () => void;
  /** Focus went somewhere outside the marks. */
  leftMarks: () => void;
  /** A pointer went down on the marks (true), or was released or cancelled (false). */
  pressed: (down: boolean) => void;
}

interface MarksLayerProps {
  layout: TimelineLayout;
  top: number;
  height: number;
  width: number;
  events: readonly TimelineEvent[];
  actorsById: ReadonlyMap<string, Actor>;
  hits: Uint8Array | null;
  selectedIndex: number | undefined;
  focusedIndex: number | undefined;
  stopKey: string | null;
  handlers: MarkHandlers;
}

/** The focusable marks: one button per event or cluster in view, and the echoes. */
const MarksLayer = memo(function MarksLayer({ layout, top, height, width, events, actorsById, hits, selectedIndex, focusedIndex, stopKey, handlers }: MarksLayerProps) {
  const { t } = useI18n();
  const lanes = useMemo(() => marksByLane(layout), [layout]);
  const dimmed = (index: number) => hits !== null && hits[index] !== 1;
  const onKeyDown = handlers.onKeyDown;
  return (
    <div
      className="timeline-marks"
      style={{ top, height }}
      onBlur={(event) => {
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) handlers.leftMarks();
      }}
      onPointerDown={() => handlers.pressed(true)}
      onPointerUp={() => handlers.pressed(false)}
      onPointerCancel={() => handlers.pressed(false)}
    >
      {/* One named group per lane, its marks in time order: a screen reader hears the lane, then its events. */}
      {layout.bands.map((band) => {
        const laneId = band.lane.actor.id;
        const { echoes, marks } = lanes.get(laneId) ?? NO_LANE_MARKS;
        if (echoes.length === 0 && marks.length === 0) return null;
        return (
          <div key={laneId} role="group" aria-label={t('timeline.lane', { lane: band.lane.actor.name, count: marks.length })} className="timeline-lane-group">
            {echoes.map((mark) => {
              const lane = actorsById.get(mark.laneId);
              const event = mark.events.length === 1 ? (events[mark.events[0] ?? -1] ?? null) : null;
              return lane ? (
                <EchoMarkView
                  key={mark.key}
                  mark={mark}
                  actor={lane}
                  event={event}
                  selected={selectedIndex !== undefined && mark.events.includes(selectedIndex)}
                  dimmed={mark.events.every(dimmed)}
                  width={width}
                  onSelect={() => event && handlers.select(event.id)}
                />
              ) : null;
            })}
            {marks.map((mark) => {
              const lane = actorsById.get(mark.laneId);
              if (!lane) return null;
              const common = { isTabStop: mark.key === stopKey, onKeyDown, width, geometry: layout.geometry };
              if (mark.type === 'event') {
                const event = events[mark.event];
                if (!event) return null;
                return (
                  <EventMarkView
                    key={mark.key}
                    {...common}
                    mark={mark}
                    event={event}
                    actor={lane}
                    selected={mark.event === selectedIndex}
                    dimmed={dimmed(mark.event)}
                    matched={hits !== null && hits[mark.event] === 1}
                    onFocus={() => handlers.focus(event.id)}
                    onSelect={() => handlers.select(event.id)}
                  />
                );
              }
              const holds = (index: number | undefined) => index !== undefined && layout.focusKeyOfEvent.get(index) === mark.key;
              const focusedEvent = holds(focusedIndex) ? (events[focusedIndex ?? -1] ?? null) : null;
              return (
                <ClusterMarkView
                  key={mark.key}
                  {...common}
                  mark={mark}
                  actor={lane}
                  focusedEvent={focusedEvent}
                  containsSelection={holds(selectedIndex)}
                  matches={hits === null ? null : clusterMatches(mark, hits)}
                  dimmed={!mark.binned && mark.events.every(dimmed)}
                  onFocus={() => {
                    const first = events[mark.first];
                    if (!focusedEvent && first) handlers.focus(first.id);
                  }}
                  onActivate={() => handlers.activateCluster(mark)}
                />
              );
            })}
          </div>
        );
      })}
      {stopKey === null ? (
        <button type="button" className="timeline-empty" onKeyDown={onKeyDown} onClick={handlers.fitAll}>
          {t('timeline.empty')}
        </button>
      ) : null}
    </div>
  );
});
