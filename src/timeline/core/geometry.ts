/** The page's sans-serif stack, for text measured or drawn outside CSS. */
export const SANS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
/** The font of an event's label (as styles.css sets .mark-label), for measuring titles. */
export const LABEL_FONT = `500 13px ${SANS}`;

/** Vertical rhythm of the timeline, in CSS pixels. */
export const GEOMETRY = {
  laneHeader: 22,
  pointRow: 30,
  spanRow: 22,
  /** A span row that holds only context bars (see EventMark.context) in view. */
  contextRow: 12,
  /** A row with nothing in view keeps a sliver, so lanes do not collapse into each other. */
  emptyRow: 2,
  /** Height of the thin rail that carries echoes of events from other lanes. */
  echoRail: 14,
  lanePadding: 8,
  pointRadius: 7,
  /** Points closer than this merge into a cluster or stack. */
  pointGap: 18,
  minSpanWidth: 10,
  /** Echoes closer than this merge into one undivided stroke. */
  echoGap: 4,
  labelOffset: 12,
  minInsideLabel: 44,
  /** Drawn heights of a span, a cluster, and a point's target (the dot itself is drawn at pointRadius). */
  spanHeight: 16,
  clusterHeight: 22,
  pointTarget: 14,
};

export type Geometry = { readonly [K in keyof typeof GEOMETRY]: number };

/**
 * For fingers: every mark is a target of at least 24 × 24 px (WCAG 2.2, 2.5.8) and marks that would
 * be closer than that merge into clusters, so no two targets overlap.
 */
export const TOUCH_GEOMETRY: Geometry = {
  ...GEOMETRY,
  pointRow: 32,
  spanRow: 28,
  contextRow: 26,
  pointGap: 28,
  minSpanWidth: 26,
  spanHeight: 24,
  clusterHeight: 26,
  pointTarget: 26,
};
