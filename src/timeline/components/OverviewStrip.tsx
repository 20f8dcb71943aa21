import { useEffect, useMemo, useRef, type JSX, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import type { Precision } from '../../data/edtfDate';
import { formatAtPrecision } from '../../data/formatDate';
import { useI18n } from '../../i18n';
import {
  brushRect,
  brushSliderRange,
  densityBins,
  type RangeColumns,
  densityPath,
  keyStep,
  MIN_BRUSH_WIDTH,
  visibleBrush,
  windowCenteredAt,
  windowFromBrushDrag,
  type BrushTarget,
} from '../core/overview';
import { DAY, sameWindow, spanOf, type TimeWindow, type ZoomLimits } from '../core/timeWindow';
import { useElementWidth } from './useElementWidth';
import './overview.css';

export interface OverviewStripProps {
  extent: TimeWindow; // the fitted whole-dataset window the strip shows
  window: TimeWindow; // the main timeline's visible window
  limits: ZoomLimits;
  /** Event ranges, already filtered, in time order. */
  ranges: readonly { start: number; end: number }[] | RangeColumns;
  onWindow: (window: TimeWindow) => void;
}

const DENSITY_HEIGHT = 40;
const BIN_WIDTH = 4;
const HANDLE_WIDTH = 24;
const GRIP_WIDTH = 6;

interface Drag {
  pointerId: number;
  mode: BrushTarget;
  startX: number;
  startWindow: TimeWindow;
}

// Under a day, dates alone would read "Nov 17, 2024 – Nov 17, 2024"; name the hours instead.
const precisionOf = (w: TimeWindow): Precision => (spanOf(w) < DAY ? 'time' : 'day');
// At day precision the end is exclusive: a window ending at midnight covers the day before.
const lastInstant = (w: TimeWindow, precision: Precision) => (precision === 'day' ? Math.max(w.start, w.end - 1) : w.end);

interface BrushSliderProps {
  target: BrushTarget;
  label: string;
  range: { min: number; max: number; now: number };
  valueText: string;
  className: string;
  style: { left: number; width: number };
  onPointerDown: (event: PointerEvent<HTMLDivElement>, target: BrushTarget) => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>, target: BrushTarget) => void;
  children?: ReactNode;
}

function BrushSlider({ target, label, range, valueText, className, style, onPointerDown, onKeyDown, children }: BrushSliderProps) {
  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-orientation="horizontal"
      aria-valuemin={Math.round(range.min)}
      aria-valuemax={Math.round(range.max)}
      aria-valuenow={Math.round(range.now)}
      aria-valuetext={valueText}
      className={className}
      style={style}
      onPointerDown={(event) => onPointerDown(event, target)}
      onKeyDown={(event) => onKeyDown(event, target)}
    >
      {children}
    </div>
  );
}

