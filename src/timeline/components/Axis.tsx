import type { AxisLayout } from '../core/axis';

interface AxisProps {
  axis: AxisLayout;
  width: number;
  height: number;
}

/** The time axis: context labels ("November 2024") above evenly spaced ticks ("Nov 17"), placed by placeAxis. */
export function Axis({ axis, width, height }: AxisProps) {
  return (
    <svg className="axis" width={width} height={height} aria-hidden="true" focusable="false">
      {axis.context.map((tick) => (
        <g key={`c${tick.time}`} transform={`translate(${tick.x},0)`}>
          <line className="axis-context-line" y1={0} y2={height} />
          <text className="axis-context" x={6} y={16}>
            {tick.label}
          </text>
        </g>
      ))}
      {axis.ticks.map((tick) => (
        <g key={tick.time} transform={`translate(${tick.x},0)`}>
          <line className="axis-tick" y1={height - 8} y2={height} />
          <text className="axis-label" x={4} y={height - 12}>
            {tick.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
