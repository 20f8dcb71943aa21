import { useEffect, useMemo, useRef, useState } from 'react';
import type { Actor } from '../../data/schema';
import { useI18n } from '../../i18n';
import { bandOutline, bandPath, binAt, laneAt, layoutDensity, type BinStep, type DensityLayout, type LaneDensity } from '../core/density';
import { binLabel, densityCaption, laneDensityDescription } from '../core/densityText';
import { GEOMETRY } from '../core/geometry';
import type { TimelineLayout } from '../core/layout';
import type { TimeWindow } from '../core/timeWindow';
import { colorStyle } from './MarkView';
import './density.css';

// Each layout's bands, so that the marks held still during a gesture keep the bands they were drawn with.
const densityOfLayout = new WeakMap<TimelineLayout, DensityLayout>();
const NO_DENSITY: DensityLayout = { step: { unit: 'month', count: 1 }, lanes: [], max: 0, dense: new Set() };

/** The density bands of a layout of `window`, recomputed with it (see core/density.ts). */
export function useDensity(layout: TimelineLayout, window: TimeWindow, width: number): DensityLayout {
  return useMemo(() => {
    const density = layoutDensity({ bands: layout.bands, window, width, geometry: layout.geometry });
    densityOfLayout.set(layout, density);
    return density;
  }, [layout, window, width]);
}

/** The bands made with a layout by useDensity; none for a layout it has not seen. */
export function densityOf(layout: TimelineLayout): DensityLayout {
  return densityOfLayout.get(layout) ?? NO_DENSITY;
}

/** A dense lane's group is described by its band: a hidden note its group points to (aria-describedby). */
export function DensityNote({ id, lane, step }: { id: string; lane: LaneDensity; step: BinStep }) {
  const i18n = useI18n();
  return (
    <span id={id} hidden>
      {laneDensityDescription(lane, step, i18n)}
    </span>
  );
}

interface DensityBandProps {
  density: DensityLayout;
  width: number;
  height: number;
  /** Where the lanes start inside the plot (below the axis). */
  top: number;
  actorsById: ReadonlyMap<string, Actor>;
}

/** Where the pointer is over the plot (x, and y below the axis). */
interface Pointer {
  x: number;
  y: number;
}

/**
 * The dense lanes' bars: one SVG path per lane (and one for its top edge), under the marks, whose
 * clusters are drawn quietly over it. Pointing at a bar shows its count and dates; the clusters over
 * it stay the focusable, keyboard-reachable marks, and each lane's group describes its band.
 */
export function DensityBand({ density, width, height, top, actorsById }: DensityBandProps) {
  const i18n = useI18n();
  const ref = useRef<SVGSVGElement>(null);
  // The pointer, not the bin: the bin under a still pointer changes as the wheel zooms.
  const [pointer, setPointer] = useState<Pointer | null>(null);
  const topRef = useRef(top);
  useEffect(() => {
    topRef.current = top;
  });

  // The marks lie over the band and take the pointer; the plot sees every move.
  useEffect(() => {
    const plot = ref.current?.parentElement;
    if (!plot) return;
    const onMove = (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      const rect = plot.getBoundingClientRect();
      setPointer({ x: event.clientX - rect.left, y: event.clientY - rect.top - topRef.current });
    };
    const onLeave = () => setPointer(null);
    plot.addEventListener('pointermove', onMove);
    plot.addEventListener('pointerleave', onLeave);
    return () => {
      plot.removeEventListener('pointermove', onMove);
      plot.removeEventListener('pointerleave', onLeave);
    };
  }, []);

  const first = density.lanes[0];
  const lane = pointer ? laneAt(density, pointer.y) : null;
  const bin = pointer && lane ? binAt(lane, pointer.x) : null;
  return (
    <>
      <svg ref={ref} className="density-band" width={width} height={height} style={{ top }} aria-hidden="true" focusable="false">
        {lane && bin ? <rect className="density-hover" x={bin.x} y={lane.top} width={Math.max(bin.x2 - bin.x, 1)} height={lane.bottom - lane.top} /> : null}
        {density.lanes.map((lane) => {
          const actor = actorsById.get(lane.laneId);
          return (
            <g key={lane.laneId} style={actor ? colorStyle(actor) : undefined}>
              <path className="density-area" d={bandPath(lane, width)} />
              <path className="density-edge" d={bandOutline(lane, width)} />
            </g>
          );
        })}
      </svg>
      {first ? (
        <p className="density-caption" style={{ top: top + first.top - GEOMETRY.laneHeader }}>
          {densityCaption(density, i18n)}
        </p>
      ) : null}
      {pointer && bin ? (
        <div className="density-tip" aria-hidden="true" style={{ transform: `translate(${Math.min(pointer.x + 12, Math.max(0, width - 220))}px, ${top + pointer.y + 14}px)` }}>
          {binLabel(bin, density.step, i18n)}
        </div>
      ) : null}
    </>
  );
}
