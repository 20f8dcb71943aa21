// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { bundledJson, renderApp } from './renderApp';

describe('a bad dataset is explained, never a blank page', () => {
  it('shows every problem with its path when nothing is usable', async () => {
    await renderApp({ datasetText: '{"title": "x", "sources": [], "actors": [], "events": [],}' });
    expect(await screen.findByRole('heading', { name: 'This dataset cannot be shown' })).toBeInTheDocument();
    expect(screen.getByText(/line 1, column \d+/)).toBeInTheDocument();
  });

  it('shows the valid events and lists the rejected one with its JSON path', async () => {
    const data = bundledJson();
    const broken = data.events[3];
    if (!broken?.excerpts[0]) throw new Error('fixture needs a fourth event');
    broken.excerpts[0].quote = 'Words the article never printed.';
    const { user } = await renderApp({ datasetText: JSON.stringify(data) });

    const notice = screen.getByText(/1 item in this dataset could not be used/);
    await user.click(notice);
    const list = notice.closest('details') as HTMLElement;
    expect(within(list).getByText('events[3].excerpts[0].quote')).toBeInTheDocument();
    expect(within(list).getByText(/not found verbatim in source "epoch-2024-11-18"/)).toBeInTheDocument();
    // The dataset opens on its headline event: the stepper counts the 29 events kept.
    expect(screen.getByText(/ of 29$/)).toBeInTheDocument();
  });
});
