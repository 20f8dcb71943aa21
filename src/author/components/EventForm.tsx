import { useId } from 'react';
import { attributionKinds, type AttributionKind } from '../../data/schema';
import { useI18n } from '../../i18n';
import { chooseReading, deleteEvent, editEvent, removeExcerpt, type EventPatch } from '../draft/actions';
import type { Draft, DraftEvent } from '../draft/model';
import { useAuthorText } from '../i18n/useAuthorText';
import { describeClaim } from '../dates/describeClaim';
import { ActorPicker } from './ActorPicker';

interface EventFormProps {
  draft: Draft;
  event: DraftEvent;
  index: number;
  apply: (action: (draft: Draft) => Draft, tag?: string) => void;
  onDeleted: () => void;
}

/** The open event: its words, its date with the precision it claims, its actors, attribution and excerpts. */
export function EventForm({ draft, event, index, apply, onDeleted }: EventFormProps) {
  const t = useAuthorText();
  const i18n = useI18n();
  const id = useId();
  const edit = (field: string, patch: EventPatch) => apply((d) => editEvent(d, event.key, patch), `event:${event.key}:${field}`);
  const sourceName = (sourceId: string) => {
    const s = draft.sources.find((x) => x.id === sourceId);
    return s ? s.title || s.outlet || s.id : sourceId;
  };

  return (
    <form className="panel author-event" aria-labelledby={`${id}-name`} onSubmit={(e) => e.preventDefault()}>
      <div className="panel-header">
        <h2 className="panel-title" id={`${id}-name`}>
          {t('event.form')}
        </h2>
        <span className="author-note">{t('event.heading', { n: index + 1 })}</span>
      </div>
      {event.unverified ? <p className="author-warning">{t('event.unverified')}</p> : null}
      <div className="author-field">
        <label htmlFor={`${id}-title`}>{t('event.title')}</label>
        <input id={`${id}-title`} value={event.title} maxLength={120} onChange={(e) => edit('title', { title: e.target.value })} />
      </div>
      <div className="author-field">
        <label htmlFor={`${id}-summary`}>{t('event.summary')}</label>
        <textarea id={`${id}-summary`} rows={3} value={event.summary} onChange={(e) => edit('summary', { summary: e.target.value })} />
      </div>
      <div className="author-field-grid">
        <div className="author-field">
          <label htmlFor={`${id}-date`}>{t('event.date')}</label>
          <input id={`${id}-date`} value={event.date} spellCheck={false} aria-describedby={`${id}-claim ${id}-date-help`} onChange={(e) => edit('date', { date: e.target.value.trim() })} />
          <p className="author-claim" id={`${id}-claim`} aria-live="polite">
            {describeClaim(event.date, t, i18n)}
          </p>
          <p className="author-help" id={`${id}-date-help`}>
            {t('event.dateHelp')}
          </p>
        </div>
        <div className="author-field">
          <label htmlFor={`${id}-basis`}>{t('event.datedBy')}</label>
          <input id={`${id}-basis`} value={event.dateBasis.quote} aria-describedby={`${id}-basis-help`} onChange={(e) => edit('basis', { dateBasis: { quote: e.target.value } })} />
          <p className="author-help" id={`${id}-basis-help`}>
            {t('event.datedByHelp')}
          </p>
        </div>
      </div>
      {event.dateNeedsAuthor ? <p className="author-warning">{t('event.checkDate')}</p> : null}
      <div className="author-field">
        <label htmlFor={`${id}-explanation`}>{t('event.explanation')}</label>
        <textarea id={`${id}-explanation`} rows={3} value={event.dateBasis.explanation} onChange={(e) => edit('explanation', { dateBasis: { explanation: e.target.value } })} />
      </div>
      {event.dateAlternatives.length > 0 ? (
        <div className="author-readings" role="group" aria-labelledby={`${id}-readings`}>
          <p id={`${id}-readings`} className="author-help">
            {t('event.otherReadings', { words: event.dateBasis.quote })}
          </p>
          {event.dateAlternatives.map((reading) => (
            <button key={reading.edtf} type="button" className="tool-button tool-button-small" title={reading.explanation} onClick={() => apply((d) => chooseReading(d, event.key, reading))}>
              {t('event.useReading', { edtf: reading.edtf })}
            </button>
          ))}
        </div>
      ) : null}
      <ActorPicker draft={draft} event={event} apply={apply} />
      <div className="author-field-grid">
        <div className="author-field">
          <label htmlFor={`${id}-attribution`}>{t('event.attribution')}</label>
          <select id={`${id}-attribution`} value={event.attribution.kind} onChange={(e) => edit('attribution', { attribution: { kind: e.target.value as AttributionKind } })}>
            {attributionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`attribution.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="author-field">
          <label htmlFor={`${id}-detail`}>{t('event.attributionDetail')}</label>
          <input id={`${id}-detail`} value={event.attribution.detail} onChange={(e) => edit('detail', { attribution: { detail: e.target.value } })} />
        </div>
      </div>
      <h3 className="author-subheading">{t('event.excerpts')}</h3>
      <ol className="author-excerpts">
        {event.excerpts.map((excerpt, i) => (
          <li key={`${excerpt.source}-${excerpt.paragraph}-${excerpt.start}-${i}`}>
            <blockquote>{excerpt.quote}</blockquote>
            <p className="author-help">{t('event.excerptFrom', { source: sourceName(excerpt.source) })}</p>
            <button type="button" className="tool-button tool-button-small" onClick={() => apply((d) => removeExcerpt(d, event.key, i))}>
              {t('event.removeExcerpt', { n: i + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <div className="author-actions">
        <button
          type="button"
          className="tool-button"
          onClick={() => {
            apply((d) => deleteEvent(d, event.key));
            onDeleted();
          }}
        >
          {t('event.delete')}
        </button>
      </div>
    </form>
  );
}
