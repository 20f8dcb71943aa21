import { describe, expect, it } from 'vitest';
import { markExtent, placeLabels } from '../../../src/timeline/core/labels';
import { GEOMETRY } from '../../../src/timeline/core/geometry';
import type { ClusterMark, EventMark, Mark } from '../../../src/timeline/core/layout';

function point(event: number, x: number, row = 0, laneId = 'a'): EventMark {
  return { type: 'event', key: `event:${event}`, event, laneId, shape: 'point', x, x2: x, y: 0, row, label: null, context: false };
}

function span(event: number, x: number, x2: number, row = 0, laneId = 'a'): EventMark {
  return { type: 'event', key: `event:${event}`, event, laneId, shape: 'span', x, x2, y: 0, row, label: null, context: false };
}

function cluster(events: number[], x: number, x2: number, row = 0, laneId = 'a'): ClusterMark {
  return {
    type: 'cluster',
    key: `cluster:${laneId}:${row}:${events[0] ?? 0}`,
    laneId,
    shape: 'point',
    events: Int32Array.from(events),
    count: events.length,
    first: events[0] ?? 0,
    binned: false,
    range: [0, events.length],
    x,
    x2,
    y: 0,
    row,
    start: 0,
    end: 0,
  };
}

const widthOf = (w: number) => () => w;
const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from < b.to && b.from < a.to;

describe('markExtent', () => {
  it('is the dot of a point, with a pixel to spare', () => {
    expect(markExtent(point(0, 100))).toEqual({ from: 100 - GEOMETRY.pointRadius - 1, to: 100 + GEOMETRY.pointRadius + 1 });
  });

  it('is the whole of a span', () => {
    expect(markExtent(span(0, 10, 90))).toEqual({ from: 10, to: 90 });
  });

  it('is at least the width of the count badge for a cluster', () => {
    const e = markExtent(cluster([1, 2, 3], 100, 104));
    expect(e.to - e.from).toBeGreaterThanOrEqual(32);
    const wide = markExtent(cluster([1, 2, 3], 100, 200));
    expect(wide).toEqual({ from: 100, to: 200 });
  });
});

