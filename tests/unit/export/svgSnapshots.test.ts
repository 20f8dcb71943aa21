// Golden files of the exported picture, as Observable Plot keeps them: the SVG is normalised (numbers
// rounded, ids renumbered) and compared with tests/unit/export/__snapshots__/<name>.svg. A mismatch writes
// <name>-changed.svg beside it for review; replace the golden file with it when the change is meant.
// A missing golden file is written (and the test passes), so a new case starts by recording one.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { viewToSvg, type ViewPictureInput } from '../../../src/export/svg';
import type { Palette } from '../../../src/timeline/core/palette';
import { createViewModel } from '../../../src/state/viewModel';
import { NO_FILTERS } from '../../../src/state/filters';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import type { Dataset } from '../../../src/data/model';
import { createI18n } from '../../../src/i18n';
import ukrainian from '../../../src/i18n/locales/uk';
import { localizeDataset } from '../../../src/data/localizeDataset';
import { bundledDataset } from '../../fixtures/kursk';
import { readFixture } from '../../fixtures/files';
import { LIGHT_PALETTE } from '../../fixtures/palette';

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), '__snapshots__');

const LIGHT: Palette = LIGHT_PALETTE;
const DARK: Palette = {
  surface: 'rgb(22, 24, 28)',
  laneOdd: 'rgb(30, 33, 38)',
  text: 'rgb(232, 230, 225)',
  muted: 'rgb(160, 163, 170)',
  rule: 'rgb(58, 62, 70)',
  ruleStrong: 'rgb(88, 93, 103)',
  accent: 'rgb(141, 180, 236)',
  accentText: 'rgb(16, 18, 22)',
};

/** Numbers to one decimal and ids in order of appearance, so that a sub-pixel change is not a failure. */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renumber = (id: string) => {
    let next = ids.get(id);
    if (next === undefined) ids.set(id, (next = `id-${ids.size}`));
    return next;
  };
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${renumber(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renumber(id)})`)
    .replace(/aria-labelledby="([^"]+)"/g, (_, id: string) => `aria-labelledby="${renumber(id)}"`)
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<');
}

function expectGolden(name: string, svg: string) {
  const actual = normaliseSvg(svg);
  const golden = join(SNAPSHOTS, `${name}.svg`);
  const changed = join(SNAPSHOTS, `${name}-changed.svg`);
  if (!existsSync(golden)) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(golden, actual);
    return;
  }
  if (readFileSync(golden, 'utf8') === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`the picture ${name}.svg changed; compare it with ${name}-changed.svg beside it, and replace it if the change is meant`);
}

function picture(dataset: Dataset, changes: Partial<ViewPictureInput> = {}) {
  const view = createViewModel(dataset).viewFor(NO_FILTERS);
  return viewToSvg({
    dataset,
    events: view.events,
    lanes: view.lanes ?? [],
    hits: view.hits,
    window: view.fit,
    width: 1000,
    theme: 'light',
    palette: LIGHT,
    credit: { app: 'Conflict timeline', url: 'https://example.org/' },
    ...changes,
  }).svg;
}

const KURSK_WINDOW = { start: Date.UTC(2024, 9, 20), end: Date.UTC(2024, 10, 25) };

describe('the exported picture, against golden files', () => {
  it('draws the bundled article as it was drawn when the golden file was recorded', () => {
    expectGolden('article', picture(bundledDataset(), { window: KURSK_WINDOW }));
  });

  it('draws an imported TimelineJS file with eras, its periods as bands with labels below the lanes', async () => {
    const result = await loadDatasetFromText(readFixture('import/real/eras.json'), 'eras.json');
    if (!result.dataset) throw new Error('eras.json did not import');
    expectGolden('timelinejs-eras', picture(result.dataset));
  });

  it('draws the article in Ukrainian, words, dates and lane names translated', () => {
    const uk = createI18n('uk', ukrainian);
    expectGolden('article-uk', picture(localizeDataset(bundledDataset(), 'uk'), { window: KURSK_WINDOW, i18n: uk, credit: { app: uk.t('picture.app'), url: 'https://example.org/?lang=uk' } }));
  });

  it('draws the article in the dark theme, in its colours', () => {
    expectGolden('article-dark', picture(bundledDataset(), { window: KURSK_WINDOW, theme: 'dark', palette: DARK }));
  });

  it('draws a phone-wide picture with a search that fades what it does not match', () => {
    const dataset = bundledDataset();
    const view = createViewModel(dataset).viewFor({ ...NO_FILTERS, query: 'Kursk' });
    expectGolden('article-phone-search', picture(dataset, { window: KURSK_WINDOW, width: 342, hits: view.hits, events: view.events, lanes: view.lanes ?? [], filterNote: 'Events matching “Kursk” in full colour, the rest faded.' }));
  });
});
