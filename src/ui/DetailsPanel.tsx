import { memo } from 'react';
import type { Dataset, TimelineEvent } from '../data/model';
import { formatEventDate, formatPublished } from '../data/formatDate';
import { ActorChips } from './actorChips';
import { attributionLabels } from './attribution';
import { HighlightedText } from './HighlightedText';

interface DetailsPanelProps {
  dataset: Dataset;
  event: TimelineEvent | null;
  position: number | null;
  /** How many events the filters leave, for "3 of 12". */
  total: number;
  query: string;
  onStep: (step: 1 | -1) => void;
  onShowInSource: (eventId: string) => void;
  /** Inside an embed: a group, not a landmark, so several embeds on one page do not repeat landmarks. */
  asGroup?: boolean;
}

function sourceCredit(dataset: Dataset, sourceId: string): string {
  const source = dataset.sourcesById.get(sourceId);
  if (!source) return sourceId;
  const published = formatPublished(source);
  return `${source.outlet}, “${source.title}”${source.author ? `, by ${source.author}` : ''}${published ? `, ${published}` : ''}`;
}

// Memoised: the page re-renders on every zoom frame; this panel only when its own inputs change.
export const DetailsPanel = memo(function DetailsPanel({ dataset, event, position, total, query, onStep, onShowInSource, asGroup = false }: DetailsPanelProps) {
  return (
    <section role={asGroup ? 'group' : undefined} className="panel details-panel" aria-labelledby="details-heading">
      <div className="panel-header">
        <h2 id="details-heading" className="panel-title">
          Event details
        </h2>
        <div className="stepper">
          <button type="button" className="tool-button" onClick={() => onStep(-1)} disabled={total === 0 || position === 0}>
            Previous event
          </button>
          <span className="stepper-position">{position === null ? `${total} events` : `${position + 1} of ${total}`}</span>
          <button type="button" className="tool-button" onClick={() => onStep(1)} disabled={total === 0 || position === total - 1}>
            Next event
          </button>
        </div>
      </div>
      {event ? (
        <article className="event-details" aria-labelledby="event-title">
          <h3 id="event-title" className="event-title">
            <HighlightedText text={event.title} query={query} />
          </h3>
          <p className="event-date">
            <time dateTime={event.date}>{formatEventDate(event.when)}</time>
          </p>
          {event.dateBasis ? (
            <p className="event-date-basis">
              <span className="field-label">Dated by </span>“{event.dateBasis.quote}”: {event.dateBasis.explanation}
            </p>
          ) : null}
          <ActorChips actors={event.actors.flatMap((id) => dataset.actorsById.get(id) ?? [])} />
          <p className="event-summary">
            <HighlightedText text={event.summary} query={query} />
          </p>
          <p className="event-attribution">
            <span className="field-label">{attributionLabels[event.attribution.kind]}: </span>
            {event.attribution.detail}
          </p>
          <h4 className="excerpts-heading">In the source’s words</h4>
          {event.excerpts.length === 0 ? (
            <p className="no-excerpt">
              <span className="no-excerpt-badge">No source excerpt</span> The imported file gives no quotation for this event; check it against the original
              before relying on it.
            </p>
          ) : null}
          {event.excerpts.map((excerpt, i) => (
            <figure key={i} className="excerpt">
              <blockquote>
                <p>
                  <HighlightedText text={excerpt.quote} query={query} />
                </p>
              </blockquote>
              <figcaption>{sourceCredit(dataset, excerpt.source)}</figcaption>
            </figure>
          ))}
          {event.excerpts.length > 0 ? (
            <button type="button" className="link-button" onClick={() => onShowInSource(event.id)}>
              Show in source
            </button>
          ) : null}
        </article>
      ) : (
        <p className="panel-empty">Select an event on the timeline, or a highlighted passage in the source, to see what happened and the words that say so.</p>
      )}
    </section>
  );
});
