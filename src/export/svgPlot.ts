import type { Actor, Dataset, TimelineEvent } from '../data/model';
import { formatAtPrecision } from '../data/formatDate';
import type { I18n } from '../i18n';
import type { AxisLayout } from '../timeline/core/axis';
import { SANS } from '../timeline/core/geometry';
import type { TimelineLayout } from '../timeline/core/layout';
import { bandOutline, bandPath, isQuiet, type DensityLayout } from '../timeline/core/density';
import { clusterBox, QUIET_SPAN_TINT } from '../timeline/core/markShapes';
import type { Palette, Theme } from '../timeline/core/palette';
import type { PlotFrame } from '../timeline/core/plotFrame';
import { periodLabelTop } from '../timeline/core/plotFrame';
import { fitText, type MeasureText } from './measureText';
import { svgMarks } from './svgMarks';
import { el, round, text } from './xml';

/** The tints of period bands, as styles.css gives them (alternate rows in a second tint). */
const PERIOD_TINT = {
  main: { light: [29, 79, 145], dark: [141, 180, 236] },
  alt: { light: [138, 106, 0], dark: [216, 181, 69] },
} as const;

export interface SvgPlotInput {
  dataset: Dataset;
  events: readonly TimelineEvent[];
  layout: TimelineLayout;
  /** The dense lanes' bands, as the page draws them. */
  density: DensityLayout;
  frame: PlotFrame;
  axis: AxisLayout;
  plotWidth: number;
  /** Where the plot's left edge is in the picture. */
  left: number;
  dimmed: (event: number) => boolean;
  colorOf: (actor: Actor) => string;
  theme: Theme;
  palette: Palette;
  measure: MeasureText;
  i18n: I18n;
}

