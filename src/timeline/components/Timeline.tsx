import { memo, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/model';
import type { Actor } from '../../data/schema';
import type { ViewState } from '../../state/viewState';
import type { FilteredView } from '../../state/viewModel';
import type { ViewActions } from '../../state/useViewState';
import { useI18n } from '../../i18n';
import { placeAxis } from '../core/axis';
import { GEOMETRY, TOUCH_GEOMETRY } from '../core/geometry';
import { itemStartOf, type Lane } from '../core/lanes';
import { layoutTimeline, type TimelineLayout } from '../core/layout';
import { AXIS_HEIGHT, periodInputsOf, plotFrame, publicationDates } from '../core/plotFrame';
import { periodRows } from '../core/periods';
import { axisTicks } from '../core/ticks';
import { createTimeScale } from '../core/timeScale';
import type { TimeWindow } from '../core/timeWindow';
import { usePanZoom } from '../interaction/usePanZoom';
import { Axis } from './Axis';
import { GestureCanvas } from './GestureCanvas';
import { MarksLayer, tabStopKey, type MarksLayerProps } from './MarksLayer';
import { OverviewStrip } from './OverviewStrip';
import { LaneLabels, PlotBackground } from './PlotBackground';
import { PeriodList, TimelineToolbar } from './TimelineToolbar';
import { useGestureLayout, useHeldWhile } from './useGestureLayout';
import { CANVAS_FIRST_MARKS, marksByLane, marksDrawn, revealOrder, useDrawnBound } from './laneReveal';
import { useReportWidth } from './useElementWidth';
import { useLabelWidths } from './useLabelWidths';
import { useMarkHandlers } from './useMarkHandlers';
import { useMediaQuery } from './useMediaQuery';
// Density bands (issue #13): see DensityBand.tsx and core/density.ts.
import { DensityBand, densityOf, useDensity } from './DensityBand';

interface TimelineProps {
  dataset: Dataset;
  /** The events the filters leave, their lanes, and the search hits among them. */
  view: FilteredView;
  state: ViewState;
  actions: ViewActions;
  /** Inside an embed: the plain wheel scrolls the host page. */
  embedded?: boolean;
}

/** A phone, or any screen used with fingers. */
export const TOUCH_QUERY = '(pointer: coarse), (max-width: 480px)';

const NO_LANES: readonly Lane[] = [];

/**
 * The timeline: a toolbar, then the plot in layers (axis, background, gesture canvas, focusable marks),
 * then the overview strip. Layout, frame and axis are computed here from view state (pure, in core/);
 * each layer only draws them. View state owns the window and the width; this component measures the width
 * and d3-zoom moves the window, both through named actions.
 */
export function Timeline({ dataset, view, state, actions, embedded = false }: TimelineProps) {
  const i18n = useI18n();
  const { events } = view;
  const lanes = view.lanes ?? NO_LANES;
  const { window, width } = state;
  const plotRef = useRef<HTMLDivElement>(null);
  useReportWidth(plotRef, actions.setWidth);
  // Fingers get larger targets that never overlap; a mouse gets the denser rhythm.
  const touch = useMediaQuery(TOUCH_QUERY);
  const geometry = touch ? TOUCH_GEOMETRY : GEOMETRY;
  // Read from the events and the view's index as they are: copying a million titles or dates takes a long task.
  const labelWidth = useLabelWidths(events);

  const selectedIndex = state.selected === null ? undefined : view.indexOf.get(state.selected);
  const focusedIndex = state.focused === null ? undefined : view.indexOf.get(state.focused);
  const layout = useMemo(
    () =>
      layoutTimeline({
        lanes,
        window,
        width,
        labelWidth,
        itemStartOf: itemStartOf(events),
        priority: [selectedIndex, focusedIndex].filter((i): i is number => i !== undefined),
        geometry,
      }),
    [lanes, events, window, width, labelWidth, selectedIndex, focusedIndex, geometry],
  );
  const axis = useMemo(() => placeAxis(axisTicks(window, width, undefined, i18n), createTimeScale(window, width)), [window, width, i18n]);
  const periods = useMemo(() => periodInputsOf(dataset), [dataset]);
  const periodRowOf = useMemo(() => periodRows(periods), [periods]);
  const publications = useMemo(() => publicationDates(dataset), [dataset]);
  const frame = useMemo(
    () => plotFrame({ layoutHeight: layout.height, periods, periodRowOf, publications, window, width }),
    [layout.height, periods, periodRowOf, publications, window, width],
  );

  const density = useDensity(layout, window, width);
  const [gestureLayout, onGesture] = useGestureLayout(layout);
  // The hidden marks keep the height they were drawn with: a new height on every frame re-rendered them all.
  const marksHeight = useHeldWhile(frame.plotHeight, gestureLayout !== null);
  const shownLayout = gestureLayout ?? layout;
  const gestures = usePanZoom(plotRef, { base: view.fit, limits: view.limits, window, width, onWindow: actions.setWindow, embedded, onGesture });
  // Not redone on every frame of a gesture, while the marks it picks from stay as they were.
  const stopKey = useMemo(() => tabStopKey(shownLayout.marks, shownLayout.focusKeyOfEvent, [focusedIndex, selectedIndex]), [shownLayout, focusedIndex, selectedIndex]);
  const handlers = useMarkHandlers(plotRef, { events, state, actions, focusedIndex, shownLayout });

  return (
    <section className={touch ? 'timeline is-touch' : 'timeline'} role={embedded ? 'group' : undefined} aria-label={i18n.t('timeline.region', { title: dataset.title })}>
      <TimelineToolbar actions={actions} embedded={embedded} />
      <div className="timeline-frame">
        <LaneLabels bands={layout.bands} top={AXIS_HEIGHT} />
        <div ref={plotRef} className="timeline-plot" data-gestures={gestures.ready ? 'ready' : 'loading'} style={{ height: frame.height }}>
          <Axis axis={axis} width={width} height={AXIS_HEIGHT} />
          {gestures.wheelHint ? (
            <p className="wheel-hint" role="status">
              {i18n.t('timeline.wheelHint')}
            </p>
          ) : null}
          <PlotBackground frame={frame} layout={layout} axis={axis} width={width} selectedIndex={selectedIndex} />
          <DensityBand density={density} width={width} height={frame.plotHeight} top={AXIS_HEIGHT} actorsById={dataset.actorsById} />
          <PlotMarks
            layout={layout}
            gestureLayout={gestureLayout}
            width={width}
            height={frame.plotHeight}
            marksHeight={marksHeight}
            actorsById={dataset.actorsById}
            events={events}
            hits={view.hits}
            selectedIndex={selectedIndex}
            focusedIndex={focusedIndex}
            stopKey={stopKey}
            handlers={handlers}
            quiet={density.dense}
            window={window}
            lanes={lanes}
          />
        </div>
      </div>
      <PeriodList dataset={dataset} />
      <OverviewStrip extent={view.fit} window={window} limits={view.limits} ranges={view.order} onWindow={actions.setWindow} />
    </section>
  );
}

/** What the marks are drawn from: the focusable marks' own inputs, and the gesture's. */
interface PlotMarksProps extends Pick<MarksLayerProps, 'layout' | 'width' | 'events' | 'hits' | 'selectedIndex' | 'focusedIndex' | 'stopKey' | 'handlers'> {
  /** The layout the marks were drawn with when a gesture began (null: none under way); `layout` is the window's in view. */
  gestureLayout: TimelineLayout | null;
  height: number;
  /** The height the focusable marks were drawn with (held during a gesture). */
  marksHeight: number;
  actorsById: ReadonlyMap<string, Actor>;
  /** Lanes drawn as density bands. */
  quiet: ReadonlySet<string>;
  /** The window and lanes laid out: when they change, the marks come a part at a time again (see useDrawnBound). */
  window: TimeWindow;
  lanes: readonly Lane[];
}

/**
 * The marks: the focusable ones, and the canvas that stands in for them during a gesture and, when it ends or
 * when many marks are drawn for a new view, for the lanes not drawn yet (see useDrawnBound). It owns which
 * lanes are drawn, so that bringing one back re-renders these two and not the rest of the plot.
 */
const PlotMarks = memo(function PlotMarks({ layout, gestureLayout, width, height, marksHeight, actorsById, events, hits, selectedIndex, focusedIndex, stopKey, handlers, quiet, window, lanes }: PlotMarksProps) {
  const moving = gestureLayout !== null;
  const shownLayout = gestureLayout ?? layout;
  const laneMarks = useMemo(() => marksByLane(shownLayout), [shownLayout]);
  const order = useMemo(() => revealOrder(shownLayout, laneMarks, AXIS_HEIGHT), [shownLayout, laneMarks]);
  const { drawnTo, canvasForRest } = useDrawnBound(order, moving, shownLayout.marks.length + shownLayout.echoes.length > CANVAS_FIRST_MARKS, [window, width, lanes]);
  const drawnKeys = useMemo(() => {
    const keyOf = (index: number | undefined) => (index === undefined ? undefined : shownLayout.focusKeyOfEvent.get(index));
    return marksDrawn(order, laneMarks, drawnTo, new Set([stopKey, keyOf(selectedIndex), keyOf(focusedIndex)]));
  }, [shownLayout, order, laneMarks, drawnTo, stopKey, selectedIndex, focusedIndex]);
  return (
    <>
      {moving || canvasForRest ? (
        <GestureCanvas
          quiet={quiet}
          layout={layout}
          width={width}
          height={height}
          top={AXIS_HEIGHT}
          actorsById={actorsById}
          events={events}
          hits={hits}
          selected={selectedIndex}
          omitKeys={moving ? null : drawnKeys}
        />
      ) : null}
      {/* Hidden through a wrapper, so that the marks themselves are not re-rendered to hide them. */}
      <div className={moving ? 'timeline-marks-wrap is-hidden' : 'timeline-marks-wrap'}>
        <MarksLayer
          layout={shownLayout}
          top={AXIS_HEIGHT}
          height={marksHeight}
          width={width}
          events={events}
          hits={hits}
          selectedIndex={selectedIndex}
          focusedIndex={focusedIndex}
          stopKey={stopKey}
          handlers={handlers}
          density={densityOf(shownLayout)}
          lanes={laneMarks}
          drawnKeys={drawnKeys}
        />
      </div>
    </>
  );
});
