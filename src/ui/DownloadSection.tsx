import { useId, useMemo, useState } from 'react';
import type { Dataset } from '../data/model';
import { matchingEvents, type FilteredView } from '../state/viewModel';
import type { ViewState } from '../state/viewState';
import { csvFileChunks } from '../export/csv';
import { datasetJsonChunks } from '../export/json';
import { describeFilters, viewToSvg } from '../export/svg';
import { exportFileName } from '../export/files';
import { canvasMeasure, downloadBlob, ExportFailure, gatherChunks, nextTask, svgToPng } from '../export/browser';
import { readTheme } from '../timeline/components/pageTheme';
import { useI18n } from '../i18n';

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

/** "Download": the filtered events as data, the current view as a picture. */
export function DownloadSection({ dataset, authored, view, state, href }: DownloadSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [making, setMaking] = useState<string | null>(null);
  const events = useMemo(() => matchingEvents(view), [view]);
  // Looked up when a file is made, not on every render, and only when a translation is shown: at a
  // million events this takes a while.
  const authoredEvents = () => (authored === dataset ? events : events.map((e) => authored.eventsById.get(e.id) ?? e));
  const count = t('events.count', { count: events.length });
  // Named after the title as authored: file names stay the same, and readable, in every interface language.
  const fileName = (what: string, extension: string) => exportFileName(authored.title, what, extension);

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
      filterNote: describeFilters(state.filters, dataset, i18n),
      priority: selected === undefined ? [] : [selected],
      credit: { app: t('picture.app'), url: href },
      measure: canvasMeasure(),
      i18n,
    });
  };

  const save = (make: () => Promise<Blob> | Blob, name: string) => async () => {
    setProblem(null);
    setMaking(name);
    try {
      // The "making" status is painted before the work starts.
      await nextTask();
      downloadBlob(await make(), name);
    } catch (error) {
      // Our own failures are said in the reader's language; the browser's come as the browser words them.
      const reason = error instanceof ExportFailure ? t(error.messageKey) : error instanceof Error ? error.message : String(error);
      setProblem(t('download.failed', { file: name, reason }));
    } finally {
      setMaking(null);
    }
  };

  const downloads = [
    {
      label: t('download.csv', { events: count }),
      run: save(async () => new Blob(await gatherChunks(csvFileChunks(authored, authoredEvents())), { type: 'text/csv;charset=utf-8' }), fileName('events', 'csv')),
    },
    {
      label: t('download.json', { events: count }),
      run: save(async () => new Blob(await gatherChunks(datasetJsonChunks(authored, authoredEvents())), { type: 'application/json' }), fileName('events', 'json')),
    },
    { label: t('download.svg'), run: save(() => new Blob([picture().svg], { type: 'image/svg+xml' }), fileName('timeline', 'svg')) },
    {
      label: t('download.png'),
      run: save(() => {
        const { svg, width, height } = picture();
        return svgToPng(svg, width, height, 2);
      }, fileName('timeline', 'png')),
    },
  ];

  return (
    <section className="download-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="copy-label">
        {t('download.heading')}
      </h3>
      <p className="share-note">
        {t('download.note')}
      </p>
      <div className="download-buttons">
        {downloads.map((d) => (
          <button key={d.label} type="button" className="tool-button" disabled={making !== null} onClick={() => void d.run()}>
            {d.label}
          </button>
        ))}
      </div>
      <p className="share-note" role="status">
        {making ? t('download.making', { file: making }) : ''}
      </p>
      {problem ? (
        <p className="download-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
