// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderApp } from './renderApp';
import { readFileSync } from 'node:fs';

describe('an imported timeline', () => {
  it('shows an event without a quotation marked "No source excerpt", and one with a blockquote in its words', async () => {
    const { user } = await renderApp({ datasetText: readFileSync('tests/fixtures/import/timelinejs.json', 'utf8'), search: '?event=republic-founded' });
    const details = screen.getByRole('region', { name: 'Event details' });
    expect(within(details).getByRole('heading', { name: 'Republic founded' })).toBeInTheDocument();
    expect(within(details).getByText('No source excerpt')).toBeInTheDocument();
    expect(within(details).queryByRole('button', { name: 'Show in source' })).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'List' }));
    await user.click(screen.getByRole('link', { name: 'Caesar assassinated' }));
    expect(within(details).getByText('Cowards die many times before their deaths.')).toBeInTheDocument();
    expect(within(details).getByText(/^William Shakespeare, “Quotation as given in the TimelineJS file/)).toBeInTheDocument();
    expect(within(details).getByText(/The Ides of March, 44 BC/)).toBeInTheDocument();
    expect(screen.getAllByText('No source excerpt').length).toBeGreaterThan(1);
  });

  it('names the format it read when nothing in the file is usable', async () => {
    await renderApp({ datasetText: 'when,what\n2024,something\n' });
    expect(await screen.findByRole('heading', { name: 'This CSV file cannot be shown' })).toBeInTheDocument();
    expect(screen.getByText('row 1')).toBeInTheDocument();
  });
});
