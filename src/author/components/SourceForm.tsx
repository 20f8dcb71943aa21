import { useId, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { htmlToText } from '../../data/import/shared';
import { addSource, editSource, sourceText, type SourceInput } from '../draft/actions';
import type { Draft, DraftSource } from '../draft/model';
import { useAuthorText } from '../i18n/useAuthorText';
import type { SelectionReport } from './SourceRegion';
import { ErrorNote } from './ErrorNote';

const BLANK: SourceInput = { text: '', published: '', outlet: '', author: '', title: '', url: '' };
const FIELDS = [
  ['outlet', 'source.outlet', 'text'],
  ['author', 'source.author', 'text'],
  ['title', 'source.title', 'text'],
  ['url', 'source.url', 'url'],
] as const;

interface SourceFormProps {
  draft: Draft;
  /** The source being edited; null for a new one. */
  current: DraftSource | null;
  quotedByEvents: boolean;
  apply: (action: (draft: Draft) => Draft, tag?: string) => void;
  onChoose: (sourceId: string | null) => void;
  onAdded: (sourceId: string, title: string) => void;
  onSelection: (selection: SelectionReport) => void;
}

/**
 * The words of an opened file: HTML and Markdown become plain text (markup is not the article's words),
 * one paragraph per block; anything else is taken as it is.
 */
async function fileText(file: File): Promise<string> {
  const text = await file.text();
  const paragraphs = (html: string) => htmlToText(html).replace(/\n/g, '\n\n');
  if (/\.(?:md|markdown)$/i.test(file.name)) {
    // The Markdown parser loads only for a Markdown file.
    const { marked } = await import('marked');
    return paragraphs(await marked.parse(text));
  }
  return /\.html?$/i.test(file.name) || /^\s*<(?:!doctype|html|body|p|div|article)\b/i.test(text) ? paragraphs(text) : text;
}

/** A selection in the read-only source text, as a paragraph and offsets (paragraphs are joined by a blank line). */
function selectionInText(source: DraftSource, start: number, end: number): SelectionReport {
  if (start === end) return null;
  let offset = 0;
  for (let paragraph = 0; paragraph < source.paragraphs.length; paragraph++) {
    const length = (source.paragraphs[paragraph] as string).length;
    if (start >= offset && start <= offset + length) {
      return end <= offset + length ? { sourceId: source.id, paragraph, start: start - offset, end: end - offset } : 'across';
    }
    offset += length + 2;
  }
  return null;
}

/**
 * The source's text and its credits. A new source is written here and added with "Add source"; an existing
 * one is edited in place, its text read-only once events quote it (until "Edit source").
 */
export function SourceForm({ draft, current, quotedByEvents, apply, onChoose, onAdded, onSelection }: SourceFormProps) {
  const t = useAuthorText();
  const id = useId();
  const [fresh, setFresh] = useState<SourceInput>(BLANK);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [textDraft, setTextDraft] = useState<{ sourceId: string; text: string } | null>(null);

  const isNew = current === null;
  const value = (field: keyof SourceInput): string => (isNew ? fresh[field] : field === 'text' ? (textDraft?.sourceId === current.id ? textDraft.text : sourceText(current)) : current[field]);
  const readOnly = !isNew && quotedByEvents && editing !== current.id;

  const setField = (field: keyof SourceInput, text: string) => {
    setError(null);
    if (isNew) setFresh((f) => ({ ...f, [field]: text }));
    else if (field === 'text') setTextDraft({ sourceId: current.id, text });
    else apply((d) => editSource(d, current.id, { [field]: text }), `source:${current.id}:${field}`);
  };

  const commitText = () => {
    if (!current || !textDraft || textDraft.sourceId !== current.id) return;
    const text = textDraft.text;
    apply((d) => editSource(d, current.id, { text }), `source:${current.id}:text`);
    setTextDraft(null);
  };

  const add = () => {
    if (!isNew) {
      commitText();
      setFresh(BLANK);
      onChoose(null);
      return;
    }
    if (fresh.text.trim() === '') return setError(t('source.needText'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fresh.published)) return setError(t('source.needPublished'));
    const { sourceId } = addSource(draft, fresh);
    apply((d) => addSource(d, fresh).draft);
    setFresh(BLANK);
    onAdded(sourceId, fresh.title || fresh.outlet || sourceId);
  };

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setField('text', await fileText(file));
  };

  const onSelect = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    // Offsets map onto paragraphs only while the field shows the source as stored (not mid-edit).
    if (!current || textDraft?.sourceId === current.id) return;
    const area = event.currentTarget;
    onSelection(selectionInText(current, area.selectionStart, area.selectionEnd));
  };

  return (
    <section className="panel author-source-form" aria-labelledby={`${id}-heading`}>
      <div className="panel-header">
        <h2 className="panel-title" id={`${id}-heading`}>
          {t('source.details')}
        </h2>
        {draft.sources.length > 0 ? (
          <label className="author-inline">
            {t('source.choose')}{' '}
            <select value={current?.id ?? ''} onChange={(e) => onChoose(e.target.value || null)}>
              {draft.sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title || s.outlet || s.id}
                </option>
              ))}
              <option value="">{t('source.new')}</option>
            </select>
          </label>
        ) : null}
      </div>
      <div className="author-field">
        <label htmlFor={`${id}-text`}>{t('source.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={8}
          value={value('text')}
          readOnly={readOnly}
          aria-describedby={`${id}-text-help`}
          onChange={(e) => setField('text', e.target.value)}
          onBlur={commitText}
          onSelect={onSelect}
          onKeyUp={onSelect}
        />
        <p className="author-help" id={`${id}-text-help`}>
          {readOnly ? t('source.readOnly') : t('source.textHelp')}
        </p>
        <div className="author-actions">
          {!isNew && quotedByEvents ? (
            <button
              type="button"
              className="tool-button"
              onClick={() => {
                if (editing === current.id) {
                  commitText();
                  setEditing(null);
                } else setEditing(current.id);
              }}
            >
              {editing === current.id ? t('source.doneEditing') : t('source.edit')}
            </button>
          ) : null}
          {!readOnly ? (
            <label className="tool-button author-file">
              {t('source.openFile')}
              <input type="file" accept=".txt,.html,.htm,.md,text/plain,text/html,text/markdown" className="visually-hidden" onChange={(e) => void openFile(e)} />
            </label>
          ) : null}
        </div>
      </div>
      <div className="author-field-grid">
        <div className="author-field">
          <label htmlFor={`${id}-published`}>{t('source.published')}</label>
          <input id={`${id}-published`} type="date" required value={value('published')} aria-describedby={`${id}-published-help`} onChange={(e) => setField('published', e.target.value)} />
          <p className="author-help" id={`${id}-published-help`}>
            {t('source.publishedHelp')}
          </p>
        </div>
        {FIELDS.map(([field, label, type]) => (
          <div className="author-field" key={field}>
            <label htmlFor={`${id}-${field}`}>{t(label)}</label>
            <input id={`${id}-${field}`} type={type} value={value(field)} onChange={(e) => setField(field, e.target.value)} />
          </div>
        ))}
      </div>
      <ErrorNote error={error} />
      <div className="author-actions">
        <button type="button" className="tool-button author-primary" onClick={add}>
          {t('source.add')}
        </button>
      </div>
    </section>
  );
}
