import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { svgMarks } from '../../../src/export/svgMarks';
import type { EventMark } from '../../../src/timeline/core/layout';
import { viewToSvg, describeFilters, escapeXml, fitText, wrapText, estimateText, type ViewPictureInput } from '../../../src/export/svg';
import { createViewModel } from '../../../src/state/viewModel';
import { NO_FILTERS } from '../../../src/state/filters';
import { bundledDataset } from '../../fixtures/kursk';
import { LIGHT_PALETTE } from '../../fixtures/palette';
import type { Dataset } from '../../../src/data/model';
import { createI18n } from '../../../src/i18n';
import ukrainian from '../../../src/i18n/locales/uk';
import { localizeDataset } from '../../../src/data/localizeDataset';

const dataset = bundledDataset();
const palette = LIGHT_PALETTE;

function picture(changes: Partial<ViewPictureInput> = {}, data: Dataset = dataset) {
  const model = createViewModel(data);
  const view = model.viewFor(NO_FILTERS);
  return viewToSvg({
    dataset: data,
    events: view.events,
    lanes: view.lanes ?? [],
    hits: view.hits,
    window: { start: Date.UTC(2024, 9, 20), end: Date.UTC(2024, 10, 25) },
    width: 1000,
    theme: 'light',
    palette,
    credit: { app: 'Conflict timeline', url: 'https://example.org/?from=2024-10-20' },
    ...changes,
  });
}

// The serializer itself needs no DOM; a real XML parser checks what it wrote.
const { DOMParser } = new JSDOM('').window;

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');

