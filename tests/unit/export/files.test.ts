import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../src/export/files';

describe('export file names', () => {
  it('are the dataset title as a slug, then what the file holds', () => {
    expect(exportFileName('Biden allows Ukraine to strike Russia’s Kursk region', 'timeline', 'svg')).toBe('biden-allows-ukraine-to-strike-russia-s-kursk-region-timeline.svg');
    expect(exportFileName('Zürich: Élan & co.', 'events', 'csv')).toBe('zurich-elan-co-events.csv');
  });

  it('stay short and never start with a dot or a hyphen', () => {
    const name = exportFileName(`${'word '.repeat(40)}end`, 'events', 'json');
    expect(name.length).toBeLessThanOrEqual(60 + '-events.json'.length);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]-events\.json$/);
    expect(exportFileName('…', 'timeline', 'png')).toBe('dataset-timeline.png');
  });
});
