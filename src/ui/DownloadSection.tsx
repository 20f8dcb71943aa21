import { useEffect, useId, useMemo, useState } from 'react';
import type { Dataset, TimelineEvent } from '../data/model';
import { matchingEvents, type FilteredView } from '../state/viewModel';
import type { ViewState } from '../state/viewState';
import { csvFileChunks } from '../export/csv';
import { datasetJsonChunks } from '../export/json';
import { describeFilters, viewToSvg } from '../export/svg';
import { exportFileName } from '../export/files';
import { canvasMeasure, downloadBlob, ExportFailure, makeFile, nextTask, svgToPng } from '../export/browser';
import { readTheme } from '../timeline/components/pageTheme';
import { STEP_MASK } from '../timeline/core/steps';
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

/** A file being made: its name, and for a data file (CSV, JSON) how far it has come. */
interface Making {
  name: string;
  data: string | undefined;
  percent: number;
  controller: AbortController;
}

/** "Download": the filtered events as data, the current view as a picture. */
export function DownloadSection({ dataset, authored, view, state, href }: DownloadSectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const headingId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [making, setMaking] = useState<Making | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  // The file being made stops on Cancel, or when the section closes (nobody would see it saved).
  const working = making?.controller;
  useEffect(() => () => working?.abort(), [working]);
  const events = useMemo(() => matchingEvents(view), [view]);
  // The events as authored are looked up when a file is made, not on every render, and only when a
  // translation is shown, as steps of the file's writing: a million lookups would hold the page.
  function* authoredPieces(write: (events: readonly TimelineEvent[]) => Iterable<string>): Generator<string> {
    if (authored === dataset) return yield* write(events);
    const found: TimelineEvent[] = [];
    for (let i = 0; i < events.length; i++) {
      if ((i & STEP_MASK) === 0) yield '';
      const event = events[i] as TimelineEvent;
      found.push(authored.eventsById.get(event.id) ?? event);
    }
    yield* write(found);
  }
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

  const save = (make: (signal: AbortSignal, onProgress: (fraction: number) => void) => Promise<Blob | undefined> | Blob, name: string, data?: string) => async () => {
    const controller = new AbortController();
    setProblem(null);
    setCancelled(null);
    setMaking({ name, data, percent: 0, controller });
    // Said in whole percents: a re-render per piece of a million-event file would be work of its own.
    let shown = 0;
    const onProgress = (fraction: number) => {
      const percent = Math.floor(fraction * 100);
      if (percent !== shown) setMaking({ name, data, percent: (shown = percent), controller });
    };
    try {
      // The "making" status is painted before the work starts.
      await nextTask();
      const blob = await make(controller.signal, onProgress);
      if (blob) downloadBlob(blob, name);
      else setCancelled(name);
    } catch (error) {
      // Our own failures are said in the reader's language; the browser's come as the browser words them.
      const reason = error instanceof ExportFailure ? t(error.messageKey) : error instanceof Error ? error.message : String(error);
      setProblem(t('download.failed', { file: name, reason }));
    } finally {
      setMaking(null);
    }
  };

  /** A data file made a slice at a time (see steps.ts), so that a million events never freeze the page. */
  const dataFile = (pieces: (onProgress: (fraction: number) => void) => Iterable<string>, type: string) => (signal: AbortSignal, onProgress: (fraction: number) => void) =>
    makeFile(pieces(onProgress), type, signal);

  const downloads = [
    {
      label: t('download.csv', { events: count }),
      run: save(dataFile((onProgress) => authoredPieces((found) => csvFileChunks(authored, found, onProgress)), 'text/csv;charset=utf-8'), fileName('events', 'csv'), 'CSV'),
    },
    {
      label: t('download.json', { events: count }),
      run: save(dataFile((onProgress) => authoredPieces((found) => datasetJsonChunks(authored, found, onProgress)), 'application/json'), fileName('events', 'json'), 'JSON'),
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
      <div className="download-status">
        <p className="share-note" role="status">
          {making?.data !== undefined
            ? t('download.preparing', { format: making.data })
            : making
              ? t('download.making', { file: making.name })
              : cancelled
                ? t('download.cancelled', { file: cancelled })
                : ''}
        </p>
        {making?.data !== undefined ? (
          <>
            {/* The bar tells assistive technology how far; the status above is said once, not at every percent. */}
            <span className="share-note" aria-hidden="true">
              {t('download.percent', { percent: making.percent })}
            </span>
            <progress max={100} value={making.percent} aria-label={t('download.progress', { file: making.name })} />
            <button type="button" className="tool-button" onClick={() => making.controller.abort()}>
              {t('download.cancel')}
            </button>
          </>
        ) : null}
      </div>
      {problem ? (
        <p className="download-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
