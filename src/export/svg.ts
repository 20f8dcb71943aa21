import type { Actor, Dataset, TimelineEvent } from '../data/model';
import { ENGLISH, type I18n } from '../i18n';
import { placeAxis } from '../timeline/core/axis';
import { GEOMETRY, LABEL_FONT, SANS } from '../timeline/core/geometry';
// Density bands (issue #13), drawn as on screen: see timeline/core/density.ts.
import { layoutDensity } from '../timeline/core/density';
import { densityCaption } from '../timeline/core/densityText';
import { itemStartOf, type Lane } from '../timeline/core/lanes';
import { layoutTimeline } from '../timeline/core/layout';
import type { Palette, Theme } from '../timeline/core/palette';
import { periodInputsOf, plotFrame, publicationDates } from '../timeline/core/plotFrame';
import { axisTicks } from '../timeline/core/ticks';
import { createTimeScale } from '../timeline/core/timeScale';
import type { TimeWindow } from '../timeline/core/timeWindow';
import { describeWindow, sourceCredits } from './captions';
import { estimateText, wrapText, type MeasureText } from './measureText';
import { legendBlock, MARGIN, textBlock, type Block } from './svgBlocks';
import { drawPlot } from './svgPlot';
import { el, escapeXml } from './xml';

/*
 * The current view as a standalone SVG document, drawn from the pure layout rather than by cloning the
 * page: on screen, marks, labels and lane names are HTML boxes styled by CSS (hatching, masks,
 * color-mix) over an SVG grid, so a clone would need foreignObject, which most editors and
 * rasterizers drop. Drawing from the same layout, frame and axis (layoutTimeline, plotFrame, placeAxis)
 * gives the same positions with plain SVG shapes and <text> an editor can restyle. Colours come from the
 * caller, resolved for the current theme (readTheme); no classes, scripts or outside references, and every
 * dataset string is escaped (xml.ts).
 */

export type { Palette, Theme, MeasureText };
export { escapeXml } from './xml';
export { estimateText, fitText, wrapText } from './measureText';
export { describeFilters, describeWindow, sourceCredits } from './captions';

export interface ViewPictureInput {
  dataset: Dataset;
  /** The events the filters leave, their lanes, and the search hits among them (dimmed when not a hit). */
  events: readonly TimelineEvent[];
  lanes: readonly Lane[];
  hits: Uint8Array | null;
  window: TimeWindow;
  /** The plot's width on screen, in CSS pixels. */
  width: number;
  theme: Theme;
  palette: Palette;
  /** A line saying what the filters and the search left out, if anything. */
  filterNote?: string;
  /** Events whose labels win collisions, as on screen (the selected one). */
  priority?: readonly number[];
  /** Who made the picture, for the footer: the app's name and the link to this view. */
  credit: { app: string; url: string };
  measure?: MeasureText;
  /** The reader's interface language, for the picture's own words and dates (English when not given). */
  i18n?: I18n;
}

export interface ViewPicture {
  svg: string;
  width: number;
  height: number;
}

const SERIF = '"Iowan Old Style", Charter, "Source Serif Pro", Georgia, "DejaVu Serif", "Times New Roman", serif';

export function viewToSvg(input: ViewPictureInput): ViewPicture {
  const { dataset, events, lanes, hits, window, palette, theme } = input;
  const measure = input.measure ?? estimateText;
  const i18n = input.i18n ?? ENGLISH;
  const plotWidth = Math.max(Math.round(input.width), 200);
  const width = plotWidth + 2 * MARGIN;
  const innerWidth = plotWidth;
  const colorOf = (actor: Actor) => actor.color[theme];

  const layout = layoutTimeline({
    lanes,
    window,
    width: plotWidth,
    labelWidth: (i) => Math.ceil(measure(events[i]?.title ?? '', LABEL_FONT)) + 4,
    itemStartOf: itemStartOf(events),
    priority: input.priority ?? [],
  });
  const frame = plotFrame({ layoutHeight: layout.height, periods: periodInputsOf(dataset), publications: publicationDates(dataset), window, width: plotWidth });
  const axis = placeAxis(axisTicks(window, plotWidth, undefined, i18n), createTimeScale(window, plotWidth));
  const density = layoutDensity({ bands: layout.bands, window, width: plotWidth, geometry: GEOMETRY });

  const titleFont = `700 24px ${SERIF}`;
  const title = textBlock(wrapText(dataset.title, innerWidth, titleFont, measure), { size: 24, lineHeight: 30, weight: 700, family: SERIF, fill: palette.text });
  const dekFont = `15px ${SERIF}`;
  const dek = textBlock(dataset.description ? wrapText(dataset.description, Math.min(innerWidth, 760), dekFont, measure) : [], {
    size: 15,
    lineHeight: 21,
    family: SERIF,
    fill: palette.muted,
  });
  const subtitle = textBlock(
    [i18n.t('picture.shown', { range: describeWindow(window, i18n) }), input.filterNote ?? '', density.lanes.length > 0 ? densityCaption(density, i18n) : ''].flatMap((line) => wrapText(line, innerWidth, `14px ${SANS}`, measure)),
    { size: 14, lineHeight: 20, fill: palette.muted },
  );
  const legend = legendBlock(
    layout.bands.map((b) => b.lane.actor),
    colorOf,
    innerWidth,
    palette,
    measure,
    i18n,
  );
  const dimmed = (index: number) => hits !== null && hits[index] !== 1;
  const timeline: Block = {
    height: frame.height,
    draw: (top) => drawPlot({ dataset, events, layout, density, frame, axis, plotWidth, left: MARGIN, dimmed, colorOf, theme, palette, measure, i18n }, top),
  };
  const footerFont = `12px ${SANS}`;
  const sources = sourceCredits(dataset, i18n).flatMap((line, i) => wrapText(i === 0 ? i18n.t('picture.source', { credit: line }) : line, innerWidth, footerFont, measure));
  const footer = textBlock([...sources, ...wrapText(i18n.t('picture.madeWith', { app: input.credit.app, url: input.credit.url }), innerWidth, footerFont, measure)], {
    size: 12,
    lineHeight: 17,
    fill: palette.muted,
  });

  const gaps = [0, dek.height > 0 ? 6 : 0, 8, 14, 10, 14];
  const blocks = [title, dek, subtitle, legend, timeline, footer];
  let y = MARGIN;
  const drawn: string[] = [];
  blocks.forEach((block, i) => {
    y += gaps[i] ?? 0;
    if (block === footer) {
      drawn.push(el('line', { x1: MARGIN, x2: MARGIN + innerWidth, y1: y, y2: y, stroke: palette.rule }));
      y += 8;
    }
    drawn.push(block.draw(y));
    y += block.height;
  });
  const height = Math.ceil(y + MARGIN);

  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        'font-family': SANS,
        role: 'img',
        'aria-labelledby': 'title',
      },
      el('title', { id: 'title' }, escapeXml(`${dataset.title}, ${describeWindow(window, i18n)}`)),
      el('rect', { width, height, fill: palette.surface }),
      ...drawn,
    ),
    '\n',
  ].join('');
  return { svg, width, height };
}
