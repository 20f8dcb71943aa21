import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useVirtualizer, useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
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
// An element with no layout (as in a test's DOM) keeps the estimate rather than collapsing to 0.
const measureElement = (element: Element) => element.getBoundingClientRect().height || ESTIMATED_HEIGHT;

/** Where the arrow keys take the focus from entry `at` of `count`; null for any other key. */
export function nextListIndex(key: string, at: number, count: number): number | null {
  const page = 10;
  const to = key === 'ArrowDown' ? at + 1 : key === 'ArrowUp' ? at - 1 : key === 'PageDown' ? at + page : key === 'PageUp' ? at - page : key === 'Home' ? 0 : key === 'End' ? count - 1 : null;
  return to === null ? null : Math.max(0, Math.min(count - 1, to));
}

/** The nearest ancestor that scrolls its content itself; null when the page scrolls. */
function scrollParentOf(element: HTMLElement | null): HTMLElement | null {
  for (let at = element?.parentElement ?? null; at && at !== document.body && at !== document.documentElement; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return at;
  }
  return null;
}

/**
 * The list of a large dataset: only the entries near the screen are in the page, each keeping its place
 * in the whole list (aria-setsize, aria-posinset) for assistive technology. Up/Down, Page Up/Down, Home
 * and End move between entries, since Tab alone would leave the list at its last rendered entry. It
 * follows whatever scrolls it: the page, or a panel of the layout that scrolls its own content.
 */
export default function VirtualEventList(props: VirtualEventListProps) {
  const probe = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | 'page' | null>(null);
  useLayoutEffect(() => {
    const find = () => setScroller(scrollParentOf(probe.current) ?? 'page');
    find();
    // A layout can change with the window's size (a phone turned, a window widened).
    window.addEventListener('resize', find);
    return () => window.removeEventListener('resize', find);
  }, []);
  return (
    <div ref={probe} className="event-list-window">
      {scroller === null ? null : scroller === 'page' ? <PageScrolledList {...props} /> : <PanelScrolledList {...props} scroller={scroller} />}
    </div>
  );
}

/** Where the list starts in what scrolls it; what stands above it (a notice, web fonts) can move it. */
function useScrollMargin(listRef: RefObject<HTMLOListElement | null>, scroller: HTMLElement | null): number {
  const [margin, setMargin] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- measured after every render; set only on change, so it settles
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let top = 0;
    if (scroller) top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    else for (let at: HTMLElement | null = list; at; at = at.offsetParent as HTMLElement | null) top += at.offsetTop;
    top = Math.round(top);
    if (top !== margin) setMargin(top);
  });
  return margin;
}

function PageScrolledList(props: VirtualEventListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const scrollMargin = useScrollMargin(listRef, null);
  const virtualizer = useWindowVirtualizer<HTMLLIElement>({ count: props.shown.length, estimateSize, overscan: 6, scrollMargin, measureElement });
  return <Entries {...props} virtualizer={virtualizer} listRef={listRef} />;
}

function PanelScrolledList({ scroller, ...props }: VirtualEventListProps & { scroller: HTMLElement }) {
  const listRef = useRef<HTMLOListElement>(null);
  const scrollMargin = useScrollMargin(listRef, scroller);
  // The virtualizer is handed only to Entries, which re-renders with it (nothing memoised holds it).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({ count: props.shown.length, getScrollElement: () => scroller, estimateSize, overscan: 6, scrollMargin, measureElement });
  return <Entries {...props} virtualizer={virtualizer} listRef={listRef} />;
}

// Entries are keyed by position (the library's default): a key function is called for every entry each
// time one is measured, a long task at 100k entries.
function Entries<S extends Element | Window>({
  dataset,
  shown,
  query,
  selected,
  hrefFor,
  onSelect,
  virtualizer,
  listRef,
}: VirtualEventListProps & { virtualizer: Virtualizer<S, HTMLLIElement>; listRef: RefObject<HTMLOListElement | null> }) {
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  // The library aligns the last entry's end with the end of what scrolls, but more may follow the list.
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
  }, [focusIndex, items, listRef]);

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
