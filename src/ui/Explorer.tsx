import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Dataset, RejectedItem } from '../data/model';
import { formatEventDate } from '../data/formatDate';
import type { Lane } from '../timeline/core/lanes';
import { useViewState } from '../state/useViewState';
import { describeExclusion, filtersActive, NO_FILTERS } from '../state/filters';
import { Timeline } from '../timeline/components/Timeline';
import { DetailsPanel } from './DetailsPanel';
import { SourcePanel } from './SourcePanel';
import { RejectedNotice } from './DatasetProblems';
import { ActorFilter } from './ActorFilter';
import { Popover } from './Popover';
import { keepSelectionInSight } from './keepInSight';
import { ListView } from './ListView';
import { useSearchBox } from './useSearchBox';
import { ShareButton } from './ShareDialog';
import { fullAppUrl } from '../embed/links';
import { formatName } from '../data/import/formatName';
import type { EmbedOptions } from '../embed/options';
import { writeViewParams } from '../state/urlState';
import { useI18n, type I18n } from '../i18n';
import { textLangOf } from '../data/localizeDataset';
import { explorerModel, type PreparedExplorer } from './explorerModel';
import { describeSource } from '../data/sourceCredit';

function credit(dataset: Dataset, i18n: I18n): string {
  const named = dataset.sources.slice(0, 3).map((s) => describeSource(s, i18n));
  // A dataset of thousands of sources is credited by count beyond the first few.
  const more = dataset.sources.length - named.length;
  return more > 0 ? i18n.t('credit.more', { list: named.join('; '), count: more }) : named.join('; ');
}

function linkToEvent(eventId: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(window.location.search);
  params.set('event', eventId);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `?${params.toString().replace(/%2C/g, ',')}`;
}

/** Whether the selected event's details rise as a sheet (on a phone): not for the story's own opening event until the reader moves on. */
function selectedEventIsSheet(selected: string | null, openingSelection: boolean, touched: boolean): boolean {
  return selected !== null && (!openingSelection || touched);
}

// Only an embed talks to a host page: readers of the full app never download the protocol.
const EmbedBridge = lazy(() => import('../embed/EmbedBridge'));

const VIEWS = [
  { id: 'timeline', label: 'views.timeline' },
  { id: 'list', label: 'views.list' },
] as const;

interface ExplorerProps {
  dataset: Dataset;
  /** The dataset's lanes, when the loader laid them out already (see state/loading). */
  lanes?: readonly Lane[] | null;
  /** Its model, when the loader made it ready while the dataset loaded (a large dataset; see explorerModel). */
  prepared?: PreparedExplorer | null;
  rejected: readonly RejectedItem[];
  /** Opening another dataset, and where this one came from. */
  dataControls?: ReactNode;
  /** The interface language switcher (not in embeds). */
  languageControl?: ReactNode;
  embed?: EmbedOptions;
  /** The plot's width as measured while the dataset loaded (see PlotWidthProbe), for the first render. */
  plotWidth?: number | null;
}

const NOT_EMBEDDED: EmbedOptions = { embed: false, theme: 'auto', height: null, parentOrigin: null };

