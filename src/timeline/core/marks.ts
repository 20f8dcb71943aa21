import type { Geometry } from './geometry';
import type { Lane, MarkShape } from './lanes';

// What a layout is made of: the marks every renderer draws (see layout.ts for how they are placed).

/** Where a label is drawn: its left edge and width in pixels, beside or inside its mark. */
export interface LabelBox {
  x: number;
  width: number;
  side: 'right' | 'left' | 'inside';
}

export interface LaneBand {
  lane: Lane;
  top: number;
  height: number;
}

/** A single event's own, focusable mark. */
export interface EventMark {
  type: 'event';
  key: string;
  event: number;
  laneId: string;
  shape: MarkShape;
  /** Point: centre. Span: left end, unclipped. */
  x: number;
  /** Span: right end, unclipped; equals x for a point. */
  x2: number;
  y: number;
  row: number;
  label: LabelBox | null;
  /**
   * A span that runs across most of the view ("between February 2022 and November 2024"): drawn as a
   * thin bar, its label shown only when it is selected, focused or pointed at.
   */
  context: boolean;
}

/** Events too close to tell apart at this zoom, drawn as one mark with a count. */
export interface ClusterMark {
  type: 'cluster';
  key: string;
  laneId: string;
  shape: MarkShape;
  /**
   * Its events, listed while there are few enough to list (up to MAX_LISTED); see `count`. A binned cluster's
   * are a view of its row's own column, not a copy: a gesture's frame at a million events has thousands.
   */
  events: Int32Array;
  count: number;
  /** The earliest event in it. */
  first: number;
  /** A summary of a dense stretch: one time bin, drawn exactly over [x, x2]. */
  binned: boolean;
  /** Where its events stand in their row (half-open), for finding an event that is not listed. */
  range: [number, number];
  x: number;
  x2: number;
  y: number;
  row: number;
  start: number;
  end: number;
}

/** Where an event of another lane also involves this lane's actor; several close ones merge into one stroke. */
export interface EchoMark {
  type: 'echo';
  key: string;
  laneId: string;
  shape: MarkShape;
  events: number[];
  x: number;
  x2: number;
  y: number;
}

export type Mark = EventMark | ClusterMark;

export interface TimelineLayout {
  bands: LaneBand[];
  marks: Mark[];
  echoes: EchoMark[];
  height: number;
  /** The rhythm the layout was made with: for a mouse, or for fingers (see TOUCH_GEOMETRY). */
  geometry: Geometry;
  /** For each event in view, the key of the mark a keyboard user lands on for it. */
  focusKeyOfEvent: FocusKeys;
}

/**
 * An event's focus key, looked up by its index. Worked out when first asked: a gesture lays out every
 * frame and never asks, and a frame of a million events' clusters lists hundreds of thousands of them.
 */
export interface FocusKeys {
  get(event: number): string | undefined;
  values(): Iterable<string>;
}

