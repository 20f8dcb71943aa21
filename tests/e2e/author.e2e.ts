import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifactsDir, collectPageErrors, desktopViewport, saveScreenshot, sharedBrowser } from './support/browser';
import { runAxe } from './support/axe';
import { validateDataset } from '../../src/data/validate';
import { formatProblem } from '../../src/data/problems';
import { DATA_ORIGIN, serveDatasets } from './support/datasets';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

// The seed article as saved from the page: Markdown, with the page's furniture around it.
// The seed article as handed to the project (see tests/fixtures/author/README.md).
const SEED = readFileSync('tests/fixtures/author/seed-article.txt');

interface ReferenceEvent {
  id: string;
  date: string;
  dateBasis: { quote: string };
  excerpts: { quote: string }[];
}
const reference = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as { events: ReferenceEvent[] };
const referenceEvent = (id: string) => reference.events.find((e) => e.id === id) as ReferenceEvent;

async function openEditor(page: Page, path = '/?edit') {
  await page.goto(path);
  await page.getByRole('main', { name: 'Timeline editor' }).waitFor();
}

/** Selects words in the Source region as a mouse would: a DOM selection across its text (and marks). */
async function selectInSource(page: Page, words: string) {
  const found = await page.getByRole('region', { name: 'Source', exact: true }).evaluate((region, wanted) => {
    for (const paragraph of region.querySelectorAll('[data-paragraph]')) {
      const text = paragraph.textContent ?? '';
      const at = text.indexOf(wanted);
      if (at < 0) continue;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (at >= offset && at <= offset + length && range.startContainer === document) range.setStart(node, at - offset);
        if (at + wanted.length >= offset && at + wanted.length <= offset + length) {
          range.setEnd(node, at + wanted.length - offset);
          break;
        }
        offset += length;
      }
      if (offset === 0 && range.startContainer === document) return false;
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    return false;
  }, words);
  expect(found, `"${words.slice(0, 40)}…" is in one paragraph of the source`).toBe(true);
  await page.getByText(/^Selected: “/).waitFor();
}

async function createActor(page: Page, name: string, kind: 'State' | 'Person', memberOf?: string) {
  const form = page.getByRole('form', { name: 'Event' });
  const details = form.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await form.getByText('Create an actor').click();
  await form.getByLabel('Actor name').fill(name);
  await form.getByLabel('Kind').selectOption({ label: kind });
  if (memberOf) await form.getByLabel('Belongs to').selectOption({ label: memberOf });
  await form.getByRole('button', { name: 'Add actor' }).click();
  await expect.poll(() => form.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name }).isChecked()).toBe(true);
}

interface Made {
  id: string;
  title: string;
  actors: (string | [string, 'State' | 'Person', string?])[];
  attribution?: { kind: string; detail: string };
}

/** Makes one event from the reference excerpt of `made.id`, accepting the suggested date. */
async function eventFromReference(page: Page, made: Made) {
  const ref = referenceEvent(made.id);
  await selectInSource(page, ref.excerpts[0]?.quote ?? '');
  await page.getByRole('button', { name: 'New event from selection' }).click();
  const form = page.getByRole('form', { name: 'Event' });
  await form.waitFor();
  // The suggested date and the words that fixed it, accepted as they are.
  expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe(ref.date);
  expect((await form.getByLabel('Dated by').inputValue()).toLowerCase()).toBe(ref.dateBasis.quote.toLowerCase());
  expect(await form.getByLabel('Date explanation').inputValue()).not.toBe('');
  await form.getByLabel('Title', { exact: true }).fill(made.title);
  await form.getByLabel('Summary').fill(`In our words: ${made.title}.`);
  for (const actor of made.actors) {
    if (typeof actor === 'string') await form.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: actor }).check();
    else await createActor(page, ...actor);
  }
  if (made.attribution) {
    await form.getByLabel('Attribution', { exact: true }).selectOption(made.attribution.kind);
    await form.getByLabel('Attributed to').fill(made.attribution.detail);
  }
}

