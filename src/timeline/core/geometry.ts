/** Vertical rhythm of the timeline, in CSS pixels. */
export const GEOMETRY = {
  laneHeader: 22,
  pointRow: 30,
  spanRow: 22,
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
} as const;
