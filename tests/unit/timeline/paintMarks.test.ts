import { GEOMETRY } from '../../../src/timeline/core/geometry';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/data/schema';
import type { ClusterMark, EventMark, TimelineLayout } from '../../../src/timeline/core/layout';
import { fitted, paintMarks, type PaintContext, type PaintInput } from '../../../src/timeline/components/paintMarks';

/** A 2D context that records what is drawn: each fillText with the style in force, and clip rectangles. */
function recordingContext() {
  const texts: { text: string; x: number; y: number; fillStyle: string; alpha: number; clip: number[] | null; font: string; align: string }[] = [];
  let fontSets = 0;
  let font = '';
  const arcs: { x: number; y: number; r: number; fillStyle: string; alpha: number }[] = [];
  let path: number[][] = [];
  let clip: number[] | null = null;
  const stack: (number[] | null)[] = [];
  const rects: { x: number; y: number; w: number; h: number; fillStyle: unknown; alpha: number; composite: string }[] = [];
  const ctx = {
    globalCompositeOperation: 'source-over',
    createLinearGradient: (x0: number, _y0: number, x1: number) => {
      const stops: [number, string][] = [];
      return { x0, x1, stops, addColorStop: (offset: number, color: string) => stops.push([offset, color]) };
    },
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    get font() {
      return font;
    },
    set font(next: string) {
      fontSets++;
      font = next;
    },
    textAlign: 'left',
    textBaseline: 'alphabetic',
    save: () => stack.push(clip),
    restore: () => {
      clip = stack.pop() ?? null;
      ctx.globalCompositeOperation = 'source-over';
    },
    beginPath: () => {
      path = [];
    },
    arc(x: number, y: number, r: number) {
      arcs.push({ x, y, r, fillStyle: String(ctx.fillStyle), alpha: ctx.globalAlpha });
    },
    rect: (x: number, y: number, w: number, h: number) => path.push([x, y, w, h]),
    roundRect: (x: number, y: number, w: number, h: number) => path.push([x, y, w, h]),
    clip: () => {
      clip = path[0] ?? null;
    },
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, fillStyle: String(ctx.fillStyle), alpha: ctx.globalAlpha, clip, font, align: ctx.textAlign });
    },
    /** Every character 5 px wide. */
    measureText: (text: string) => ({ width: text.length * 5 }),
    fill: () => undefined,
    stroke: () => undefined,
    fillRect(x: number, y: number, w: number, h: number) {
      rects.push({ x, y, w, h, fillStyle: ctx.fillStyle, alpha: ctx.globalAlpha, composite: ctx.globalCompositeOperation });
    },
    clearRect: () => undefined,
    setLineDash: () => undefined,
    setTransform: () => undefined,
  };
  return { ctx: ctx as unknown as PaintContext, texts, arcs, rects, fontSets: () => fontSets };
}

const actors = new Map<string, Actor>([
  ['ukraine', { id: 'ukraine', name: 'Ukraine', kind: 'state', color: { light: '#1f5fa8', dark: '#7fb0e8' } }],
  ['russia', { id: 'russia', name: 'Russia', kind: 'state', color: { light: '#a83232', dark: '#e88f8f' } }],
]);
const titles = ['Strike on Kursk', 'Troops cross the border', 'Talks in Geneva'];

const point: EventMark = { type: 'event', key: 'e0', event: 0, laneId: 'ukraine', shape: 'point', x: 100, x2: 100, y: 40, row: 0, label: { x: 112, width: 90, side: 'right' }, context: false };
const span: EventMark = { type: 'event', key: 'e1', event: 1, laneId: 'russia', shape: 'span', x: 300, x2: 600, y: 80, row: 0, label: { x: 300, width: 300, side: 'inside' }, context: false };
const unlabelled: EventMark = { ...point, key: 'e2', event: 2, x: 700, x2: 700, label: null };
const cluster: ClusterMark = {
  type: 'cluster',
  key: 'c',
  laneId: 'ukraine',
  shape: 'point',
  events: new Int32Array(0),
  count: 1234,
  first: 0,
  binned: true,
  range: [0, 1234],
  x: 800,
  x2: 840,
  y: 40,
  row: 0,
  start: 0,
  end: 1,
};
const layout: TimelineLayout = { bands: [], marks: [point, span, unlabelled, cluster], echoes: [], height: 120, geometry: GEOMETRY, focusKeyOfEvent: new Map() };

