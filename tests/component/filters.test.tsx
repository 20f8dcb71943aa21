// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { renderApp, timelineMarks, titleOf } from './renderApp';

const actorsGroup = () => screen.getByRole('group', { name: 'Actors' });

async function openActorFilter(user: UserEvent) {
  await user.click(screen.getByText(/Filter by actor/));
  return actorsGroup();
}

describe('filtering by actor', () => {
  it('lists every actor grouped by kind, with event counts that include a state’s people', async () => {
    const { user } = await renderApp();
    const group = await openActorFilter(user);
    for (const kind of ['States and alliances', 'Organizations', 'People']) {
      expect(within(group).getByRole('group', { name: kind })).toBeInTheDocument();
    }
    const us = within(group).getByRole('checkbox', { name: 'United States' });
    const biden = within(group).getByRole('checkbox', { name: 'Joe Biden' });
    const count = (box: HTMLElement) => Number(/(\d+) events?/.exec(box.getAttribute('aria-describedby') ? (document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent ?? '') : '')?.[1]);
    // Biden's events count for the United States too.
    expect(count(us)).toBeGreaterThan(count(biden));
    expect(count(biden)).toBeGreaterThan(0);
  });

  it('"Only" narrows the timeline, the list and the source to one actor, in the URL too', async () => {
    const { user } = await renderApp();
    const group = await openActorFilter(user);
    await user.click(within(group).getByRole('button', { name: 'Only North Korea' }));
    await waitFor(() => expect(window.location.search).toMatch(/actors=north-korea/));
    expect(within(group).getByRole('checkbox', { name: 'North Korea' })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'Ukraine' })).not.toBeChecked();

    await user.click(screen.getByRole('tab', { name: 'List' }));
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('event-list-item'));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.textContent).toMatch(/North Korea|Russia lets|North Korean/);
    // Passages of filtered-out events stay in the source, dimmed and no longer links.
    const source = screen.getByRole('region', { name: 'Source' });
    const dimmed = source.querySelector('mark.is-filtered-out[data-event-id="zelenskyy-says-missiles-will-speak"]');
    expect(dimmed).not.toBeNull();
    expect(within(dimmed as HTMLElement).queryByRole('link')).toBeNull();
  });

  it('choosing a state includes its people and says so; a person can be chosen alone', async () => {
    const { user } = await renderApp();
    const group = await openActorFilter(user);
    await user.click(within(group).getByRole('button', { name: 'Only United States' }));
    const biden = within(group).getByRole('checkbox', { name: 'Joe Biden' });
    expect(biden).toHaveAccessibleDescription(/included with United States/);

    await user.click(within(group).getByRole('button', { name: 'Only Joe Biden' }));
    await waitFor(() => expect(window.location.search).toMatch(/actors=joe-biden(&|$)/));
    await user.click(screen.getByRole('tab', { name: 'List' }));
    expect(screen.getByRole('link', { name: titleOf('biden-authorizes-kursk-strikes') })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: titleOf('zelenskyy-says-missiles-will-speak') })).toBeNull();
  });

  it('clears a selection the filters hide and tells the reader', async () => {
    const { user } = await renderApp({ search: '?event=zelenskyy-says-missiles-will-speak' });
    const group = await openActorFilter(user);
    await user.click(within(group).getByRole('button', { name: 'Only North Korea' }));
    expect(screen.getByText(/is hidden by the filters, so it is no longer selected/)).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('event') ?? '').toBe('');
  });

  it('shows an empty state naming the filters that exclude everything, with Clear filters', async () => {
    const { user } = await renderApp();
    const group = await openActorFilter(user);
    await user.click(within(group).getByRole('button', { name: 'None' }));
    expect(screen.getByText(/No events match, because no actors are chosen/)).toBeInTheDocument();
    const clear = screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement;
    await user.click(clear);
    expect(screen.queryByText(/No events match/)).toBeNull();
    await waitFor(() => expect(window.location.search).not.toContain('actors='));
  });

  it('restores filters and the list view from the URL', async () => {
    await renderApp({ search: '?actors=ukraine&q=diplomatic&view=list' });
    expect(screen.getByRole('tab', { name: 'List' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('diplomatic');
    expect(screen.getByText(/1 of \d+ events match “diplomatic”/)).toBeInTheDocument();
  });
});

describe('searching', () => {
  it('matches case- and accent-insensitively, highlights matches in the list and dims the timeline', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search events' }), 'ÁTÀCMS');
    await waitFor(() => expect(window.location.search).toContain('q='));
    const timeline = screen.getByRole('region', { name: /timeline/i });
    expect(timeline.querySelectorAll('.is-dimmed').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('tab', { name: 'List' }));
    const hits = document.querySelectorAll('.event-list mark.search-hit');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.textContent?.toLowerCase()).toBe('atacms');
  });

  it('arrow keys step from match to match while a search is active', async () => {
    const { user } = await renderApp({ search: '?q=Zelenskyy' });
    const stop = timelineMarks().find((b) => b.tabIndex === 0);
    stop?.focus();
    const focused = () => document.activeElement as HTMLElement;
    await user.keyboard('{Home}');
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      if (i > 0) await user.keyboard('{ArrowRight}');
      await waitFor(() => expect(timelineMarks()).toContain(focused()));
      // Every stop is a match: never a dimmed mark.
      expect(focused()).not.toHaveClass('is-dimmed');
      seen.add(focused().getAttribute('aria-label') ?? '');
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
