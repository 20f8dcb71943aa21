import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { TimeWindow, ZoomLimits } from '../core/timeWindow';

/**
 * d3-zoom on one element, translated to and from time windows. d3-zoom keeps its own transform
 * relative to a base window (the fitted view); React state holds the window, and `update` brings
 * d3's transform in line whenever the window changes from elsewhere (buttons, keys, URL).
 */
export interface PanZoomController {
  update(window: TimeWindow, width: number, limits: ZoomLimits): void;
  destroy(): void;
}

export interface PanZoomOptions {
  element: HTMLElement;
  base: TimeWindow;
  onWindow: (window: TimeWindow) => void;
  /** In an embed the plain wheel scrolls the host page; only Ctrl/⌘ + wheel (and pinch) zooms. */
  wheelNeedsModifier?: boolean;
  /** Told when a plain wheel was left to the page, so the reader can be shown how to zoom. */
  onPlainWheel?: () => void;
  /** Told when a reader's wheel, drag or pinch starts and when it has ended (d3-zoom's start and end). */
  onGesture?: (active: boolean) => void;
}

/** How many handed-on windows are remembered while React catches up. */
const MAX_IN_FLIGHT = 32;

export function createPanZoom({ element, base, onWindow, wheelNeedsModifier = false, onPlainWheel, onGesture }: PanZoomOptions): PanZoomController {
  const selection: Selection<HTMLElement, unknown, null, undefined> = select(element);
  const baseSpan = base.end - base.start;
  let width = Math.max(element.clientWidth, 1);
  let frame = 0;
  let latest: TimeWindow | null = null;
  // Windows handed to React and not yet come back, oldest first. React may render an older one after a
  // newer one was handed on (a slow render under load): d3 is then already ahead, and resetting its
  // transform to the older window would lose the wheel or drag steps taken since.
  let inFlight: TimeWindow[] = [];
  let gesturing = false;
  // d3-zoom's gestures under way (a wheel, a drag), counted from their start and end events.
  let d3Gestures = 0;
  // d3's transform for the window on screen: where a gesture starts from.
  let shown = { k: 1, x: 0 };
  const emit = () => {
    if (!latest) return;
    inFlight.push(latest);
    // Bounded: a window that never comes back (clamped, or replaced from elsewhere) is not kept forever.
    if (inFlight.length > MAX_IN_FLIGHT) inFlight = inFlight.slice(-MAX_IN_FLIGHT);
    onWindow(latest);
  };

  const windowOf = (k: number, x: number): TimeWindow => {
    // Screen x maps to base fraction (x - tx) / (k * width).
    const at = (px: number) => base.start + ((px - x) / (k * width)) * baseSpan;
    return { start: at(0), end: at(width) };
  };

  // Fingers on the plot now, by pointer id (see the touch handling below).
  const touches = new Map<number, { x: number; y: number }>();
  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    // Marks are buttons: a double click on one selects it, it does not zoom.
    .filter((event: Event) => {
      const target = event.target as Element | null;
      if (event.type === 'dblclick' && target?.closest('button')) return false;
      const mouse = event as MouseEvent;
      if (event.type === 'wheel' && wheelNeedsModifier && !mouse.ctrlKey && !mouse.metaKey) {
        onPlainWheel?.();
        return false;
      }
      // Synthetic events without a window (scripted clicks) cannot start a drag; d3-drag needs event.view.
      if (event.type === 'mousedown' && !mouse.view) return false;
      // Fingers are handled below, through pointer events: d3-zoom's touch handling cancels every touch
      // move, so a vertical swipe over the timeline could never scroll the page.
      if (event.type.startsWith('touch')) return false;
      return (!mouse.ctrlKey || event.type === 'wheel') && !mouse.button;
    })
    // d3-zoom runs one gesture per input, each with its own start and end: a drag begun before a wheel has
    // idled (150 ms) is a second gesture, and the wheel's end came in the middle of it. Ours ends with the
    // last of them: ending it there drew every mark again mid-drag (a frame of 60–90 ms at 100,000 events).
    .on('start', () => {
      d3Gestures++;
    })
    // A gesture begins with its first move, not with the press: a click on a mark is not a gesture.
    .on('end', () => {
      d3Gestures = Math.max(0, d3Gestures - 1);
      // Fingers end their own gesture (endTouch); the transforms they set along the way end at once.
      if (gesturing && d3Gestures === 0 && touches.size === 0) endGesture();
    })
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      if (!event.sourceEvent) return; // our own update(), already in state
      // A press can bring a mousemove that moves nothing (Chrome sends one when the page changes under a
      // still pointer): that is a click on a mark in the making, not a gesture.
      const { k, x } = event.transform;
      if (!gesturing && Math.abs(k / shown.k - 1) < 1e-9 && Math.abs(x - shown.x) < 0.01) return;
      moveTo(k, x);
    });
  selection.call(behavior);

  /** A reader's gesture moved d3's transform here: the window follows, once per frame. */
  function moveTo(k: number, x: number) {
    shown = { k, x };
    if (!gesturing) {
      gesturing = true;
      onGesture?.(true);
    }
    latest = windowOf(k, x);
    // Many input events can arrive per frame; state changes once per frame.
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        emit();
      });
    }
  }

  function endGesture() {
    gesturing = false;
    if (frame) {
      cancelAnimationFrame(frame);
      frame = 0;
      emit();
    }
    onGesture?.(false);
  }

  // Touch: the browser scrolls the page on a vertical swipe (touch-action: pan-y) and tells us with
  // pointercancel; a horizontal drag pans the window and two fingers pinch-zoom it.
  let touchStart: { k: number; x: number; points: [number, number][] } | null = null;
  const localX = (event: PointerEvent) => event.clientX - element.getBoundingClientRect().left;
  const restartTouch = () => {
    touchStart = touches.size === 0 ? null : { k: shown.k, x: shown.x, points: [...touches.values()].map((p) => [p.x, p.y] as [number, number]) };
  };
  const endTouch = (event: PointerEvent) => {
    if (!touches.delete(event.pointerId)) return;
    restartTouch();
    if (touches.size === 0 && gesturing) endGesture();
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.pointerType !== 'touch') return;
    touches.set(event.pointerId, { x: localX(event), y: event.clientY });
    restartTouch();
  };
  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType !== 'touch' || !touches.has(event.pointerId) || !touchStart) return;
    touches.set(event.pointerId, { x: localX(event), y: event.clientY });
    const now = [...touches.values()];
    const [a0, b0] = touchStart.points;
    const a = now[0];
    const b = now[1];
    if (!a0 || !a) return;
    let k = touchStart.k;
    let x: number;
    if (b0 && b) {
      // Pinch: the time under the fingers' first midpoint stays under their midpoint now.
      const spread0 = Math.hypot(b0[0] - a0[0], b0[1] - a0[1]);
      const spread = Math.hypot(b.x - a.x, b.y - a.y);
      const [kMin, kMax] = behavior.scaleExtent();
      if (spread0 > 0) k = Math.min(Math.max(touchStart.k * (spread / spread0), kMin), kMax);
      const mid0 = (a0[0] + b0[0]) / 2;
      const mid = (a.x + b.x) / 2;
      const fraction = (mid0 - touchStart.x) / (touchStart.k * width);
      x = mid - fraction * k * width;
    } else {
      const dx = a.x - a0[0];
      // A tap that wobbles a little is still a tap on a mark.
      if (!gesturing && Math.abs(dx) < 4) return;
      x = touchStart.x + dx;
    }
    // d3-zoom keeps the same transform, so that a wheel or a mouse drag goes on from here.
    selection.call(behavior.transform, zoomIdentity.translate(x, 0).scale(k));
    moveTo(k, x);
  };
  element.addEventListener('pointerdown', onPointerDown);
  element.addEventListener('pointermove', onPointerMove);
  element.addEventListener('pointerup', endTouch);
  element.addEventListener('pointercancel', endTouch);

  return {
    update(window, nextWidth, limits) {
      const resized = Math.max(nextWidth, 1) !== width;
      width = Math.max(nextWidth, 1);
      // Clamping recomputes the window, so compare with a tolerance far below a pixel.
      const tolerance = (window.end - window.start) * 1e-6;
      const echo = inFlight.findIndex((w) => Math.abs(w.start - window.start) < tolerance && Math.abs(w.end - window.end) < tolerance);
      if (!resized && echo >= 0) {
        // One of ours coming back: it and any older ones are done; d3 stays where the reader has taken it.
        inFlight = inFlight.slice(echo + 1);
        return;
      }
      inFlight = [];
      const k = baseSpan / (window.end - window.start);
      const x = -((window.start - base.start) / baseSpan) * width * k;
      behavior.scaleExtent([baseSpan / limits.maxSpan, baseSpan / limits.minSpan]);
      behavior.extent([
        [0, 0],
        [width, Math.max(element.clientHeight, 1)],
      ]);
      shown = { k, x };
      selection.call(behavior.transform, zoomIdentity.translate(x, 0).scale(k));
    },
    destroy() {
      cancelAnimationFrame(frame);
      selection.on('.zoom', null);
      element.removeEventListener('pointerdown', onPointerDown);
      element.removeEventListener('pointermove', onPointerMove);
      element.removeEventListener('pointerup', endTouch);
      element.removeEventListener('pointercancel', endTouch);
    },
  };
}
