import { useMemo, useState } from 'react';
import type { Dataset, RejectedItem } from '../data/model';
import { formatAtPrecision, formatEventDate } from '../data/formatDate';
import { parseEventDate } from '../data/edtfDate';
import { buildLanes } from '../timeline/core/lanes';
import { dataExtent, zoomLimitsFor, DAY } from '../timeline/core/timeWindow';
import { makeViewContext } from '../state/viewState';
import { useViewState } from '../state/useViewState';
import { Timeline } from '../timeline/components/Timeline';
import { DetailsPanel } from './DetailsPanel';
import { SourcePanel } from './SourcePanel';
import { RejectedNotice } from './DatasetProblems';

function credit(dataset: Dataset): string {
  return dataset.sources
    .map((s) => {
      const published = parseEventDate(s.published);
      const date = published.ok ? `, ${formatAtPrecision(published.date.start, published.date.startPrecision)}` : '';
      return `${s.outlet}, “${s.title}”${s.author ? ` by ${s.author}` : ''}${date}`;
    })
    .join('; ');
}

/** The extent the view is built around; with no events, the month around the first source's date. */
function extentOf(dataset: Dataset) {
  const extent = dataExtent(dataset.events.map((e) => e.when));
  if (extent) return extent;
  const published = dataset.sources[0] ? parseEventDate(dataset.sources[0].published) : null;
  const centre = published?.ok ? published.date.start : Date.UTC(2000, 0, 1);
  return { start: centre - 15 * DAY, end: centre + 15 * DAY };
}

export function Explorer({ dataset, rejected }: { dataset: Dataset; rejected: readonly RejectedItem[] }) {
  const lanes = useMemo(() => buildLanes(dataset.events, dataset.actors), [dataset]);
  const ctx = useMemo(() => {
    const extent = extentOf(dataset);
    return makeViewContext(dataset.events, extent, zoomLimitsFor(extent), lanes);
  }, [dataset, lanes]);
  const [state, actions] = useViewState(ctx);
  const [revealRequest, setRevealRequest] = useState(0);

  const selectedEvent = state.selected ? (dataset.eventsById.get(state.selected) ?? null) : null;
  const position = state.selected ? (ctx.indexOf.get(state.selected) ?? null) : null;

  return (
    <div className="app">
      <header className="masthead">
        <p className="kicker">Interactive timeline</p>
        <h1>{dataset.title}</h1>
        {dataset.description ? <p className="dek">{dataset.description}</p> : null}
        <p className="credit">Source: {credit(dataset)}. Every event links to the passage it was taken from.</p>
      </header>
      <main className="layout">
        <RejectedNotice rejected={rejected} />
        {dataset.events.length === 0 ? <p className="notice">This dataset has no events yet.</p> : null}
        <Timeline dataset={dataset} lanes={lanes} ctx={ctx} state={state} actions={actions} />
        <div className="panels">
          <DetailsPanel
            dataset={dataset}
            event={selectedEvent}
            position={position}
            onStep={actions.selectStep}
            onShowInSource={() => setRevealRequest((n) => n + 1)}
          />
          <SourcePanel dataset={dataset} selected={state.selected} revealRequest={revealRequest} onSelect={(id) => actions.select(id, { reveal: true })} />
        </div>
      </main>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {selectedEvent ? `Selected: ${selectedEvent.title}, ${formatEventDate(selectedEvent.when)}` : ''}
      </p>
    </div>
  );
}