const EVENTS: Made[] = [
  {
    id: 'zelenskyy-says-missiles-will-speak',
    title: 'Zelenskyy: the missiles will speak for themselves',
    actors: [['Ukraine', 'State'], ['Volodymyr Zelenskyy', 'Person', 'Ukraine']],
    attribution: { kind: 'on-record', detail: 'Ukrainian President Volodymyr Zelenskyy' },
  },
  {
    id: 'zelenskyy-hopes-for-diplomatic-end',
    title: 'Zelenskyy hopes to end the war by diplomacy next year',
    actors: ['Volodymyr Zelenskyy', 'Ukraine'],
    attribution: { kind: 'on-record', detail: 'Volodymyr Zelenskyy, to Ukrainian media' },
  },
  { id: 'us-approves-atacms-within-ukraine', title: 'US approves ATACMS for targets within Ukraine', actors: [['United States', 'State'], 'Ukraine'] },
  { id: 'ukraine-launches-kursk-incursion', title: 'Ukraine launches an incursion into Kursk', actors: ['Ukraine', ['Russia', 'State']] },
];

describe('authoring a timeline from an article', () => {
  it('rebuilds four events of the bundled dataset from the seed article, with its dates, and downloads a valid dataset', async () => {
    const page = await chromium.page({ baseURL, viewport: desktopViewport, context: { acceptDownloads: true } });
    const errors = collectPageErrors(page);
    await openEditor(page);
    await page.getByLabel('Open a text file (.txt, .html, .md)').setInputFiles({ name: 'biden-kursk.md', mimeType: 'text/markdown', buffer: SEED });
    const text = page.getByLabel('Source text');
    await expect.poll(() => text.inputValue()).toContain('Zelenskyy said on Sunday');
    // The author's clean-up: two sentences the page broke around an inline widget are joined again.
    const pasted = await text.inputValue();
    await text.fill(pasted.replace('greenlighted\n\nthe use', 'greenlighted the use').replace('In response, Russia\n\nhas allowed', 'In response, Russia has allowed'));
    await page.getByLabel('Published').fill('2024-11-18');
    await page.getByLabel('Outlet').fill('The Epoch Times');
    await page.getByLabel('Author').fill('Melanie Sun');
    await page.getByRole('region', { name: 'Source details' }).getByLabel('Title').fill("Biden Allows Ukraine to Use US Long-Range Missiles in Russia's Kursk: Reports");
    await page.getByRole('button', { name: 'Add source' }).click();

    // Date phrases are marked in the source with their suggested EDTF.
    const source = page.getByRole('region', { name: 'Source', exact: true });
    await expect.poll(() => source.locator('mark[data-edtf="2024-11-17"]').allTextContents()).toEqual(expect.arrayContaining(['on Sunday', 'on Nov. 17']));
    expect(await source.locator('mark[data-edtf="2023"]').allTextContents()).toContain('Last year');
    expect(await source.locator('mark[data-edtf="2024-11-15"]').allTextContents()).toContain('on Friday');
    expect(await source.locator('mark[data-edtf="2024"]').allTextContents()).toContain('earlier this year');
    expect(await source.locator('mark[data-edtf="2022-02"]').allTextContents()).toContain('in February 2022');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'author-top-desktop');
    await mkdir(artifactsDir, { recursive: true });
    await source.screenshot({ path: join(artifactsDir, 'author-source-marks.png') });

    for (const made of EVENTS) await eventFromReference(page, made);
    // Once events quote the source, its text is read-only until "Edit source".
    expect(await page.getByLabel('Source text').getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: 'Edit source' }).waitFor();

    await expect.poll(() => page.getByRole('list', { name: 'Events' }).getByRole('listitem').count()).toBe(4);
    await expect.poll(() => page.getByText('No problems: the dataset is valid.').isVisible()).toBe(true);
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('.timeline-marks button[data-event-id]').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'author-events-desktop');
    expect(await runAxe(page)).toEqual([]);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download dataset' }).click()]);
    await mkdir(artifactsDir, { recursive: true });
    await copyFile(await file.path(), join(artifactsDir, `author-${file.suggestedFilename()}`));
    const written = JSON.parse(await readFile(await file.path(), 'utf8')) as { events: { title: string; date: string; excerpts: { quote: string }[] }[] };
    const checked = validateDataset(written);
    expect(checked.problems.map(formatProblem)).toEqual([]);
    expect(checked.dataset?.events).toHaveLength(4);
    for (const made of EVENTS) {
      const event = written.events.find((e) => e.title === made.title);
      expect(event?.date, made.id).toBe(referenceEvent(made.id).date);
      expect(event?.excerpts.map((x) => x.quote)).toEqual(referenceEvent(made.id).excerpts.map((x) => x.quote));
    }

    // Clicking an event in the preview opens it in the editor.
    await preview.locator('.timeline-marks button[data-event-id]').first().click();
    const opened = await preview.locator('.timeline-marks button[data-event-id]').first().getAttribute('aria-label');
    expect(opened).toContain(await page.getByRole('form', { name: 'Event' }).getByLabel('Title', { exact: true }).inputValue());

    await page.setViewportSize({ width: 768, height: 1024 });
    await saveScreenshot(page, 'author-tablet');
    expect(await runAxe(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('restores the draft after a reload, and makes an event from a keyboard selection in the source text', async () => {
    const page = await chromium.page({ baseURL, viewport: desktopViewport });
    const errors = collectPageErrors(page);
    await openEditor(page);
    await page.getByLabel('Source text').fill('Officials met on Friday.\n\nNothing else happened.');
    await page.getByLabel('Published').fill('2024-11-18');
    await page.getByLabel('Outlet').fill('Desk');
    await page.getByRole('button', { name: 'Add source' }).click();
    const text = page.getByLabel('Source text');
    await text.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 'Officials met on Friday'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.getByText('Selected: “Officials met on Friday”').waitFor();
    await page.getByRole('button', { name: 'New event from selection' }).click();
    const form = page.getByRole('form', { name: 'Event' });
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe('2024-11-15');
    const title = form.getByLabel('Title', { exact: true });
    await title.fill('Officials meet');
    // Typing into one field is one step to undo.
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await title.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await title.inputValue()).toBe('Officials meet');
    await page.getByText('Draft saved in this browser.').waitFor();

    await page.reload();
    await page.getByRole('main', { name: 'Timeline editor' }).waitFor();
    await page.getByText('Your draft was restored from this browser.').waitFor();
    const events = page.getByRole('list', { name: 'Events' });
    expect(await events.getByRole('button').allTextContents()).toEqual([expect.stringContaining('Officials meet')]);
    expect(await page.getByRole('region', { name: 'Source', exact: true }).locator('mark[data-edtf="2024-11-15"]').textContent()).toBe('on Friday');
    // The history of changes is not kept across a reload, only the draft.
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await page.getByText('Date phrases', { exact: true }).click();
    expect(await page.getByRole('list', { name: 'Date phrases' }).getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^on Friday: 2024-11-15/)]);
    expect(errors).toEqual([]);
  });

  it('opens a TimelineJS file given by ?edit&data= for editing, its events marked as having no verified excerpt', async () => {
    const page = await chromium.page({ baseURL, viewport: desktopViewport });
    const errors = collectPageErrors(page);
    await serveDatasets(page, { '/roman.json': { body: readFileSync('data/roman-republic.timelinejs.json', 'utf8') } });
    await openEditor(page, `/?edit&data=${encodeURIComponent(`${DATA_ORIGIN}/roman.json`)}`);
    await page.getByText(/^Opened .*roman\.json for editing\./).waitFor();
    const events = page.getByRole('list', { name: 'Events' });
    const items = await events.getByRole('listitem').count();
    expect(items).toBeGreaterThan(3);
    expect(await events.getByText('No verified excerpt: attach one from a source.').count()).toBeGreaterThan(0);
    // The address no longer names the file: a reload restores the draft being edited instead of reopening it.
    expect(new URL(page.url()).searchParams.has('data')).toBe(false);
    await expect.poll(() => page.getByRole('region', { name: 'Preview' }).locator('.timeline-marks button[data-event-id], .timeline-marks .mark-cluster').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
