import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { TimeWindow, ZoomLimits } from '../core/timeWindow';
import type { PanZoomController } from './panZoom';

export interface PanZoomHookOptions {
  /** The fitted view d3-zoom's transform is relative to; a new one makes a new controller. */
  base: TimeWindow;
  limits: ZoomLimits;
  /** The window in view state, and the plot's width: the controller follows them. */
  window: TimeWindow;
  width: number;
  onWindow: (window: TimeWindow) => void;
  /** Inside an embed: the plain wheel scrolls the host page. */
  embedded: boolean;
  /** A reader's wheel, drag or pinch started (true) or ended (false). */
  onGesture: (active: boolean) => void;
}

export interface PanZoomState {
  /** The controller has loaded and listens (data-gestures="ready", which end-to-end tests wait for). */
  ready: boolean;
  /** A plain wheel was left to the host page a moment ago: show how to zoom. */
  wheelHint: boolean;
}

const WHEEL_HINT_MS = 1500;

/**
 * Gesture handling (d3-zoom and what it brings): not needed for the first paint, so it loads apart. The
 * app asks for it while a dataset loads, so it is there when the timeline first renders.
 */
export const loadGestures = () => import('./panZoom');

/**
 * d3-zoom on the plot, made once per dataset (filters keep the axis) and destroyed on cleanup, as
 * xyflow's createPanZoom is used. View state stays the owner of the window: the controller hands windows
 * on through `onWindow` and is brought in line with every window that comes back (see panZoom.update).
 */
export function usePanZoom(element: RefObject<HTMLElement | null>, { base, limits, window: shown, width, onWindow, embedded, onGesture }: PanZoomHookOptions): PanZoomState {
  const controller = useRef<PanZoomController | null>(null);
  const [ready, setReady] = useState(false);
  const [wheelHint, setWheelHint] = useState(false);
  const hintTimer = useRef<number | undefined>(undefined);
  const showWheelHint = useCallback(() => {
    setWheelHint(true);
    window.clearTimeout(hintTimer.current);
    hintTimer.current = window.setTimeout(() => setWheelHint(false), WHEEL_HINT_MS);
  }, []);
  useEffect(() => () => window.clearTimeout(hintTimer.current), []);

  // The newest window and width, for a controller that loads after they were rendered.
  const latest = useRef({ window: shown, width });
  useEffect(() => {
    latest.current = { window: shown, width };
  });

  const { start: baseStart, end: baseEnd } = base;
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    let cancelled = false;
    void loadGestures().then(({ createPanZoom }) => {
      if (cancelled) return;
      controller.current = createPanZoom({
        element: node,
        base: { start: baseStart, end: baseEnd },
        onWindow,
        wheelNeedsModifier: embedded,
        onPlainWheel: showWheelHint,
        onGesture,
      });
      controller.current.update(latest.current.window, latest.current.width, limits);
      setReady(true);
    });
    return () => {
      cancelled = true;
      controller.current?.destroy();
      controller.current = null;
    };
  }, [element, baseStart, baseEnd, limits, onWindow, embedded, showWheelHint, onGesture]);

  useEffect(() => {
    controller.current?.update(shown, width, limits);
  }, [shown, width, limits]);

  return { ready, wheelHint };
}