describe('placeLabels', () => {
  it("puts a point's label to its right when there is room", () => {
    const m = point(0, 100);
    placeLabels([m], 1000, widthOf(80), []);
    expect(m.label).toEqual({ x: 100 + GEOMETRY.labelOffset, width: 80, side: 'right' });
  });

  it('puts it to the left when the right would run off the axis', () => {
    const m = point(0, 950);
    placeLabels([m], 1000, widthOf(80), []);
    expect(m.label).toEqual({ x: 950 - GEOMETRY.labelOffset - 80, width: 80, side: 'left' });
  });

  it('hides it when neither side fits', () => {
    const m = point(0, 100);
    placeLabels([m], 200, widthOf(150), []);
    expect(m.label).toBeNull();
  });

  it('does not let a label cover a neighbouring mark in its row', () => {
    const a = point(0, 100);
    const b = point(1, 160);
    placeLabels([a, b], 1000, widthOf(120), []);
    expect(a.label).toBeNull(); // right runs into b, left runs off the axis
    expect(b.label?.side).toBe('right');
  });

  it('does not let two labels in one row overlap', () => {
    const a = point(0, 100);
    const b = point(1, 400);
    placeLabels([a, b], 600, widthOf(250), []);
    expect(a.label?.side).toBe('right');
    expect(b.label).toBeNull();
  });

  it('gives the priority event its label when labels compete', () => {
    const a = point(0, 100);
    const b = point(1, 400);
    placeLabels([a, b], 600, widthOf(250), [1]);
    expect(b.label).toEqual({ x: 400 - GEOMETRY.labelOffset - 250, width: 250, side: 'left' });
    expect(a.label).toBeNull();
  });

  it('places priority events in priority order', () => {
    const a = point(0, 100);
    const b = point(1, 400);
    placeLabels([a, b], 600, widthOf(250), [0, 1]);
    expect(a.label).not.toBeNull();
    expect(b.label).toBeNull();
  });

  it('treats different rows and lanes independently', () => {
    const a = point(0, 100, 0);
    const b = point(1, 160, 1);
    const c = point(2, 160, 0, 'other');
    placeLabels([a, b, c], 1000, widthOf(120), []);
    expect(a.label?.side).toBe('right');
    expect(b.label?.side).toBe('right');
    expect(c.label?.side).toBe('right');
  });

  it("writes a span's label inside its visible part when the title fits there", () => {
    const m = span(0, -50, 300);
    placeLabels([m], 1000, widthOf(200), []);
    expect(m.label).toEqual({ x: 0, width: 300, side: 'inside' });
  });

  it('never writes two labels over each other where spans share a crowded row', () => {
    // A crowded lane's last row holds spans that overlap: their titles cannot all be written inside.
    const marks = [span(0, 100, 900), span(1, 150, 950), span(2, 120, 400)];
    placeLabels(marks, 1000, widthOf(160), []);
    const texts = marks.flatMap((m) => (m.label ? [{ from: m.label.x, to: m.label.x + Math.min(160, m.label.width) }] : []));
    expect(texts.length).toBeGreaterThan(0);
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
  });

  it('puts the label of a span too narrow for its title beside it, right first, then left', () => {
    const m = span(0, 100, 130);
    placeLabels([m], 1000, widthOf(200), []);
    expect(m.label?.side).toBe('right');
    expect(m.label?.x).toBeGreaterThanOrEqual(130);
    expect(m.label?.width).toBe(200);
    const nearEnd = span(1, 850, 900);
    placeLabels([nearEnd], 1000, widthOf(200), []);
    expect(nearEnd.label?.side).toBe('left');
    expect((nearEnd.label?.x ?? 0) + (nearEnd.label?.width ?? 0)).toBeLessThanOrEqual(850);
  });

  it('cuts a span label short inside the span when it fits neither inside nor beside, if a few words can show', () => {
    const wide = span(0, 0, 1000 - 0);
    placeLabels([wide], 1000, widthOf(1200), []);
    expect(wide.label).toEqual({ x: 0, width: 1000, side: 'inside' });
    const crowded = span(1, 300, 300 + GEOMETRY.minInsideLabel);
    const left = span(2, 0, 295);
    const right = span(3, 305 + GEOMETRY.minInsideLabel, 1000);
    placeLabels([left, crowded, right], 1000, (e) => (e === 1 ? 400 : 10), []);
    expect(crowded.label).toEqual({ x: 300, width: GEOMETRY.minInsideLabel, side: 'inside' });
  });

  it('leaves a span unlabelled when its title fits nowhere and too little of it is visible to cut it short', () => {
    const m = span(0, 300, 300 + GEOMETRY.minInsideLabel - 1);
    const left = span(1, 0, 295);
    const right = span(2, 305 + GEOMETRY.minInsideLabel, 1000);
    placeLabels([left, m, right], 1000, (e) => (e === 0 ? 400 : 10), []);
    expect(m.label).toBeNull();
    const offscreen = span(3, -200, -20);
    placeLabels([offscreen], 1000, widthOf(300), []);
    expect(offscreen.label?.side ?? null).not.toBe('inside');
  });

  it('does not let a label beside a span cover a neighbouring mark or label', () => {
    const a = span(0, 300, 320);
    const b = span(1, 400, 420);
    placeLabels([a, b], 1000, widthOf(150), []);
    expect(a.label?.side).toBe('left'); // its right side would cover b
    expect(b.label?.side).toBe('right');
    const boxA = { from: a.label?.x ?? 0, to: (a.label?.x ?? 0) + (a.label?.width ?? 0) };
    expect(overlaps(boxA, markExtent(b))).toBe(false);
    if (b.label) expect(overlaps(boxA, { from: b.label.x, to: b.label.x + b.label.width })).toBe(false);
  });

  it('lets a cluster block labels but never labels the cluster', () => {
    const c = cluster([5, 6, 7], 140, 150);
    const m = point(0, 100);
    const marks: Mark[] = [m, c];
    placeLabels(marks, 1000, widthOf(100), []);
    expect(m.label).toBeNull();
    expect('label' in c).toBe(false);
  });

  it('keeps every label inside the axis and clear of other marks and labels in a crowded row', () => {
    const marks = Array.from({ length: 40 }, (_, i) => point(i, 10 + i * 47));
    placeLabels(marks, 2000, (e) => 10 + ((e * 53) % 40), []);
    const labelled = marks.filter((m) => m.label);
    expect(labelled.length).toBeGreaterThan(0);
    for (const m of labelled) {
      const box = { from: m.label?.x ?? 0, to: (m.label?.x ?? 0) + (m.label?.width ?? 0) };
      expect(box.from).toBeGreaterThanOrEqual(0);
      expect(box.to).toBeLessThanOrEqual(2000);
      for (const other of marks) {
        if (other === m) continue;
        expect(overlaps(box, markExtent(other))).toBe(false);
        if (other.label) expect(overlaps(box, { from: other.label.x, to: other.label.x + other.label.width })).toBe(false);
      }
    }
  });
});
