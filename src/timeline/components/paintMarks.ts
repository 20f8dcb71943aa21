import type { Actor } from '../../data/schema';
import type { ClusterMark, TimelineLayout } from '../core/layout';
import { clusterBox, compactCount, eventSpanRect, QUIET_SPAN_TINT, spanBox } from '../core/markShapes';
import type { Geometry } from '../core/geometry';

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
  /** Outside the current search. */
  dimmed: (event: number) => boolean;
  selected: number | undefined;
  /** Lanes drawn as density bands: their binned clusters are not painted (the band shows them). */
  quiet?: ReadonlySet<string>;
  theme: PaintTheme;
  /** The diagonal hatching of an uncertain span, in a colour (see hatchPattern); a flat tint without it. */
  hatch?: (color: string) => CanvasPattern | null;
}

const TAU = Math.PI * 2;
/** How far above or below its centre a mark and its label can draw. */
const MARK_REACH = 16;

export function paintMarks(ctx: PaintContext, input: PaintInput): void {
  const { layout, width, height, pixelRatio, theme } = input;
  const { from, to } = input.band ?? { from: 0, to: height };
  const outside = (y: number) => y < from - MARK_REACH || y > to + MARK_REACH;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, -from * pixelRatio);
  ctx.clearRect(0, from, width, to - from);
  const colorOf = (laneId: string) => {
    const actor = input.actorOf(laneId);
    return actor ? (theme.dark ? actor.color.dark : actor.color.light) : theme.text;
  };
  ctx.textBaseline = 'middle';

  for (const echo of layout.echoes) {
    if (outside(echo.y)) continue;
    const color = colorOf(echo.laneId);
    ctx.globalAlpha = echo.events.every(input.dimmed) ? 0.3 : 0.9;
    ctx.strokeStyle = color;
    ctx.beginPath();
    if (echo.shape === 'point') {
      ctx.lineWidth = 2;
      ctx.fillStyle = theme.surface;
      ctx.arc(echo.x, echo.y, 4, 0, TAU);
      ctx.fill();
      ctx.stroke();
    } else {
      const box = spanBox(echo.x, echo.x2, width, 6);
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 2]);
      ctx.rect(box.left + 0.5, echo.y - 4.5, box.width - 1, 9);
      ctx.fillStyle = color;
      ctx.globalAlpha *= 0.25;
      ctx.fill();
      ctx.globalAlpha /= 0.25;
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  const G = layout.geometry;
  const r = G.pointRadius;
  for (const mark of layout.marks) {
    if (outside(mark.y)) continue;
    const color = colorOf(mark.laneId);
    if (mark.type === 'cluster') {
      if (mark.binned && input.quiet?.has(mark.laneId)) {
        // Over a density band (see core/density isQuiet): a point cluster is left to the bars, a span cluster is a plain tint.
        if (mark.shape === 'span') paintQuietSpanCluster(ctx, mark, color, width, G);
        continue;
      }
      const dim = !mark.binned && mark.events.every(input.dimmed);
      const {
        box: { left, width: boxWidth },
        height: h,
      } = clusterBox(mark, width, G);
      const top = mark.y - h / 2;
      const radius = mark.shape === 'span' ? 4 : h / 2;
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.roundRect(left + 1, top + 1, boxWidth - 2, h - 2, radius);
      ctx.fillStyle = theme.surface;
      ctx.fill();
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 2;
      ctx.strokeStyle = color;
      if (dim) ctx.setLineDash([4, 3]);
      ctx.stroke();
      if (dim) ctx.setLineDash([]);
      if (boxWidth >= 18) {
        ctx.font = `700 12px ${theme.font}`;
        ctx.textAlign = 'center';
        ctx.fillStyle = theme.text;
        ctx.globalAlpha = dim ? 0.6 : 1;
        ctx.fillText(compactCount(mark.count), left + boxWidth / 2, mark.y, boxWidth - 4);
        ctx.textAlign = 'left';
      }
      continue;
    }

    const dim = input.dimmed(mark.event);
    const selected = mark.event === input.selected;
    ctx.globalAlpha = dim ? 0.3 : 1;
    let labelTop: number;
    if (mark.shape === 'span') {
      const box = eventSpanRect(mark, width, G);
      const h = box.height;
      const top = box.top;
      const hatch = selected ? null : (input.hatch?.(color) ?? null);
      ctx.fillStyle = hatch ?? color;
      if (!hatch) ctx.globalAlpha *= selected ? 0.34 : 0.2;
      ctx.fillRect(box.left, top, box.width, h);
      ctx.globalAlpha = dim ? 0.3 : 1;
      ctx.fillStyle = color;
      ctx.fillRect(box.left, top, box.width, 2);
      if (selected) {
        ctx.lineWidth = 2;
        ctx.strokeStyle = theme.text;
        ctx.beginPath();
        ctx.rect(box.left + 1, top + 1, box.width - 2, h - 2);
        ctx.stroke();
      }
      labelTop = mark.y - G.spanHeight / 2 + (mark.label?.side === 'inside' ? 9 : 8);
    } else {
      ctx.beginPath();
      ctx.arc(mark.x, mark.y, r + 1, 0, TAU);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(mark.x, mark.y, r, 0, TAU);
      ctx.fillStyle = theme.surface;
      ctx.fill();
      ctx.beginPath();
      ctx.arc(mark.x, mark.y, r - 2, 0, TAU);
      ctx.fillStyle = color;
      ctx.fill();
      if (selected) {
        ctx.beginPath();
        ctx.arc(mark.x, mark.y, r + 3, 0, TAU);
        ctx.lineWidth = 2;
        ctx.strokeStyle = theme.text;
        ctx.stroke();
      }
      labelTop = mark.y;
    }

    const label = mark.label;
    if (!label) continue;
    ctx.globalAlpha = dim ? 0.6 : 1;
    ctx.fillStyle = theme.text;
    const point = mark.shape === 'point';
    ctx.font = `${selected ? 700 : 500} ${point ? 13 : 12}px ${theme.font}`;
    let x = label.x;
    let room = label.width;
    if (label.side === 'inside') {
      const box = spanBox(mark.x + 1, mark.x2 - 1, width, G.minSpanWidth - 2);
      x = Math.max(label.x, box.left) + 6;
      room = box.left + box.width - x - 6;
    }
    if (room < 8) continue;
    // Clipping stands in for the HTML labels' ellipsis: measuring every title each frame costs more.
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, labelTop - 9, room, 18);
    ctx.clip();
    ctx.textAlign = label.side === 'left' ? 'right' : 'left';
    ctx.fillText(input.titleOf(mark.event), label.side === 'left' ? x + room : x, labelTop);
    ctx.restore();
  }
  ctx.globalAlpha = 1;
}

