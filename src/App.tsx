import { useEffect, useRef, useState, type ReactNode } from 'react';
// The bundled dataset (TIMELINE_DATASET at build time, see build/story.ts) ships as its own file.
import bundledUrl from 'virtual:bundled-dataset';
import { loadDataset, type LoadProgress } from './data/loadInWorker';
import { MAX_SAMPLE_EVENTS, SAMPLE_EVENTS, SAMPLE_SEED, sampleSize } from './data/sample';
import type { ValidationResult } from './data/model';
import type { Problem } from './data/problems';
import { Explorer } from './ui/Explorer';
import { parseEmbedOptions } from './embed/options';
import { formatName } from './data/import/formatName';
import { useI18n } from './i18n';
import { LanguageSwitcher } from './i18n/LanguageSwitcher';

import DatasetErrorPage from './ui/DatasetErrorPage';
import { FileOpenButton } from './ui/FileOpenButton';

/** Datasets from this size up get a "Drawing the timeline…" moment before their first render. */
const LARGE_DATASET = 50_000;

/** Resolves once the browser has painted the current state (a frame, then a task after it). */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Where the dataset on screen came from. */
type Origin = { kind: 'bundled' } | { kind: 'url'; url: string } | { kind: 'file'; name: string; file: File } | { kind: 'sample'; events: number };

type Loaded =
  | { origin: Origin; phase: 'loading'; loaded: number; total: number | null }
  | { origin: Origin; phase: 'preparing'; progress: LoadProgress }
  | { origin: Origin; phase: 'failed'; problems: Problem[] }
  | { origin: Origin; phase: 'done'; result: ValidationResult };

function originFromUrl(): Origin {
  const params = new URLSearchParams(window.location.search);
  const data = params.get('data');
  if (data) return { kind: 'url', url: data };
  const sample = params.get('sample');
  if (sample !== null) {
    const events = sampleSize(sample);
    if (events !== null) return { kind: 'sample', events };
    console.warn(`?sample=${sample} is not a number of events from 1 to ${MAX_SAMPLE_EVENTS}; showing the bundled dataset`);
  }
  return { kind: 'bundled' };
}

const withoutData = () => {
  const params = new URLSearchParams(window.location.search);
  params.delete('data');
  params.delete('sample');
  const search = params.toString();
  return `${window.location.pathname}${search ? `?${search}` : ''}`;
};

/**
 * Loads the dataset, from the bundle, a `?data=` URL or a file the reader opens or drops, through the
 * same loader and validator as every other dataset.
 */
