// @vitest-environment jsdom
// The worker's replies can reach the page back to back, hundreds of them (a sample's pieces), with React's
// scheduler getting no turn between them: the loading screen must still show how far loading has got.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderApp } from './renderApp';
import { FakeWorker } from '../fixtures/fakeWorker';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the loading screen while the worker’s replies come back to back', () => {
  it('shows the count as it goes, at most every 100 ms, not only once the replies stop', async () => {
    const { user } = await renderApp();
    vi.stubGlobal('Worker', FakeWorker);
    const before = new Set(FakeWorker.made);
    await user.click(screen.getByRole('button', { name: 'Load sample: 100,000 events' }));
    let worker: FakeWorker | undefined;
    await waitFor(() => {
      worker = FakeWorker.made.find((made) => !before.has(made) && made.posted.length > 0);
      expect(worker).toBeDefined();
    });

    // Twenty replies 40 ms apart on the page's clock, none of them letting React's scheduler run.
    let now = 10_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const shown: string[] = [];
    act(() => {
      for (let reply = 1; reply <= 20; reply++) {
        now += 40;
        worker?.reply({ kind: 'progress', progress: { stage: 'checking', done: reply * 5_000, total: 100_000 } });
        shown.push(screen.getByRole('status').textContent ?? '');
      }
    });
    const counts = [...new Set(shown.map((text) => /Checking events: ([\d,]+) of 100,000/.exec(text)?.[1]))];
    // The first reply is shown at once, then one about every 100 ms (every third reply): 800 ms in all.
    expect(counts[0]).toBe('5,000');
    expect(counts.length).toBeGreaterThanOrEqual(7);
    expect(counts.length).toBeLessThanOrEqual(9);
    // And once the scheduler runs, the last of them.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Checking events: 100,000 of 100,000'));
  });
});
