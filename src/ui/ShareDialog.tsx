import { lazy, Suspense, useId, useRef, useState } from 'react';
import type { Theme } from '../embed/links';
import type { DownloadSectionProps } from './DownloadSection';
import { useI18n } from '../i18n';

const ShareOptions = lazy(() => import('./ShareOptions'));

interface ShareDialogProps {
  /** The URL of the current view (selection, window, filters). */
  href: string;
  title: string;
  /** What the downloads below the link need: the view's data and pictures are made when asked for. */
  downloads?: DownloadSectionProps;
}

/** "Share / Embed": the link to this view, the embed snippets for it, and a live preview. */
export function ShareButton({ href, title, downloads }: ShareDialogProps) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>('auto');
  const headingId = useId();

  return (
    <>
      <button
        type="button"
        className="tool-button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {t('share.button')}
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby={headingId} onClose={() => setOpen(false)}>
        <div className="share-header">
          <h2 id={headingId} className="share-title">
            {t('share.heading')}
          </h2>
          <button type="button" className="tool-button" onClick={() => dialog.current?.close()}>
            {t('share.close')}
          </button>
        </div>
        {open ? (
          <Suspense fallback={<p className="share-note">…</p>}>
            <ShareOptions href={href} title={title} theme={theme} onTheme={setTheme} downloads={downloads} />
          </Suspense>
        ) : null}
      </dialog>
    </>
  );
}
