import type { Dataset } from '../../data/model';
import type { EventDate } from '../../data/edtfDate';
import { PERIOD_ROW_HEIGHT, periodBands, periodRowCount, periodRows, type PeriodBand, type PeriodInput } from './periods';
import { createTimeScale } from './timeScale';
import type { TimeWindow } from './timeWindow';

/**
 * The plot's frame: everything around the marks that the page, the gesture canvas and the exported
 * picture must agree on (the axis above, the lanes' height, the strip of period labels below them, the
 * period bands behind them and the publication markers). One function, so the renderers cannot drift.
 */

/** Height of the time axis above the lanes. */
export const AXIS_HEIGHT = 46;
/** The lanes never shrink below this, so an empty view still reads as a plot. */
export const MIN_LANES_HEIGHT = 80;
/** Space between the lanes and the first row of period labels, when there are periods. */
const PERIOD_STRIP_GAP = 4;
/** A period label's box starts this far below the top of its row. */
const PERIOD_LABEL_INSET = 2;
/** One marker per source reads well for an article or a few; hundreds of them would hide the data. */
export const MAX_PUBLICATION_MARKERS = 5;

/** A source's publication date where it falls in view. */
export interface PublicationMarker {
  id: string;
  x: number;
  date: EventDate;
}

export interface PlotFrame {
  axisHeight: number;
  /** The lanes' part of the plot (at least MIN_LANES_HEIGHT). */
  lanesHeight: number;
  /** Below the axis: the lanes and the period strip. */
  plotHeight: number;
  /** The axis and the plot. */
  height: number;
  /** Periods in view: bands behind the lanes. */
  periods: PeriodBand[];
  /** Publication markers in view (none for a dataset of many sources). */
  publications: PublicationMarker[];
}

/** Periods as the layout needs them; memoise per dataset, the label rows follow from them. */
export function periodInputsOf(dataset: Pick<Dataset, 'periods'>): PeriodInput[] {
  return (dataset.periods ?? []).map((p) => ({ id: p.id, label: p.label, start: p.when.start, end: p.when.end }));
}

/** Where a row of period labels starts, from the top of the plot (below the axis). */
export function periodLabelTop(frame: Pick<PlotFrame, 'lanesHeight'>, row: number): number {
  return frame.lanesHeight + PERIOD_LABEL_INSET + row * PERIOD_ROW_HEIGHT;
}

/** Sources with a publication date, for markers; none when there are too many to mark. */
export function publicationDates(dataset: Pick<Dataset, 'sources'>): { id: string; date: EventDate }[] {
  if (dataset.sources.length > MAX_PUBLICATION_MARKERS) return [];
  return dataset.sources.flatMap(({ id, publishedDate: date }) => (date ? [{ id, date }] : []));
}

export interface PlotFrameInput {
  /** The lanes' laid-out height (TimelineLayout.height). */
  layoutHeight: number;
  periods: readonly PeriodInput[];
  /** Label rows of the periods (periodRows); computed here when not given. */
  periodRowOf?: ReadonlyMap<string, number>;
  publications?: readonly { id: string; date: EventDate }[];
  window: TimeWindow;
  width: number;
}

export function plotFrame({ layoutHeight, periods, periodRowOf = periodRows(periods), publications = [], window, width }: PlotFrameInput): PlotFrame {
  const lanesHeight = Math.max(layoutHeight, MIN_LANES_HEIGHT);
  const periodStrip = periodRowCount(periodRowOf) * PERIOD_ROW_HEIGHT + (periods.length > 0 ? PERIOD_STRIP_GAP : 0);
  const plotHeight = lanesHeight + periodStrip;
  const scale = createTimeScale(window, width);
  const markers: PublicationMarker[] = [];
  for (const { id, date } of publications) {
    const x = scale.toX((date.start + date.end) / 2);
    if (x >= 0 && x <= width) markers.push({ id, x, date });
  }
  return {
    axisHeight: AXIS_HEIGHT,
    lanesHeight,
    plotHeight,
    height: AXIS_HEIGHT + plotHeight,
    periods: periodBands(periods, periodRowOf, window, width),
    publications: markers,
  };
}
