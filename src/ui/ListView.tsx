import { lazy, memo, Suspense, useEffect, useMemo, useRef } from 'react';
import type { Dataset, TimelineEvent } from '../data/model';
import { useI18n } from '../i18n';
import { EventListItemContent, itemClass } from './EventListItem';

/** From this many entries on, only those near the screen are rendered (the rest would freeze the page). */
export const VIRTUAL_LIST_FROM = 500;

// Only readers of large datasets need the windowing code.
const VirtualEventList = lazy(() => import('./VirtualEventList'));

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
  const { t } = useI18n();
  const shown = useMemo(() => (hits ? events.filter((_, i) => hits[i] === 1) : events), [events, hits]);

  return (
    <div className="list-view">
      <p className="list-count" role="status">
        {hits ? t('list.matches', { shown: shown.length, count: events.length, query: query.trim() }) : t('events.count', { count: events.length })}
      </p>
      {shown.length >= VIRTUAL_LIST_FROM ? (
        <Suspense fallback={<ol className="event-list" />}>
          <VirtualEventList dataset={dataset} shown={shown} query={query} selected={selected} hrefFor={hrefFor} onSelect={onSelect} />
        </Suspense>
      ) : (
        <FullEventList dataset={dataset} shown={shown} query={query} selected={selected} hrefFor={hrefFor} onSelect={onSelect} />
      )}
    </div>
  );
});

/** Every entry in the page: for lists short enough to render at once (and to print whole). */
function FullEventList({ dataset, shown, query, selected, hrefFor, onSelect }: Omit<ListViewProps, 'events' | 'hits'> & { shown: readonly TimelineEvent[] }) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!selected) return;
    // Event ids are validated slugs, safe inside a quoted attribute selector.
    const item = listRef.current?.querySelector<HTMLElement>(`[data-event-id="${selected}"]`);
    if (item && typeof item.scrollIntoView === 'function') item.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <ol className="event-list" ref={listRef}>
      {shown.map((event) => {
        const current = event.id === selected;
        return (
          <li key={event.id} className={itemClass(current)} data-event-id={event.id}>
            <EventListItemContent dataset={dataset} event={event} query={query} current={current} href={hrefFor(event.id)} onSelect={onSelect} />
          </li>
        );
      })}
    </ol>
  );
}
