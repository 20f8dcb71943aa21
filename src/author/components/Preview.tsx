import { useEffect, useId, useMemo, useRef } from 'react';
import type { Dataset } from '../../data/model';
import { createViewModel } from '../../state/viewModel';
import { useViewState } from '../../state/useViewState';
import { Timeline } from '../../timeline/components/Timeline';
import { useAuthorText } from '../i18n/useAuthorText';

interface PreviewProps {
  dataset: Dataset | null;
  /** Called with the dataset id of the event selected in the preview. */
  onOpen: (eventId: string) => void;
}

function LiveTimeline({ dataset, onOpen }: { dataset: Dataset; onOpen: (eventId: string) => void }) {
  const model = useMemo(() => createViewModel(dataset), [dataset]);
  const [state, actions, ctx] = useViewState(model);
  const open = useRef(onOpen);
  useEffect(() => {
    open.current = onOpen;
  }, [onOpen]);
  useEffect(() => {
    if (state.selected) open.current(state.selected);
  }, [state.selected]);
  return <Timeline dataset={dataset} view={ctx} state={state} actions={actions} />;
}

/** The real timeline, the one readers get, drawn from the draft's valid events as they are made. */
export function Preview({ dataset, onOpen }: PreviewProps) {
  const t = useAuthorText();
  const id = useId();
  // A new set of events or dates starts a fresh view fitted to them; editing words keeps the view.
  const shape = dataset ? dataset.events.map((e) => `${e.id}@${e.date}`).join('|') : '';
  return (
    <section className="panel author-preview" aria-labelledby={id}>
      <div className="panel-header">
        <h2 className="panel-title" id={id}>
          {t('preview.heading')}
        </h2>
        <p className="author-note">{t('preview.hint')}</p>
      </div>
      {dataset && dataset.events.length > 0 ? <LiveTimeline key={shape} dataset={dataset} onOpen={onOpen} /> : <p className="panel-empty">{t('preview.empty')}</p>}
    </section>
  );
}
