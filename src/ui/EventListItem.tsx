import type { Dataset, TimelineEvent } from '../data/model';
import { formatEventDate } from '../data/formatDate';
import { HighlightedText } from './HighlightedText';
import { useI18n } from '../i18n';
import { textLangOf } from '../data/localizeDataset';

export interface EventListItemProps {
  dataset: Dataset;
  event: TimelineEvent;
  query: string;
  current: boolean;
  href: string;
  onSelect: (id: string) => void;
}

/** What one list entry shows: date, title (the link that selects), actors and the first excerpt. */
export function EventListItemContent({ dataset, event, query, current, href, onSelect }: EventListItemProps) {
  const i18n = useI18n();
  const actors = event.actors.map((id) => dataset.actorsById.get(id)?.name ?? id).join(', ');
  const first = event.excerpts[0];
  return (
    <>
      <p className="event-list-date">
        <time dateTime={event.date}>{formatEventDate(event.when, i18n)}</time>
      </p>
      <h2 className="event-list-title" lang={textLangOf(dataset, event, 'title')}>
        <a
          href={href}
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
          <span className="no-excerpt-badge">{i18n.t('details.noExcerpt')}</span>
        </p>
      )}
    </>
  );
}

export const itemClass = (current: boolean) => `event-list-item${current ? ' is-selected' : ''}`;