function paintQuietSpanCluster(ctx: PaintContext, mark: ClusterMark, color: string, width: number, G: Geometry): void {
  const { box, height } = clusterBox(mark, width, G);
  ctx.globalAlpha = QUIET_SPAN_TINT;
  ctx.fillStyle = color;
  ctx.fillRect(box.left, mark.y - height / 2, box.width, height);
  ctx.globalAlpha = 1;
}

/** An 8 px tile of 45° stripes, 30% and 12% of the colour, as the HTML spans draw them. */
export function drawHatchTile(tile: Pick<CanvasRenderingContext2D, 'fillStyle' | 'globalAlpha' | 'fillRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'closePath' | 'fill'>, color: string): void {
  tile.fillStyle = color;
  tile.globalAlpha = 0.12;
  tile.fillRect(0, 0, 8, 8);
  tile.globalAlpha = 0.3;
  // Two bands of a -45° stripe 4 px wide, so that the tile repeats seamlessly.
  for (const offset of [0, 8]) {
    tile.beginPath();
    tile.moveTo(offset - 8, 0);
    tile.lineTo(offset - 8 + 4 * Math.SQRT2, 0);
    tile.lineTo(offset + 4 * Math.SQRT2, 8);
    tile.lineTo(offset, 8);
    tile.closePath();
    tile.fill();
  }
  tile.globalAlpha = 1;
}
