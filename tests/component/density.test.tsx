// @vitest-environment jsdom
// Dense lanes are drawn as density bands; what the bars show must reach a screen reader and a keyboard too.
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { generateDataset } from '../../src/data/synthetic';
import { renderApp } from './renderApp';
import { nth } from '../fixtures/builders';

const denseText = JSON.stringify(generateDataset({ events: 1500, seed: 7 }));

describe('density bands', { timeout: 30_000 }, () => {
  it('describe each dense lane to a screen reader, and keep its clusters as buttons behind the one Tab stop', async () => {
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

    // The clusters over a band stay buttons that name their count, behind the timeline's one Tab stop
    // (the others are reached with the arrow keys). One render for both: a large dataset is slow in jsdom.
    // (Names read from aria-label: computing hundreds of accessible names is slow in jsdom.)
    const clusters = within(nth(described, 0))
      .getAllByRole('button', { hidden: true })
      .filter((button) => /^[\d,]+ events, /.test(button.getAttribute('aria-label') ?? ''));
    expect(clusters.length).toBeGreaterThan(0);
    expect(lanes.flatMap((lane) => [...lane.querySelectorAll('button')].filter((b) => b.tabIndex === 0))).toHaveLength(1);
  });

  it('leave the bundled article as it was: no band, no caption, no lane description', async () => {
    await renderApp();
    const timeline = screen.getByRole('region', { name: /^Timeline of / });
    for (const lane of within(timeline).getAllByRole('group', { name: /: [\d,]+ marks?$/ })) expect(lane).not.toHaveAttribute('aria-describedby');
    expect(within(timeline).queryByText(/^Bars: events per/)).toBeNull();
  });
});
