import { memo } from 'react';
import type { Dataset, TimelineEvent } from '../data/model';
import { formatEventDate } from '../data/formatDate';
import { useI18n, type I18n } from '../i18n';
import { textLangOf } from '../data/localizeDataset';
import { ActorChips } from './actorChips';
import { HighlightedText } from './HighlightedText';
import { describeSource } from '../data/sourceCredit';

interface DetailsPanelProps {
  dataset: Dataset;
  event: TimelineEvent | null;
  position: number | null;
  /** How many events the filters leave, for "3 of 12". */
  total: number;
  query: string;
  onStep: (step: 1 | -1) => void;
  onShowInSource: (eventId: string) => void;
  /** Closes the details (clears the selection): on a phone they are a sheet over the timeline. */
  onClose?: () => void;
  /** On a phone, the details of an event the reader chose rise as a sheet over the timeline. */
  asSheet?: boolean;
  /** Inside an embed: a group, not a landmark, so several embeds on one page do not repeat landmarks. */
  asGroup?: boolean;
}

function sourceCredit(dataset: Dataset, sourceId: string, i18n: I18n): string {
  const source = dataset.sourcesById.get(sourceId);
  return source ? describeSource(source, i18n) : sourceId;
}

// Memoised: the page re-renders on every zoom frame; this panel only when its own inputs change.
export const DetailsPanel = memo(function DetailsPanel({ dataset, event, position, total, query, onStep, onShowInSource, onClose, asSheet = false, asGroup = false }: DetailsPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  // The dataset's own words (date basis, attribution, excerpts) keep the dataset's language.
  const datasetLang = dataset.language ?? 'en';
  return (
    <section role={asGroup ? 'group' : undefined} className={asSheet ? 'panel details-panel is-sheet' : 'panel details-panel'} aria-labelledby="details-heading">
      <div className="panel-header">
        <h2 id="details-heading" className="panel-title">
          {t('details.heading')}
        </h2>
        <div className="stepper">
          <button type="button" className="tool-button" aria-label={t('details.previous')} onClick={() => onStep(-1)} disabled={total === 0 || position === 0}>
            {t('details.previousShort')}
          </button>
          <span className="stepper-position">{position === null ? t('events.count', { count: total }) : t('details.position', { position: position + 1, total })}</span>
          <button type="button" className="tool-button" aria-label={t('details.next')} onClick={() => onStep(1)} disabled={total === 0 || position === total - 1}>
            {t('details.nextShort')}
          </button>
          {event && onClose ? (
            <button type="button" className="tool-button sheet-close" onClick={onClose}>
              {t('details.close')}
            </button>
          ) : null}
        </div>
      </div>
      {event ? (
        <article className="event-details" aria-labelledby="event-title">
          <h3 id="event-title" className="event-title" lang={textLangOf(dataset, event, 'title')}>
            <HighlightedText text={event.title} query={query} />
          </h3>
          <p className="event-date">
            <time dateTime={event.date}>{formatEventDate(event.when, i18n)}</time>
          </p>
          {event.dateBasis ? (
            <>
              <p className="event-date-basis">
                <span className="field-label">{t('details.datedBy')} </span>
                <span lang={datasetLang}>“{event.dateBasis.quote}”</span>
              </p>
              <details className="date-explanation">
                <summary>{t('details.dateExplanation')}</summary>
                <p lang={datasetLang}>{event.dateBasis.explanation}</p>
              </details>
            </>
          ) : null}
          <ActorChips actors={event.actors.flatMap((id) => dataset.actorsById.get(id) ?? [])} />
          <h4 className="excerpts-heading">{t('details.inSourceWords')}</h4>
          {event.excerpts.length === 0 ? (
            <p className="no-excerpt">
              <span className="no-excerpt-badge">{t('details.noExcerpt')}</span> {t('details.noExcerptNote')}
            </p>
          ) : null}
          {event.excerpts.map((excerpt, i) => (
            <figure key={i} className="excerpt" lang={datasetLang}>
              <blockquote>
                <p>
                  <HighlightedText text={excerpt.quote} query={query} />
                </p>
              </blockquote>
              <figcaption lang={i18n.lang}>{sourceCredit(dataset, excerpt.source, i18n)}</figcaption>
            </figure>
          ))}
          <h4 className="excerpts-heading">{t('details.inBrief')}</h4>
          <p className="event-summary" lang={textLangOf(dataset, event, 'summary')}>
            <HighlightedText text={event.summary} query={query} />
          </p>
          <p className="event-attribution">
            <span className="field-label">{t(`attribution.${event.attribution.kind}`)}: </span>
            <span lang={datasetLang}>{event.attribution.detail}</span>
          </p>
          {event.excerpts.length > 0 ? (
            <button type="button" className="link-button" onClick={() => onShowInSource(event.id)}>
              {t('details.showInSource')}
            </button>
          ) : null}
        </article>
      ) : (
        <p className="panel-empty">{t('details.empty')}</p>
      )}
    </section>
  );
});
