import type { Actor, Dataset, TimelineEvent } from '../data/model';
import { formatAtPrecision } from '../data/formatDate';
import { ENGLISH, type I18n } from '../i18n';
import { describeSource } from '../ui/sourceCredit';
import type { Precision } from '../data/edtfDate';
import type { Filters } from '../state/filters';
import { layoutTimeline, type ClusterMark, type EchoMark, type EventMark } from '../timeline/core/layout';
import { itemStart, type Lane } from '../timeline/core/lanes';
import { GEOMETRY } from '../timeline/core/geometry';
import { axisTicks } from '../timeline/core/ticks';
import { createTimeScale } from '../timeline/core/timeScale';
import { DAY, type TimeWindow } from '../timeline/core/timeWindow';
import { PERIOD_ROW_HEIGHT, periodBands, periodRowCount, periodRows } from '../timeline/core/periods';
import { AXIS_HEIGHT } from '../timeline/components/Axis';
import { clusterBox, compactCount, eventSpanRect, softEnds, spanBox } from '../timeline/core/markShapes';
import { LABEL_FONT } from '../timeline/components/useLabelWidths';
// Density bands (issue #13), drawn as on screen: see timeline/core/density.ts.
import { bandOutline, bandPath, isQuiet, layoutDensity } from '../timeline/core/density';
import { densityCaption } from '../timeline/components/densityText';
import { QUIET_SPAN_TINT } from '../timeline/core/markShapes';

/*
 * The current view as a standalone SVG document, drawn from the pure layout rather than by cloning the
 * page: on screen, marks, labels and lane names are HTML boxes styled by CSS (hatching, masks,
 * color-mix) over an SVG grid, so a clone would need foreignObject, which most editors and
 * rasterizers drop. Drawing from the same layout (layoutTimeline, axisTicks) gives the same positions
 * with plain SVG shapes and <text> an editor can restyle. Colours come from the caller, resolved for
 * the current theme; no classes, scripts or outside references, and every dataset string is escaped.
 */

/** The page's colours, resolved for one theme (see readPalette in download.ts). */
export interface Palette {
  surface: string;
  laneOdd: string;
  text: string;
  muted: string;
  rule: string;
  ruleStrong: string;
  accent: string;
  accentText: string;
}

export type Theme = 'light' | 'dark';

/** The width in pixels of `text` in a CSS `font`; in the browser a canvas measures it. */
export type MeasureText = (text: string, font: string) => number;

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

export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const SERIF = '"Iowan Old Style", Charter, "Source Serif Pro", Georgia, "DejaVu Serif", "Times New Roman", serif';
const MARGIN = 24;
const YEAR = 365.25 * DAY;

/** A rough width for when no canvas is at hand (tests): about half an em per character. */
export const estimateText: MeasureText = (text, font) => text.length * (Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 13) * 0.56);

// XML 1.0 has no place for most control characters, even escaped: drop them so the file still parses.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c] ?? ''};`);
}

type Attributes = Record<string, string | number | undefined>;

const round = (n: number) => Math.round(n * 100) / 100;

/** One element; attribute values and text are escaped here, so callers pass plain strings. */
/** The tints of period bands, as styles.css gives them (alternate rows in a second tint). */
const PERIOD_TINT = {
  main: { light: [29, 79, 145], dark: [141, 180, 236] },
  alt: { light: [138, 106, 0], dark: [216, 181, 69] },
} as const;

function el(name: string, attributes: Attributes, ...children: string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? round(value) : escapeXml(value)}"`)
    .join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}

function text(content: string, attributes: Attributes): string {
  return el('text', attributes, escapeXml(content));
}

