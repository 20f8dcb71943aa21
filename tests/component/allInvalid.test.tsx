// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { bundledJson, renderApp } from './renderApp';

describe('a dataset whose every event is invalid', () => {
  it('gets the full-page account of its problems, not an empty timeline', async () => {
    const data = bundledJson();
    const template = data.events[0];
    if (!template) throw new Error('the bundled dataset has no events');
    // A valid source and actors; 2,000 events that each misquote it.
    data.events = Array.from({ length: 2_000 }, (_, i) => ({ ...template, id: `bad-${i}`, excerpts: [{ ...template.excerpts[0], quote: `Words never printed, number ${i}.` }] }));
    await renderApp({ datasetText: JSON.stringify(data) });
    expect(await screen.findByRole('heading', { name: 'This dataset cannot be shown' })).toBeInTheDocument();
    expect(screen.getByText(/none of the 2,000 events is usable/)).toBeInTheDocument();
    expect(screen.getByText('events[0].excerpts[0].quote')).toBeInTheDocument();
    // The first hundred problems are listed, the rest counted.
    expect(screen.getByText(/and 1,901 more problems/)).toBeInTheDocument();
    expect(screen.queryByText('This dataset has no events yet.')).toBeNull();
  });
});
