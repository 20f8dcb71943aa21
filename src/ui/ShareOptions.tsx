import { useId, useRef, useState } from 'react';
import { embedUrl, type Theme } from '../embed/links';
import { expectedEmbedHeight, iframeSnippet, loaderSnippet } from '../embed/snippets';
import { layoutTimeline } from '../timeline/core/layout';
import { periodInputsOf, plotFrame } from '../timeline/core/plotFrame';

/** A story's text column, where embeds usually sit. */
const EMBED_WIDTH = 680;
import { useI18n } from '../i18n';
import { DownloadSection, type DownloadSectionProps } from './DownloadSection';
import { SharePreview } from './SharePreview';

function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure context): select the text for a manual copy.
      field.current?.select();
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id} className="copy-label">
        {label}
      </label>
      <div className="copy-row">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={value} rows={3} className="copy-input" />
        ) : (
          <input id={id} ref={field} readOnly value={value} className="copy-input" />
        )}
        <button type="button" className="tool-button" onClick={() => void copy()} aria-label={t('share.copyField', { field: label.toLocaleLowerCase(lang) })}>
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
    </div>
  );
}

interface ShareOptionsProps {
  href: string;
  title: string;
  theme: Theme;
  onTheme: (theme: Theme) => void;
  downloads?: DownloadSectionProps | undefined;
}

/** The Share dialog's contents, loaded when it first opens: most readers never share. */
export default function ShareOptions({ href, title, theme, onTheme, downloads }: ShareOptionsProps) {
  const { t } = useI18n();
  const themeId = useId();
  // The embed's plot as it will open (this window, these lanes), at a typical column width.
  const expectedHeight = downloads
    ? expectedEmbedHeight(
        plotFrame({
          layoutHeight: layoutTimeline({ lanes: downloads.view.lanes ?? [], window: downloads.state.window, width: EMBED_WIDTH, labelWidth: () => 0 }).height,
          periods: periodInputsOf(downloads.dataset),
          window: downloads.state.window,
          width: EMBED_WIDTH,
        }).height,
      )
    : undefined;
  return (
    <>
      <p className="share-note">{t('share.note')}</p>
      <CopyField label={t('share.link')} value={href} />
      {downloads ? <DownloadSection {...downloads} /> : null}
      <div className="copy-field">
        <label htmlFor={themeId} className="copy-label">
          {t('share.theme')}
        </label>
        <select id={themeId} className="share-select" value={theme} onChange={(e) => onTheme(e.target.value as Theme)}>
          <option value="auto">{t('share.themeAuto')}</option>
          <option value="light">{t('share.themeLight')}</option>
          <option value="dark">{t('share.themeDark')}</option>
        </select>
      </div>
      <CopyField label={t('share.embedCode')} value={loaderSnippet(href, theme, title, expectedHeight)} multiline />
      <CopyField label={t('share.iframe')} value={iframeSnippet(href, theme, title)} multiline />
      <p className="copy-label">{t('share.preview')}</p>
      <SharePreview src={embedUrl(href, theme)} title={title} events={downloads?.dataset.events.length ?? 0} />
    </>
  );
}
