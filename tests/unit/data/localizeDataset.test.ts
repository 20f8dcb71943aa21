import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateDataset } from '../../../src/data/validate';
import { localizeDataset, textLangOf, translationFor } from '../../../src/data/localizeDataset';

const result = validateDataset(JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')));
const dataset = result.dataset;
if (!dataset) throw new Error('the bundled dataset must be valid');
const event = (d: typeof dataset, id: string) => d.eventsById.get(id);

describe('translationFor', () => {
  it('finds the reader’s language by tag or by language', () => {
    const translations = { uk: { title: 'Заголовок' }, 'pt-BR': { title: 'Título' } };
    expect(translationFor(translations, 'uk-UA')).toEqual({ lang: 'uk', text: { title: 'Заголовок' } });
    expect(translationFor(translations, 'pt')).toEqual({ lang: 'pt-BR', text: { title: 'Título' } });
    expect(translationFor(translations, 'de')).toBeNull();
    expect(translationFor(undefined, 'uk')).toBeNull();
  });
});

describe('localizeDataset', () => {
  it('shows the author’s Ukrainian title and summary, marked as Ukrainian, and keeps excerpts verbatim', () => {
    const uk = localizeDataset(dataset, 'uk');
    const original = event(dataset, 'russia-invades-ukraine');
    const shown = event(uk, 'russia-invades-ukraine');
    expect(shown?.title).toBe('Російські війська вторгаються в Україну');
    expect(shown?.textLang).toEqual({ title: 'uk', summary: 'uk' });
    expect(shown?.excerpts).toEqual(original?.excerpts);
    expect(shown?.dateBasis).toEqual(original?.dateBasis);
    expect(uk.title).toMatch(/^Байден дозволяє/);
    expect(uk.textLang?.title).toBe('uk');
  });

  it('keeps untranslated events in the dataset’s language, marked as such', () => {
    const localized = localizeDataset(dataset, 'uk');
    const shown = event(localized, 'white-house-declines-comment');
    expect(shown?.title).toBe('White House declines to comment');
    expect(textLangOf(localized, shown ?? null, 'title')).toBe('en');
    expect(textLangOf(localized, shown ?? null, 'summary')).toBe('en');
  });

  it('copies nothing it does not translate: a large dataset is not duplicated for a reader', () => {
    expect(localizeDataset(dataset, 'en-GB')).toBe(dataset);
    const uk = localizeDataset(dataset, 'uk');
    const untranslated = dataset.events.find((e) => !e.translations);
    expect(untranslated && uk.eventsById.get(untranslated.id)).toBe(untranslated);
    expect(localizeDataset(dataset, 'fr')).toBe(dataset);
  });

  it('changes nothing a reader of the dataset’s own language sees, nor ids, dates or order', () => {
    const en = localizeDataset(dataset, 'en-GB');
    expect(en.events.map((e) => [e.id, e.title, e.when.start])).toEqual(dataset.events.map((e) => [e.id, e.title, e.when.start]));
    const uk = localizeDataset(dataset, 'uk');
    expect(uk.events.map((e) => [e.id, e.when.start])).toEqual(dataset.events.map((e) => [e.id, e.when.start]));
  });
});

describe('translations in a dataset file', () => {
  it('are keyed by language tags; anything else is named with its path', () => {
    const data = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as { events: { translations?: unknown }[] };
    const first = data.events[0];
    if (!first) throw new Error('fixture needs an event');
    first.translations = { 'not a tag': { title: 'x' } };
    const checked = validateDataset(data);
    expect(checked.rejected).toHaveLength(1);
    expect(checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/events\[0\]\.translations.*BCP 47/);
  });
});
