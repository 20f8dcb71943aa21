import type { Actor } from '../../data/schema';
import type { ClusterMark, TimelineLayout } from '../core/layout';
import { clusterBox, compactCount, echoShape, eventSpanRect, insideLabelBox, QUIET_SPAN_TINT, softEndStops, spanLabelTop } from '../core/markShapes';
import type { Geometry } from '../core/geometry';
import { fitText } from '../core/fitText';

/**
 * Draws a layout's marks on a canvas: what the timeline shows while a wheel, drag or pinch is under way.
 * Re-rendering a thousand focusable HTML marks on every frame of a gesture costs style, layout, paint and
 * hit testing far beyond a frame's budget; one canvas costs a few milliseconds. When the gesture ends, the
 * HTML marks (the accessible, focusable ones) are rendered again for the window the reader stopped at.
 * The drawing follows the HTML marks' look closely enough that the switch is not noticed.
 */

/** The part of CanvasRenderingContext2D the painter uses (a recording fake stands in for it in tests). */
export type PaintContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'arc'
  | 'rect'
  | 'roundRect'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'clip'
  | 'fillText'
  | 'measureText'
  | 'clearRect'
  | 'setLineDash'
  | 'setTransform'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalCompositeOperation'
  | 'createLinearGradient'
>;

export interface PaintTheme {
  dark: boolean;
  /** Resolved colours of the page (the canvas cannot read CSS custom properties). */
  surface: string;
  text: string;
  font: string;
}

export interface PaintInput {
  layout: TimelineLayout;
  width: number;
  height: number;
  /** The rows of the plot the canvas covers (it starts at `from`); marks outside are not drawn. */
  band?: { from: number; to: number };
  pixelRatio: number;
  actorOf: (laneId: string) => Actor | undefined;
  titleOf: (event: number) => string;
  /** Which of a span's bounds are soft (month or year): those ends fade out (see softEndStops). */
  softEndsOf?: (event: number) => { start: boolean; end: boolean };
  /** Outside the current search. */
  dimmed: (event: number) => boolean;
  selected: number | undefined;
  /** Lanes drawn as density bands: their binned clusters are not painted (the band shows them). */
  quiet?: ReadonlySet<string>;
  /** Echoes and marks not painted here, by key: they are drawn as focusable marks already (see laneReveal). */
  omitKeys?: ReadonlySet<string> | null;
  theme: PaintTheme;
  /** The diagonal hatching of an uncertain span, in a colour (see hatchPattern); a flat tint without it. */
  hatch?: (color: string) => CanvasPattern | null;
}

const TAU = Math.PI * 2;
/** How far above or below its centre a mark and its label can draw. */
const MARK_REACH = 16;

