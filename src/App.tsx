import { lazy, startTransition, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { loadDataset, type LoadProgress } from './state/loading/loadInWorker';
import { loadRequestFor, originFromUrl, type Origin } from './state/loading/origin';
import { SAMPLE_EVENTS } from './data/sample';
import type { ValidationResult } from './data/model';
import type { Lane } from './timeline/core/lanes';
import type { PreparedExplorer } from './ui/explorerModel';
import type { Problem } from './data/problems';
import { parseEmbedOptions } from './embed/options';
import { formatName } from './data/import/formatName';
import { useI18n } from './i18n';
import { LanguageSwitcher } from './i18n/LanguageSwitcher';

import DatasetErrorPage from './ui/DatasetErrorPage';
import { FileOpenButton } from './ui/FileOpenButton';
import { LoadingScreen } from './ui/LoadingScreen';
import { PlotWidthProbe } from './ui/PlotWidthProbe';
import { loadGestures } from './timeline/interaction/usePanZoom';
import { currentSearch, pushSearch, replaceSearch } from './state/addressBar';

/** Datasets from this size up get a "Drawing the timeline…" moment before their first render. */
const LARGE_DATASET = 50_000;

/**
 * How often, at most, the loading screen's progress is rendered at once rather than when React's scheduler
 * gets its turn: handed a sample's pieces back to back, the page had that turn behind hundreds of the worker's
 * messages, and the screen stood still for up to 350 ms.
 */
const PROGRESS_RENDER_MS = 100;

/** Resolves once the browser has painted the current state (a frame, then a task after it). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

type Loaded =
  | { origin: Origin; phase: 'preparing'; progress: LoadProgress }
  | { origin: Origin; phase: 'failed'; problems: Problem[] }
  | { origin: Origin; phase: 'done'; result: ValidationResult; lanes: readonly Lane[] | null; prepared: PreparedExplorer | null };

/** The address's query without the dataset it names (`data=`, `sample=`): the bundled dataset's view. */
const searchWithoutData = () => {
  const params = new URLSearchParams(currentSearch());
  params.delete('data');
  params.delete('sample');
  const search = params.toString();
  return search ? `?${search}` : '';
};
const withoutData = () => `${window.location.pathname}${searchWithoutData()}`;

// The explorer, most of the page's script, loads beside the dataset rather than before the loading screen
// shows: the page's first task is shorter and the worker is asked for the dataset sooner.
const explorerModule = import('./ui/Explorer');
const Explorer = lazy(() => explorerModule.then((module) => ({ default: module.Explorer })));

/**
 * Loads the dataset, from the bundle, a `?data=` URL or a file the reader opens or drops, through the
 * same loader and validator as every other dataset.
 */
export function App(props: { datasetText?: string }) {
  // The explorer is first shown in a transition (see `show`): while its script is still on the way, the
  // loading screen stays, as it does while React builds it.
  return (
    <Suspense fallback={null}>
      <Loader {...props} />
    </Suspense>
  );
}

function Loader({ datasetText }: { datasetText?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [origin, setOrigin] = useState<Origin>(originFromUrl);
  const [embed] = useState(() => parseEmbedOptions(currentSearch(), (message) => console.warn(message)));

  useEffect(() => {
    // An explicit theme wins over the reader's setting; "auto" follows it.
    if (embed.theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = embed.theme;
    document.documentElement.classList.toggle('is-embed', embed.embed);
  }, [embed]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [plotWidth, setPlotWidth] = useState<number | null>(null);
  // The dataset last on screen and its URL, to go back to when a load is cancelled.
  const lastShown = useRef<{ loaded: Loaded; search: string } | null>(null);
  const restoring = useRef<Origin | null>(null);
  // The reader's language, for the view a large dataset's first render is prepared in (see `show`).
  const langRef = useRef(i18n.lang);
  useEffect(() => {
    langRef.current = i18n.lang;
  });

  useEffect(() => {
    // Back from a cancelled load: the dataset is still in memory, nothing to load.
    if (restoring.current === origin) {
      restoring.current = null;
      return;
    }
    const controller = new AbortController();
    const report = (next: Loaded) => {
      if (!controller.signal.aborted) setLoaded(next);
    };
    let renderedAt = -Infinity;
    const preparing = (progress: LoadProgress) => {
      const now = performance.now();
      if (now - renderedAt < PROGRESS_RENDER_MS) return report({ origin, phase: 'preparing', progress });
      renderedAt = now;
      flushSync(() => report({ origin, phase: 'preparing', progress }));
    };
    // A large dataset takes seconds to lay out the first time: say so, and let that be painted first.
    const show = async (result: ValidationResult, lanes: readonly Lane[] | null) => {
      const events = result.dataset?.events.length ?? 0;
      let prepared: PreparedExplorer | null = null;
      if (events >= LARGE_DATASET && result.dataset) {
        preparing({ stage: 'drawing', done: 0, total: events });
        await afterPaint();
        // What the first render would compute at once, a slice at a time, while "Drawing…" stays on screen
        // with a bar that follows the steps (then stands full while React builds the page).
        const { prepareExplorer } = await import('./ui/explorerModel');
        prepared = await prepareExplorer(result.dataset, langRef.current, lanes, controller.signal, (done, total) =>
          preparing({ stage: 'drawing', done: Math.round((events * done) / total), total: events }),
        );
        if (controller.signal.aborted) return;
      }
      // The first render of the explorer as a transition: React builds it in slices between frames, the
      // loading screen staying until it is ready, instead of one long task.
      startTransition(() => report({ origin, phase: 'done', result, lanes, prepared }));
    };
    const load = async () => {
      const made = loadRequestFor(origin, datasetText);
      if (!made.ok) return report({ origin, phase: 'failed', problems: [made.problem] });
      if (origin.kind === 'sample') report({ origin, phase: 'preparing', progress: { stage: 'generating', done: 0, total: origin.events } });
      // The worker downloads or reads the file itself: the page never holds its text. Meanwhile the page
      // fetches what the timeline's gestures need, so they work from the first frame.
      void loadGestures();
      const outcome = await loadDataset(made.request, preparing, controller.signal);
      if (!outcome.ok) return report({ origin, phase: 'failed', problems: [outcome.problem] });
      await show(outcome.result, outcome.lanes);
    };
    // Whatever goes wrong ends on a page that says so, never on an endless "Loading".
    load().catch((error: unknown) =>
      report({ origin, phase: 'failed', problems: [{ path: '(dataset)', message: `could not be loaded: ${error instanceof Error ? error.message : String(error)}` }] }),
    );
    return () => controller.abort();
  }, [origin, datasetText]);

  // A file dropped anywhere on the page opens it.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      openFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  function openSample() {
    const params = new URLSearchParams();
    params.set('sample', String(SAMPLE_EVENTS));
    // Shareable by link, like a ?data= URL: the same seed always makes the same sample.
    pushSearch(`?${params.toString()}`);
    setOrigin({ kind: 'sample', events: SAMPLE_EVENTS });
  }

  function openFile(file: File) {
    // A file cannot be shared by link: drop the old dataset's parameters from the URL.
    replaceSearch('');
    setOrigin({ kind: 'file', name: file.name, file });
  }

  const opener: ReactNode = (
    <span className="dataset-opener">
      <FileOpenButton className="link-button" accept="application/json,.json,text/csv,.csv,text/tab-separated-values,.tsv,.txt,application/gzip,.gz" onFile={openFile}>
        {t('app.openDataset')}
      </FileOpenButton>
      {origin.kind !== 'sample' ? (
        <>
          {' · '}
          <button type="button" className="link-button" onClick={openSample}>
            {t('app.loadSample', { count: SAMPLE_EVENTS })}
          </button>
        </>
      ) : (
        <span className="dataset-origin"> · {t('app.originSample', { count: origin.events })}</span>
      )}
      {origin.kind === 'file' ? <span className="dataset-origin"> · {t('app.originFile', { name: origin.name })}</span> : null}
      {origin.kind === 'url' ? <span className="dataset-origin"> · {t('app.originUrl', { url: origin.url })}</span> : null}
      {origin.kind !== 'bundled' ? (
        <>
          {' · '}
          <a href={withoutData()} onClick={(e) => { e.preventDefault(); replaceSearch(''); setOrigin({ kind: 'bundled' }); }}>
            {t('app.backToBundled')}
          </a>
        </>
      ) : null}
    </span>
  );

  const current = loaded && loaded.origin === origin ? loaded : null;
  useEffect(() => {
    if (current && (current.phase === 'done' || current.phase === 'failed')) lastShown.current = { loaded: current, search: currentSearch() };
  });

  /** Stops a load (the download or the worker, through the effect's abort) and shows the dataset shown before. */
  function cancelLoading() {
    const back = lastShown.current;
    if (back) {
      replaceSearch(back.search);
      restoring.current = back.loaded.origin;
      setLoaded(back.loaded);
      setOrigin(back.loaded.origin);
    } else {
      replaceSearch(searchWithoutData());
      setOrigin({ kind: 'bundled' });
    }
  }
  const cancel =
    origin.kind === 'bundled' ? null : (
      <button type="button" className="tool-button" onClick={cancelLoading}>
        {t('app.cancelLoading')}
      </button>
    );
  if (!current || current.phase === 'preparing') {
    const source = origin.kind === 'file' ? origin.name : origin.kind === 'url' ? origin.url : origin.kind === 'sample' ? t('app.sampleName', { count: origin.events }) : null;
    return (
      <>
        <LoadingScreen progress={current?.phase === 'preparing' ? current.progress : null} source={source} cancel={cancel} />
        <PlotWidthProbe embed={embed.embed} onMeasure={setPlotWidth} />
      </>
    );
  }
  if (current.phase === 'failed' || !current.result.dataset) {
    if (current.phase === 'failed') return <DatasetErrorPage problems={current.problems} title={t('app.loadFailed')} backHref={withoutData()} />;
    const { importedFrom } = current.result;
    const title = importedFrom ? t('app.importCannotShow', { format: formatName(importedFrom, i18n) }) : undefined;
    return <DatasetErrorPage problems={current.result.problems} title={title} backHref={origin.kind === 'bundled' ? null : withoutData()} />;
  }
  return (
    <Explorer
      key={JSON.stringify(origin.kind === 'file' ? origin.name : origin)}
      dataset={current.result.dataset}
      lanes={current.lanes}
      prepared={current.prepared}
      rejected={current.result.rejected}
      dataControls={embed.embed ? null : opener}
      languageControl={embed.embed ? null : <LanguageSwitcher />}
      embed={embed}
      plotWidth={plotWidth}
    />
  );
}
