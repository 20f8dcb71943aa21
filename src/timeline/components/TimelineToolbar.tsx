import type { Dataset } from '../../data/model';
import { formatEventDate } from '../../data/formatDate';
import { useI18n } from '../../i18n';
import type { ViewActions } from '../../state/useViewState';

/** Zoom in, zoom out, show all, and how to use the pointer and the keys. */
export function TimelineToolbar({ actions, embedded }: { actions: ViewActions; embedded: boolean }) {
  const { t } = useI18n();
  return (
    <div className="timeline-toolbar">
      <div className="timeline-zoom" role="group" aria-label={t('timeline.zoom')}>
        <button type="button" className="tool-button" onClick={() => actions.zoomIn()}>
          {t('timeline.zoomIn')}
        </button>
        <button type="button" className="tool-button" onClick={() => actions.zoomOut()}>
          {t('timeline.zoomOut')}
        </button>
        <button type="button" className="tool-button" onClick={actions.fitAll}>
          {t('timeline.fitAll')}
        </button>
      </div>
      <p className="timeline-hint">
        {embedded ? t('timeline.hintEmbedded') : t('timeline.hint')} {t('timeline.hintKeys')}
      </p>
    </div>
  );
}

/** The periods as a list for assistive technology: the bands themselves are decoration. */
export function PeriodList({ dataset }: { dataset: Dataset }) {
  const i18n = useI18n();
  const periods = dataset.periods ?? [];
  if (periods.length === 0) return null;
  return (
    <div className="visually-hidden">
      <h2>{i18n.t('timeline.periods')}</h2>
      <ul>
        {periods.map((p) => (
          <li key={p.id}>
            <span lang={dataset.language ?? 'en'}>{p.label}</span>: {formatEventDate(p.when, i18n)}
          </li>
        ))}
      </ul>
    </div>
  );
}
