import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Dataset } from '../data/model';
import { formatPublished } from '../data/formatDate';
import { excerptsByParagraph, paragraphExcerpts, segmentParagraph } from './sourceSegments';
import { safeHref } from './safeHref';
import { useI18n } from '../i18n';

const MAX_PARAGRAPHS = 400;
/** More paragraphs than this are not offered all at once: the page would freeze drawing them. */
const MAX_SHOW_ALL = 2_000;
const OPENING = 40;
const AROUND = 15;

interface SourcePanelProps {
  dataset: Dataset;
  selected: string | null;
  /** Events the filters leave; passages of the others are dimmed and not links. */
  visible: { has(id: string): boolean };
  /** Bumped to scroll the selected event's passage into view even when the selection did not change. */
  revealRequest: number;
  onSelect: (eventId: string) => void;
  /** Inside an embed: a group, not a landmark. */
  asGroup?: boolean;
  /** The link to an event, keeping the rest of the view's URL. */
  hrefFor: (eventId: string) => string;
}

const prefersReducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The scroll offset that centres a passage in the source's scroll box (measured from both boxes, as laid out now). */
export function passageScrollTop(body: HTMLElement, passage: HTMLElement): number {
  const box = body.getBoundingClientRect();
  const at = passage.getBoundingClientRect();
  const centred = body.scrollTop + (at.top - box.top) - (body.clientHeight - Math.min(at.height, body.clientHeight)) / 2;
  return Math.max(0, Math.min(centred, body.scrollHeight - body.clientHeight));
}

// Memoised: the page re-renders on every zoom frame; this panel only when its own inputs change.
export const SourcePanel = memo(function SourcePanel({ dataset, selected, visible, revealRequest, onSelect, hrefFor, asGroup = false }: SourcePanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [showAll, setShowAll] = useState(false);
  const total = useMemo(() => dataset.sources.reduce((n, s) => n + s.paragraphs.length, 0), [dataset]);
  // A very long source shows its opening and the passages around the selection, not thousands of paragraphs.
  // Paragraphs shown, by source; null for all of them.
  const shown = useMemo(() => {
    if (showAll || total <= MAX_PARAGRAPHS) return null;
    const keep = new Map<string, Set<number>>();
    const add = (sourceId: string, paragraph: number) => {
      const paragraphs = keep.get(sourceId) ?? new Set<number>();
      paragraphs.add(paragraph);
      keep.set(sourceId, paragraphs);
    };
    // The opening paragraphs of the whole collection, not of every source: a dataset may have hundreds.
    let opening = OPENING;
    for (const source of dataset.sources) {
      for (let p = 0; p < source.paragraphs.length && opening > 0; p++, opening--) add(source.id, p);
      if (opening <= 0) break;
    }
    for (const excerpt of (selected ? dataset.eventsById.get(selected)?.excerpts : undefined) ?? []) {
      for (let p = excerpt.paragraph - AROUND; p <= excerpt.paragraph + AROUND; p++) add(excerpt.source, p);
    }
    return keep;
  }, [showAll, total, dataset, selected]);
  // A selection changes the few paragraphs shown: their excerpts come from an index of the events made once.
  const byParagraph = useMemo(() => (shown === null ? excerptsByParagraph(dataset.events) : paragraphExcerpts(dataset).only(shown)), [dataset, shown]);
  const bodyRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    // Event ids are validated slugs, safe inside a quoted attribute selector.
    if (!body || !selected) return;
    const first = body.querySelector<HTMLElement>(`mark[data-event-id="${selected}"]`);
    if (!first || typeof body.scrollTo !== 'function') return;
    // Scroll the panel only, never the page: the passage is centred in the panel's own scroll box.
    body.scrollTo({ top: passageScrollTop(body, first), behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }, [selected, revealRequest, shown]);

  const follow = (eventId: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onSelect(eventId);
  };

  return (
    <section lang={dataset.language ?? 'en'} role={asGroup ? 'group' : undefined} className="panel source-panel" aria-labelledby="source-heading">
      <div className="panel-header">
        <h2 id="source-heading" className="panel-title" lang={i18n.lang}>
          {t('source.heading')}
        </h2>
      </div>
      <div className="source-body" ref={bodyRef}>
        {dataset.sources.length === 0 ? <p className="panel-empty" lang={i18n.lang}>
            {t('source.noTexts')}
          </p> : null}
        {dataset.sources.map((source) => {
          const shownHere = shown?.get(source.id);
          if (shown && !shownHere) return null;
          const href = safeHref(source.url);
          return (
            <article key={source.id} className="source-article" aria-labelledby={`source-title-${source.id}`}>
              <header className="source-meta">
                <p className="source-outlet">{source.outlet}</p>
                <h3 id={`source-title-${source.id}`} className="source-title">
                  {href ? <a href={href}>{source.title}</a> : source.title}
                </h3>
                <p className="source-byline" lang={i18n.lang}>
                  {source.author ? `${t('source.byAuthor', { author: source.author })}${source.publishedDate ? ' · ' : ''}` : ''}
                  {source.publishedDate ? t('source.published', { date: formatPublished(source, i18n) ?? '' }) : ''}
                </p>
              </header>
              {source.paragraphs.map((paragraph, p) => {
                if (shownHere && !shownHere.has(p)) return shownHere.has(p - 1) ? <p key={p} className="source-gap" aria-hidden="true">…</p> : null;
                const segments = segmentParagraph(paragraph.text, byParagraph.get(`${source.id}:${p}`) ?? []);
                const content = segments.map((original, s) => {
                  let segment = original;
                  if (segment.events.length === 0) return segment.text;
                  const inView = segment.events.filter((id) => visible.has(id));
                  if (inView.length === 0) {
                    return (
                      <mark key={s} data-event-id={segment.events[0]} className="is-filtered-out" title={t('source.hiddenByFilters')}>
                        {segment.text}
                      </mark>
                    );
                  }
                  segment = { ...segment, events: inView };
                  const current = selected !== null && segment.events.includes(selected);
                  const eventId = current ? (selected as string) : (segment.events[0] as string);
                  // A passage several events quote: each click moves on to the next of them.
                  const target = current ? (segment.events[(segment.events.indexOf(eventId) + 1) % segment.events.length] as string) : eventId;
                  const titles = segment.events.map((id) => dataset.eventsById.get(id)?.title ?? id);
                  return (
                    <mark key={s} data-event-id={eventId} data-event-ids={segment.events.join(' ')} className={current ? 'is-current' : undefined}>
                      <a href={hrefFor(target)} onClick={follow(target)} title={t('source.showOnTimeline', { titles: titles.join('; ') })}>
                        {segment.text}
                      </a>
                    </mark>
                  );
                });
                return paragraph.kind === 'caption' ? (
                  <p key={p} className="source-caption">
                    <span className="field-label" lang={i18n.lang}>
                      {t('source.photoCaption')}{' '}
                    </span>
                    {content}
                  </p>
                ) : (
                  <p key={p}>{content}</p>
                );
              })}
            </article>
          );
        })}
        {shown && total <= MAX_SHOW_ALL ? (
          <p lang={i18n.lang}>
            <button type="button" className="link-button" onClick={() => setShowAll(true)}>
              {t('source.showAll', { paragraphs: total, count: dataset.sources.length })}
            </button>
          </p>
        ) : null}
        {shown && total > MAX_SHOW_ALL ? (
          <p className="panel-empty source-all-note" lang={i18n.lang}>
            {t('source.tooLongToShowAll', { paragraphs: total, count: dataset.sources.length })}
          </p>
        ) : null}
      </div>
    </section>
  );
});