describe('the view as SVG', () => {
  it('is a standalone SVG document with the title, the window, a legend of the lanes and the source', () => {
    const { svg, width, height } = picture();
    const doc = parse(svg);
    expect(doc.documentElement.localName).toBe('svg');
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect([Number(doc.documentElement.getAttribute('width')), Number(doc.documentElement.getAttribute('height'))]).toEqual([width, height]);
    expect(width).toBe(1000 + 48);
    const all = texts(doc);
    expect(all.join(' ')).toContain(dataset.title.split(' ').slice(0, 4).join(' '));
    expect(all).toContain('Shown: Oct 20, 2024 – Nov 24, 2024');
    expect(all.join(' ')).toContain(dataset.description?.split(' ').slice(0, 5).join(' '));
    for (const actor of dataset.actors.filter((a) => !a.memberOf)) expect(all).toContain(actor.name);
    expect(all.some((t) => t.startsWith('Source: The Epoch Times, “Biden Allows Ukraine'))).toBe(true);
    expect(all.some((t) => t.includes('https://example.org/?from=2024-10-20'))).toBe(true);
  });

  it('writes event titles as text, in full where the timeline has room for them', () => {
    const all = texts(parse(picture().svg));
    const titles = dataset.events.map((e) => e.title).filter((t) => all.includes(t));
    expect(titles.length).toBeGreaterThan(10);
  });

  it('carries no classes, style sheets, scripts, CSS variables or outside references', () => {
    const { svg } = picture();
    for (const needle of ['class=', '<style', '<script', 'var(', 'light-dark(', 'href', 'foreignObject', 'http://www.w3.org/1999/xlink']) expect(svg).not.toContain(needle);
    // Internal references only: patterns, masks and the plot's clip.
    for (const [, ref] of svg.matchAll(/url\(([^)]*)\)/g)) expect(ref).toMatch(/^#[a-z0-9-]+$/);
  });

  it('draws marks in the colours of the current theme', () => {
    const ukraine = dataset.actorsById.get('ukraine');
    if (!ukraine) throw new Error('no Ukraine');
    expect(picture({ theme: 'light' }).svg).toContain(ukraine.color.light);
    const dark = picture({ theme: 'dark' }).svg;
    expect(dark).toContain(ukraine.color.dark);
    expect(dark).not.toContain(ukraine.color.light);
  });

  it('keeps hostile dataset text as text', () => {
    const hostile = '</text><script>alert(1)</script><text x="0">&amp; "quoted" \'single\'';
    const first = dataset.events[0];
    if (!first) throw new Error('no events');
    const data: Dataset = {
      ...dataset,
      title: hostile,
      events: dataset.events.map((e) => (e.id === first.id ? { ...e, title: `${hostile}\u0000\u001b` } : e)),
      actors: dataset.actors.map((a) => (a.id === 'ukraine' ? { ...a, name: '<img src=x onerror=alert(1)>' } : a)),
    };
    data.actorsById = new Map(data.actors.map((a) => [a.id, a]));
    const doc = parse(picture({ window: { start: Date.UTC(2021, 11, 1), end: Date.UTC(2025, 0, 1) } }, data).svg);
    expect(doc.querySelectorAll('script, img, foreignObject')).toHaveLength(0);
    const all = texts(doc);
    expect(all).toContain(hostile);
    expect(all).toContain('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('title')?.textContent).toContain(hostile);
  });

  it('speaks the reader’s interface language: a Ukrainian picture has Ukrainian words and dates, and no English ones', () => {
    const uk = createI18n('uk', ukrainian);
    const translated = localizeDataset(dataset, 'uk');
    const doc = parse(picture({ i18n: uk, filterNote: 'Лише події з учасниками: Україна.', credit: { app: uk.t('picture.app'), url: 'https://example.org/?from=2024-10-20' } }, translated).svg);
    const all = texts(doc);
    expect(all).toContain('Показано: 20 жовтня 2024 – 24 листопада 2024');
    expect(all).toContain('Лише події з учасниками: Україна.');
    // Axis labels: the month alone in the nominative, a day with the month's short form.
    for (const tick of ['жовтень 2024', 'листопад 2024', '21 жовт.']) expect(all).toContain(tick);
    for (const label of ['одна дата', 'кілька подій, із їхньою кількістю']) expect(all).toContain(label);
    expect(all.some((t) => t.startsWith('Джерело: The Epoch Times, «Biden Allows Ukraine'))).toBe(true);
    expect(all).toContain('Створено в застосунку «Хронологія конфлікту»: https://example.org/?from=2024-10-20');
    expect(all).toContain('Опубліковано 18 листопада 2024');
    // The translated titles the reader sees on screen, not the authored English ones.
    const zelensky = translated.eventsById.get('zelenskyy-hopes-for-diplomatic-end');
    expect(zelensky?.title).not.toBe(dataset.eventsById.get('zelenskyy-hopes-for-diplomatic-end')?.title);
    expect(all).toContain(zelensky?.title);
    expect(all.join(' ')).toContain(translated.title.split(' ').slice(0, 3).join(' '));
    expect(doc.querySelector('title')?.textContent).toContain(translated.title);
    for (const english of ['Shown:', 'Source:', 'Made with', 'Published', 'one date', 'several events']) expect(all.join(' ')).not.toContain(english);
  });

  it('wraps long legend keys and links at phone width instead of cutting them or running off the picture', () => {
    const uk = createI18n('uk', ukrainian);
    const url = `https://example.org/?data=${encodeURIComponent('https://data.example.test/a/rather/long/path/rome.timelinejs.json')}&lang=uk&from=2024-10-20&to=2024-11-25`;
    const { svg, width } = picture({ width: 342, i18n: uk, credit: { app: uk.t('picture.app'), url } }, localizeDataset(dataset, 'uk'));
    const doc = parse(svg);
    // Title, subtitle, legend and footer: the texts outside the (clipped) plot.
    const outside = [...doc.documentElement.children].filter((el) => el.localName === 'text');
    for (const el of outside) {
      const right = Number(el.getAttribute('x')) + estimateText(el.textContent ?? '', `${el.getAttribute('font-size') ?? 13}px`);
      expect(right, el.textContent ?? '').toBeLessThanOrEqual(width - 24 + 0.5);
    }
    const lines = outside.map((el) => el.textContent ?? '');
    expect(lines.join('')).toContain(url);
    expect(lines.join(' ')).toContain(uk.t('picture.legendSpan'));
    expect(lines.some((l) => l.endsWith('…'))).toBe(false);
  });

  it('draws the periods (eras) of an imported timeline, with their labels', () => {
    const withPeriods: Dataset = {
      ...dataset,
      periods: [
        { id: 'autumn', label: 'Autumn campaign', date: '2024-10-01/2024-11-10', when: { edtf: '2024-10-01/2024-11-10', kind: 'interval', start: Date.UTC(2024, 9, 1), end: Date.UTC(2024, 10, 11), startPrecision: 'day', endPrecision: 'day', qualified: false } },
      ],
    };
    const doc = parse(picture({}, withPeriods).svg);
    expect(texts(doc)).toContain('Autumn campaign');
    expect(texts(parse(picture().svg))).not.toContain('Autumn campaign');
  });

  it('fades events outside the search, as the timeline does', () => {
    const view = createViewModel(dataset).viewFor({ actors: null, query: 'Kursk' });
    expect(view.hits?.some((h) => h === 0)).toBe(true);
    const faded = picture({ hits: view.hits }).svg;
    expect(faded).toMatch(/ opacity="0.3"/);
    expect(picture().svg).not.toMatch(/ opacity="0.3"/);
  });
});

describe('the note on filters under the picture’s title', () => {
  const uk = createI18n('uk', ukrainian);

  it('names the chosen actors and the search, in the reader’s language', () => {
    const filters = { actors: ['ukraine', 'russia'], query: ' Kursk ' };
    expect(describeFilters(filters, dataset)).toBe('Only events involving Ukraine and Russia. Events matching “Kursk” in full colour, others faded.');
    expect(describeFilters(filters, localizeDataset(dataset, 'uk'), uk)).toBe('Лише події з учасниками: Ukraine і Russia. Події, що відповідають «Kursk», — у повному кольорі, решта приглушені.');
    expect(describeFilters({ actors: [], query: '' }, dataset, uk)).toBe('Не вибрано жодного учасника.');
    expect(describeFilters({ actors: null, query: '  ' }, dataset, uk)).toBeUndefined();
  });
});

describe('text helpers', () => {
  it('escapes markup characters and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('draws a context span as the page does, a thin bar of its colour without hatching or a top rule, and a span hatched under its rule', () => {
    const marks = svgMarks(palette, 1000, estimateText);
    const event = dataset.events[0];
    if (!event) throw new Error('no event');
    const span: EventMark = { type: 'event', key: 's', event: 0, laneId: 'a', shape: 'span', x: 100, x2: 900, y: 40, row: 0, label: null, context: false };
    const bar = parse(`<svg xmlns="http://www.w3.org/2000/svg">${marks.event({ ...span, context: true }, event, '#a83232', false)}</svg>`);
    const barRects = [...bar.querySelectorAll('rect')];
    expect(barRects.map((r) => [r.getAttribute('fill'), r.getAttribute('fill-opacity'), r.getAttribute('height')])).toEqual([['#a83232', '0.45', '6']]);
    const plain = parse(`<svg xmlns="http://www.w3.org/2000/svg">${marks.event(span, event, '#a83232', false)}</svg>`);
    expect([...plain.querySelectorAll('rect')].map((r) => r.getAttribute('fill'))).toEqual(['url(#hatch-0)', '#a83232']);
  });

  it('cuts text to a width with an ellipsis and wraps words into lines', () => {
    const font = '10px sans-serif';
    expect(fitText('Kursk region', 1000, font, estimateText)).toBe('Kursk region');
    const cut = fitText('Kursk region strikes', 60, font, estimateText);
    expect(cut.endsWith('…')).toBe(true);
    expect(estimateText(cut, font)).toBeLessThanOrEqual(60);
    const link = 'https://example.org/?data=https%3A%2F%2Fdata.example.test%2Frome.json';
    const broken = wrapText(`see ${link}`, 60, font, estimateText);
    expect(broken.join('')).toBe(`see${link}`);
    for (const line of broken) expect(estimateText(line, font)).toBeLessThanOrEqual(60);
    const lines = wrapText('one two three four five six', 60, font, estimateText);
    expect(lines.join(' ')).toBe('one two three four five six');
    for (const line of lines) expect(estimateText(line, font)).toBeLessThanOrEqual(60);
  });
});
