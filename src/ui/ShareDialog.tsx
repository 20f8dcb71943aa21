import { useId, useRef, useState, type ReactNode } from 'react';
import { embedUrl, iframeSnippet, loaderSnippet, type Theme } from '../embed/links';

interface ShareDialogProps {
  /** The URL of the current view (selection, window, filters). */
  href: string;
  title: string;
  /** More ways out of the app, shown below the link (the downloads). */
  children?: ReactNode;
}

function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
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
        <button type="button" className="tool-button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

/** "Share / Embed": the link to this view, the embed snippets for it, and a live preview. */
export function ShareButton({ href, title, children }: ShareDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState<Theme>('auto');
  const headingId = useId();
  const themeId = useId();

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
        Share / Embed
      </button>
      <dialog ref={dialog} className="share-dialog" aria-labelledby={headingId} onClose={() => setOpen(false)}>
        <div className="share-header">
          <h2 id={headingId} className="share-title">
            Share or embed this view
          </h2>
          <button type="button" className="tool-button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {open ? (
          <>
            <p className="share-note">The link and the embed keep the selected event, the visible window, the filters and the search.</p>
            <CopyField label="Link" value={href} />
            {children}
            <div className="copy-field">
              <label htmlFor={themeId} className="copy-label">
                Embed theme
              </label>
              <select id={themeId} className="share-select" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
                <option value="auto">Follow the reader’s setting</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </div>
            <CopyField label="Embed code" value={loaderSnippet(href, theme, title)} multiline />
            <CopyField label="Plain iframe" value={iframeSnippet(href, theme, title)} multiline />
            <p className="copy-label">Preview</p>
            <iframe className="share-preview" title={`Preview: ${title}`} src={embedUrl(href, theme)} loading="lazy" />
          </>
        ) : null}
      </dialog>
    </>
  );
}