export function App({ datasetText }: { datasetText?: string }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const [origin, setOrigin] = useState<Origin>(originFromUrl);
  const [embed] = useState(() => parseEmbedOptions(window.location.search, (message) => console.warn(message)));

  useEffect(() => {
    // An explicit theme wins over the reader's setting; "auto" follows it.
    if (embed.theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = embed.theme;
    document.documentElement.classList.toggle('is-embed', embed.embed);
  }, [embed]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The dataset last on screen and its URL, to go back to when a load is cancelled.
  const lastShown = useRef<{ loaded: Loaded; url: string } | null>(null);
  const restoring = useRef<Origin | null>(null);

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
    const preparing = (progress: LoadProgress) => report({ origin, phase: 'preparing', progress });
    // A large dataset takes seconds to lay out the first time: say so, and let that be painted first.
    const show = async (result: ValidationResult) => {
      const events = result.dataset?.events.length ?? 0;
      if (events >= LARGE_DATASET) {
        preparing({ stage: 'drawing', done: events, total: events });
        await afterPaint();
      }
      report({ origin, phase: 'done', result });
    };
    const load = async () => {
      if (origin.kind === 'sample') {
        report({ origin, phase: 'preparing', progress: { stage: 'generating', done: 0, total: origin.events } });
        return show(await loadDataset({ kind: 'sample', events: origin.events, seed: SAMPLE_SEED }, preparing, controller.signal));
      }
      let text: string;
      if (origin.kind === 'bundled') {
        text = datasetText ?? (await (await fetch(bundledUrl)).text());
      } else {
        // Only readers who open another dataset need the fetching and reading code.
        const { datasetUrl, fetchDatasetText, readDatasetFile } = await import('./data/fetchDataset');
        const fetched =
          origin.kind === 'file'
            ? await readDatasetFile(origin.file)
            : await (async () => {
                const url = datasetUrl(origin.url, window.location.href);
                if (!url.ok) return url;
                report({ origin, phase: 'loading', loaded: 0, total: null });
                return fetchDatasetText(url.url, { signal: controller.signal, onProgress: (n, total) => report({ origin, phase: 'loading', loaded: n, total }) });
              })();
        if (!fetched.ok) return report({ origin, phase: 'failed', problems: [fetched.problem] });
        text = fetched.text;
      }
      // The file's name goes into an imported dataset's record of where it came from.
      const fileName = origin.kind === 'file' ? origin.name : origin.kind === 'url' ? (origin.url.split(/[?#]/)[0]?.split('/').pop() ?? undefined) : undefined;
      await show(await loadDataset({ kind: 'text', text, file: fileName || undefined }, preparing, controller.signal));
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
    window.history.pushState(null, '', `${window.location.pathname}?${params.toString()}`);
    setOrigin({ kind: 'sample', events: SAMPLE_EVENTS });
  }

  function openFile(file: File) {
    // A file cannot be shared by link: drop the old dataset's parameters from the URL.
    window.history.replaceState(null, '', window.location.pathname);
    setOrigin({ kind: 'file', name: file.name, file });
  }

  const opener: ReactNode = (
    <span className="dataset-opener">
      <FileOpenButton className="link-button" accept="application/json,.json,text/csv,.csv,text/tab-separated-values,.tsv,.txt" onFile={openFile}>
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
          <a href={withoutData()} onClick={(e) => { e.preventDefault(); window.history.replaceState(null, '', window.location.pathname); setOrigin({ kind: 'bundled' }); }}>
            {t('app.backToBundled')}
          </a>
        </>
      ) : null}
    </span>
  );

  const downloaded = (bytes: number, percent: number | null) => {
    const megabytes = formatNumber(bytes / 1048576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return percent === null ? t('app.downloaded', { megabytes }) : t('app.downloadedPercent', { megabytes, percent });
  };
  const current = loaded && loaded.origin === origin ? loaded : null;
  useEffect(() => {
    if (current && (current.phase === 'done' || current.phase === 'failed')) lastShown.current = { loaded: current, url: window.location.href };
  });

  /** Stops a load (the download or the worker, through the effect's abort) and shows the dataset shown before. */
  function cancelLoading() {
    const back = lastShown.current;
    if (back) {
      window.history.replaceState(null, '', back.url);
      restoring.current = back.loaded.origin;
      setLoaded(back.loaded);
      setOrigin(back.loaded.origin);
    } else {
      window.history.replaceState(null, '', withoutData());
      setOrigin({ kind: 'bundled' });
    }
  }
  const cancel =
    origin.kind === 'bundled' ? null : (
      <button type="button" className="tool-button" onClick={cancelLoading}>
        {t('app.cancelLoading')}
      </button>
    );
  if (current?.phase === 'preparing') {
    const { stage, done, total } = current.progress;
    return (
      <div className="loading" role="status">
        <p>
          {stage === 'generating'
            ? t('app.generating', { count: total })
            : stage === 'checking'
              ? t('app.checking', { done, total })
              : stage === 'sending'
                ? t('app.sending', { count: total })
                : t('app.drawing', { count: total })}
        </p>
        {/* Only checking can say how far it has got; the other stages show an indeterminate bar. */}
        <progress max={total} value={stage === 'checking' ? done : undefined} aria-label={t('app.checkProgress')} />
        {cancel}
      </div>
    );
  }
  if (!current || current.phase === 'loading') {
    const percent = current?.phase === 'loading' && current.total ? Math.round((current.loaded / current.total) * 100) : null;
    return (
      <div className="loading" role="status">
        <p>
          {t('app.loading')}
          {current?.phase === 'loading' && current.loaded > 0 ? ` ${downloaded(current.loaded, percent)}` : ''}
        </p>
        {current?.phase === 'loading' ? <progress max={current.total ?? undefined} value={current.total ? current.loaded : undefined} aria-label={t('app.downloadProgress')} /> : null}
        {cancel}
      </div>
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
      rejected={current.result.rejected}
      dataControls={embed.embed ? null : opener}
      languageControl={embed.embed ? null : <LanguageSwitcher />}
      embed={embed}
    />
  );
}