export function paintMarks(canvas: PaintContext, input: PaintInput): void {
  const { layout, width, height, pixelRatio, theme } = input;
  const { from, to } = input.band ?? { from: 0, to: height };
  const outside = (y: number) => y < from - MARK_REACH || y > to + MARK_REACH;
  canvas.setTransform(pixelRatio, 0, 0, pixelRatio, 0, -from * pixelRatio);
  canvas.clearRect(0, from, width, to - from);
  const colorOf = (laneId: string) => {
    const actor = input.actorOf(laneId);
    return actor ? (theme.dark ? actor.color.dark : actor.color.light) : theme.text;
  };
  canvas.textBaseline = 'middle';
  // Setting a canvas's font costs far more than drawing text (Chromium resolves it against the canvas's style
  // each time): switching between counts' and labels' fonts mark by mark was most of a gesture's frame at a
  // million events. Texts are drawn after the shapes, a font at a time.
  const texts = new Map<string, (() => void)[]>();
  const text = (font: string, draw: () => void) => {
    const list = texts.get(font);
    if (list) list.push(draw);
    else texts.set(font, [draw]);
  };

  const omitted = (key: string) => input.omitKeys?.has(key) === true;
  for (const echo of layout.echoes) {
    if (outside(echo.y) || omitted(echo.key)) continue;
    const color = colorOf(echo.laneId);
    canvas.globalAlpha = echo.events.every(input.dimmed) ? 0.3 : 0.9;
    canvas.strokeStyle = color;
    canvas.beginPath();
    const shape = echoShape(echo, width);
    if (shape.kind === 'ring') {
      canvas.lineWidth = 2;
      canvas.fillStyle = theme.surface;
      canvas.arc(shape.cx, shape.cy, shape.r, 0, TAU);
      canvas.fill();
      canvas.stroke();
    } else {
      canvas.lineWidth = 1;
      canvas.setLineDash([3, 2]);
      canvas.rect(shape.left, shape.top, shape.width, shape.height);
      canvas.fillStyle = color;
      canvas.globalAlpha *= 0.25;
      canvas.fill();
      canvas.globalAlpha /= 0.25;
      canvas.stroke();
      canvas.setLineDash([]);
    }
  }

  const G = layout.geometry;
  const r = G.pointRadius;
  for (const mark of layout.marks) {
    if (outside(mark.y) || omitted(mark.key)) continue;
    const color = colorOf(mark.laneId);
    if (mark.type === 'cluster') {
      if (mark.binned && input.quiet?.has(mark.laneId)) {
        // Over a density band (see core/density isQuiet): a point cluster is left to the bars, a span cluster is a plain tint.
        if (mark.shape === 'span') paintQuietSpanCluster(canvas, mark, color, width, G);
        continue;
      }
      const dim = !mark.binned && mark.events.every(input.dimmed);
      const {
        box: { left, width: boxWidth },
        height: h,
      } = clusterBox(mark, width, G);
      const top = mark.y - h / 2;
      const radius = mark.shape === 'span' ? 4 : h / 2;
      canvas.globalAlpha = 1;
      canvas.beginPath();
      canvas.roundRect(left + 1, top + 1, boxWidth - 2, h - 2, radius);
      canvas.fillStyle = theme.surface;
      canvas.fill();
      canvas.globalAlpha = 0.18;
      canvas.fillStyle = color;
      canvas.fill();
      canvas.globalAlpha = 1;
      canvas.lineWidth = 2;
      canvas.strokeStyle = color;
      if (dim) canvas.setLineDash([4, 3]);
      canvas.stroke();
      if (dim) canvas.setLineDash([]);
      if (boxWidth >= 18) {
        text(`700 12px ${theme.font}`, () => {
          canvas.textAlign = 'center';
          canvas.fillStyle = theme.text;
          canvas.globalAlpha = dim ? 0.6 : 1;
          canvas.fillText(compactCount(mark.count), left + boxWidth / 2, mark.y, boxWidth - 4);
        });
      }
      continue;
    }

    const dim = input.dimmed(mark.event);
    const selected = mark.event === input.selected;
    canvas.globalAlpha = dim ? 0.3 : 1;
    let labelTop: number;
    if (mark.shape === 'span') {
      const box = eventSpanRect(mark, width, G);
      const h = box.height;
      const top = box.top;
      if (mark.context) {
        // A context span: a thin bar of the colour, without the top rule.
        canvas.globalAlpha *= selected ? 1 : 0.45;
        canvas.fillStyle = color;
        canvas.fillRect(box.left, top, box.width, h);
      } else {
        const hatch = selected ? null : (input.hatch?.(color) ?? null);
        canvas.fillStyle = hatch ?? color;
        if (!hatch) canvas.globalAlpha *= selected ? 0.34 : 0.2;
        canvas.fillRect(box.left, top, box.width, h);
        canvas.globalAlpha = dim ? 0.3 : 1;
        canvas.fillStyle = color;
        canvas.fillRect(box.left, top, box.width, 2);
      }
      const stops = input.softEndsOf ? softEndStops(box.width, input.softEndsOf(mark.event)) : null;
      if (stops) fadeOut(canvas, box, stops);
      canvas.globalAlpha = dim ? 0.3 : 1;
      if (selected && !mark.context) {
        canvas.lineWidth = 2;
        canvas.strokeStyle = theme.text;
        canvas.beginPath();
        canvas.rect(box.left + 1, top + 1, box.width - 2, h - 2);
        canvas.stroke();
      }
      labelTop = spanLabelTop(mark, G) + (mark.label?.side === 'inside' ? 9 : 8);
    } else {
      canvas.beginPath();
      canvas.arc(mark.x, mark.y, r + 1, 0, TAU);
      canvas.fillStyle = color;
      canvas.fill();
      canvas.beginPath();
      canvas.arc(mark.x, mark.y, r, 0, TAU);
      canvas.fillStyle = theme.surface;
      canvas.fill();
      canvas.beginPath();
      canvas.arc(mark.x, mark.y, r - 2, 0, TAU);
      canvas.fillStyle = color;
      canvas.fill();
      if (selected) {
        canvas.beginPath();
        canvas.arc(mark.x, mark.y, r + 3, 0, TAU);
        canvas.lineWidth = 2;
        canvas.strokeStyle = theme.text;
        canvas.stroke();
      }
      labelTop = mark.y;
    }

    const label = mark.label;
    if (!label) continue;
    const point = mark.shape === 'point';
    let x = label.x;
    let room = label.width;
    if (label.side === 'inside') ({ x, room } = insideLabelBox(mark, label.x, width, G));
    if (room < 8) continue;
    const event = mark.event;
    text(`${selected ? 700 : 500} ${point ? 13 : 12}px ${theme.font}`, () => {
      canvas.globalAlpha = dim ? 0.6 : 1;
      canvas.fillStyle = theme.text;
      // Cut with an ellipsis as the HTML label is (the clip only guards against rounding).
      canvas.save();
      canvas.beginPath();
      canvas.rect(x, labelTop - 9, room, 18);
      canvas.clip();
      canvas.textAlign = label.side === 'left' ? 'right' : 'left';
      canvas.fillText(fitted(canvas, input.titleOf(event), room), label.side === 'left' ? x + room : x, labelTop);
      canvas.restore();
    });
  }
  for (const [font, draws] of texts) {
    canvas.font = font;
    for (const draw of draws) draw();
  }
  canvas.textAlign = 'left';
  canvas.globalAlpha = 1;
}

