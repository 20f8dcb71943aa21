import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Dataset } from '../../data/model';
import type { ViewState } from '../../state/viewState';
import type { FilteredView } from '../../state/viewModel';
import type { ViewActions } from '../../state/useViewState';
import { formatAtPrecision } from '../../data/formatDate';
import { layoutTimeline, type ClusterMark, type Mark } from '../core/layout';
import { axisTicks } from '../core/ticks';
import { itemStart, type Lane } from '../core/lanes';
import { createTimeScale } from '../core/timeScale';
import { frameRange, spanOf } from '../core/timeWindow';
import { createPanZoom, type PanZoomController } from '../interaction/panZoom';
import { Axis, AXIS_HEIGHT } from './Axis';
import { OverviewStrip } from './OverviewStrip';
import { ClusterMarkView, colorStyle, EchoMarkView, EventMarkView } from './MarkView';
import { useElementWidth } from './useElementWidth';
import { useLabelWidths } from './useLabelWidths';
import { useI18n } from '../../i18n';

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

const NO_LANES: readonly Lane[] = [];
const MAX_PUBLICATION_MARKERS = 5;

export function Timeline({ dataset, ctx, state, actions, embedded = false }: TimelineProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const events = ctx.events;
  const lanes = ctx.lanes ?? NO_LANES;
  const dimmed = (index: number) => ctx.hits !== null && ctx.hits[index] !== 1;
  const plotRef = useRef<HTMLDivElement>(null);
  const controller = useRef<PanZoomController | null>(null);
  // A re-rendered mark can take DOM focus with it; remember the reader was here to give it back.
  const keyboardInside = useRef(false);
  const width = useElementWidth(plotRef);
  const titles = useMemo(() => events.map((e) => e.title), [events]);
  const ranges = useMemo(() => events.map((e) => e.when), [events]);
  const labelWidths = useLabelWidths(titles);

  const selectedIndex = state.selected === null ? undefined : ctx.indexOf.get(state.selected);
  const focusedIndex = state.focused === null ? undefined : ctx.indexOf.get(state.focused);
  const scale = useMemo(() => createTimeScale(state.window, width), [state.window, width]);
  const layout = useMemo(
    () =>
      layoutTimeline({
        lanes,
        window: state.window,
        width,
        labelWidth: (i) => labelWidths[i] ?? 0,
        itemStartOf: (i) => {
          const when = events[i]?.when;
          return when ? itemStart(when) : 0;
        },
        priority: [selectedIndex, focusedIndex].filter((i): i is number => i !== undefined),
      }),
    [lanes, events, state.window, width, labelWidths, selectedIndex, focusedIndex],
  );
  const ticks = useMemo(() => axisTicks(state.window, width, undefined, i18n), [state.window, width, i18n]);
  const stopKey = tabStopKey(layout.marks, layout.focusKeyOfEvent, [focusedIndex, selectedIndex]);
  const plotHeight = Math.max(layout.height, 80);

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
    controller.current = createPanZoom({
      element,
      base: { start: fitStart, end: fitEnd },
      onWindow: actions.setWindow,
      wheelNeedsModifier: embedded,
      onPlainWheel: showWheelHint,
    });
    controller.current.update(stateRef.current.window, stateRef.current.width, limits);
    return () => {
      controller.current?.destroy();
      controller.current = null;
    };
  }, [fitStart, fitEnd, limits, actions, embedded, showWheelHint]);

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
    const key = layout.focusKeyOfEvent.get(focusedIndex);
    // Keys are built from slugs and numbers, safe inside a quoted attribute selector.
    const target = key ? plot.querySelector<HTMLElement>(`[data-mark-key="${key}"]`) : null;
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
  }, [focusedIndex, layout]);

  // Enter and Space are left to the buttons: an event mark selects, a cluster zooms in.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    keyboardInside.current = true;
    const handled = (() => {
      switch (event.key) {
        case 'ArrowRight':
          actions.focusStep(1);
          return true;
        case 'ArrowLeft':
          actions.focusStep(-1);
          return true;
        case 'Home':
          actions.focusEdge('first');
          return true;
        case 'End':
          actions.focusEdge('last');
          return true;
        case '+':
        case '=':
          actions.zoomIn(focusedTime());
          return true;
        case '-':
        case '_':
          actions.zoomOut(focusedTime());
          return true;
        case '0':
          actions.fitAll();
          return true;
        case 'Escape':
          actions.clearSelection();
          return true;
        default:
          return false;
      }
    })();
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const focusedTime = () => {
    if (focusedIndex === undefined) return undefined;
    const when = events[focusedIndex]?.when;
    if (!when) return undefined;
    const t = (when.start + when.end) / 2;
    return t >= state.window.start && t <= state.window.end ? t : undefined;
  };

  // A cluster that zooming cannot split (its events overlap in time) opens its first event instead.
  const activateCluster = (mark: ClusterMark) => {
    const framed = frameRange({ start: mark.start, end: mark.end }, ctx.limits);
    const first = events[mark.first];
    if (spanOf(framed) > spanOf(state.window) * 0.7 && first) actions.select(first.id);
    else actions.zoomToRange({ start: mark.start, end: mark.end });
  };

  const publications = useMemo(
    () =>
      // One marker per source reads well for an article or a few; hundreds of them would hide the data.
      dataset.sources.length > MAX_PUBLICATION_MARKERS
        ? []
        : dataset.sources.map((source) => ({ id: source.id, time: (source.publishedDate.start + source.publishedDate.end) / 2, date: source.publishedDate })),
    [dataset],
  );

  // A shared event is linked across lanes: a line from its mark through its echoes.
  const selectedMarks =
    selectedIndex === undefined ? [] : [...layout.marks, ...layout.echoes].filter((m) => (m.type === 'event' ? m.event === selectedIndex : m.events.includes(selectedIndex)));
  const anchor = selectedMarks[0];
  const connectorX = anchor ? (anchor.shape === 'point' ? anchor.x : Math.min(Math.max(anchor.x, 0) + 8, width - 8)) : null;
  const connectorYs = selectedMarks.map((m) => m.y);

  return (
    <section className="timeline" role={embedded ? 'group' : undefined} aria-label={t('timeline.region', { title: dataset.title })}>
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
        <div ref={plotRef} className="timeline-plot" style={{ height: plotHeight + AXIS_HEIGHT }}>
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
          {publications.map((p) => {
            const x = scale.toX(p.time);
            return x >= 0 && x <= width ? (
              <div key={p.id} className="publication-marker" style={{ transform: `translate(${x}px, ${AXIS_HEIGHT - 2}px)` }}>
                {t('timeline.published')}
                <span className="publication-date"> {formatAtPrecision(p.date.start, p.date.startPrecision, 'long', i18n)}</span>
              </div>
            ) : null;
          })}
          <div
            className="timeline-marks"
            style={{ top: AXIS_HEIGHT, height: plotHeight }}
            onBlur={(event) => {
              if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) keyboardInside.current = false;
            }}
          >
            {layout.echoes.map((mark) => {
              const lane = dataset.actorsById.get(mark.laneId);
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
                  onSelect={() => event && actions.select(event.id)}
                />
              ) : null;
            })}
            {layout.marks.map((mark) => {
              const lane = dataset.actorsById.get(mark.laneId);
              if (!lane) return null;
              const common = { isTabStop: mark.key === stopKey, onKeyDown, width };
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
                    onFocus={() => state.focused !== event.id && actions.focus(event.id)}
                    onSelect={() => actions.select(event.id)}
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
                  dimmed={!mark.binned && mark.events.every(dimmed)}
                  onFocus={() => {
                    const first = events[mark.first];
                    if (!focusedEvent && first) actions.focus(first.id);
                  }}
                  onActivate={() => activateCluster(mark)}
                />
              );
            })}
            {stopKey === null ? (
              <button type="button" className="timeline-empty" onKeyDown={onKeyDown} onClick={actions.fitAll}>
                No events in this stretch of time. Fit all
              </button>
            ) : null}
          </div>
        </div>
      </div>
      <OverviewStrip extent={ctx.fit} window={state.window} limits={ctx.limits} ranges={ranges} onWindow={actions.setWindow} />
    </section>
  );
}