/** Cut to fit `width`, with an ellipsis, as the page's text-overflow does. */
export function fitText(content: string, width: number, font: string, measure: MeasureText): string {
  if (measure(content, font) <= width) return content;
  let lo = 0;
  let hi = content.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(`${content.slice(0, mid).trimEnd()}…`, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${content.slice(0, lo).trimEnd()}…`;
}

/** Words broken into lines no wider than `width`; a word wider than a line (a long link) is broken where it must be. */
export function wrapText(content: string, width: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (line.length > 1 && measure(line, font) > width) {
      let fits = 1;
      while (fits < line.length - 1 && measure(line.slice(0, fits + 1), font) <= width) fits += 1;
      lines.push(line.slice(0, fits));
      line = line.slice(fits);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function windowPrecision(window: TimeWindow): Precision {
  const span = window.end - window.start;
  return span > 30 * YEAR ? 'year' : span > 3 * YEAR ? 'month' : 'day';
}

/** "Feb 3, 2022 – Dec 1, 2024": the visible window, as precisely as its length warrants. */
export function describeWindow(window: TimeWindow, i18n: I18n = ENGLISH): string {
  const precision = windowPrecision(window);
  return i18n.t('overview.range', { start: formatAtPrecision(window.start, precision, 'short', i18n), end: formatAtPrecision(window.end - 1, precision, 'short', i18n) });
}

/** "The Epoch Times, “Title”, Nov 18, 2024, https://…": one line per source, the way the masthead credits them. */
export function sourceCredits(dataset: Dataset, i18n: I18n = ENGLISH, max = 3): string[] {
  const named = dataset.sources.slice(0, max).map((s) => (s.url ? `${describeSource(s, i18n)}, ${s.url}` : describeSource(s, i18n)));
  const more = dataset.sources.length - named.length;
  return more > 0 ? [...named, i18n.t('picture.moreSources', { count: more })] : named;
}

/** What the picture leaves out or fades, said in its subtitle. */
export function describeFilters(filters: Filters, dataset: Dataset, i18n: I18n = ENGLISH): string | undefined {
  const parts: string[] = [];
  if (filters.actors !== null) {
    const names = filters.actors.map((id) => dataset.actorsById.get(id)?.name ?? id);
    parts.push(names.length === 0 ? i18n.t('picture.noActors') : i18n.t('picture.onlyActors', { actors: i18n.formatList(names) }));
  }
  const query = filters.query.trim();
  if (query !== '') parts.push(i18n.t('picture.searchFaded', { query }));
  return parts.length > 0 ? `${parts.join('. ')}.` : undefined;
}

interface Block {
  height: number;
  draw(top: number): string;
}

function textBlock(lines: readonly string[], font: { size: number; lineHeight: number; weight?: number; family?: string; fill: string }): Block {
  return {
    height: lines.length * font.lineHeight,
    draw: (top) =>
      lines
        .map((line, i) =>
          text(line, {
            x: MARGIN,
            y: top + i * font.lineHeight + font.size,
            'font-size': font.size,
            'font-weight': font.weight,
            'font-family': font.family,
            fill: font.fill,
          }),
        )
        .join(''),
  };
}

export function viewToSvg(input: ViewPictureInput): ViewPicture {
  const { dataset, events, lanes, hits, window, palette, theme } = input;
  const measure = input.measure ?? estimateText;
  const i18n = input.i18n ?? ENGLISH;
  const plotWidth = Math.max(Math.round(input.width), 200);
  const width = plotWidth + 2 * MARGIN;
  const innerWidth = plotWidth;
  const colorOf = (actor: Actor) => actor.color[theme];
  const dimmed = (index: number) => hits !== null && hits[index] !== 1;

  const layout = layoutTimeline({
    lanes,
    window,
    width: plotWidth,
    labelWidth: (i) => Math.ceil(measure(events[i]?.title ?? '', LABEL_FONT)) + 4,
    itemStartOf: (i) => {
      const when = events[i]?.when;
      return when ? itemStart(when) : 0;
    },
    priority: input.priority ?? [],
  });
  const density = layoutDensity({ bands: layout.bands, window, width: plotWidth, geometry: GEOMETRY }); // density bands
  const scale = createTimeScale(window, plotWidth);
  const ticks = axisTicks(window, plotWidth, undefined, i18n);
  const lanesHeight = Math.max(layout.height, 80);
  // Periods (eras) as on screen: bands behind the lanes, their labels in a strip below them.
  const periodInputs = (dataset.periods ?? []).map((p) => ({ id: p.id, label: p.label, start: p.when.start, end: p.when.end }));
  const periodRowOf = periodRows(periodInputs);
  const periods = periodBands(periodInputs, periodRowOf, window, plotWidth);
  const plotHeight = lanesHeight + periodRowCount(periodRowOf) * PERIOD_ROW_HEIGHT + (periodInputs.length > 0 ? 4 : 0);

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
  const timeline: Block = { height: AXIS_HEIGHT + plotHeight, draw: (top) => drawTimeline(top) };
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

  function drawTimeline(top: number): string {
    const plotTop = top + AXIS_HEIGHT;
    const parts: string[] = [];
    // Axis: context labels above evenly spaced ticks, as Axis.tsx draws them.
    ticks.context.forEach((tick, i) => {
      const x = Math.max(scale.toX(tick.time), 0);
      const next = ticks.context[i + 1];
      const room = (next ? scale.toX(next.time) : plotWidth) - x;
      if (room <= tick.label.length * 7 + 10) return;
      parts.push(
        el('line', { x1: x, x2: x, y1: top, y2: top + AXIS_HEIGHT, stroke: palette.ruleStrong, 'stroke-dasharray': '2 3' }),
        text(tick.label, { x: x + 6, y: top + 16, 'font-size': 12, 'font-weight': 700, fill: palette.text }),
      );
    });
    for (const tick of ticks.ticks) {
      const x = scale.toX(tick.time);
      parts.push(el('line', { x1: x, x2: x, y1: top + AXIS_HEIGHT - 8, y2: top + AXIS_HEIGHT, stroke: palette.ruleStrong }));
      // A label that would run past the plot's right edge is left out, as the page's axis cuts it off.
      if (x + 4 + measure(tick.label, `12px ${SANS}`) <= plotWidth) parts.push(text(tick.label, { x: x + 4, y: top + AXIS_HEIGHT - 12, 'font-size': 12, fill: palette.muted }));
    }
    parts.push(el('line', { x1: 0, x2: plotWidth, y1: top + AXIS_HEIGHT - 0.5, y2: top + AXIS_HEIGHT - 0.5, stroke: palette.rule }));

    const plot: string[] = [];
    layout.bands.forEach((band, i) => {
      if (i % 2) plot.push(el('rect', { x: 0, y: band.top, width: plotWidth, height: band.height, fill: palette.laneOdd }));
    });
    for (const band of periods) {
      const [r, g, b] = band.row % 2 ? PERIOD_TINT.alt[theme] : PERIOD_TINT.main[theme];
      plot.push(
        el('rect', { x: band.x, y: 0, width: Math.max(0, band.x2 - band.x), height: plotHeight, fill: `rgb(${r},${g},${b})`, 'fill-opacity': theme === 'dark' ? 0.07 : 0.055 }),
        el('line', { x1: band.x, x2: band.x, y1: 0, y2: plotHeight, stroke: palette.ruleStrong, 'stroke-dasharray': '2 4' }),
      );
      const room = band.x2 - band.labelX - 4;
      const label = fitText(band.label, room, `600 12px ${SANS}`, measure);
      if (label) plot.push(text(label, { x: band.labelX, y: lanesHeight + 2 + band.row * PERIOD_ROW_HEIGHT + 13, 'font-size': 12, 'font-weight': 600, fill: palette.muted }));
    }
    for (const tick of ticks.ticks) {
      const x = scale.toX(tick.time);
      plot.push(el('line', { x1: x, x2: x, y1: 0, y2: plotHeight, stroke: palette.rule }));
    }
    // As on screen: one marker per source with a known date, for an article or a few.
    const publications = dataset.sources.length > 5 ? [] : dataset.sources.flatMap(({ publishedDate }) => (publishedDate ? [publishedDate] : []));
    for (const published of publications) {
      const x = scale.toX((published.start + published.end) / 2);
      if (x >= 0 && x <= plotWidth) plot.push(el('line', { x1: x, x2: x, y1: 0, y2: plotHeight, stroke: palette.accent, 'stroke-width': 1.5, 'stroke-dasharray': '4 4' }));
    }
    const defs: string[] = [];
    const hatchOf = new Map<string, string>();
    const hatch = (color: string) => {
      let id = hatchOf.get(color);
      if (!id) {
        id = `hatch-${hatchOf.size}`;
        hatchOf.set(color, id);
        defs.push(
          el(
            'pattern',
            { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
            el('rect', { width: 8, height: 8, fill: color, 'fill-opacity': 0.12 }),
            el('rect', { width: 4, height: 8, fill: color, 'fill-opacity': 0.3 }),
          ),
        );
      }
      return id;
    };
    // Density bands: bars under the quiet clusters of dense lanes.
    for (const lane of density.lanes) {
      const actor = dataset.actorsById.get(lane.laneId);
      if (actor) plot.push(el('path', { d: bandPath(lane, plotWidth), fill: colorOf(actor), 'fill-opacity': 0.3 }), el('path', { d: bandOutline(lane, plotWidth), fill: 'none', stroke: colorOf(actor), 'stroke-width': 1.5 }));
    }
    for (const mark of layout.echoes) {
      const actor = dataset.actorsById.get(mark.laneId);
      if (actor) plot.push(drawEcho(mark, colorOf(actor), mark.events.every(dimmed)));
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
      } else if (mark.type === 'cluster') plot.push(drawCluster(mark, colorOf(actor), !mark.binned && mark.events.every(dimmed)));
      else {
        const event = events[mark.event];
        if (event) plot.push(drawEvent(mark, event, colorOf(actor), dimmed(mark.event), hatch, defs));
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
    for (const published of publications) {
      const x = scale.toX((published.start + published.end) / 2);
      if (x < 0 || x > plotWidth) continue;
      const label = i18n.t('source.published', { date: formatAtPrecision(published.start, published.startPrecision, 'long', i18n) });
      const w = measure(label, `600 11px ${SANS}`) + 12;
      plot.push(
        el('rect', { x: x - w, y: -2, width: w, height: 17, rx: 3, fill: palette.accent }),
        text(label, { x: x - w + 6, y: 11, 'font-size': 11, 'font-weight': 600, fill: palette.accentText }),
      );
    }
    defs.push(el('clipPath', { id: 'plot' }, el('rect', { x: 0, y: -2, width: plotWidth, height: plotHeight + 2 })));
    return el(
      'g',
      { transform: `translate(${MARGIN},0)` },
      ...parts,
      el('defs', {}, ...defs),
      el('g', { transform: `translate(0,${round(plotTop)})`, 'clip-path': 'url(#plot)' }, ...plot),
    );
  }

  function drawEvent(mark: EventMark, event: TimelineEvent, color: string, faded: boolean, hatch: (c: string) => string, defs: string[]): string {
    const labelFill = faded ? palette.muted : palette.text;
    const opacity = faded ? 0.3 : undefined;
    if (mark.shape === 'point') {
      const r = GEOMETRY.pointRadius;
      const parts = [
        el('circle', { cx: mark.x, cy: mark.y, r: r + 0.5, fill: color, opacity }),
        el('circle', { cx: mark.x, cy: mark.y, r: r - 1, fill: color, stroke: palette.surface, 'stroke-width': 2, opacity }),
      ];
      if (mark.label) {
        const font = LABEL_FONT;
        const content = fitText(event.title, mark.label.width, font, measure);
        const left = mark.label.side === 'left';
        parts.push(text(content, { x: left ? mark.label.x + mark.label.width : mark.label.x, y: mark.y + 4, 'font-size': 13, 'font-weight': 500, 'text-anchor': left ? 'end' : undefined, fill: labelFill }));
      }
      return el('g', {}, ...parts);
    }
    const box = eventSpanRect(mark, plotWidth);
    const h = box.height;
    // Labels sit where a full-height span's would, also beside a context span's thin bar.
    const top = mark.y - GEOMETRY.spanHeight / 2;
    const soft = softEnds(event);
    let mask: string | undefined;
    if (soft.start || soft.end) {
      // Month or year bounds fade out over 14px, as the page's mask-image does.
      const id = `fade-${mark.event}`;
      const fade = Math.min(14 / Math.max(box.width, 1), 0.5);
      defs.push(
        el(
          'linearGradient',
          { id: `${id}-g`, x1: 0, x2: 1, y1: 0, y2: 0 },
          el('stop', { offset: 0, 'stop-color': '#fff', 'stop-opacity': soft.start ? 0 : 1 }),
          el('stop', { offset: fade, 'stop-color': '#fff' }),
          el('stop', { offset: 1 - fade, 'stop-color': '#fff' }),
          el('stop', { offset: 1, 'stop-color': '#fff', 'stop-opacity': soft.end ? 0 : 1 }),
        ),
        el('mask', { id, maskContentUnits: 'objectBoundingBox' }, el('rect', { width: 1, height: 1, fill: `url(#${id}-g)` })),
      );
      mask = `url(#${id})`;
    }
    const parts = [
      el(
        'g',
        { mask, opacity },
        el('rect', { x: box.left, y: box.top, width: box.width, height: h, rx: 3, fill: `url(#${hatch(color)})` }),
        el('rect', { x: box.left, y: box.top, width: box.width, height: 2, fill: color }),
      ),
    ];
    if (mark.label?.side === 'inside') {
      const x = Math.max(mark.label.x, box.left) + 6;
      const room = box.left + box.width - x - 6;
      const content = fitText(event.title, room, `500 12px ${SANS}`, measure);
      if (content) parts.push(text(content, { x, y: top + 13, 'font-size': 12, 'font-weight': 500, fill: labelFill }));
    } else if (mark.label) {
      const content = fitText(event.title, mark.label.width, `500 12px ${SANS}`, measure);
      const left = mark.label.side === 'left';
      parts.push(text(content, { x: left ? mark.label.x + mark.label.width : mark.label.x, y: top + 12, 'font-size': 12, 'font-weight': 500, 'text-anchor': left ? 'end' : undefined, fill: labelFill }));
    }
    return el('g', {}, ...parts);
  }

  function drawCluster(mark: ClusterMark, color: string, faded: boolean): string {
    const { box, height } = clusterBox(mark, plotWidth);
    const top = mark.y - height / 2;
    const rx = mark.shape === 'span' ? 4 : height / 2;
    return el(
      'g',
      {},
      el('rect', { x: box.left + 1, y: top + 1, width: box.width - 2, height: height - 2, rx, fill: palette.surface }),
      el('rect', {
        x: box.left + 1,
        y: top + 1,
        width: box.width - 2,
        height: height - 2,
        rx,
        fill: color,
        'fill-opacity': 0.18,
        stroke: color,
        'stroke-width': 2,
        'stroke-dasharray': faded ? '4 3' : undefined,
      }),
      text(compactCount(mark.count), { x: box.left + box.width / 2, y: mark.y + 4, 'font-size': 12, 'font-weight': 700, 'text-anchor': 'middle', fill: faded ? palette.muted : palette.text }),
    );
  }

  function drawEcho(mark: EchoMark, color: string, faded: boolean): string {
    const opacity = faded ? 0.3 : 0.9;
    if (mark.shape === 'point') return el('circle', { cx: mark.x, cy: mark.y, r: 4, fill: palette.surface, stroke: color, 'stroke-width': 2, opacity });
    const box = spanBox(mark.x, mark.x2, plotWidth, 6);
    return el('rect', { x: box.left + 0.5, y: mark.y - 4.5, width: box.width - 1, height: 9, rx: 2, fill: color, 'fill-opacity': 0.25, stroke: color, 'stroke-dasharray': '3 2', opacity });
  }

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

