import { useRef } from 'react';
import { useReportWidth } from '../timeline/components/useElementWidth';

/**
 * An invisible copy of the explorer's frame around the plot (the same classes, so the same CSS), laid out
 * while a dataset loads, so that the timeline's first render is laid out at the plot's real width. A guess
 * from the window's width was off at every common screen size, and each miss cost a second render of every
 * mark, in the same task as the first, before the first paint.
 */
export function PlotWidthProbe({ embed, onMeasure }: { embed: boolean; onMeasure: (width: number) => void }) {
  const plotRef = useRef<HTMLDivElement>(null);
  // Not needed before the loading screen's first paint: measured with the browser's own layout, not forced.
  useReportWidth(plotRef, onMeasure, null, false);
  const plot = (
    <section className="timeline">
      <div className="timeline-frame">
        <div ref={plotRef} className="timeline-plot" />
      </div>
    </section>
  );
  return (
    <div className="plot-width-probe" aria-hidden="true">
      {embed ? (
        <div className="app app-embed">{plot}</div>
      ) : (
        <div className="app">
          <div className="layout">
            <div className="workspace">
              <div className="workspace-main">
                <div className="view-panel">{plot}</div>
              </div>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
