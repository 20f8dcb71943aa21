// The built dist/ published as a newsroom would: under a path of its site, with embeds on a page of
// another origin; and a second story built from another dataset with one setting.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './support/app';
import { collectPageErrors, sharedBrowser } from './support/browser';
import { projectRoot } from './support/server';
import { serveStatic, type StaticServer } from './support/staticServer';

const MOUNT = '/graphics/kursk-timeline/';
const chromium = sharedBrowser();
let site: StaticServer;
let host: StaticServer;

const hostPage = (siteOrigin: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title></head>
<body>
  <p>In the article, <a href="${siteOrigin}${MOUNT}?event=zelenskyy-says-missiles-will-speak" data-timeline-select="zelenskyy-says-missiles-will-speak" data-timeline-target="embedded">the missiles will speak</a>.</p>
  <div id="embedded" data-conflict-timeline data-actors="united-states,ukraine" data-title="Timeline: the US and Ukraine"></div>
  <script src="${siteOrigin}${MOUNT}embed.js" defer></script>
</body></html>`;

beforeAll(async () => {
  site = await serveStatic(join(projectRoot, 'dist'), MOUNT);
  host = await serveStatic(join(projectRoot, 'dist'), '/nothing-here/', { '/article.html': hostPage(site.origin) });
});
afterAll(async () => {
  await site?.close();
  await host?.close();
});

/** Every request that failed or answered 400 or more, to say what a subpath deploy could not find. */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (${response.status()})`);
  });
  return failed;
}

describe('dist/ served under a subpath', () => {
  it('loads the app, its worker, the dataset and the Ukrainian chunk from /graphics/kursk-timeline/', async () => {
    const page = await chromium.page({ baseURL: `${site.origin}${MOUNT}` });
    const errors = collectPageErrors(page);
    const failed = failedRequests(page);
    const loaded: string[] = [];
    page.on('requestfinished', (request) => loaded.push(new URL(request.url()).pathname));
    await openApp(page, `${MOUNT}?lang=uk`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('uk');
    await page.getByRole('button', { name: /Збільшити/ }).first().waitFor();
    // Each piece came from under the subpath: the worker (started again, once a load ends, for the next
    // dataset the reader opens), the dataset file and the Ukrainian chunk.
    for (const piece of [/assets\/loadWorker-[\w-]+\.js$/, /assets\/kursk-2024-[\w-]+\.json$/, /assets\/uk-[\w-]+\.js$/]) {
      const paths = loaded.filter((path) => piece.test(path));
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.filter((path) => !path.startsWith(`${MOUNT}assets/`))).toEqual([]);
    }
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows an embed on a page of another origin, and the page’s prose link selects an event in it', async () => {
    const page = await chromium.page();
    const failed = failedRequests(page);
    await page.goto(`${host.origin}/article.html`);
    const iframe = page.locator('#embedded iframe');
    await iframe.scrollIntoViewIfNeeded();
    expect(new URL((await iframe.getAttribute('src')) ?? '').pathname).toBe(MOUNT);
    const frame = page.frameLocator('#embedded iframe');
    await frame.locator('.lane-label').first().waitFor();
    await page.getByRole('link', { name: 'the missiles will speak' }).click();
    await expect.poll(() => frame.getByRole('group', { name: /^Timeline of / }).getByRole('button', { pressed: true }).count()).toBeGreaterThan(0);
    // The link was taken over by the embed, not followed.
    expect(page.url()).toBe(`${host.origin}/article.html`);
    expect(failed).toEqual([]);
  });

  it('the explainer’s embeds load and its prose links stay under the subpath', async () => {
    const page = await chromium.page({ baseURL: site.origin });
    const failed = failedRequests(page);
    await page.goto(`${MOUNT}explainer.html`);
    // Without scripts the prose link opens the app at its event; with them it selects the event in the embed.
    const prose = page.getByRole('link', { name: 'the authorization reported on Nov. 17' });
    expect(await prose.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${site.origin}${MOUNT}?event=biden-authorizes-kursk-strikes`);
    await page.locator('#timeline-us-ukraine iframe').scrollIntoViewIfNeeded();
    const frame = page.frameLocator('#timeline-us-ukraine iframe');
    await frame.locator('.lane-label').first().waitFor();
    await prose.click();
    await expect.poll(() => frame.getByRole('group', { name: /^Timeline of / }).getByRole('button', { pressed: true }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Open the full timeline' }).click();
    await page.getByLabel(/^Timeline of/).first().waitFor();
    expect(new URL(page.url()).pathname).toBe(MOUNT);
    expect(failed).toEqual([]);
  });
});

describe('what the build ships besides the app', () => {
  it('third-party notices: every bundled package with its licence text', async () => {
    const response = await fetch(`${site.origin}${MOUNT}THIRD-PARTY-NOTICES.txt`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const name of ['react', 'react-dom', 'zod', 'edtf', 'd3-zoom', 'date-fns']) expect(text).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+\\nLicense: `, 'm'));
    expect(text).toContain('Copyright (c) Meta Platforms, Inc. and affiliates.');
  });
});

describe('a new story from one setting', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'story-build-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('TIMELINE_DATASET builds the app around another dataset, with its title in the page and its preview tags', async () => {
    // As a newsroom runs it: TIMELINE_DATASET=… npm run build (here into a temporary folder).
    const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
    const built = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: projectRoot,
      env: { ...process.env, TIMELINE_DATASET: 'tests/fixtures/minimal-valid.json' },
      encoding: 'utf8',
    });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<title>A minimal dataset</title>');
    expect(html).toContain('<meta property="og:title" content="A minimal dataset">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).not.toContain('og:image');

    const story = await serveStatic(outDir, '/story/');
    try {
      const page = await chromium.page({ baseURL: story.origin });
      await openApp(page, '/story/');
      await page.getByRole('button', { name: /^Ruritania and Freedonia sign a border treaty/ }).first().waitFor();
      expect(await page.title()).toMatch(/^A minimal dataset/);
    } finally {
      await story.close();
    }
  });
});
