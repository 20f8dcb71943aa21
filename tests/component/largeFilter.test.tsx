// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { generateDataset } from '../../src/data/synthetic';
import { SLICED_FROM } from '../../src/state/viewModel';
import { renderApp } from './renderApp';

const record = generateDataset({ events: SLICED_FROM, seed: 6 });
const largeText = JSON.stringify(record);
const total = SLICED_FROM.toLocaleString('en-US');
const chosen = record.actors.find((a) => a.kind === 'person') ?? record.actors[0];
if (!chosen) throw new Error('the synthetic dataset has no actors');
// A person has no members: the events naming them are the ones the filter keeps.
const expected = record.events.filter((e) => e.actors.includes(chosen.id)).length.toLocaleString('en-US');

/** What the page's status lines say (the list's count is one of them). */
const statuses = () => screen.getAllByRole('status').map((s) => s.textContent);

describe('filtering a large dataset by actor', { timeout: 60_000 }, () => {
  it('says it is filtering while the previous list stays, then shows the events of the chosen actor', async () => {
    const { user } = await renderApp({ search: '?view=list', datasetText: largeText });
    await waitFor(() => expect(statuses()).toContain(`${total} events`), { timeout: 30_000 });
    await user.click(screen.getByText('Filter by actor'));
    // Every state of the page's status lines, as the reader could have seen them.
    const seen: string[][] = [];
    const observer = new MutationObserver(() => seen.push(statuses()));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await user.click(screen.getByRole('button', { name: `Only ${chosen.name}` }));
    // The choice shows at once.
    expect(screen.getByRole('checkbox', { name: chosen.name })).toBeChecked();

    await waitFor(() => expect(statuses()).toContain(`${expected} events`), { timeout: 20_000 });
    observer.disconnect();
    // Meanwhile the page said it was filtering, and the list kept every event until the filtered view was ready.
    expect(seen.some((s) => s.includes('Filtering…') && s.includes(`${total} events`))).toBe(true);
    expect(statuses()).not.toContain('Filtering…');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('actors')).toBe(chosen.id));
    expect(within(screen.getByRole('group', { name: /people/i })).getAllByRole('checkbox', { checked: true })).toHaveLength(1);
  });

  it('clears the filters of a large dataset (rendered as a transition) back to the same page as before the choice, never a mix of the two', async () => {
    const { user } = await renderApp({ search: '?view=list', datasetText: largeText });
    await waitFor(() => expect(statuses()).toContain(`${total} events`), { timeout: 30_000 });
    const before = statuses();
    await user.click(screen.getByText('Filter by actor'));
    await user.click(screen.getByRole('button', { name: `Only ${chosen.name}` }));
    await waitFor(() => expect(statuses()).toContain(`${expected} events`), { timeout: 20_000 });
    // Every event's view is ready (it was shown first): it is rendered as a transition, not prepared again.
    const seen: string[][] = [];
    const observer = new MutationObserver(() => seen.push(statuses()));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);

    await waitFor(() => expect(statuses()).toContain(`${total} events`), { timeout: 20_000 });
    observer.disconnect();
    // Until every event was shown, the chosen actor's events stayed; never a mix of the two.
    for (const s of seen) expect(s.includes(`${total} events`) || s.includes(`${expected} events`)).toBe(true);
    expect(statuses()).toEqual(before);
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('actors')).toBeNull());
    expect(within(screen.getByRole('group', { name: /people/i })).queryAllByRole('checkbox', { checked: false })).toHaveLength(0);
  });
});
