import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FileOpenButton } from '../ui/FileOpenButton';
import { findVerbatim } from '../data/textMatch';
import { downloadBlob } from '../export/browser';
import { exportFileName } from '../export/files';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { findDatePhrases } from './dates/findDatePhrases';
import { addExcerpt, newEventFromSelection, setTitle } from './draft/actions';
import { canRedo, canUndo } from './draft/history';
import { checkDraft, draftToJson, eventIds } from './draft/serialize';
import { useAuthorText } from './i18n/useAuthorText';
import { useDraft } from './useDraft';
import { describeProblems, useOpenDataset, type OpenResult } from './useOpenDataset';
import { SourceForm } from './components/SourceForm';
import { SourceRegion, type SelectionReport } from './components/SourceRegion';
import { EventForm } from './components/EventForm';
import { EventsList } from './components/EventsList';
import { ProblemsList } from './components/ProblemsList';
import { Preview } from './components/Preview';
import './author.css';

const NO_QUOTES = new Map<number, { start: number; end: number }[]>();

/** The authoring view at `?edit`: sources in, events made from their passages, checked and previewed live. */
export default function AuthorView() {
  const t = useAuthorText();
  const store = useDraft();
  const draft = store.history.present;
  const { apply } = store;
  const [chosenSource, setChosenSource] = useState<string | null | undefined>(undefined);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [selection, setSelection] = useState<SelectionReport>(null);
  const [status, setStatus] = useState('');
  const problemsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${t('editor.name')} · ${draft.title || 'Conflict timeline'}`;
  }, [t, draft.title]);

  // The source shown: the one chosen, else the first; `null` when the author starts a new one.
  const current = chosenSource === null ? null : (draft.sources.find((s) => s.id === chosenSource) ?? draft.sources[0] ?? null);
  const openIndex = draft.events.findIndex((e) => e.key === openKey);
  const openEvent = draft.events[openIndex] ?? null;
  const check = useMemo(() => checkDraft(draft), [draft]);
  const phrases = useMemo(() => (current ? current.paragraphs.map((p) => findDatePhrases(p, current.published)) : []), [current]);
  const quoted = useMemo(() => {
    if (!current || !openEvent) return NO_QUOTES;
    const map = new Map<number, { start: number; end: number }[]>();
    for (const excerpt of openEvent.excerpts) {
      if (excerpt.source !== current.id) continue;
      current.paragraphs.forEach((text, i) => {
        const range = findVerbatim(text, excerpt.quote);
        if (range) map.set(i, [...(map.get(i) ?? []), range]);
      });
    }
    return map;
  }, [current, openEvent]);
  const quotedByEvents = current !== null && draft.events.some((e) => e.excerpts.some((x) => x.source === current.id));

  const opened = useCallback(
    (result: OpenResult) => {
      if (!result.draft) {
        setStatus(`${t('editor.openFailed', { name: result.name })} ${describeProblems(result.problems)}`);
        return;
      }
      const next = result.draft;
      apply(() => next);
      setChosenSource(undefined);
      setOpenKey(null);
      setStatus([t('editor.opened', { name: result.name }), describeProblems(result.problems)].filter(Boolean).join(' '));
    },
    [apply, t],
  );
  const openFile = useOpenDataset(store.ready, opened);

  const selectedText = selection && selection !== 'across' ? (draft.sources.find((s) => s.id === selection.sourceId)?.paragraphs[selection.paragraph] ?? '').slice(selection.start, selection.end).trim() : '';

  const fromSelection = () => {
    if (selection === 'across') return setStatus(t('selection.across'));
    if (!selection || !selectedText) return setStatus(t('selection.none'));
    const made = newEventFromSelection(draft, selection);
    if (!made) return setStatus(t('selection.none'));
    apply(() => made.draft);
    setOpenKey(made.key);
    // The passage is taken: the highlight of the new event's excerpt now shows it.
    document.getSelection()?.removeAllRanges();
    setSelection(null);
    setStatus(`${t('event.heading', { n: made.draft.events.length })}: ${t('selection.current', { text: selectedText })}`);
  };

  const excerptFromSelection = () => {
    if (!openEvent) return;
    if (selection === 'across') return setStatus(t('selection.across'));
    if (!selection || !selectedText) return setStatus(t('selection.none'));
    const key = openEvent.key;
    const chosen = selection;
    apply((d) => addExcerpt(d, key, chosen) ?? d);
  };

  const download = () => {
    if (check.problems.length > 0 || !check.dataset) {
      setStatus(t('editor.downloadBlocked', { count: Math.max(1, check.problems.length) }));
      problemsHeading.current?.focus();
      return;
    }
    const file = exportFileName(draft.title, 'dataset', 'json');
    downloadBlob(new Blob([draftToJson(draft)], { type: 'application/json' }), file);
    setStatus(t('editor.downloaded', { file }));
  };

  const openFromPreview = useCallback(
    (eventId: string) => {
      const index = eventIds(draft).indexOf(eventId);
      const key = draft.events[index]?.key;
      if (key) setOpenKey(key);
    },
    [draft],
  );

  return (
    <div className="app author">
      <main aria-labelledby="author-heading">
        <header className="masthead author-masthead">
          <div className="masthead-top">
            <p className="kicker">
              <a href="./">{t('editor.reader')}</a>
            </p>
            <LanguageSwitcher />
          </div>
          <h1 id="author-heading">{t('editor.name')}</h1>
          <p className="dek">{t('editor.intro')}</p>
          <div className="author-toolbar">
            <button type="button" className="tool-button" onClick={store.undo} disabled={!canUndo(store.history)}>
              {t('editor.undo')}
            </button>
            <button type="button" className="tool-button" onClick={store.redo} disabled={!canRedo(store.history)}>
              {t('editor.redo')}
            </button>
            <FileOpenButton className="tool-button" accept=".json,.csv,application/json,text/csv,application/gzip,.gz" onFile={(file) => void openFile(file)}>
              {t('editor.open')}
            </FileOpenButton>
            <button type="button" className="tool-button author-primary" onClick={download}>
              {t('editor.download')}
            </button>
            <span className="author-save-state">{store.saveError ? t('editor.saveFailed', { reason: store.saveError }) : store.saved ? t('editor.saved') : t('editor.saving')}</span>
          </div>
          <div className="author-field author-title-field">
            <label htmlFor="author-timeline-title">{t('editor.timelineTitle')}</label>
            <input id="author-timeline-title" value={draft.title} onChange={(e) => apply((d) => setTitle(d, e.target.value), 'title')} />
          </div>
          <p className="author-status" role="status">
            {status || (store.restored ? t('editor.restored') : '')}
          </p>
        </header>
        <div className="author-layout">
          <div className="author-column">
            <SourceForm
              draft={draft}
              current={current}
              quotedByEvents={quotedByEvents}
              apply={apply}
              onChoose={(id) => setChosenSource(id)}
              onAdded={(id, title) => {
                setChosenSource(id);
                setStatus(t('source.added', { title }));
              }}
              onSelection={setSelection}
            />
            <div className="author-selection-bar">
              <p className="author-selection" aria-live="polite">
                {selection === 'across' ? t('selection.across') : selectedText ? t('selection.current', { text: selectedText.length > 160 ? `${selectedText.slice(0, 159)}…` : selectedText }) : t('selection.none')}
              </p>
              <div className="author-actions">
                <button type="button" className="tool-button author-primary" onClick={fromSelection}>
                  {t('selection.new')}
                </button>
                {openEvent ? (
                  <button type="button" className="tool-button" onClick={excerptFromSelection}>
                    {t('selection.addExcerpt')}
                  </button>
                ) : null}
              </div>
            </div>
            <SourceRegion source={current} phrases={phrases} quoted={quoted} onSelection={setSelection} />
          </div>
          <div className="author-column">
            {openEvent ? (
              <EventForm draft={draft} event={openEvent} index={openIndex} apply={apply} onDeleted={() => setOpenKey(null)} />
            ) : (
              <section className="panel">
                <p className="panel-empty">{t('event.none')}</p>
              </section>
            )}
            <EventsList events={draft.events} open={openKey} problems={check.problems} onOpen={setOpenKey} />
            <ProblemsList ref={problemsHeading} problems={check.problems} />
          </div>
        </div>
        <Preview dataset={check.dataset} onOpen={openFromPreview} />
      </main>
    </div>
  );
}
