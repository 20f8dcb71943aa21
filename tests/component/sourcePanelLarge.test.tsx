// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { SourcePanel } from '../../src/ui/SourcePanel';
import { generateDataset } from '../../src/data/synthetic';
import { validateDataset } from '../../src/data/validate';

function panelFor(events: number) {
  const { dataset } = validateDataset(generateDataset({ events, seed: 2 }));
  if (!dataset) throw new Error('the synthetic dataset did not validate');
  render(<SourcePanel dataset={dataset} selected={null} visible={new Map()} revealRequest={0} onSelect={() => {}} hrefFor={(id) => `?event=${id}`} />);
  return dataset;
}

describe('the source panel of a long collection', () => {
  it('offers every paragraph at once while there are few enough to draw', () => {
    panelFor(600);
    expect(screen.getByRole('button', { name: /^Show all [\d,]+ paragraphs of \d+ sources$/ })).toBeInTheDocument();
  });

  it('says plainly that thousands of paragraphs are too many to show at once, instead of offering them', () => {
    const dataset = panelFor(3_000);
    const paragraphs = dataset.sources.reduce((n, s) => n + s.paragraphs.length, 0);
    expect(screen.queryByRole('button', { name: /^Show all/ })).toBeNull();
    expect(
      screen.getByText(`These ${dataset.sources.length} sources have ${paragraphs.toLocaleString('en-US')} paragraphs, too many to show at once: the panel shows their opening and the passages around the selected event.`),
    ).toBeInTheDocument();
  });
});
