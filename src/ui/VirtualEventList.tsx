import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { Dataset, TimelineEvent } from '../data/model';
import { EventListItemContent, itemClass } from './EventListItem';

interface VirtualEventListProps {
  dataset: Dataset;
  shown: readonly TimelineEvent[];
  query: string;
  selected: string | null;
  hrefFor: (id: string) => string;
  onSelect: (id: string) => void;
}

/**
 * An entry's height, held by the style sheet (one line of title, two of excerpt): an entry whose
 * measured height differs makes the library lay out every entry after it again, a long task at a
 * million. Each rendered entry is still measured, should fonts or zoom make it differ.
 */
const ESTIMATED_HEIGHT = 140;

const estimateSize = () => ESTIMATED_HEIGHT;

/** Where the arrow keys take the focus from entry `at` of `count`; null for any other key. */
export function nextListIndex(key: string, at: number, count: number): number | null {
  const page = 10;
  const to = key === 'ArrowDown' ? at + 1 : key === 'ArrowUp' ? at - 1 : key === 'PageDown' ? at + page : key === 'PageUp' ? at - page : key === 'Home' ? 0 : key === 'End' ? count - 1 : null;
  return to === null ? null : Math.max(0, Math.min(count - 1, to));
}

/**
 * The list of a large dataset: only the entries near the screen are in the page, each keeping its place
 * in the whole list (aria-setsize, aria-posinset) for assistive technology. Up/Down, Page Up/Down, Home
 * and End move between entries, since Tab alone would leave the list at its last rendered entry.
 */
export default function VirtualEventList({ dataset, shown, query, selected, hrefFor, onSelect }: VirtualEventListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // Where the list starts in the page; what stands above it (a notice, web fonts) can move it after mount.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- measured after every render; set only on change, so it settles
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let top = 0;
    for (let at: HTMLElement | null = list; at; at = at.offsetParent as HTMLElement | null) top += at.offsetTop;
    if (top !== scrollMargin) setScrollMargin(top);
  });
  // Entries are keyed by position (the library's default): a key function is called for every entry
  // each time one is measured, a long task at 100k entries.
  const virtualizer = useWindowVirtualizer<HTMLLIElement>({
    count: shown.length,
    estimateSize,
    overscan: 6,
    scrollMargin,
    // An element with no layout (as in a test's DOM) keeps the estimate rather than collapsing to 0.
    measureElement: (element) => element.getBoundingClientRect().height || ESTIMATED_HEIGHT,
  });

  // The library aligns the last entry's end with the end of the page, but the panels follow the list.
  const scrollTo = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: index === shown.length - 1 ? 'start' : 'auto' }), [virtualizer, shown.length]);

  useEffect(() => {
    if (!selected) return;
    const index = shown.findIndex((e) => e.id === selected);
    if (index >= 0) scrollTo(index);
  }, [selected, shown, scrollTo]);

  const items = virtualizer.getVirtualItems();
  // Focus follows the keys once the wanted entry has been rendered.
  useEffect(() => {
    if (focusIndex === null) return;
    const link = listRef.current?.querySelector<HTMLAnchorElement>(`li[data-index="${focusIndex}"] a`);
    if (link) {
      // The browser's own scrolling puts the focused entry exactly on screen, whatever the estimates said.
      link.focus();
      if (typeof link.scrollIntoView === 'function') link.scrollIntoView({ block: 'nearest' });
      setFocusIndex(null);
    }
  }, [focusIndex, items]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    if (!item) return;
    const to = nextListIndex(event.key, Number(item.dataset.index), shown.length);
    if (to === null) return;
    event.preventDefault();
    scrollTo(to);
    setFocusIndex(to);
  };

  return (
    // The keys come from the entries' links (bubbling); the list itself is no focus stop of its own.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ol className="event-list is-virtual" ref={listRef} style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const event = shown[item.index] as TimelineEvent;
        const current = event.id === selected;
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-event-id={event.id}
            aria-setsize={shown.length}
            aria-posinset={item.index + 1}
            className={itemClass(current)}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <EventListItemContent dataset={dataset} event={event} query={query} current={current} href={hrefFor(event.id)} onSelect={onSelect} />
          </li>
        );
      })}
    </ol>
  );
}
