import { useId, useState } from 'react';
import type { Dataset } from '../data/model';
import type { Filters } from '../state/filters';
import { matchingEvents, type FilteredView } from '../state/viewModel';
import type { ViewState } from '../state/viewState';
import { eventsToCsv } from '../export/csv';
import { datasetToJson } from '../export/json';
import { viewToSvg } from '../export/svg';
import { exportFileName } from '../export/files';
import { canvasMeasure, downloadBlob, readTheme, svgToPng } from '../export/browser';

export interface DownloadSectionProps {
  /** As the reader sees it (translated titles, where the dataset has them): what the pictures show. */
  dataset: Dataset;
  /** As authored: what the data files hold, so that a download never passes a translation off as the original. */
  authored: Dataset;
  view: FilteredView;
  state: Pick<ViewState, 'window' | 'width' | 'selected' | 'filters'>;
  /** The link to this view, credited in the pictures. */
  href: string;
}

const APP_NAME = 'Conflict timeline';

/** What the picture leaves out or fades, said in its subtitle. */
function filterNote(filters: Filters, dataset: Dataset): string | undefined {
  const parts: string[] = [];
  if (filters.actors !== null) {
    const names = filters.actors.map((id) => dataset.actorsById.get(id)?.name ?? id);
    parts.push(names.length === 0 ? 'No actors chosen' : `Only events involving ${names.join(', ')}`);
  }
  const query = filters.query.trim();
  if (query !== '') parts.push(`Events matching “${query}” in full colour, others faded`);
  return parts.length > 0 ? `${parts.join('. ')}.` : undefined;
}

/** "Download": the filtered events as data, the current view as a picture. */
export function DownloadSection({ dataset, authored, view, state, href }: DownloadSectionProps) {
  const headingId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const events = matchingEvents(view);
  const authoredEvents = events.map((e) => authored.eventsById.get(e.id) ?? e);
  const count = `${events.length.toLocaleString('en')} ${events.length === 1 ? 'event' : 'events'}`;
  const fileName = (what: string, extension: string) => exportFileName(dataset.title, what, extension);

  const picture = () => {
    const { theme, palette } = readTheme();
    const selected = state.selected === null ? undefined : view.indexOf.get(state.selected);
    return viewToSvg({
      dataset,
      events: view.events,
      lanes: view.lanes ?? [],
      hits: view.hits,
      window: state.window,
      width: state.width,
      theme,
      palette,
      filterNote: filterNote(state.filters, dataset),
      priority: selected === undefined ? [] : [selected],
      credit: { app: APP_NAME, url: href },
      measure: canvasMeasure(),
    });
  };

  const save = (make: () => Promise<Blob> | Blob, name: string) => async () => {
    setProblem(null);
    try {
      downloadBlob(await make(), name);
    } catch (error) {
      setProblem(`Could not make ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const downloads = [
    { label: `Events as CSV (${count})`, run: save(() => new Blob([eventsToCsv(authored, authoredEvents)], { type: 'text/csv;charset=utf-8' }), fileName('events', 'csv')) },
    { label: `Events as JSON (${count})`, run: save(() => new Blob([datasetToJson(authored, authoredEvents)], { type: 'application/json' }), fileName('events', 'json')) },
    { label: 'View as SVG', run: save(() => new Blob([picture().svg], { type: 'image/svg+xml' }), fileName('timeline', 'svg')) },
    {
      label: 'View as PNG (2× size)',
      run: save(() => {
        const { svg, width, height } = picture();
        return svgToPng(svg, width, height, 2);
      }, fileName('timeline', 'png')),
    },
  ];

  return (
    <section className="download-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="copy-label">
        Download
      </h3>
      <p className="share-note">
        The data holds the events the filters and the search leave; the pictures show the timeline as it is now, with a legend and the source.
      </p>
      <div className="download-buttons">
        {downloads.map((d) => (
          <button key={d.label} type="button" className="tool-button" onClick={() => void d.run()}>
            {d.label}
          </button>
        ))}
      </div>
      {problem ? (
        <p className="download-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
