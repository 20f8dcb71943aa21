import { formatAtPrecision } from '../../data/formatDate';
import { useI18n } from '../../i18n';
import type { AxisLayout } from '../core/axis';
import type { LaneBand, TimelineLayout } from '../core/layout';
import { periodLabelTop, type PlotFrame } from '../core/plotFrame';
import { colorStyle } from './MarkView';

interface PlotBackgroundProps {
  frame: PlotFrame;
  layout: TimelineLayout;
  axis: AxisLayout;
  width: number;
  /** The selected event's index, for the line that links its mark to its echoes in other lanes. */
  selectedIndex: number | undefined;
}

/** Where the selection connector runs: through a shared event's mark and its echoes, or nowhere. */
function selectionConnector(layout: TimelineLayout, selectedIndex: number | undefined, width: number): { x: number; y1: number; y2: number } | null {
  if (selectedIndex === undefined) return null;
  const marks = [...layout.marks, ...layout.echoes].filter((m) => (m.type === 'event' ? m.event === selectedIndex : m.events.includes(selectedIndex)));
  const anchor = marks[0];
  if (!anchor || marks.length < 2) return null;
  const ys = marks.map((m) => m.y);
  return { x: anchor.shape === 'point' ? anchor.x : Math.min(Math.max(anchor.x, 0) + 8, width - 8), y1: Math.min(...ys), y2: Math.max(...ys) };
}

/**
 * What lies behind the marks: lane bands, period bands, grid lines, publication lines and the selection
 * connector in one SVG, then the period labels in their strip below the lanes and the publication markers.
 */
export function PlotBackground({ frame, layout, axis, width, selectedIndex }: PlotBackgroundProps) {
  const i18n = useI18n();
  const { axisHeight, plotHeight } = frame;
  const connector = selectionConnector(layout, selectedIndex, width);
  return (
    <>
      <svg className="timeline-grid" width={width} height={plotHeight} style={{ top: axisHeight }} aria-hidden="true" focusable="false">
        {layout.bands.map((band, i) => (
          <rect key={band.lane.actor.id} className={i % 2 ? 'lane-band lane-band-odd' : 'lane-band'} x={0} y={band.top} width={width} height={band.height} />
        ))}
        {frame.periods.map((band) => (
          <g key={band.id} className={band.row % 2 ? 'period-band period-band-alt' : 'period-band'}>
            <rect x={band.x} y={0} width={Math.max(0, band.x2 - band.x)} height={plotHeight} />
            <line x1={band.x} x2={band.x} y1={0} y2={plotHeight} />
          </g>
        ))}
        {axis.ticks.map((tick) => (
          <line key={tick.time} className="grid-line" x1={tick.x} x2={tick.x} y1={0} y2={plotHeight} />
        ))}
        {frame.publications.map((p) => (
          <line key={p.id} className="publication-line" x1={p.x} x2={p.x} y1={0} y2={plotHeight} />
        ))}
        {connector ? <line className="selection-connector" x1={connector.x} x2={connector.x} y1={connector.y1} y2={connector.y2} /> : null}
      </svg>
      {frame.periods.map((band) => (
        <div
          key={band.id}
          className="period-label"
          aria-hidden="true"
          style={{ transform: `translate(${band.labelX}px, ${axisHeight + periodLabelTop(frame, band.row)}px)`, maxWidth: Math.max(0, band.x2 - band.labelX - 4) }}
        >
          {band.label}
        </div>
      ))}
      {frame.publications.map((p) => (
        <div key={p.id} className="publication-marker" style={{ transform: `translate(${p.x}px, ${axisHeight - 2}px)` }}>
          {i18n.t('timeline.published')}
          <span className="publication-date"> {formatAtPrecision(p.date.start, p.date.startPrecision, 'long', i18n)}</span>
        </div>
      ))}
    </>
  );
}

/** The lanes' names beside the plot, each with its colour. */
export function LaneLabels({ bands, top }: { bands: readonly LaneBand[]; top: number }) {
  return (
    <div className="timeline-lane-labels" aria-hidden="true" style={{ top }}>
      {bands.map((band) => (
        <div key={band.lane.actor.id} className="lane-label" style={{ top: band.top, height: band.height }}>
          <span className="lane-swatch" style={colorStyle(band.lane.actor)} />
          {band.lane.actor.name}
        </div>
      ))}
    </div>
  );
}
