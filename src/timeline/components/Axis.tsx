import type { AxisTicks } from '../core/ticks';
import type { TimeScale } from '../core/timeScale';

interface AxisProps {
  ticks: AxisTicks;
  scale: TimeScale;
  height: number;
}

export const AXIS_HEIGHT = 46;

/** The time axis: context labels ("November 2024") above evenly spaced ticks ("Nov 17"). */
export function Axis({ ticks, scale, height }: AxisProps) {
  return (
    <svg className="axis" width={scale.width} height={height} aria-hidden="true" focusable="false">
      {ticks.context.map((tick, i) => {
        const x = Math.max(scale.toX(tick.time), 0);
        const next = ticks.context[i + 1];
        // The first context label sticks to the left edge until the next one pushes it away.
        const room = (next ? scale.toX(next.time) : scale.width) - x;
        return room > tick.label.length * 7 + 10 ? (
          <g key={`c${tick.time}`} transform={`translate(${x},0)`}>
            <line className="axis-context-line" y1={0} y2={height} />
            <text className="axis-context" x={6} y={16}>
              {tick.label}
            </text>
          </g>
        ) : null;
      })}
      {ticks.ticks.map((tick) => {
        const x = scale.toX(tick.time);
        return (
          <g key={tick.time} transform={`translate(${x},0)`}>
            <line className="axis-tick" y1={height - 8} y2={height} />
            <text className="axis-label" x={4} y={height - 12}>
              {tick.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
