// @vitest-environment jsdom
// Dense lanes are drawn as density bands; what the bars show must reach a screen reader and a keyboard too.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { generateDataset } from '../../src/data/synthetic';
import { renderApp } from './renderApp';

const denseText = JSON.stringify(generateDataset({ events: 1500, seed: 7 }));

describe('density bands', { timeout: 30_000 }, () => {
  it('describe each dense lane to a screen reader: its events in view, the bin and the busiest bar', async () => {
    await renderApp({ datasetText: denseText, loadTimeout: 15_000 });
    const timeline = screen.getByRole('region', { name: /^Timeline of / });
    const lanes = within(timeline).getAllByRole('group', { name: /: [\d,]+ marks?$/ });
    const described = lanes.filter((lane) => lane.hasAttribute('aria-describedby'));
    expect(described.length).toBeGreaterThan(0);
    for (const lane of described) {
      expect(lane).toHaveAccessibleDescription(/^[\d,]+ events in view, drawn as bars of events per (\d+ )?(hours?|days?|weeks?|months?|years?); the busiest, .+, has [\d,]+$/);
    }
    // The caption says what the bars' height means.
    expect(within(timeline).getByText(/^Bars: events per (\d+ )?\w+, tallest\s[\d,]+$/)).toBeInTheDocument();
  });

  it('keep the clusters over a band as buttons that name their count, reachable from the one Tab stop', async () => {
    await renderApp({ datasetText: denseText, loadTimeout: 15_000 });
    const timeline = screen.getByRole('region', { name: /^Timeline of / });
    const dense = within(timeline)
      .getAllByRole('group', { name: /: [\d,]+ marks?$/ })
      .find((lane) => lane.hasAttribute('aria-describedby'));
    if (!dense) throw new Error('no lane is drawn as a band');
    const clusters = within(dense).getAllByRole('button', { name: /^[\d,]+ events, / });
    expect(clusters.length).toBeGreaterThan(0);
    // Exactly one mark of the whole timeline is in the tab order; the others are reached with the arrow keys.
    const lanes = within(timeline).getAllByRole('group', { name: /: [\d,]+ marks?$/ });
    expect(lanes.flatMap((lane) => [...lane.querySelectorAll('button')].filter((b) => b.tabIndex === 0))).toHaveLength(1);
  });

  it('leave the bundled article as it was: no band, no caption, no lane description', async () => {
    await renderApp();
    const timeline = screen.getByRole('region', { name: /^Timeline of / });
    for (const lane of within(timeline).getAllByRole('group', { name: /: [\d,]+ marks?$/ })) expect(lane).not.toHaveAttribute('aria-describedby');
    expect(within(timeline).queryByText(/^Bars: events per/)).toBeNull();
  });
});
