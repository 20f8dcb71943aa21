import type { TimelineEvent } from '../data/model';
import type { ClusterMark, EchoMark, EventMark } from '../timeline/core/layout';
import { GEOMETRY, LABEL_FONT, SANS } from '../timeline/core/geometry';
import { clusterBox, compactCount, echoShape, eventSpanRect, HATCH_TURN_DEGREES, insideLabelBox, softEnds, softEndStops, spanLabelTop } from '../timeline/core/markShapes';
import type { Palette } from '../timeline/core/palette';
import { fitText, type MeasureText } from './measureText';
import { el, text } from './xml';

/** The marks as SVG, in the shapes the page draws (markShapes); patterns and masks they use collect in `defs`. */
export interface SvgMarks {
  defs: string[];
  event(mark: EventMark, event: TimelineEvent, color: string, faded: boolean): string;
  cluster(mark: ClusterMark, color: string, faded: boolean): string;
  echo(mark: EchoMark, color: string, faded: boolean): string;
}

export function svgMarks(palette: Palette, plotWidth: number, measure: MeasureText): SvgMarks {
  const defs: string[] = [];
  const hatchOf = new Map<string, string>();
  /** The diagonal hatching of an uncertain span, one pattern per colour. */
  const hatch = (color: string) => {
    let id = hatchOf.get(color);
    if (!id) {
      id = `hatch-${hatchOf.size}`;
      hatchOf.set(color, id);
      defs.push(
        el(
          'pattern',
          { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: `rotate(${HATCH_TURN_DEGREES})` },
          el('rect', { width: 8, height: 8, fill: color, 'fill-opacity': 0.12 }),
          el('rect', { width: 4, height: 8, fill: color, 'fill-opacity': 0.3 }),
        ),
      );
    }
    return id;
  };

  /** Month or year bounds fade out over 14px, as the page's mask-image does. */
  function fadeMask(mark: EventMark, event: TimelineEvent, boxWidth: number): string | undefined {
    const stops = softEndStops(boxWidth, softEnds(event));
    if (!stops) return undefined;
    const id = `fade-${mark.event}`;
    defs.push(
      el(
        'linearGradient',
        { id: `${id}-g`, x1: 0, x2: 1, y1: 0, y2: 0 },
        ...stops.map(([offset, opacity], i) => el('stop', { offset, 'stop-color': '#fff', 'stop-opacity': i === 0 || i === stops.length - 1 ? opacity : undefined })),
      ),
      el('mask', { id, maskContentUnits: 'objectBoundingBox' }, el('rect', { width: 1, height: 1, fill: `url(#${id}-g)` })),
    );
    return `url(#${id})`;
  }

  function event(mark: EventMark, event: TimelineEvent, color: string, faded: boolean): string {
    const labelFill = faded ? palette.muted : palette.text;
    const opacity = faded ? 0.3 : undefined;
    if (mark.shape === 'point') {
      const r = GEOMETRY.pointRadius;
      const parts = [
        el('circle', { cx: mark.x, cy: mark.y, r: r + 0.5, fill: color, opacity }),
        el('circle', { cx: mark.x, cy: mark.y, r: r - 1, fill: color, stroke: palette.surface, 'stroke-width': 2, opacity }),
      ];
      if (mark.label) {
        const content = fitText(event.title, mark.label.width, LABEL_FONT, measure);
        const left = mark.label.side === 'left';
        parts.push(text(content, { x: left ? mark.label.x + mark.label.width : mark.label.x, y: mark.y + 4, 'font-size': 13, 'font-weight': 500, 'text-anchor': left ? 'end' : undefined, fill: labelFill }));
      }
      return el('g', {}, ...parts);
    }
    const box = eventSpanRect(mark, plotWidth);
    const top = spanLabelTop(mark);
    const mask = fadeMask(mark, event, box.width);
    const fill = mark.context
      ? // A context span, as the page draws it: a thin bar of its colour, without the top rule.
        [el('rect', { x: box.left, y: box.top, width: box.width, height: box.height, rx: 3, fill: color, 'fill-opacity': 0.45 })]
      : [
          el('rect', { x: box.left, y: box.top, width: box.width, height: box.height, rx: 3, fill: `url(#${hatch(color)})` }),
          el('rect', { x: box.left, y: box.top, width: box.width, height: 2, fill: color }),
        ];
    const parts = [el('g', { mask, opacity }, ...fill)];
    const spanFont = `500 12px ${SANS}`;
    if (mark.label?.side === 'inside') {
      const { x, room } = insideLabelBox(mark, mark.label.x, plotWidth);
      const content = fitText(event.title, room, spanFont, measure);
      if (content) parts.push(text(content, { x, y: top + 13, 'font-size': 12, 'font-weight': 500, fill: labelFill }));
    } else if (mark.label) {
      const content = fitText(event.title, mark.label.width, spanFont, measure);
      const left = mark.label.side === 'left';
      parts.push(text(content, { x: left ? mark.label.x + mark.label.width : mark.label.x, y: top + 12, 'font-size': 12, 'font-weight': 500, 'text-anchor': left ? 'end' : undefined, fill: labelFill }));
    }
    return el('g', {}, ...parts);
  }

  function cluster(mark: ClusterMark, color: string, faded: boolean): string {
    const { box, height } = clusterBox(mark, plotWidth);
    const top = mark.y - height / 2;
    const rx = mark.shape === 'span' ? 4 : height / 2;
    const outline = { x: box.left + 1, y: top + 1, width: box.width - 2, height: height - 2, rx };
    return el(
      'g',
      {},
      el('rect', { ...outline, fill: palette.surface }),
      el('rect', { ...outline, fill: color, 'fill-opacity': 0.18, stroke: color, 'stroke-width': 2, 'stroke-dasharray': faded ? '4 3' : undefined }),
      text(compactCount(mark.count), { x: box.left + box.width / 2, y: mark.y + 4, 'font-size': 12, 'font-weight': 700, 'text-anchor': 'middle', fill: faded ? palette.muted : palette.text }),
    );
  }

  function echo(mark: EchoMark, color: string, faded: boolean): string {
    const opacity = faded ? 0.3 : 0.9;
    const shape = echoShape(mark, plotWidth);
    if (shape.kind === 'ring') return el('circle', { cx: shape.cx, cy: shape.cy, r: shape.r, fill: palette.surface, stroke: color, 'stroke-width': 2, opacity });
    return el('rect', { x: shape.left, y: shape.top, width: shape.width, height: shape.height, rx: 2, fill: color, 'fill-opacity': 0.25, stroke: color, 'stroke-dasharray': '3 2', opacity });
  }

  return { defs, event, cluster, echo };
}