function paint(overrides: Partial<PaintInput> = {}) {
  const recording = recordingContext();
  paintMarks(recording.ctx, {
    layout,
    width: 1000,
    height: 120,
    pixelRatio: 1,
    actorOf: (id) => actors.get(id),
    titleOf: (i) => titles[i] ?? '',
    dimmed: () => false,
    selected: undefined,
    theme: { dark: false, surface: 'rgb(255, 255, 255)', text: 'rgb(28, 29, 31)', font: 'sans-serif' },
    ...overrides,
  });
  return recording;
}

describe('paintMarks: the canvas that stands in for the marks during a gesture', () => {
  it('writes the label of every labelled event, clipped to the box the layout gave it, and none for unlabelled ones', () => {
    const { texts } = paint();
    const labels = texts.filter((t) => titles.includes(t.text));
    expect(labels.map((t) => t.text)).toEqual(['Strike on Kursk', 'Troops cross the border']);
    const [pointLabel, spanLabel] = labels;
    expect(pointLabel?.clip).toEqual([112, expect.any(Number), 90, 18]);
    // Inside a span the label keeps the HTML label's 6 px padding on both sides.
    expect(spanLabel?.clip?.[0]).toBe(307);
    expect(spanLabel?.clip?.[2]).toBe(300 - 2 - 12);
  });

  it('cuts a label too long for its box with an ellipsis, as the HTML label is, keeping as much of its start as fits', () => {
    const narrow: EventMark = { ...point, label: { x: 112, width: 42, side: 'right' } };
    const { texts } = paint({ layout: { ...layout, marks: [narrow] } });
    // 'Strike on Kursk' is 75 px at 5 px a character; in 42 px, 'Strike' and the ellipsis (35 px: the space
    // before it goes, and 'Strike o…' is 45 px).
    expect(texts.map((t) => t.text)).toEqual(['Strike\u2026']);
    const measure = { font: '500 13px serif', measureText: (text: string) => ({ width: text.length * 5 }) } as unknown as Parameters<typeof fitted>[0];
    expect(fitted(measure, 'Kursk', 25)).toBe('Kursk');
    expect(fitted(measure, 'Kursk', 24)).toBe('Kur\u2026');
    expect(fitted(measure, 'Kursk', 4)).toBe('');
    // A character outside the Basic Multilingual Plane is kept whole or left out, never halved.
    expect(fitted(measure, 'ab\u{1F600}cd', 20)).toBe('ab\u2026');
  });

  it('sets each font once a frame, however the marks that need it alternate, and draws each text in its own', () => {
    // Setting a canvas's font is costly: forty marks alternating between a label's font and a count's.
    const marks = Array.from({ length: 20 }, (_, i) => [
      { ...point, key: `p${i}`, x: 20 + i * 40, x2: 20 + i * 40 },
      { ...cluster, key: `c${i}`, x: 30 + i * 40, x2: 50 + i * 40 },
    ]).flat();
    const recording = paint({ layout: { ...layout, marks } });
    expect(recording.fontSets()).toBe(2);
    expect(recording.texts.filter((t) => t.text === 'Strike on Kursk').map((t) => [t.font, t.align])).toEqual(Array(20).fill(['500 13px sans-serif', 'left']));
    expect(recording.texts.filter((t) => t.text === '1.2k').map((t) => [t.font, t.align])).toEqual(Array(20).fill(['700 12px sans-serif', 'center']));
  });

  it('draws a cluster with its compact count', () => {
    expect(paint().texts.map((t) => t.text)).toContain('1.2k');
  });

  it("uses each actor's colour for the theme in force", () => {
    const light = paint().arcs.filter((a) => a.x === 100).map((a) => a.fillStyle);
    const dark = paint({ theme: { dark: true, surface: 'rgb(29, 32, 37)', text: 'rgb(235, 235, 234)', font: 'sans-serif' } })
      .arcs.filter((a) => a.x === 100)
      .map((a) => a.fillStyle);
    expect(light).toContain('#1f5fa8');
    expect(dark).toContain('#7fb0e8');
    expect(dark).not.toContain('#1f5fa8');
  });

  it('fades events outside the search, as the HTML marks do', () => {
    const { arcs, texts } = paint({ dimmed: (i) => i === 0 });
    expect(arcs.filter((a) => a.x === 100).every((a) => a.alpha < 0.5)).toBe(true);
    expect(arcs.filter((a) => a.x === 700).every((a) => a.alpha === 1)).toBe(true);
    expect(texts.find((t) => t.text === 'Strike on Kursk')?.alpha).toBeLessThan(1);
  });

  it('draws only the marks in the band of the plot the canvas covers', () => {
    // The span sits at y = 80; a canvas covering rows 0–50 leaves it out, one covering 60–120 draws it.
    const upper = paint({ band: { from: 0, to: 50 } }).texts.map((t) => t.text);
    const lower = paint({ band: { from: 60, to: 120 } }).texts.map((t) => t.text);
    expect(upper).toContain('Strike on Kursk');
    expect(upper).not.toContain('Troops cross the border');
    expect(lower).toContain('Troops cross the border');
    expect(lower).not.toContain('Strike on Kursk');
  });

  it('rings the selected event', () => {
    const rings = (selected: number | undefined) => paint({ selected }).arcs.filter((a) => a.x === 100 && a.r > 8).length;
    expect(rings(undefined)).toBe(0);
    expect(rings(0)).toBe(1);
  });

  it('fades a span’s soft bounds out as the HTML marks do: erased at a soft end, whole 14 px in', () => {
    const spanOnly = { ...layout, marks: [span] };
    const erased = (soft: { start: boolean; end: boolean }) =>
      paint({ layout: spanOnly, softEndsOf: () => soft }).rects.filter((r) => r.composite === 'destination-out');
    expect(erased({ start: false, end: false })).toEqual([]);
    const [fade] = erased({ start: true, end: false });
    // The span's box runs from x 301 to 599 (see eventSpanRect): 14 px is 0.047 of it.
    expect(fade).toMatchObject({ x: 301, w: 298, alpha: 1 });
    const stops = (fade?.fillStyle as { stops: [number, string][] }).stops;
    expect(stops[0]).toEqual([0, 'rgba(0, 0, 0, 1)']);
    expect(stops[1]?.[0]).toBeCloseTo(14 / 298, 5);
    expect(stops.slice(1).map(([, color]) => color)).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
  });

  it('draws a context span as a thin bar of its colour, without the top rule of a dated span', () => {
    const context = { ...span, context: true };
    const rects = paint({ layout: { ...layout, marks: [context] } }).rects;
    expect(rects).toEqual([expect.objectContaining({ x: 301, w: 298, h: 6, fillStyle: '#a83232', alpha: 0.45 })]);
    const dated = paint({ layout: { ...layout, marks: [span] } }).rects;
    expect(dated.map((r) => r.h)).toEqual([GEOMETRY.spanHeight, 2]);
  });

  it('leaves out the marks that are focusable marks again, and draws the others', () => {
    const drawn = paint({ omitKeys: new Set(layout.marks.filter((m) => m.laneId === 'russia').map((m) => m.key)) });
    expect(drawn.texts.map((t) => t.text)).toContain('Strike on Kursk');
    expect(drawn.texts.map((t) => t.text)).not.toContain('Troops cross the border');
    expect(drawn.rects).toEqual([]);
  });
});
