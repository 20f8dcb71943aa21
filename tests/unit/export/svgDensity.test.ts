// The exported picture draws dense lanes as the page does: from the same density bands (core/density.ts).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { viewToSvg } from '../../../src/export/svg';
import { createViewModel } from '../../../src/state/viewModel';
import { NO_FILTERS } from '../../../src/state/filters';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { bandPath, isQuiet, layoutDensity } from '../../../src/timeline/core/density';
import { layoutTimeline } from '../../../src/timeline/core/layout';
import { GEOMETRY } from '../../../src/timeline/core/geometry';
import { dataExtent, fitWindow } from '../../../src/timeline/core/timeWindow';
import { LIGHT_PALETTE } from '../../fixtures/palette';

const palette = LIGHT_PALETTE;

describe('a dense view as SVG', () => {
  const { dataset } = validateDataset(generateDataset({ events: 6000, seed: 2 }));
  if (!dataset) throw new Error('the sample did not validate');
  const view = createViewModel(dataset).viewFor(NO_FILTERS);
  const lanes = view.lanes ?? [];
  const window = fitWindow(dataExtent(view.events.map((e) => e.when)) ?? { start: 0, end: 1 });
  const { svg } = viewToSvg({ dataset, events: view.events, lanes, hits: view.hits, window, width: 900, theme: 'light', palette, credit: { app: 'Conflict timeline', url: 'https://example.org/' } });
  const parsed = new (new JSDOM('').window.DOMParser)().parseFromString(svg, 'image/svg+xml');
  const layout = layoutTimeline({ lanes, window, width: 900, labelWidth: () => 0 });
  const density = layoutDensity({ bands: layout.bands, window, width: 900, geometry: GEOMETRY });

  it('draws each dense lane as the bars the page draws, and says what their height means', () => {
    expect(density.lanes.length).toBeGreaterThan(0);
    const paths = [...parsed.querySelectorAll('path')].map((p) => p.getAttribute('d'));
    for (const lane of density.lanes) expect(paths).toContain(bandPath(lane, 900));
    const texts = [...parsed.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts.some((t) => /^Bars: events per \w+.*, tallest\s[\d,]+$/.test(t))).toBe(true);
  });

  it('draws a count pill only for the clusters that are not quiet over a band', () => {
    const quiet = layout.marks.filter((m) => isQuiet(m, density));
    expect(quiet.length).toBeGreaterThan(0);
    const pills = [...parsed.querySelectorAll('text[text-anchor="middle"][font-weight="700"]')];
    expect(pills.length).toBe(layout.marks.filter((m) => m.type === 'cluster' && !isQuiet(m, density)).length);
  });
});
