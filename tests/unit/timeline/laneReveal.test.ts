// @vitest-environment jsdom
// Which echoes and marks are drawn as focusable marks while they come a part at a time (when many are first
// drawn, after a gesture, or below the first screen): the canvas draws the others, so the two must agree, no
// frame brings more than its share, and a mark a keyboard is at stays.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { GEOMETRY } from '../../../src/timeline/core/geometry';
import type { EchoMark, EventMark, LaneBand, TimelineLayout } from '../../../src/timeline/core/layout';
import { MARKS_PER_FRAME, marksByLane, marksDrawn, revealOrder, useDrawnBound, type RevealLane } from '../../../src/timeline/components/laneReveal';

const band = (id: string, top: number): LaneBand => ({ lane: { actor: { id, name: id, kind: 'state', color: { light: '#000', dark: '#fff' } } }, top, height: 60 }) as unknown as LaneBand;
const mark = (laneId: string, event: number, x: number): EventMark => ({ type: 'event', key: `${laneId}:${event}`, event, laneId, shape: 'point', x, x2: x, y: 10, row: 0, label: null, context: false });
const echo = (laneId: string, event: number): EchoMark => ({ key: `echo:${laneId}:${event}`, laneId, events: [event], shape: 'point', x: 5, x2: 5, y: 10 }) as unknown as EchoMark;
const layout: TimelineLayout = {
  bands: [band('a', 0), band('b', 60), band('c', 120), band('empty', 180)],
  marks: [mark('b', 2, 50), mark('a', 0, 30), mark('a', 1, 10), mark('c', 3, 10)],
  echoes: [echo('b', 0)],
  height: 240,
  geometry: GEOMETRY,
  focusKeyOfEvent: new Map(),
};

/** Lanes of these sizes, 60 px apart from y 40. */
const lanesOf = (...sizes: number[]): RevealLane[] => sizes.map((size, i) => ({ laneId: `lane${i}`, top: 40 + i * 60, size }));

describe('marks drawn a part at a time', () => {
  it('groups each lane’s marks in time order, and orders the lanes that draw anything from the top', () => {
    expect(marksByLane(layout).get('a')?.marks.map((m) => m.key)).toEqual(['a:1', 'a:0']);
    expect(revealOrder(layout, marksByLane(layout), 20)).toEqual([
      { laneId: 'a', top: 20, size: 2 },
      { laneId: 'b', top: 80, size: 2 },
      { laneId: 'c', top: 140, size: 1 },
    ]);
  });

  it('draws the first marks in that order, a lane’s echoes before its marks in time order, and all once there is no bound', () => {
    const lanes = marksByLane(layout);
    const order = revealOrder(layout, lanes, 20);
    expect(marksDrawn(order, lanes, 1, new Set())).toEqual(new Set(['a:1']));
    expect(marksDrawn(order, lanes, 3, new Set())).toEqual(new Set(['a:1', 'a:0', 'echo:b:0']));
    expect(marksDrawn(order, lanes, 4, new Set())).toEqual(new Set(['a:1', 'a:0', 'echo:b:0', 'b:2']));
    expect(marksDrawn(order, lanes, null, new Set())).toBeNull();
  });

  it('draws at once the mark a keyboard is at, wherever it is, without taking from the others’ share', () => {
    const lanes = marksByLane(layout);
    const order = revealOrder(layout, lanes, 20);
    expect(marksDrawn(order, lanes, 1, new Set(['c:3']))).toEqual(new Set(['a:1', 'c:3']));
    expect(marksDrawn(order, lanes, 1, new Set(['b:2', null, undefined]))).toEqual(new Set(['a:1', 'b:2']));
  });

  it('first draws a layout of many marks a frame’s share, the canvas drawing the rest; one of few down to the screen’s end', () => {
    const order = lanesOf(MARKS_PER_FRAME + 50, 30, 30);
    const many = renderHook(() => useDrawnBound(order, false, true, ['window']));
    expect(many.result.current).toEqual({ drawnTo: MARKS_PER_FRAME, canvasForRest: true });
    // jsdom's window is 768 px high: the third lane, at y 160, is on the first screen; one at 2,000 is not.
    const few = renderHook(() => useDrawnBound(lanesOf(10, 20, 30), false, false, ['window']));
    expect(few.result.current).toEqual({ drawnTo: null, canvasForRest: false });
    const tall = [...lanesOf(10, 20), { laneId: 'below', top: 2000, size: 30 }];
    const below = renderHook(() => useDrawnBound(tall, false, false, ['window']));
    expect(below.result.current).toEqual({ drawnTo: 30, canvasForRest: false });
  });

  it('when a gesture ends, draws from the first marks with the canvas, whatever the first render did', () => {
    const order = lanesOf(MARKS_PER_FRAME, MARKS_PER_FRAME, 10);
    const hook = renderHook(({ moving, window }) => useDrawnBound(order, moving, false, [window]), { initialProps: { moving: true, window: 'a' } });
    hook.rerender({ moving: true, window: 'b' });
    hook.rerender({ moving: false, window: 'c' });
    expect(hook.result.current).toEqual({ drawnTo: MARKS_PER_FRAME, canvasForRest: true });
  });

  it('brings a frame’s share after each paint, splitting a large lane, until all are drawn; laid out anew, it starts again; few are drawn whole', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const order = lanesOf(MARKS_PER_FRAME * 2 + 20, 40);
    const many = renderHook(({ window }) => useDrawnBound(order, false, true, [window]), { initialProps: { window: 'a' } });
    const bounds: (number | null)[] = [many.result.current.drawnTo];
    for (let frame = 0; frame < 5; frame++) {
      act(() => {
        vi.advanceTimersByTime(50);
      });
      if (bounds.at(-1) !== many.result.current.drawnTo) bounds.push(many.result.current.drawnTo);
    }
    // 260 marks: the first lane (220) split over the first three frames, the second lane in the third.
    expect(bounds).toEqual([MARKS_PER_FRAME, MARKS_PER_FRAME * 2, null]);
    expect(many.result.current).toEqual({ drawnTo: null, canvasForRest: false });
    many.rerender({ window: 'b' });
    expect(many.result.current).toEqual({ drawnTo: MARKS_PER_FRAME, canvasForRest: true });
    for (let frame = 0; frame < 5; frame++) act(() => {
        vi.advanceTimersByTime(50);
      });
    expect(many.result.current).toEqual({ drawnTo: null, canvasForRest: false });
    // The same window again (a selection, a focus moved): nothing is taken back.
    many.rerender({ window: 'b' });
    expect(many.result.current).toEqual({ drawnTo: null, canvasForRest: false });

    const few = renderHook(({ window }) => useDrawnBound(lanesOf(10, 20), false, false, [window]), { initialProps: { window: 'a' } });
    const before = few.result.current;
    few.rerender({ window: 'b' });
    expect(few.result.current).toEqual(before);
  });
});
