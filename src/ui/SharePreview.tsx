import { useState } from 'react';
import { useI18n } from '../i18n';

/**
 * Above this many events the live preview waits to be asked for. It opens the whole dataset a second
 * time, in this page's own thread and memory: at 100,000 events that goes unnoticed, at a million it
 * held the page for up to half a second at a time over half a minute (downloads made meanwhile too).
 */
export const PREVIEW_ASKED_ABOVE = 100_000;

interface SharePreviewProps {
  /** The embed's address. */
  src: string;
  title: string;
  /** How many events the embed opens. */
  events: number;
}

/** The Share dialog's live preview of the embed: shown at once, or for a large dataset when the reader asks. */
export function SharePreview({ src, title, events }: SharePreviewProps) {
  const { t } = useI18n();
  const [asked, setAsked] = useState(false);
  if (events <= PREVIEW_ASKED_ABOVE || asked) {
    return <iframe className="share-preview" title={t('share.previewTitle', { title })} src={src} loading="lazy" />;
  }
  return (
    <div className="share-preview-waiting">
      <p className="share-note">{t('share.previewWaits', { events: t('events.count', { count: events }) })}</p>
      <button type="button" className="tool-button" onClick={() => setAsked(true)}>
        {t('share.showPreview')}
      </button>
    </div>
  );
}