/** The axis and the plot below it (lanes, periods, grid, publications, marks and lane names), drawn at `top`. */
export function drawPlot(input: SvgPlotInput, top: number): string {
  const { dataset, events, layout, density, frame, axis, plotWidth, dimmed, colorOf, theme, palette, measure, i18n } = input;
  const { axisHeight, plotHeight } = frame;
  const plotTop = top + axisHeight;
  const parts: string[] = [];
  // Axis: context labels above evenly spaced ticks, placed as Axis.tsx places them.
  for (const tick of axis.context) {
    parts.push(
      el('line', { x1: tick.x, x2: tick.x, y1: top, y2: top + axisHeight, stroke: palette.ruleStrong, 'stroke-dasharray': '2 3' }),
      text(tick.label, { x: tick.x + 6, y: top + 16, 'font-size': 12, 'font-weight': 700, fill: palette.text }),
    );
  }
  for (const tick of axis.ticks) {
    parts.push(el('line', { x1: tick.x, x2: tick.x, y1: top + axisHeight - 8, y2: top + axisHeight, stroke: palette.ruleStrong }));
    // A label that would run past the plot's right edge is left out, as the page's axis cuts it off.
    if (tick.x + 4 + measure(tick.label, `12px ${SANS}`) <= plotWidth) parts.push(text(tick.label, { x: tick.x + 4, y: top + axisHeight - 12, 'font-size': 12, fill: palette.muted }));
  }
  parts.push(el('line', { x1: 0, x2: plotWidth, y1: top + axisHeight - 0.5, y2: top + axisHeight - 0.5, stroke: palette.rule }));

  const plot: string[] = [];
  layout.bands.forEach((band, i) => {
    if (i % 2) plot.push(el('rect', { x: 0, y: band.top, width: plotWidth, height: band.height, fill: palette.laneOdd }));
  });
  // Periods (eras) as on screen: bands behind the lanes, their labels in a strip below them.
  for (const band of frame.periods) {
    const [r, g, b] = band.row % 2 ? PERIOD_TINT.alt[theme] : PERIOD_TINT.main[theme];
    plot.push(
      el('rect', { x: band.x, y: 0, width: Math.max(0, band.x2 - band.x), height: plotHeight, fill: `rgb(${r},${g},${b})`, 'fill-opacity': theme === 'dark' ? 0.07 : 0.055 }),
      el('line', { x1: band.x, x2: band.x, y1: 0, y2: plotHeight, stroke: palette.ruleStrong, 'stroke-dasharray': '2 4' }),
    );
    const label = fitText(band.label, band.x2 - band.labelX - 4, `600 12px ${SANS}`, measure);
    if (label) plot.push(text(label, { x: band.labelX, y: periodLabelTop(frame, band.row) + 13, 'font-size': 12, 'font-weight': 600, fill: palette.muted }));
  }
  for (const tick of axis.ticks) plot.push(el('line', { x1: tick.x, x2: tick.x, y1: 0, y2: plotHeight, stroke: palette.rule }));
  for (const { x } of frame.publications) plot.push(el('line', { x1: x, x2: x, y1: 0, y2: plotHeight, stroke: palette.accent, 'stroke-width': 1.5, 'stroke-dasharray': '4 4' }));

  const marks = svgMarks(palette, plotWidth, measure);
  // Density bands: bars under the quiet clusters of dense lanes.
  for (const lane of density.lanes) {
    const actor = dataset.actorsById.get(lane.laneId);
    if (actor) plot.push(el('path', { d: bandPath(lane, plotWidth), fill: colorOf(actor), 'fill-opacity': 0.3 }), el('path', { d: bandOutline(lane, plotWidth), fill: 'none', stroke: colorOf(actor), 'stroke-width': 1.5 }));
  }
  for (const mark of layout.echoes) {
    const actor = dataset.actorsById.get(mark.laneId);
    if (actor) plot.push(marks.echo(mark, colorOf(actor), mark.events.every(dimmed)));
  }
  for (const mark of layout.marks) {
    const actor = dataset.actorsById.get(mark.laneId);
    if (!actor) continue;
    if (mark.type === 'cluster' && isQuiet(mark, density)) {
      // As on screen: a point cluster is left to the band, a span cluster is a plain tint.
      if (mark.shape === 'span') {
        const { box, height } = clusterBox(mark, plotWidth);
        plot.push(el('rect', { x: box.left, y: mark.y - height / 2, width: box.width, height, fill: colorOf(actor), 'fill-opacity': QUIET_SPAN_TINT }));
      }
    } else if (mark.type === 'cluster') plot.push(marks.cluster(mark, colorOf(actor), !mark.binned && mark.events.every(dimmed)));
    else {
      const event = events[mark.event];
      if (event) plot.push(marks.event(mark, event, colorOf(actor), dimmed(mark.event)));
    }
  }
  // Lane names sit over the plot at its left edge, as on screen.
  for (const band of layout.bands) {
    const name = band.lane.actor.name.toLocaleUpperCase(i18n.lang);
    plot.push(
      el('rect', { x: 12, y: band.top + 6, width: 10, height: 10, rx: 2, fill: colorOf(band.lane.actor) }),
      text(name, { x: 28, y: band.top + 16, 'font-size': 12, 'font-weight': 700, 'letter-spacing': 0.24, fill: palette.muted }),
    );
  }
  for (const { x, date } of frame.publications) {
    const label = i18n.t('source.published', { date: formatAtPrecision(date.start, date.startPrecision, 'long', i18n) });
    const w = measure(label, `600 11px ${SANS}`) + 12;
    plot.push(
      el('rect', { x: x - w, y: -2, width: w, height: 17, rx: 3, fill: palette.accent }),
      text(label, { x: x - w + 6, y: 11, 'font-size': 11, 'font-weight': 600, fill: palette.accentText }),
    );
  }
  const defs = [...marks.defs, el('clipPath', { id: 'plot' }, el('rect', { x: 0, y: -2, width: plotWidth, height: plotHeight + 2 }))];
  return el(
    'g',
    { transform: `translate(${input.left},0)` },
    ...parts,
    el('defs', {}, ...defs),
    el('g', { transform: `translate(0,${round(plotTop)})`, 'clip-path': 'url(#plot)' }, ...plot),
  );
}
