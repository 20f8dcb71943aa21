// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { bundledJson, renderApp } from './renderApp';
import { FakeWorker } from '../fixtures/fakeWorker';

/** A load worker that never answers, as one busy with a million events would not for a while. */
const SilentWorker = FakeWorker;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The workers asked to load something since `since` (a worker may be started ahead of need and asked later). */
function askedSince(since: ReadonlySet<FakeWorker>): FakeWorker[] {
  return SilentWorker.made.filter((worker) => worker.posted.length > 0 && !since.has(worker));
}
const askedSoFar = () => new Set(askedSince(new Set()));

describe('cancelling a long load', () => {
  it('stops the worker and goes back to the dataset shown before, with its URL', async () => {
    const { user } = await renderApp({ search: '?q=kursk' });
    const title = bundledJson().title as string;
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    vi.stubGlobal('Worker', SilentWorker);
    const before = askedSoFar();

    await user.click(screen.getByRole('button', { name: 'Load sample: 100,000 events' }));
    expect(await screen.findByText(/Generating a sample of 100,000 events/)).toBeInTheDocument();
    expect(window.location.search).toContain('sample=100000');
    await waitFor(() => expect(askedSince(before)).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(askedSince(before)[0]?.terminated).toBe(true);
    expect(new URLSearchParams(window.location.search).get('sample')).toBeNull();
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('kursk');
  });

  it('goes to the bundled dataset when the page was opened on the dataset being loaded', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    const before = askedSoFar();
    const { user } = await renderApp({ search: '?sample=1m', waitForLoad: false });
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(askedSince(before)).toHaveLength(1));
    // The bundled dataset is then read in this thread, as where there is no worker.
    vi.unstubAllGlobals();
    await user.click(cancel);
    expect(askedSince(before)[0]?.terminated).toBe(true);
    expect(await screen.findByRole('heading', { level: 1, name: bundledJson().title as string })).toBeInTheDocument();
    expect(window.location.search).toBe('');
  });
});
