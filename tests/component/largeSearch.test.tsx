// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { generateDataset } from '../../src/data/synthetic';
import { SLICED_FROM as SLICED_SEARCH_FROM } from '../../src/state/viewModel';
import { renderApp } from './renderApp';

const largeText = JSON.stringify(generateDataset({ events: SLICED_SEARCH_FROM, seed: 5 }));
const count = SLICED_SEARCH_FROM.toLocaleString('en-US');

describe('searching a large dataset', { timeout: 60_000 }, () => {
  it('shows what is typed at once, says it is searching, and applies the search once typing pauses', async () => {
    const { user } = await renderApp({ search: '?view=list', datasetText: largeText });
    const box = await screen.findByRole('searchbox', { name: 'Search events' }, { timeout: 30_000 });
    await user.type(box, 'kessa');
    expect(box).toHaveValue('kessa');
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Searching…')).toBe(true);
    await waitFor(() => expect(screen.getByText(new RegExp(`of ${count} events match “kessa”`))).toBeInTheDocument(), { timeout: 10_000 });
    expect(screen.queryByText('Searching…')).toBeNull();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('kessa'));

    // Clearing the box goes back to every event.
    await user.clear(box);
    await waitFor(() => expect(screen.getByText(`${count} events`)).toBeInTheDocument(), { timeout: 10_000 });
  });

  it('opens the details of an event picked while a search is still under way, and keeps them once the search lands', async () => {
    const { user } = await renderApp({ search: '?view=list', datasetText: largeText });
    const box = await screen.findByRole('searchbox', { name: 'Search events' }, { timeout: 30_000 });
    await user.type(box, 'kessa');
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Searching…')).toBe(true);
    // A row of the list as it was before the search (every event), picked before the search is applied.
    const row = screen.getAllByRole('listitem').find((item) => item.getAttribute('aria-posinset') === '2');
    if (!row) throw new Error('the list has no second entry');
    const link = within(row).getAllByRole('link')[0];
    if (!link) throw new Error('the entry has no link');
    const title = link.textContent ?? '';
    await user.click(link);
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { level: 3 })).toHaveTextContent(title);

    await waitFor(() => expect(screen.getByText(new RegExp(`of ${count} events match “kessa”`))).toBeInTheDocument(), { timeout: 10_000 });
    expect(within(screen.getByRole('region', { name: 'Event details' })).getByRole('heading', { level: 3 })).toHaveTextContent(title);
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('kessa'));
  });
});
