// "Any dataset, safely": datasets from ?data= URLs and from disk, hostile, broken, huge and tiny, in the
// built app under its real Content-Security-Policy. Datasets are served by page.route from
// https://data.example.test; every other outside request is refused and recorded.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { generateDataset } from '../../src/data/synthetic';
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, sharedBrowser, desktopViewport, saveScreenshot, type CollectPageErrorsOptions } from './support/browser';
import { loadingStatuses, recordLoadingStatuses } from './support/app';
import {
  buildDataset,
  DATA_ORIGIN,
  dataUrl,
  guardOutsideRequests,
  manyEvents,
  sameDayEvents,
  serveDatasets,
  tinyDataset,
  xssDataset,
  XSS_PAYLOADS,
  type DataReply,
  type DatasetRecord,
} from './support/datasets';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

const BUNDLED = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as DatasetRecord;

type Tripwire = Window & { __xss?: unknown[]; __csp?: string[] };

interface Opened {
  page: Page;
  errors: string[];
  outside: string[];
  dialogs: string[];
}

/** A fresh page serving `replies` on DATA_ORIGIN, with tripwires for scripts, dialogs and CSP violations. */
async function preparePage(replies: Record<string, DataReply>, errorOptions: CollectPageErrorsOptions = {}): Promise<Opened> {
  const page = await chromium.page({ baseURL, viewport: desktopViewport });
  const errors = collectPageErrors(page, errorOptions);
  const outside = await guardOutsideRequests(page, baseURL);
  await serveDatasets(page, replies);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  await page.addInitScript(() => {
    const w = window as Tripwire;
    w.__xss = [];
    w.alert = (message?: unknown) => {
      w.__xss?.push(`alert(${String(message)})`);
    };
    document.addEventListener('securitypolicyviolation', (e) => {
      (w.__csp ||= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, errors, outside, dialogs };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const timelineRegion = (page: Page) => page.getByRole('region', { name: /Timeline/ });

/** Events drawn on the timeline: single marks plus the counts of clusters. */
async function eventsOnTimeline(page: Page): Promise<number> {
  return page.evaluate(() => {
    const single = document.querySelectorAll('.timeline-marks button[data-event-id]').length;
    const clustered = [...document.querySelectorAll('.timeline-marks .mark-cluster')].reduce((n, el) => n + Number(el.textContent), 0);
    return single + clustered;
  });
}

async function tripwires(page: Page): Promise<{ xss: unknown[]; csp: string[] }> {
  return page.evaluate(() => ({ xss: (window as Tripwire).__xss ?? ['tripwire missing'], csp: (window as Tripwire).__csp ?? [] }));
}

describe('a hostile dataset', () => {
  it('the tripwires are armed: markup injected into the page is caught by the CSP report and alert is trapped', async () => {
    const { page, dialogs } = await preparePage({});
    await page.goto('/');
    await timelineRegion(page).waitFor();
    // Evaluated over the DevTools protocol, as an attacker's markup would be if the app ever used innerHTML.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<img id="tripwire-test" src="x" onerror="__xss.push(\'img\')">');
      window.alert('trapped');
    });
    await expect.poll(async () => (await tripwires(page)).csp.length).toBeGreaterThan(0);
    const { xss, csp } = await tripwires(page);
    expect(csp.some((v) => v.startsWith('script-src'))).toBe(true);
    expect(xss).toEqual(['alert(trapped)']);
    expect(dialogs).toEqual([]);
  });

  it(`renders ${XSS_PAYLOADS.length} XSS payloads in every text field as text, and runs none of them`, async () => {
    const dataset = xssDataset();
    expect(new Set(XSS_PAYLOADS).size).toBeGreaterThanOrEqual(50);
    const { page, errors, outside, dialogs } = await preparePage({ '/xss.json': { body: dataset } });
    const ownOrigin = new URL(baseURL).origin;
    const strayRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === ownOrigin && !(url.pathname === '/' || url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg')) strayRequests.push(request.url());
    });

    await page.goto(dataUrl('/xss.json', 'event=xss-1'));
    await timelineRegion(page).waitFor();
    // The dataset title is payload 1, shown literally.
    await expect.poll(() => heading(page).textContent()).toBe(XSS_PAYLOADS[0]);
    expect(await page.locator('.dataset-origin').textContent()).toContain(`Loaded from ${DATA_ORIGIN}/xss.json`);

    // The selected event's details show its payload title and quote as text.
    const details = page.locator('.event-details');
    expect(await details.locator('#event-title').textContent()).toBe(XSS_PAYLOADS[0]);
    expect(await details.locator('blockquote').first().textContent()).toBe(XSS_PAYLOADS[0]);
    // The source panel holds the literal markup, and its javascript: url is not a link.
    const sourceText = (await page.locator('.source-body').textContent()) ?? '';
    expect(sourceText).toContain('<script>__xss.push(1)</script>');
    expect(sourceText).toContain('<iframe srcdoc="<script>parent.__xss.push(19)</script>"></iframe>');
    expect(await page.locator('.source-title').textContent()).toBe(dataset.sources[0]?.title);
    expect(await page.locator('.source-title a').count()).toBe(0);
    await saveScreenshot(page, 'robust-xss');

    // Every event's details, one after another: titles, summaries, date bases, attributions, excerpts.
    // Stepped inside the page (one round trip instead of two per event); each click renders the next event.
    const seenTitles = await page.evaluate(async () => {
      const button = (name: string) => [...document.querySelectorAll<HTMLButtonElement>('.details-panel button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (let guard = 0; guard < 1000 && button('Previous event')?.disabled === false; guard++) {
        button('Previous event')?.click();
        await settle();
      }
      const titles: string[] = [];
      for (let guard = 0; guard < 1000; guard++) {
        titles.push(document.querySelector('#event-title')?.textContent ?? '');
        const next = button('Next event');
        if (!next || next.disabled) break;
        next.click();
        await settle();
      }
      return titles;
    });
    expect(seenTitles).toHaveLength(dataset.events.length);
    expect(new Set(seenTitles)).toEqual(new Set(dataset.events.map((e) => e.title)));

    // Actor names in the filter, every title and quote in the list, and a payload as the search query.
    await page.getByText('Filter by actor').click();
    expect(await page.locator('.actor-filter').textContent()).toContain(dataset.actors[0]?.name);
    await page.getByRole('tab', { name: 'List' }).click();
    expect(await page.locator('.event-list-item').count()).toBe(dataset.events.length);
    const query = XSS_PAYLOADS[2] as string;
    await page.getByRole('searchbox', { name: 'Search events' }).fill(query);
    await expect.poll(() => page.locator('.event-list mark.search-hit').first().textContent()).toBe(query);

    const dom = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const handlers = all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`));
      const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'];
      const scriptUrls = all.flatMap((el) =>
        urlAttributes.flatMap((name) => {
          const value = el.getAttribute(name);
          return value !== null && /^\s*(javascript|data|vbscript):/i.test(value) ? [`${el.tagName}[${name}=${value}]`] : [];
        }),
      );
      const injected = [
        ...document.querySelectorAll(
          'iframe, object, embed, img, video, audio, marquee, base, form, math, template, noscript, x, details[open] > input, meta[http-equiv="refresh" i], link[rel="import" i], body style, script:not([src])',
        ),
      ].map((el) => el.outerHTML.slice(0, 120));
      const scripts = [...document.querySelectorAll('script')].map((s) => s.src);
      return {
        javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
        handlers,
        scriptUrls,
        injected,
        foreignScripts: scripts.filter((src) => new URL(src, location.href).origin !== location.origin || !new URL(src, location.href).pathname.startsWith('/assets/')),
      };
    });
    expect(dom.javascriptLinks).toBe(0);
    expect(dom.handlers).toEqual([]);
    expect(dom.scriptUrls).toEqual([]);
    expect(dom.injected).toEqual([]);
    expect(dom.foreignScripts).toEqual([]);

    const { xss, csp } = await tripwires(page);
    expect(xss).toEqual([]);
    expect(csp).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    expect(strayRequests).toEqual([]);
    expect(errors).toEqual([]);
  });
});

function partlyBroken(): DatasetRecord {
  const d = structuredClone(BUNDLED);
  const first = d.events[0];
  const sixth = d.events[5];
  if (!first || !sixth) throw new Error('the bundled dataset has too few events');
  first.date = '2022-02-31';
  sixth.excerpts = [{ source: sixth.excerpts[0]?.source ?? 'x', quote: 'words the article never says' }];
  return d;
}

describe('a partly invalid dataset', () => {
  it('shows the valid events and an expandable list of what was left out, with JSON paths', async () => {
    const { page, errors } = await preparePage({ '/partly.json': { body: partlyBroken() } });
    await page.goto(dataUrl('/partly.json'));
    await timelineRegion(page).waitFor();
    expect(await heading(page).textContent()).toBe(BUNDLED.title);
    // It opens where the story starts; Fit all shows every event that was kept.
    await page.getByRole('button', { name: 'Fit all' }).click();
    await expect.poll(() => eventsOnTimeline(page)).toBe(BUNDLED.events.length - 2);

    const notice = page.locator('details.rejected-notice');
    expect(await notice.locator('summary').textContent()).toMatch(/^2 items in this dataset could not be used and are not\s+shown\. See why$/);
    expect(await notice.locator('.problem-list').isVisible()).toBe(false);
    await notice.locator('summary').click();
    const problems = notice.locator('.problem-list li');
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      'events[0].date: 2022-02-31 is not a calendar date',
      `events[5].excerpts[0].quote: not found verbatim in source "${BUNDLED.sources[0]?.id ?? ''}"`,
    ]);
    expect(await notice.locator('code.problem-path').allTextContents()).toEqual(['events[0].date', 'events[5].excerpts[0].quote']);
    expect(errors).toEqual([]);
  });

  it('keeps ?data= in the links it draws, so opening one in a new tab shows the same dataset', async () => {
    const { page } = await preparePage({ '/partly.json': { body: partlyBroken() } });
    await page.goto(dataUrl('/partly.json'));
    await timelineRegion(page).waitFor();
    await page.getByRole('tab', { name: 'List' }).click();
    await page.locator('.event-list-item a').first().waitFor();
    const hrefs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.source-body a[href], .event-list a[href]')].map((a) => a.getAttribute('href') ?? ''),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    const lost = hrefs.filter((href) => !new URL(href, page.url()).searchParams.get('data'));
    expect(lost.length, `links without data=: ${lost.slice(0, 3).join(', ')} …`).toBe(0);
  });
});

describe('a dataset that cannot be loaded', () => {
  it('a 404 says "the server answered 404" and offers the bundled dataset, which opens', async () => {
    const { page, errors } = await preparePage({}, { ignore: [/status of 404/] });
    await page.goto(dataUrl('/missing.json'));
    await expect.poll(() => heading(page).textContent()).toBe('This dataset could not be loaded');
    const problem = page.locator('.problem-list li');
    expect(await problem.textContent()).toBe(`${DATA_ORIGIN}/missing.json: the server answered 404 Not Found`);
    await page.getByRole('link', { name: 'Open the bundled dataset instead' }).click();
    await timelineRegion(page).waitFor();
    expect(await heading(page).textContent()).toBe(BUNDLED.title);
    expect(new URL(page.url()).searchParams.get('data')).toBeNull();
    expect(errors).toEqual([]);
  });

  it('text that is not JSON gets a line and column', async () => {
    const { page, errors } = await preparePage({ '/page.html': { body: '<!doctype html>\n<html><body>Not a dataset</body></html>', contentType: 'text/html' } });
    await page.goto(dataUrl('/page.html'));
    await expect.poll(() => heading(page).textContent()).toBe('This dataset cannot be shown');
    expect(await page.locator('.problem-list li').textContent()).toMatch(/^line 1, column 1: not valid JSON: /);
    expect(await page.getByRole('link', { name: 'Open the bundled dataset instead' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('a host that does not allow other sites to read it (CORS) is named as a CORS refusal', async () => {
    // Chromium reports the refusal on the console itself; that is the browser, not the app.
    const { page, errors } = await preparePage({ '/nocors.json': { body: tinyDataset(), cors: false } }, { ignore: [/CORS policy/, /net::ERR_FAILED/] });
    await page.goto(dataUrl('/nocors.json'));
    await expect.poll(() => heading(page).textContent()).toBe('This dataset could not be loaded');
    const text = (await page.locator('.problem-list li').textContent()) ?? '';
    expect(text).toContain(`${DATA_ORIGIN}/nocors.json`);
    expect(text).toContain('CORS');
    expect(errors).toEqual([]);
  });

  it('a javascript: data URL is refused without being followed', async () => {
    const { page, errors } = await preparePage({});
    await page.goto(`/?data=${encodeURIComponent('javascript:alert(1)')}`);
    await expect.poll(() => heading(page).textContent()).toBe('This dataset could not be loaded');
    expect(await page.locator('.problem-list li').textContent()).toBe('data: only http: and https: datasets can be loaded, not javascript:');
    expect((await tripwires(page)).xss).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('unclosed JSON nested 10,000 levels deep ends on the error page within 5 s, not on "Loading" forever', async () => {
    const { page, errors } = await preparePage({ '/deep.json': { body: '['.repeat(10_000) } });
    const started = Date.now();
    // Not waiting for "load": a page whose main thread is stuck must not hold the test up.
    await page.goto(dataUrl('/deep.json'), { waitUntil: 'commit' });
    const shown = await heading(page)
      .waitFor({ timeout: 5000 })
      .then(() => heading(page).textContent())
      .catch(() => null);
    const loading = await page.locator('.loading').textContent({ timeout: 1000 }).catch(() => null);
    const said = `after ${Date.now() - started} ms still showing: ${loading ?? '(nothing)'}; page errors: ${errors.join(' | ') || 'none'}`;
    expect(shown, said).toBe('This dataset cannot be shown');
    expect(await page.locator('.problem-list li').textContent()).toMatch(/^line 1, column \d+: not valid JSON/);
  });
});

describe('huge and edge-case datasets', () => {
  it('5,000 events load within 10 s, the tab answers promptly afterwards, and the timeline clusters them', async () => {
    const huge = buildDataset({ title: 'Five thousand events', events: manyEvents(5000, { partialQuotes: true }), sources: 100 });
    const { page, errors } = await preparePage({ '/huge.json': { body: huge } });
    const started = Date.now();
    await page.goto(dataUrl('/huge.json'));
    await timelineRegion(page).waitFor({ timeout: 10_000 });
    await expect.poll(() => heading(page).textContent()).toBe('Five thousand events');
    const loadMs = Date.now() - started;
    expect(loadMs).toBeLessThan(10_000);

    const pinged = Date.now();
    expect(await page.evaluate(() => 1)).toBe(1);
    expect(Date.now() - pinged).toBeLessThan(1000);

    expect(await page.locator('.timeline-marks .mark-cluster').count()).toBeGreaterThan(0);
    expect(await eventsOnTimeline(page)).toBe(5000);

    // Still interactive: zooming in changes the view within a few seconds.
    const before = page.url();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.waitForURL((url) => url.href !== before, { timeout: 5000 });
    expect(errors).toEqual([]);
    console.log(`[robust] 5,000 events: loaded and drawn in ${loadMs} ms`);
  });

  it('all events on one day, and a single event, render without page errors', async () => {
    const oneDay = buildDataset({ title: 'All on one day', events: sameDayEvents(40) });
    const single = buildDataset({ title: 'Just one event', events: [{ id: 'only', date: '2024-11-17', title: 'The only event' }] });
    const { page, errors } = await preparePage({ '/one-day.json': { body: oneDay }, '/single.json': { body: single } });

    await page.goto(dataUrl('/one-day.json'));
    await timelineRegion(page).waitFor();
    expect(await heading(page).textContent()).toBe('All on one day');
    await expect.poll(() => eventsOnTimeline(page)).toBe(40);

    await page.goto(dataUrl('/single.json'));
    await timelineRegion(page).waitFor();
    expect(await heading(page).textContent()).toBe('Just one event');
    await expect.poll(() => eventsOnTimeline(page)).toBe(1);
    await page.locator('.timeline-marks button[data-event-id="only"]').click();
    expect(await page.locator('#event-title').textContent()).toBe('The only event');
    expect(errors).toEqual([]);
  });

  it('a dataset without events says "This dataset has no events yet."', async () => {
    const { page, errors } = await preparePage({ '/empty.json': { body: buildDataset({ title: 'Nothing yet', events: [] }) } });
    await page.goto(dataUrl('/empty.json'));
    await expect.poll(() => heading(page).textContent()).toBe('Nothing yet');
    await page.getByText('This dataset has no events yet.').waitFor();
    expect(errors).toEqual([]);
  });
});

describe('"Open dataset"', () => {
  it('opens a file from disk, shows its title and says where it came from', async () => {
    const { page, errors } = await preparePage({});
    await page.goto('/?event=russia-invades-ukraine');
    await timelineRegion(page).waitFor();
    const tiny = tinyDataset();
    await page.locator('input[type=file]').setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny)) });
    await expect.poll(() => heading(page).textContent()).toBe(tiny.title);
    expect(await page.locator('.dataset-origin').textContent()).toContain('Showing tiny.json, opened from your computer');
    await expect.poll(() => eventsOnTimeline(page)).toBe(tiny.events.length);
    // The old dataset's view is dropped from the URL: a file cannot be shared by link.
    expect(new URL(page.url()).searchParams.get('event')).toBeNull();

    await page.getByRole('link', { name: 'Back to the bundled dataset' }).click();
    await expect.poll(() => heading(page).textContent()).toBe(BUNDLED.title);
    expect(errors).toEqual([]);
  });

  it('a large file from disk is read in the worker with its progress, handed over in pieces as it is read, and opens', async () => {
    const { page, errors } = await preparePage({});
    await page.goto('/');
    await timelineRegion(page).waitFor();
    await recordLoadingStatuses(page);
    const large = generateDataset({ events: 30_000, seed: 4 });
    await page.locator('input[type=file]').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(large)) });
    await expect.poll(() => heading(page).textContent(), { timeout: 60_000 }).toBe(large.title);
    const statuses = await loadingStatuses(page);
    // Reading (with megabytes and the events checked so far), the end of checking, and the hand-over counting
    // up in pieces: no wait goes unexplained.
    const stages = statuses.map((text) => /^(Reading|Checking sources|Checking events|Handing sources|Handing|Laying out)/.exec(text)?.[1]).filter((stage, i, all) => stage && stage !== all[i - 1]);
    // The sources are checked once the events begin and handed to the page (a count that may pass too quickly to
    // be painted, for a few hundred sources), and the reading goes on, counting the events checked. The checks end
    // with the file ("Checking events: 30,000 of 30,000"), which the hand-over may follow before it is painted.
    expect([
      ['Reading', 'Checking sources', 'Reading', 'Laying out'],
      ['Reading', 'Checking sources', 'Handing sources', 'Reading', 'Laying out'],
    ]).toContainEqual(stages.filter((stage) => stage !== 'Checking events'));
    expect(statuses.some((text) => /^Checking sources: [\d,]+ of [\d,]+$/.test(text))).toBe(true);
    expect(statuses.some((text) => /^Reading the file… [\d.]+\u00a0MB \(\d+%\)$/.test(text))).toBe(true);
    // Its events are checked as the file is read, and the screen counts them.
    expect(statuses.some((text) => /^Reading the file… [\d.]+\u00a0MB \(\d+%\)\u00a0· [\d,]+ events checked$/.test(text))).toBe(true);
    // Handed to the page in pieces as they were checked, while the file was read: none is left to hand over at
    // the end, only their lanes to lay out, which the screen counts.
    expect(statuses.some((text) => /^Laying out the lanes: \d+ of \d+$/.test(text))).toBe(true);
    expect(await page.getByRole('button', { name: /^[\d,]+ events, / }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('a broken file gets the error page with a line and column', async () => {
    const { page, errors } = await preparePage({});
    await page.goto('/');
    await timelineRegion(page).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "title": "x",\n}') });
    await expect.poll(() => heading(page).textContent()).toBe('This dataset cannot be shown');
    // The trailing comma is located where it stands, not at the brace after it.
    expect(await page.locator('.problem-list li').textContent()).toMatch(/^line 2, column 15: not valid JSON: a trailing comma/);
    expect(errors).toEqual([]);
  });
});
