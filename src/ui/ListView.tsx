import { memo, useEffect, useRef } from 'react';
import type { Dataset, TimelineEvent } from '../data/model';
import { formatEventDate } from '../data/formatDate';
import { HighlightedText } from './HighlightedText';
import { useI18n } from '../i18n';
import { textLangOf } from '../i18n/localizeDataset';

interface ListViewProps {
  dataset: Dataset;
  events: readonly TimelineEvent[];
  /** Per event: 1 where it matches the search; null when there is no search. */
  hits: Uint8Array | null;
  query: string;
  selected: string | null;
  /** The link to an event, keeping the rest of the view's URL. */
  hrefFor: (id: string) => string;
  onSelect: (id: string) => void;
}

/** The same events as a chronological list: the screen-reader-, phone- and print-friendly way through. */
// Memoised: the page re-renders on every zoom frame; this panel only when its own inputs change.
export const ListView = memo(function ListView({ dataset, events, hits, query, selected, hrefFor, onSelect }: ListViewProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const listRef = useRef<HTMLOListElement>(null);
  const shown = hits ? events.filter((_, i) => hits[i] === 1) : events;

  useEffect(() => {
    if (!selected) return;
    // Event ids are validated slugs, safe inside a quoted attribute selector.
    const item = listRef.current?.querySelector<HTMLElement>(`[data-event-id="${selected}"]`);
    if (item && typeof item.scrollIntoView === 'function') item.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="list-view">
      <p className="list-count" role="status">
        {hits ? t('list.matches', { shown: shown.length, count: events.length, query: query.trim() }) : t('events.count', { count: events.length })}
      </p>
      <ol className="event-list" ref={listRef}>
        {shown.map((event) => {
          const actors = event.actors.map((id) => dataset.actorsById.get(id)?.name ?? id).join(', ');
          const first = event.excerpts[0];
          const current = event.id === selected;
          return (
            <li key={event.id} className={`event-list-item${current ? ' is-selected' : ''}`} data-event-id={event.id}>
              <p className="event-list-date">
                <time dateTime={event.date}>{formatEventDate(event.when, i18n)}</time>
              </p>
              <h2 className="event-list-title" lang={textLangOf(dataset, event, 'title')}>
                <a
                  href={hrefFor(event.id)}
                  aria-current={current ? 'true' : undefined}
                  onClick={(e) => {
                    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    onSelect(event.id);
                  }}
                >
                  <HighlightedText text={event.title} query={query} />
                </a>
              </h2>
              <p className="event-list-actors">
                <HighlightedText text={actors} query={query} />
              </p>
              {first ? (
                <blockquote className="event-list-quote" lang={dataset.language ?? 'en'}>
                  <p>
                    <HighlightedText text={first.quote} query={query} />
                  </p>
                </blockquote>
              ) : (
                <p className="no-excerpt">
                  <span className="no-excerpt-badge">{t('details.noExcerpt')}</span>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
});
