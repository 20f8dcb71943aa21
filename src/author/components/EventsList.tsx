import { useId } from 'react';
import type { Problem } from '../../data/problems';
import type { DraftEvent } from '../draft/model';
import { useAuthorText } from '../i18n/useAuthorText';

interface EventsListProps {
  events: readonly DraftEvent[];
  open: string | null;
  problems: readonly Problem[];
  onOpen: (key: string) => void;
}

/** How many problems name each event, by index (their paths start with `events[i]`). */
export function problemsPerEvent(problems: readonly Problem[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of problems) {
    const match = /^events\[(\d+)\]/.exec(p.path);
    if (match) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  }
  return counts;
}

/** The events made so far, in the order they were made (the order of the written dataset), each opening in the form. */
export function EventsList({ events, open, problems, onOpen }: EventsListProps) {
  const t = useAuthorText();
  const id = useId();
  const counts = problemsPerEvent(problems);
  return (
    <section className="panel author-events" aria-labelledby={id}>
      <div className="panel-header">
        <h2 className="panel-title" id={id}>
          {t('events.list')}
        </h2>
      </div>
      {events.length === 0 ? <p className="panel-empty">{t('events.empty')}</p> : null}
      <ol className="author-event-list" aria-labelledby={id}>
        {events.map((event, i) => {
          const count = counts.get(i) ?? 0;
          return (
            <li key={event.key}>
              <button type="button" className="author-event-item" aria-current={event.key === open ? 'true' : undefined} onClick={() => onOpen(event.key)}>
                <span className="author-event-title">{event.title || t('events.untitled')}</span>
                <span className="author-event-meta">
                  <code>{event.date || '—'}</code>
                  {event.unverified ? <span className="author-badge">{t('event.unverified')}</span> : null}
                  {count > 0 ? <span className="author-badge author-badge-problem">{t('events.problems', { count })}</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
