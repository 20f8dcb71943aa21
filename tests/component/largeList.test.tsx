// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { generateDataset } from '../../src/data/synthetic';
import { renderApp } from './renderApp';

const EVENTS = 1_000;
const large = generateDataset({ events: EVENTS, seed: 7 });
const largeText = JSON.stringify(large);

// jsdom has no layout and does not scroll: here the page is tall enough for the list, and window.scrollTo
// moves scrollY and fires a scroll event as a browser would, so that the list can follow it.
const jsdomScrollTo = window.scrollTo;
beforeEach(() => {
  Object.defineProperty(document.documentElement, 'scrollHeight', { value: EVENTS * 200, configurable: true });
  window.scrollTo = ((options: ScrollToOptions | number, y?: number) => {
    const top = typeof options === 'number' ? (y ?? 0) : (options.top ?? window.scrollY);
    Object.defineProperty(window, 'scrollY', { value: Math.max(0, top), configurable: true });
    setTimeout(() => window.dispatchEvent(new Event('scroll')), 0);
  }) as typeof window.scrollTo;
});
afterEach(() => {
  window.scrollTo = jsdomScrollTo;
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  Object.defineProperty(document.documentElement, 'scrollHeight', { value: 0, configurable: true });
});

async function openLargeList(search = '?view=list') {
  const utils = await renderApp({ search, datasetText: largeText });
  const items = await waitFor(() => {
    const found = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('aria-posinset'));
    expect(found.length).toBeGreaterThan(0);
    return found;
  });
  return { ...utils, items };
}

describe('the list view of a large dataset', { timeout: 30_000 }, () => {
  it('renders only the entries near the screen, each telling its place among all of them', async () => {
    const { items } = await openLargeList();
    expect(items.length).toBeLessThan(60);
    expect(items[0]).toHaveAttribute('aria-setsize', String(EVENTS));
    expect(items[0]).toHaveAttribute('aria-posinset', '1');
  });

  it('moves the focus to the next, previous, last and first entry with the arrow keys, Home and End', async () => {
    const { user, items } = await openLargeList();
    const firstLink = within(items[0] as HTMLElement).getByRole('link');
    firstLink.focus();
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', '2'));
    await user.keyboard('{End}');
    await waitFor(() => expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', String(EVENTS)));
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', String(EVENTS - 1)));
    await user.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement?.closest('li')).toHaveAttribute('aria-posinset', '1'));
  });

  it('brings the selected event into the list when it is far down, and marks it current', async () => {
    const sorted = [...large.events].sort((a, b) => a.date.localeCompare(b.date));
    const target = sorted[Math.floor(EVENTS * 0.9)];
    if (!target) throw new Error('no target event');
    await openLargeList(`?view=list&event=${target.id}`);
    const link = await waitFor(() => screen.getByRole('link', { current: true }));
    expect(link.closest('li')).toHaveAttribute('data-event-id', target.id);
  });
});