/** A strip under the timeline showing the whole dataset's event density, with a brush for the visible window. */
export function OverviewStrip({ extent, window: visible, limits, ranges, onWindow }: OverviewStripProps): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const stripRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(stripRef);
  const drag = useRef<Drag | null>(null);
  const pending = useRef<TimeWindow | null>(null);
  const frame = useRef(0);
  // The frame callback runs after renders; it must call the newest onWindow.
  const onWindowRef = useRef(onWindow);
  useEffect(() => {
    onWindowRef.current = onWindow;
  }, [onWindow]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const binCount = Math.max(1, Math.round(width / BIN_WIDTH));
  const bins = useMemo(() => densityBins(ranges, extent, binCount), [ranges, extent, binCount]);
  const path = useMemo(() => densityPath(bins, width, DENSITY_HEIGHT), [bins, width]);

  const flush = () => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const next = pending.current;
    pending.current = null;
    if (next) onWindowRef.current(next);
  };

  // Pointer events arrive faster than frames; the parent hears at most one window per frame.
  const schedule = (next: TimeWindow) => {
    pending.current = next;
    if (!frame.current) frame.current = requestAnimationFrame(flush);
  };

  const beginDrag = (event: PointerEvent<HTMLElement>, mode: BrushTarget, startWindow: TimeWindow) => {
    const strip = stripRef.current;
    if (!strip) return;
    // jsdom and old browsers lack pointer capture; the drag then ends when the pointer leaves the strip.
    if (typeof strip.setPointerCapture === 'function') strip.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, mode, startX: event.clientX, startWindow };
  };

  const onThumbPointerDown = (event: PointerEvent<HTMLDivElement>, mode: BrushTarget) => {
    if (event.button !== 0) return;
    // The strip behind would otherwise re-centre the window on this press.
    event.stopPropagation();
    beginDrag(event, mode, visible);
  };

  const onStripPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !(width > 0)) return;
    const strip = event.currentTarget;
    const x = event.clientX - strip.getBoundingClientRect().left - strip.clientLeft;
    const centred = windowCenteredAt(visible, extent.start + (x / width) * spanOf(extent), limits);
    schedule(centred);
    // Pressing beside the brush and dragging carries on as a move from the centred window.
    beginDrag(event, 'move', centred);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    schedule(windowFromBrushDrag(current.startWindow, event.clientX - current.startX, extent, width, current.mode, limits));
  };

  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    drag.current = null;
    flush();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, target: BrushTarget) => {
    const next = keyStep(visible, event.key, event.shiftKey, target, extent, limits);
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    if (!sameWindow(next, visible)) onWindow(next);
  };

  const brush = visibleBrush(brushRect(visible, extent, width), width);
  const right = brush.x + brush.width;
  // Handles reach mostly outward, so even an 8 px brush keeps its middle free to grab.
  const inward = Math.min(4, Math.max(0, (brush.width - MIN_BRUSH_WIDTH) / 2));
  const precision = precisionOf(visible);
  const startText = formatAtPrecision(visible.start, precision, 'long', i18n);
  const endText = formatAtPrecision(lastInstant(visible, precision), precision, 'long', i18n);
  const brushClass = ['overview-brush', brush.clippedStart ? 'is-clipped-start' : '', brush.clippedEnd ? 'is-clipped-end' : ''].filter(Boolean).join(' ');

  return (
    <div className="overview" role="group" aria-label={t('overview.label')}>
      <div
        ref={stripRef}
        className="overview-strip"
        onPointerDown={onStripPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onLostPointerCapture={endDrag}
      >
        <svg className="overview-density" width={width} height={DENSITY_HEIGHT} aria-hidden="true" focusable="false">
          <path d={path} />
        </svg>
        <BrushSlider
          label={t('overview.start')}
          range={brushSliderRange(visible, extent, 'start', limits)}
          valueText={startText}
          className="overview-handle overview-handle-start"
          style={{ left: brush.x + inward - HANDLE_WIDTH, width: HANDLE_WIDTH }}
          target="start"
          onPointerDown={onThumbPointerDown}
          onKeyDown={onKeyDown}
        >
          <span className="overview-grip" style={{ left: HANDLE_WIDTH - inward - GRIP_WIDTH / 2 }} />
        </BrushSlider>
        <BrushSlider
          label={t('overview.window')}
          range={brushSliderRange(visible, extent, 'move', limits)}
          valueText={t('overview.range', { start: startText, end: endText })}
          className={brushClass}
          style={{ left: brush.x, width: brush.width }}
          target="move"
          onPointerDown={onThumbPointerDown}
          onKeyDown={onKeyDown}
        />
        <BrushSlider
          label={t('overview.end')}
          range={brushSliderRange(visible, extent, 'end', limits)}
          valueText={endText}
          className="overview-handle overview-handle-end"
          style={{ left: right - inward, width: HANDLE_WIDTH }}
          target="end"
          onPointerDown={onThumbPointerDown}
          onKeyDown={onKeyDown}
        >
          <span className="overview-grip" style={{ left: inward - GRIP_WIDTH / 2 }} />
        </BrushSlider>
      </div>
    </div>
  );
}