interface LegendEntry {
  swatch: (x: number, y: number) => string;
  /** Where the label starts, after the swatch. */
  indent: number;
  label: string;
}

/** Lane colours and names, then a key to the mark shapes, wrapped into rows. */
function legendBlock(actors: readonly Actor[], colorOf: (a: Actor) => string, width: number, palette: Palette, measure: MeasureText, i18n: I18n): Block {
  const font = `13px ${SANS}`;
  const entries: LegendEntry[] = [
    ...actors.map((actor) => ({ label: actor.name, indent: 18, swatch: (x: number, y: number) => el('rect', { x, y: y - 10, width: 12, height: 12, rx: 2, fill: colorOf(actor) }) })),
    {
      label: i18n.t('picture.legendPoint'),
      indent: 18,
      swatch: (x: number, y: number) => el('circle', { cx: x + 6, cy: y - 4, r: 5, fill: 'none', stroke: palette.muted, 'stroke-width': 2 }),
    },
    {
      label: i18n.t('picture.legendSpan'),
      indent: 24,
      swatch: (x: number, y: number) =>
        el('g', {}, el('rect', { x, y: y - 10, width: 18, height: 12, rx: 2, fill: palette.muted, 'fill-opacity': 0.2 }), el('rect', { x, y: y - 10, width: 18, height: 2, fill: palette.muted })),
    },
    {
      label: i18n.t('picture.legendCluster'),
      indent: 24,
      swatch: (x: number, y: number) => el('rect', { x, y: y - 10, width: 18, height: 12, rx: 6, fill: 'none', stroke: palette.muted, 'stroke-width': 1.5 }),
    },
  ];
  // Entries side by side, wrapping to new rows; one wider than the picture (a long name or key on a phone)
  // gets rows of its own and wraps its words rather than overflowing.
  const placed: { x: number; line: number; entry: LegendEntry; lines: string[] }[] = [];
  let x = 0;
  let line = 0;
  let rowLines = 1;
  for (const entry of entries) {
    const lines = wrapText(entry.label, width - entry.indent, font, measure);
    const w = entry.indent + Math.max(0, ...lines.map((l) => measure(l, font)));
    if (x > 0 && (x + w > width || lines.length > 1)) {
      line += rowLines;
      rowLines = 1;
      x = 0;
    }
    placed.push({ x, line, entry, lines });
    rowLines = Math.max(rowLines, lines.length);
    x = lines.length > 1 ? width : x + w + 18;
  }
  const lineHeight = 22;
  return {
    height: (line + rowLines) * lineHeight,
    draw: (top) =>
      placed
        .map(({ x: left, line: first, entry, lines }) => {
          const baseline = top + first * lineHeight + 15;
          return (
            entry.swatch(MARGIN + left, baseline) +
            lines.map((l, i) => text(l, { x: MARGIN + left + entry.indent, y: baseline + i * lineHeight, 'font-size': 13, fill: palette.text })).join('')
          );
        })
        .join(''),
  };
}
