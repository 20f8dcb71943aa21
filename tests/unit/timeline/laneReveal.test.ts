// @vitest-environment jsdom
// Which lanes are drawn as focusable marks while they come a lane at a time (when many are first drawn, after a
// gesture, or below the first screen): the canvas draws the others, so the two must agree, and a mark a keyboard
// is at stays.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { GEOMETRY } from '../../../src/timeline/core/geometry';
import type { EventMark, LaneBand, TimelineLayout } from '../../../src/timeline/core/layout';
import { lanesDrawn, marksByLane, useDrawnBound } from '../../../src/timeline/components/laneReveal';

const band = (id: string, top: number): LaneBand => ({ lane: { actor: { id, name: id, kind: 'state', color: { light: '#000', dark: '#fff' } } }, top, height: 60 }) as unknown as LaneBand;
const mark = (laneId: string, event: number, x: number): EventMark => ({ type: 'event', key: `${laneId}:${event}`, event, laneId, shape: 'point', x, x2: x, y: 10, row: 0, label: null, context: false });
const layout: TimelineLayout = {
  bands: [band('a', 0), band('b', 60), band('c', 120)],
  marks: [mark('b', 2, 50), mark('a', 0, 30), mark('a', 1, 10), mark('c', 3, 10)],
  echoes: [],
  height: 180,
  geometry: GEOMETRY,
  focusKeyOfEvent: new Map(),
};

describe('lanes drawn a lane at a time', () => {
  it('groups each lane’s marks in time order', () => {
    expect(marksByLane(layout).get('a')?.marks.map((m) => m.key)).toEqual(['a:1', 'a:0']);
  });

  it('draws the lanes that start above the bound, and every lane once there is none', () => {
    const lanes = marksByLane(layout);
    expect(lanesDrawn(layout, lanes, 20, 21, new Set())).toEqual(new Set(['a']));
    expect(lanesDrawn(layout, lanes, 20, 81, new Set())).toEqual(new Set(['a', 'b']));
    expect(lanesDrawn(layout, lanes, 20, null, new Set())).toBeNull();
  });

  it('draws a lane below the bound at once when it holds the mark a keyboard is at', () => {
    expect(lanesDrawn(layout, marksByLane(layout), 20, 21, new Set(['c:3']))).toEqual(new Set(['a', 'c']));
  });

  it('first draws a layout of many marks from its first lane, the canvas drawing the rest; one of few down to the screen’s end', () => {
    const tops = [40, 100, 2000];
    const many = renderHook(() => useDrawnBound(tops, false, true, ['window']));
    expect(many.result.current).toEqual({ drawnTo: 41, canvasForRest: true });
    const few = renderHook(() => useDrawnBound(tops, false, false, ['window']));
    expect(few.result.current).toEqual({ drawnTo: window.scrollY + window.innerHeight, canvasForRest: false });
  });

  it('when a gesture ends, draws from the first lane with the canvas, whatever the first render did', () => {
    const tops = [40, 100, 2000];
    const hook = renderHook(({ moving, window }) => useDrawnBound(tops, moving, false, [window]), { initialProps: { moving: true, window: 'a' } });
    hook.rerender({ moving: true, window: 'b' });
    hook.rerender({ moving: false, window: 'c' });
    expect(hook.result.current).toEqual({ drawnTo: 41, canvasForRest: true });
  });

  it('when many marks are laid out anew without a gesture (a zoom button, a key), draws from the first lane again; a few are drawn whole', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const tops = [40, 100, 2000];
    const many = renderHook(({ window }) => useDrawnBound(tops, false, true, [window]), { initialProps: { window: 'a' } });
    // Frame after frame, the lanes come, to the last.
    for (let frame = 0; frame < 5; frame++) act(() => {
        vi.advanceTimersByTime(50);
      });
    expect(many.result.current).toEqual({ drawnTo: null, canvasForRest: false });
    many.rerender({ window: 'b' });
    expect(many.result.current).toEqual({ drawnTo: 41, canvasForRest: true });
    for (let frame = 0; frame < 5; frame++) act(() => {
        vi.advanceTimersByTime(50);
      });
    expect(many.result.current).toEqual({ drawnTo: null, canvasForRest: false });
    // The same window again (a selection, a focus moved): nothing is taken back.
    many.rerender({ window: 'b' });
    expect(many.result.current).toEqual({ drawnTo: null, canvasForRest: false });

    const few = renderHook(({ window }) => useDrawnBound(tops, false, false, [window]), { initialProps: { window: 'a' } });
    const before = few.result.current;
    few.rerender({ window: 'b' });
    expect(few.result.current).toEqual(before);
  });
});
