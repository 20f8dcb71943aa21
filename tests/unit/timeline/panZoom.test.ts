// @vitest-environment jsdom
// The d3-zoom controller against a view state that lags behind it, as React's does under load: every
// wheel step the reader takes must count, however late the windows it handed out come back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanZoom, type PanZoomController } from '../../../src/timeline/interaction/panZoom';
import type { TimeWindow, ZoomLimits } from '../../../src/timeline/core/timeWindow';

const BASE: TimeWindow = { start: 0, end: 1_000_000 };
const LIMITS: ZoomLimits = { minSpan: 1, maxSpan: 10_000_000, minCenter: -10_000_000, maxCenter: 10_000_000 };
const WIDTH = 1000;

let frames: FrameRequestCallback[] = [];
/** Runs the animation frames asked for so far: the controller hands the window on once per frame. */
function nextFrame() {
  const due = frames;
  frames = [];
  for (const callback of due) callback(0);
}

let element: HTMLElement;
let controller: PanZoomController;
let handed: TimeWindow[];

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  element = document.createElement('div');
  document.body.append(element);
  handed = [];
  controller = createPanZoom({ element, base: BASE, onWindow: (w) => handed.push(w) });
  controller.update(BASE, WIDTH, LIMITS);
});

afterEach(() => {
  controller.destroy();
  element.remove();
  vi.unstubAllGlobals();
});

/** One notch of a mouse wheel over the plot's middle (deltaY < 0 zooms in). */
function wheel(deltaY: number) {
  element.dispatchEvent(new WheelEvent('wheel', { deltaY, deltaMode: 0, clientX: WIDTH / 2, clientY: 10, bubbles: true, cancelable: true }));
}

const span = (w: TimeWindow) => w.end - w.start;
/** d3-zoom's scale change for one pixel-mode wheel event. */
const stepOf = (deltaY: number) => Math.pow(2, -deltaY * 0.002);

describe('the pan/zoom controller', () => {
  it('hands on one window per frame however many wheel events arrive in it', () => {
    wheel(-100);
    wheel(-100);
    wheel(-100);
    nextFrame();
    expect(handed).toHaveLength(1);
    expect(span(handed[0] as TimeWindow)).toBeCloseTo(span(BASE) / stepOf(-100) ** 3, 0);
  });

  it('loses no wheel step when the view state comes back a window late', () => {
    wheel(-100);
    nextFrame();
    wheel(-100);
    nextFrame();
    const [first, second] = handed as [TimeWindow, TimeWindow];
    // React renders the first window only now, after the second was handed on; then the reader wheels again.
    controller.update(first, WIDTH, LIMITS);
    wheel(-100);
    nextFrame();
    controller.update(second, WIDTH, LIMITS);
    const third = handed[2] as TimeWindow;
    controller.update(third, WIDTH, LIMITS);
    wheel(-100);
    nextFrame();
    const last = handed[3] as TimeWindow;
    expect(span(last)).toBeCloseTo(span(BASE) / stepOf(-100) ** 4, 0);
  });

  it('zooms out step by step while the view state runs one window behind', () => {
    for (let i = 0; i < 10; i++) {
      wheel(100);
      nextFrame();
      // The window before the one just handed on comes back now.
      const behind = handed[handed.length - 2];
      if (behind) controller.update(behind, WIDTH, LIMITS);
    }
    controller.update(handed[handed.length - 1] as TimeWindow, WIDTH, LIMITS);
    wheel(100);
    nextFrame();
    expect(span(handed[handed.length - 1] as TimeWindow)).toBeCloseTo(span(BASE) / stepOf(100) ** 11, 0);
  });

  it('follows a window set elsewhere (a button, a key, the URL): the next wheel step starts from it', () => {
    wheel(-100);
    nextFrame();
    const fromButton = { start: 200_000, end: 400_000 };
    controller.update(fromButton, WIDTH, LIMITS);
    wheel(-100);
    nextFrame();
    const last = handed[handed.length - 1] as TimeWindow;
    expect(span(last)).toBeCloseTo(span(fromButton) / stepOf(-100), 0);
    expect(last.start).toBeGreaterThan(fromButton.start);
    expect(last.end).toBeLessThan(fromButton.end);
  });

  it('keeps a drag begun while a wheel was still idling one gesture: the wheel’s end does not end it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const said: boolean[] = [];
      const plot = document.createElement('div');
      document.body.append(plot);
      const panZoom = createPanZoom({ element: plot, base: BASE, onWindow: () => {}, onGesture: (active) => said.push(active) });
      panZoom.update(BASE, WIDTH, LIMITS);
      const mouse = (type: string, target: EventTarget, clientX: number) => {
        const event = new MouseEvent(type, { clientX, clientY: 10, button: 0, bubbles: true, cancelable: true });
        // d3-zoom follows a drag on the press's window (jsdom will not take its own window as a view here).
        Object.defineProperty(event, 'view', { value: window });
        target.dispatchEvent(event);
      };
      plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, deltaMode: 0, clientX: WIDTH / 2, clientY: 10, bubbles: true, cancelable: true }));
      // The reader presses and drags within d3-zoom's 150 ms wheel delay, then the wheel idles mid-drag.
      mouse('mousedown', plot, 500);
      mouse('mousemove', window, 480);
      vi.advanceTimersByTime(200);
      mouse('mousemove', window, 460);
      expect(said).toEqual([true]);
      mouse('mouseup', window, 460);
      expect(said).toEqual([true, false]);
      panZoom.destroy();
      plot.remove();
    } finally {
      vi.useRealTimers();
    }
  });
});