export function Explorer({ dataset: original, lanes = null, prepared = null, rejected, dataControls, languageControl, embed = NOT_EMBEDDED, plotWidth = null }: ExplorerProps) {
  const i18n = useI18n();
  const { t } = i18n;
  // Titles and summaries in the reader's language where the author translated them; the rest as written.
  // A large dataset's model was made ready while it loaded (see explorerModel).
  const model = useMemo(() => explorerModel(original, i18n.lang, lanes, prepared), [original, i18n.lang, lanes, prepared]);
  const dataset = model.dataset;
  // An embed in someone's story opens on the story's window but selects nothing until the reader does.
  const [state, actions, ctx, preparing] = useViewState(model, { selectOpening: !embed.embed, plotWidth });
  const [revealRequest, setRevealRequest] = useState(0);
  // The story's own opening event is shown in place; a selection the reader makes (or a link names)
  // rises as a sheet on a phone.
  const [openingSelection] = useState(() => state.selected !== null && state.selected === dataset.view?.event && !new URLSearchParams(window.location.search).has('event'));
  const [touchedSelection, setTouchedSelection] = useState(false);
  const [firstSelection] = useState(state.selected);
  // Once the reader has moved on, coming back to the opening event shows it as a sheet too.
  if (!touchedSelection && state.selected !== firstSelection) setTouchedSelection(true);
  const sheet = selectedEventIsSheet(state.selected, openingSelection, touchedSelection || state.selected !== firstSelection);
  // Whatever selected it, the selected mark is brought into sight (inside the plot, or above the sheet).
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.selected && rootRef.current && state.view === 'timeline') keepSelectionInSight(rootRef.current, state.selected);
  }, [state.selected, state.view]);
  const id = useId();
  // The tab and the history name the dataset shown, in the reader's language where it was translated.
  useEffect(() => {
    document.title = `${dataset.title} · ${t('picture.app')}`;
  }, [dataset.title, t]);

  const selectedEvent = state.selected ? (dataset.eventsById.get(state.selected) ?? null) : null;
  const position = state.selected ? (ctx.indexOf.get(state.selected) ?? null) : null;
  const { filters } = state;
  const query = filters.query;
  // What the reader asked for, which on a large dataset may still be being prepared: new choices build on it.
  const wanted = preparing ?? filters;

  // Facet counts follow the search, not the actor choice itself.
  const counts = useMemo(() => model.actorCounts(query), [model, query]);
  const searchBox = useSearchBox(model, wanted.query, query, (q) => actions.setFilters({ ...wanted, query: q }));
  // Counted once per search, not on every zoom frame (the page re-renders on each).
  const matching = useMemo(() => (ctx.hits ? ctx.hits.reduce((n, h) => n + h, 0) : ctx.events.length), [ctx.hits, ctx.events.length]);
  // Which match the selection is ("match 2 of 5"), for the search status.
  const matchPosition = useMemo(
    () => (ctx.hits && position !== null && ctx.hits[position] === 1 ? ctx.hits.subarray(0, position + 1).reduce((n, h) => n + h, 0) : null),
    [ctx.hits, position],
  );
  const nothingMatches = ctx.events.length === 0 || matching === 0;
  const chosenCount = wanted.actors === null ? dataset.actors.length : wanted.actors.length;
  // Said while a new actor choice is prepared; the previous view stays until it is ready.
  const filteringActors = preparing !== null && JSON.stringify(preparing.actors) !== JSON.stringify(filters.actors);

  // Links to an event keep everything else in the URL (a ?data= dataset above all). Stable callbacks
  // let the memoised panels skip the re-render of every zoom frame.
  const hrefForEvent = useCallback((eventId: string) => linkToEvent(eventId), []);
  const hrefForListEvent = useCallback((eventId: string) => linkToEvent(eventId, { view: 'list' }), []);
  const selectRevealed = useCallback((eventId: string) => actions.select(eventId, { reveal: true }), [actions]);
  const selectPlain = useCallback((eventId: string) => actions.select(eventId), [actions]);
  const showInSource = useCallback(() => setRevealRequest((n) => n + 1), []);
  const viewHref = `${window.location.origin}${window.location.pathname}${writeViewParams(window.location.search, state, ctx)}`;
  const liveRegion = (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {selectedEvent ? t('live.selected', { title: selectedEvent.title, date: formatEventDate(selectedEvent.when, i18n) }) : ''}
    </p>
  );
  const details = (
    <DetailsPanel
      dataset={dataset}
      event={selectedEvent}
      position={position}
      total={ctx.events.length}
      query={query}
      onStep={actions.selectStep}
      onShowInSource={showInSource}
      onClose={actions.clearSelection}
      asSheet={sheet}
      asGroup={embed.embed}
    />
  );
  const source = (
    <SourcePanel dataset={dataset} selected={state.selected} visible={ctx.indexOf} revealRequest={revealRequest} onSelect={selectRevealed} hrefFor={hrefForEvent} asGroup={embed.embed} />
  );

  // Named by its filters too, so two embeds of one dataset on a page stay distinguishable.
  const embedName = t('embed.name', { name: filters.actors === null ? dataset.title : filters.actors.map((id) => dataset.actorsById.get(id)?.name ?? id).join(', ') });
  // Embed snippets are titled by what they show, so two embeds of one dataset on a page are told apart.
  const shareTitle = query.trim() === '' ? embedName : `${embedName} · “${query.trim()}”`;
  if (embed.embed) {
    // Embedded in someone's story: no page chrome, the source in a drawer, a way out to the full view.
    return (
      <main className="app app-embed" aria-label={embedName} style={embed.height ? { height: embed.height, overflowY: 'auto' } : undefined}>
        <div className="embed-header">
          <h1 className="embed-title" lang={textLangOf(dataset, null, 'title')}>
            {dataset.title}
          </h1>
          <a className="embed-full-link" href={fullAppUrl(viewHref)} target="_blank" rel="noopener">
            {t('embed.openFull')}
          </a>
        </div>
        {state.view === 'list' ? (
          <ListView dataset={dataset} events={ctx.events} hits={ctx.hits} query={query} selected={state.selected} hrefFor={hrefForListEvent} onSelect={selectPlain} />
        ) : (
          <Timeline dataset={dataset} view={ctx} state={state} actions={actions} embedded />
        )}
        {details}
        <details className="embed-source">
          <summary>{t('embed.readSource', { outlets: dataset.sources.map((s) => s.outlet).join(', ') })}</summary>
          {source}
        </details>
        {liveRegion}
        <Suspense fallback={null}>
          <EmbedBridge options={embed} selected={selectedEvent ? { id: selectedEvent.id, title: selectedEvent.title } : null} filters={filters} actions={actions} />
        </Suspense>
      </main>
    );
  }

  const clearFilters = filtersActive(wanted) ? (
    <button type="button" className="tool-button" onClick={() => actions.setFilters(NO_FILTERS)}>
      {t('filter.clear')}
    </button>
  ) : null;

  // How many events the search leaves, and which of them the selection is: shown in every view.
  const searchStatus =
    query.trim() === '' ? null : (
      <p className="search-status" role="status">
        {matching === 0 ? t('search.none') : t('search.count', { count: matching, total: ctx.events.length })}
        {matchPosition !== null ? ` · ${t('search.position', { position: matchPosition, count: matching })}` : ''}
      </p>
    );

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = state.view === 'timeline' ? 'list' : 'timeline';
    actions.setView(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  return (
    <div className="app" ref={rootRef}>
      <header className="masthead">
        <div className="masthead-top">
          <p className="kicker">{t('masthead.kicker')}</p>
          {languageControl}
        </div>
        <h1 lang={dataset.textLang?.title}>{dataset.title}</h1>
        {dataset.description ? (
          <p className="dek" lang={dataset.textLang?.description}>
            {dataset.description}
          </p>
        ) : null}
        <p className="credit">
          {dataset.origin
            ? t(dataset.origin.file ? 'masthead.importedFile' : 'masthead.imported', { file: dataset.origin.file ?? '', format: formatName(dataset.origin.format, i18n) })
            : t('masthead.credit', { sources: credit(dataset, i18n) })}{' '}
          {dataControls}
        </p>
      </header>
      <main className="layout">
        <RejectedNotice rejected={rejected} />
        <div className="explore-bar">
        <div className="view-tabs" role="tablist" aria-label={t('views.label')}>
          {VIEWS.map((view) => (
            <button
              key={view.id}
              id={`${id}-tab-${view.id}`}
              type="button"
              role="tab"
              className="view-tab"
              aria-selected={state.view === view.id}
              aria-controls={`${id}-panel`}
              tabIndex={state.view === view.id ? 0 : -1}
              onClick={() => actions.setView(view.id)}
              onKeyDown={onTabKey}
            >
              {t(view.label)}
            </button>
          ))}
        </div>
          <div className="search">
            <label htmlFor={`${id}-search`} className="search-label">
              {t('search.label')}
            </label>
            <input
              id={`${id}-search`}
              className="search-input"
              type="search"
              value={searchBox.value}
              placeholder={t('search.placeholder')}
              onChange={(e) => searchBox.onChange(e.target.value)}
            />
            <span className="search-pending" role="status">
              {searchBox.pending ? t('search.searching') : ''}
            </span>
          </div>
          <Popover
            className="filter-disclosure"
            label={
              <>
                {t('filter.byActor')} <span className="filter-summary-count">{t('filter.chosen', { chosen: chosenCount, total: dataset.actors.length })}</span>
              </>
            }
          >
            <ActorFilter actors={dataset.actors} filters={wanted} counts={counts} onChange={(actors) => actions.setFilters({ ...wanted, actors })} />
          </Popover>
          <span className="search-pending" role="status">
            {filteringActors ? t('filter.filtering') : ''}
          </span>
          {clearFilters}
          <ShareButton href={viewHref} title={shareTitle} downloads={{ dataset, authored: original, view: ctx, state, href: viewHref }} />
          {searchStatus}
        </div>
        <p className="filter-notice" role="status">
          {state.notice ? t('notice.selectionHidden', { title: dataset.eventsById.get(state.notice.hiddenEvent)?.title ?? state.notice.hiddenEvent }) : ''}
        </p>
        <div className="workspace">
          <div className="workspace-main">
            <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${state.view}`} className="view-panel">
              {nothingMatches ? (
                <div className="empty-state">
                  <p>
                    {dataset.events.length === 0
                      ? t('empty.noEvents')
                      : t('empty.noMatch', { reasons: i18n.formatList(describeExclusion(filters, dataset.actorsById, i18n)) })}
                  </p>
                  {clearFilters}
                </div>
              ) : null}
              {state.view === 'timeline' ? (
                <Timeline dataset={dataset} view={ctx} state={state} actions={actions} />
              ) : (
                <ListView
                  dataset={dataset}
                  events={ctx.events}
                  hits={ctx.hits}
                  query={query}
                  selected={state.selected}
                  hrefFor={hrefForListEvent}
                  onSelect={selectPlain}
                />
              )}
            </div>
          </div>
          <div className="reading-column">
            {details}
            {source}
          </div>
        </div>
      </main>
      {liveRegion}
    </div>
  );
}