/** Labels as cut to fit, by font, width and title: a gesture draws the same labels frame after frame. */
const fittedLabels = new Map<string, string>();
const FITTED_KEPT = 4096;

/** The title as a label `room` pixels wide shows it, in the context's font (see fitText). */
export function fitted(canvas: Pick<PaintContext, 'measureText' | 'font'>, title: string, room: number): string {
  const key = `${canvas.font}\u0000${Math.round(room)}\u0000${title}`;
  let shown = fittedLabels.get(key);
  if (shown === undefined) {
    shown = fitText(title, room, canvas.font, (text) => canvas.measureText(text).width);
    if (fittedLabels.size >= FITTED_KEPT) fittedLabels.clear();
    fittedLabels.set(key, shown);
  }
  return shown;
}

function paintQuietSpanCluster(canvas: PaintContext, mark: ClusterMark, color: string, width: number, G: Geometry): void {
  const { box, height } = clusterBox(mark, width, G);
  canvas.globalAlpha = QUIET_SPAN_TINT;
  canvas.fillStyle = color;
  canvas.fillRect(box.left, mark.y - height / 2, box.width, height);
  canvas.globalAlpha = 1;
}

/**
 * Fades a span's soft ends as the page's mask does: what is drawn in the box is erased by one minus the
 * stops' opacity. Spans in a row do not overlap, so only the span itself is erased.
 */
function fadeOut(canvas: PaintContext, box: { left: number; width: number; top: number; height: number }, stops: readonly [number, number][]): void {
  const gradient = canvas.createLinearGradient(box.left, 0, box.left + box.width, 0);
  for (const [offset, opacity] of stops) gradient.addColorStop(offset, `rgba(0, 0, 0, ${1 - opacity})`);
  canvas.save();
  canvas.globalCompositeOperation = 'destination-out';
  canvas.globalAlpha = 1;
  canvas.fillStyle = gradient;
  canvas.fillRect(box.left, box.top, box.width, box.height);
  canvas.restore();
}

/**
 * An 8 px tile of a stripe 4 px wide, 30% and 12% of the colour; turned by HATCH_TURN_DEGREES it is the HTML
 * spans' hatching, as the SVG export's pattern is.
 */
export function drawHatchTile(tile: Pick<CanvasRenderingContext2D, 'fillStyle' | 'globalAlpha' | 'fillRect'>, color: string): void {
  tile.fillStyle = color;
  tile.globalAlpha = 0.12;
  tile.fillRect(0, 0, 8, 8);
  tile.globalAlpha = 0.3;
  tile.fillRect(0, 0, 4, 8);
  tile.globalAlpha = 1;
}
