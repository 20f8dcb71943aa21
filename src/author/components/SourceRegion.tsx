import { useEffect, useId, useRef } from 'react';
import type { DatePhrase } from '../dates/types';
import type { DraftSource, Selection } from '../draft/model';
import { groupByPhrase, paragraphPieces } from './sourceSegments';
import { useAuthorText } from '../i18n/useAuthorText';

export type SelectionReport = Selection | 'across' | null;

interface SourceRegionProps {
  source: DraftSource | null;
  /** Date phrases per paragraph of the source. */
  phrases: readonly (readonly DatePhrase[])[];
  /** Ranges per paragraph quoted by the open event, highlighted. */
  quoted: ReadonlyMap<number, { start: number; end: number }[]>;
  onSelection: (selection: SelectionReport) => void;
}

/** The phrases found, as a list a keyboard or screen-reader user can read: words, suggested EDTF, explanation. */
function PhraseList({ phrases }: { phrases: readonly (readonly DatePhrase[])[] }) {
  const t = useAuthorText();
  const all = phrases.flat();
  if (all.length === 0) return null;
  return (
    <details className="author-phrases">
      <summary>{t('source.phraseList')}</summary>
      <ul aria-label={t('source.phraseList')}>
        {all.map((p, i) => (
          <li key={i}>
            <q>{p.text}</q>: {p.reading.edtf ?? '—'}
            {p.needsAuthor ? ` (${t('source.needsAuthor')})` : ''}. <span className="author-help">{p.reading.explanation}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Character offset of a DOM point inside a paragraph element, counting only the text (which is the source text). */
function offsetIn(paragraph: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

const paragraphOf = (node: Node | null): HTMLElement | null => (node instanceof Element ? node : (node?.parentElement ?? null))?.closest<HTMLElement>('[data-paragraph]') ?? null;

/**
 * The source as readers see it, with the date phrases found in it marked (`<mark data-edtf>`), and the
 * passages of the open event highlighted. A mouse selection inside one paragraph is reported as offsets.
 */
export function SourceRegion({ source, phrases, quoted, onSelection }: SourceRegionProps) {
  const t = useAuthorText();
  const headingId = useId();
  const body = useRef<HTMLDivElement>(null);
  const report = useRef(onSelection);
  useEffect(() => {
    report.current = onSelection;
  }, [onSelection]);

  useEffect(() => {
    const onChange = () => {
      const selection = document.getSelection();
      const root = body.current;
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root) return;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      const from = paragraphOf(range.startContainer);
      const to = paragraphOf(range.endContainer);
      if (!from || !to || !source) return;
      if (from !== to) {
        report.current('across');
        return;
      }
      report.current({
        sourceId: source.id,
        paragraph: Number(from.dataset.paragraph),
        start: offsetIn(from, range.startContainer, range.startOffset),
        end: offsetIn(from, range.endContainer, range.endOffset),
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [source]);

  const count = phrases.reduce((n, p) => n + p.length, 0);
  return (
    <section className="panel author-source-region" aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 className="panel-title" id={headingId}>
          {t('source.region')}
        </h2>
        {source ? <p className="author-note">{t('source.phrases', { count })}</p> : null}
      </div>
      {source ? <PhraseList phrases={phrases} /> : null}
      {source ? (
        <div ref={body} className="author-source-text">
          <p className="author-source-meta">
            {[source.outlet, source.title, source.published].filter(Boolean).join(' · ')}
          </p>
          {source.paragraphs.map((text, i) => (
            <p key={i} data-paragraph={i}>
              {groupByPhrase(paragraphPieces(text.length, phrases[i] ?? [], quoted.get(i) ?? [])).map((group) => {
                const inner = group.pieces.map((piece) =>
                  piece.quoted ? (
                    <span key={piece.start} className="author-quoted">
                      {text.slice(piece.start, piece.end)}
                    </span>
                  ) : (
                    text.slice(piece.start, piece.end)
                  ),
                );
                const phrase = group.phrase;
                if (!phrase) return inner;
                const edtf = phrase.reading.edtf;
                return (
                  <mark
                    key={`m${phrase.start}`}
                    data-edtf={edtf ?? ''}
                    className={phrase.needsAuthor ? 'author-phrase author-phrase-check' : 'author-phrase'}
                    title={edtf ? `${t('source.suggests', { edtf })}${phrase.needsAuthor ? `; ${t('source.needsAuthor')}` : ''}` : t('source.needsAuthor')}
                  >
                    {inner}
                  </mark>
                );
              })}
            </p>
          ))}
        </div>
      ) : (
        <p className="panel-empty">{t('source.empty')}</p>
      )}
    </section>
  );
}
