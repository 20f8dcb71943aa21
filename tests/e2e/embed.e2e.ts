import type { Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, sharedBrowser, desktopViewport, saveScreenshot, type NewPageOptions } from './support/browser';
import { formatViolations, runAxe } from './support/axe';
import { openApp } from './support/app';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();
const baseOrigin = new URL(baseURL).origin;

interface DatasetJson {
  events: { id: string; title: string }[];
}
const dataset = JSON.parse(readFileSync('data/kursk-2024.json', 'utf8')) as DatasetJson;
const titleOf = (id: string): string => {
  const event = dataset.events.find((e) => e.id === id);
  if (!event) throw new Error(`the dataset has no event ${id}`);
  return event.title;
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A mark's accessible name is its title followed by its date. */
const markName = (id: string) => new RegExp(`^${escapeRegExp(titleOf(id))}, `);

const US_UKRAINE = '#timeline-us-ukraine';
const RUSSIA_NK = '#timeline-russia-nk';

type EmbedWindow = Window & {
  ConflictTimeline?: { embeds: () => HTMLElement[]; select: (target: unknown, id: string | null) => boolean; setFilters: (target: unknown, filters: object) => boolean };
  __embedEvents?: { type: string; host: string; detail: unknown }[];
  __cspViolations?: string[];
};

/**
 * Opens the explainer page with the page's console errors, CSP violations (in every frame), requests
 * and the loader's DOM events recorded, and waits until the first embed shows its timeline.
 */
async function openExplainer(options: NewPageOptions = {}) {
  const page = await chromium.page({ baseURL, viewport: desktopViewport, ...options });
  const errors = collectPageErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // Init scripts go over the DevTools protocol, so the page's CSP does not block them; they run in every frame.
  await page.addInitScript(() => {
    const w = window as EmbedWindow;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
    w.__embedEvents = [];
    for (const type of ['conflict-timeline:ready', 'conflict-timeline:select']) {
      document.addEventListener(type, (e) => w.__embedEvents?.push({ type, host: (e.target as HTMLElement).id, detail: (e as CustomEvent).detail }));
    }
  });
  await page.goto('/explainer.html');
  await embedFrame(page, US_UKRAINE);
  return { page, errors, requests };
}

/** The embed's frame once its timeline is on screen (scrolling it into view first: the frames load lazily). */
async function embedFrame(page: Page, host: string): Promise<Frame> {
  const iframe = page.locator(`${host} iframe`);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error(`${host} has no iframe`);
  await frame.locator('.lane-label').first().waitFor();
  return frame;
}

const iframeHeight = (page: Page, host: string) => page.locator(`${host} iframe`).evaluate((f) => Math.round(f.getBoundingClientRect().height));
/** What the embed reports: the height of its content, clamped the way the loader clamps it. */
const contentHeight = (frame: Frame) => frame.evaluate(() => Math.min(10000, Math.max(120, Math.ceil((document.getElementById('root') ?? document.body).getBoundingClientRect().height))));
const laneLabels = async (frame: Frame) => (await frame.locator('.lane-label').allTextContents()).map((t) => t.trim().toUpperCase());
const pressedMarks = (frame: Frame) => frame.getByRole('group', { name: /^Timeline of / }).getByRole('button', { pressed: true }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
const embedEvents = (page: Page) => page.evaluate(() => (window as EmbedWindow).__embedEvents ?? []);

/** Waits until the iframe's height is the embed's content height (it follows every resize message). */
async function expectHeightFollowsContent(page: Page, host: string, frame: Frame): Promise<number> {
  await expect.poll(async () => (await iframeHeight(page, host)) - (await contentHeight(frame)), { timeout: 5000 }).toBe(0);
  return iframeHeight(page, host);
}

describe('the embed loader and the explainer page', () => {
  it('replaces each placeholder with a titled, lazy, borderless iframe of the embed URL', async () => {
    const { page } = await openExplainer();
    const frames = page.locator('[data-conflict-timeline] iframe');
    await expect.poll(() => frames.count()).toBe(2);
    const attributes = await frames.evaluateAll((els) =>
      (els as HTMLIFrameElement[]).map((f) => ({
        host: f.parentElement?.id,
        title: f.title,
        src: f.src,
        loading: f.loading,
        border: getComputedStyle(f).borderTopWidth,
        widthRatio: Math.round((f.getBoundingClientRect().width / (f.parentElement?.getBoundingClientRect().width ?? 1)) * 100),
        siblings: f.parentElement?.childElementCount,
      })),
    );
    expect(attributes.map((a) => [a.host, a.title])).toEqual([
      ['timeline-us-ukraine', 'Timeline: the United States and Ukraine'],
      ['timeline-russia-nk', 'Timeline: Russia and North Korea'],
    ]);
    for (const a of attributes) {
      const src = new URL(a.src);
      expect(src.origin + src.pathname).toBe(baseURL);
      expect(src.searchParams.get('embed')).toBe('1');
      expect(src.searchParams.get('parentOrigin')).toBe(baseOrigin);
      expect(a.loading).toBe('lazy');
      expect(a.border).toBe('0px');
      expect(a.widthRatio).toBe(100);
      expect(a.siblings).toBe(1); // the no-script fallback link is gone
    }
    expect(new URL(attributes[0]?.src ?? '').searchParams.get('actors')).toBe('united-states,ukraine');
    expect(new URL(attributes[1]?.src ?? '').searchParams.get('actors')).toBe('russia,north-korea');
    expect(await page.evaluate(() => (window as EmbedWindow).ConflictTimeline?.embeds().map((e) => e.id))).toEqual(['timeline-us-ukraine', 'timeline-russia-nk']);
  });

  it('each embed shows only the lanes of its own actors', async () => {
    const { page } = await openExplainer();
    const first = await embedFrame(page, US_UKRAINE);
    const firstLanes = await laneLabels(first);
    expect(firstLanes).toContain('UNITED STATES');
    expect(firstLanes).toContain('UKRAINE');
    expect(firstLanes).not.toContain('NORTH KOREA');
    expect(firstLanes).not.toContain('RUSSIA');

    const second = await embedFrame(page, RUSSIA_NK);
    const secondLanes = await laneLabels(second);
    expect(secondLanes).toContain('RUSSIA');
    expect(secondLanes).toContain('NORTH KOREA');
    expect(secondLanes).not.toContain('UNITED STATES');
    expect(secondLanes).not.toContain('UKRAINE');
    await saveScreenshot(page, 'embed-explainer');
  });

  it('the iframe height follows the content: selecting an event and narrowing the page', async () => {
    const { page } = await openExplainer();
    const frame = await embedFrame(page, US_UKRAINE);
    const initial = await expectHeightFollowsContent(page, US_UKRAINE, frame);

    await frame.getByRole('button', { name: markName('zelenskyy-hopes-for-diplomatic-end') }).click();
    await expect.poll(() => iframeHeight(page, US_UKRAINE)).toBeGreaterThan(initial);
    const selected = await expectHeightFollowsContent(page, US_UKRAINE, frame);

    await page.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => iframeHeight(page, US_UKRAINE)).not.toBe(selected);
    await expectHeightFollowsContent(page, US_UKRAINE, frame);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'embed-explainer-320');
  });

  it('a prose link selects its event in the target embed, scrolls to it and tells the host page', async () => {
    const { page, errors } = await openExplainer();
    const frame = await embedFrame(page, US_UKRAINE);
    await page.evaluate(() => window.scrollTo(0, 0));
    const link = page.getByRole('link', { name: 'the authorization reported on Nov. 17' });
    expect(await link.getAttribute('href')).toBe('./?event=biden-authorizes-kursk-strikes');
    await link.click();

    const mark = frame.getByRole('button', { name: markName('biden-authorizes-kursk-strikes') });
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/explainer.html'); // the click did not follow the fallback href
    await expect
      .poll(() => page.locator(US_UKRAINE).evaluate((el) => Math.round(el.getBoundingClientRect().top)))
      .toBeLessThan(desktopViewport.height / 2);
    await expect.poll(async () => (await embedEvents(page)).filter((e) => e.type === 'conflict-timeline:select' && e.host === 'timeline-us-ukraine').map((e) => e.detail)).toContainEqual({
      id: 'biden-authorizes-kursk-strikes',
      title: titleOf('biden-authorizes-kursk-strikes'),
    });

    // The second link targets the other embed.
    await page.getByRole('link', { name: 'some 11,000 North Korean soldiers' }).click();
    const second = await embedFrame(page, RUSSIA_NK);
    await expect.poll(() => second.getByRole('button', { name: markName('north-korean-troops-amass-in-kursk') }).getAttribute('aria-pressed')).toBe('true');
    expect(await mark.getAttribute('aria-pressed')).toBe('true'); // the first embed keeps its own selection
    expect(errors).toEqual([]);
  });

  it('queues commands for an embed added later until it is ready', async () => {
    const { page } = await openExplainer();
    const queued = await page.evaluate(async () => {
      const host = document.createElement('div');
      host.id = 'late-embed';
      host.dataset.conflictTimeline = '';
      host.dataset.actors = 'ukraine';
      host.dataset.title = 'Timeline: Ukraine';
      document.querySelector('main')?.prepend(host);
      await new Promise((resolve) => setTimeout(resolve, 0)); // the loader's MutationObserver mounts it
      return (window as EmbedWindow).ConflictTimeline?.select('late-embed', 'ukraine-launches-kursk-incursion');
    });
    expect(queued).toBe(true);
    const frame = await embedFrame(page, '#late-embed');
    expect(await page.locator('#late-embed iframe').getAttribute('title')).toBe('Timeline: Ukraine');
    await expect.poll(() => pressedMarks(frame)).toEqual([expect.stringMatching(markName('ukraine-launches-kursk-incursion'))]);

    // setFilters through the page API reaches the same embed.
    await page.evaluate(() => (window as EmbedWindow).ConflictTimeline?.setFilters('late-embed', { actors: ['russia'] }));
    await expect.poll(() => laneLabels(frame)).toEqual(['RUSSIA']);
  });

  it('the embed ignores commands from a foreign origin or from a window that is not its parent', async () => {
    const { page } = await openExplainer();
    const frame = await embedFrame(page, US_UKRAINE);
    const id = 'biden-authorizes-kursk-strikes';
    const dispatch = (origin: string | null, fromParent: boolean) =>
      frame.evaluate(
        ({ id, origin, fromParent }) => {
          const data = { source: 'conflict-timeline', type: 'select', id };
          window.dispatchEvent(new MessageEvent('message', { data, origin: origin ?? location.origin, source: fromParent ? window.parent : window }));
        },
        { id, origin, fromParent },
      );

    await dispatch('https://evil.example', true);
    await dispatch(null, false);
    await page.waitForTimeout(500);
    expect(await pressedMarks(frame)).toEqual([]);
    expect((await embedEvents(page)).filter((e) => e.type === 'conflict-timeline:select' && (e.detail as { id: unknown }).id !== null)).toEqual([]);

    // Control: the same message from the parent at the right origin is applied, so the two above were really refused.
    await dispatch(null, true);
    await expect.poll(() => pressedMarks(frame)).toEqual([expect.stringMatching(markName(id))]);
  });

  it('the loader ignores messages that are not from its frame and clamps the heights it accepts', async () => {
    const { page } = await openExplainer();
    const frame = await embedFrame(page, US_UKRAINE);
    const settled = await expectHeightFollowsContent(page, US_UKRAINE, frame);

    // From the host window itself, not the frame: ignored.
    await page.evaluate(() => window.postMessage({ source: 'conflict-timeline', type: 'resize', height: 3333 }, '*'));
    // From the frame, but not numbers: ignored.
    for (const height of ['3333', null, { valueOf: 3333 }, Number.NaN]) {
      await frame.evaluate((height) => window.parent.postMessage({ source: 'conflict-timeline', type: 'resize', height }, '*'), height);
    }
    // From the frame with another source tag: ignored.
    await frame.evaluate(() => window.parent.postMessage({ source: 'other-widget', type: 'resize', height: 3333 }, '*'));
    await page.waitForTimeout(300);
    expect(await iframeHeight(page, US_UKRAINE)).toBe(settled);

    // Out of range: clamped. The embed may answer a squeezed frame with its real height at once, so record every height the loader sets.
    await page.locator(`${US_UKRAINE} iframe`).evaluate((f) => {
      const seen: string[] = [];
      (window as EmbedWindow & { __heights?: string[] }).__heights = seen;
      new MutationObserver(() => seen.push((f as HTMLIFrameElement).style.height)).observe(f, { attributes: true, attributeFilter: ['style'] });
    });
    const heightsSet = () => page.evaluate(() => (window as EmbedWindow & { __heights?: string[] }).__heights ?? []);
    await frame.evaluate(() => window.parent.postMessage({ source: 'conflict-timeline', type: 'resize', height: 1e9 }, '*'));
    await expect.poll(heightsSet).toContain('10000px');
    await frame.evaluate(() => window.parent.postMessage({ source: 'conflict-timeline', type: 'resize', height: 5 }, '*'));
    await expect.poll(heightsSet).toContain('120px');

    // A select with markup in its title reaches the host only as data, never as HTML.
    await frame.evaluate(() => window.parent.postMessage({ source: 'conflict-timeline', type: 'select', id: 'x', title: '<img src=x id=injected>' }, '*'));
    await expect.poll(async () => (await embedEvents(page)).some((e) => (e.detail as { title: unknown }).title === '<img src=x id=injected>')).toBe(true);
    expect(await page.locator('#injected').count()).toBe(0);
  });

  it('has no axe violations on the explainer page itself, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openExplainer({ context: { colorScheme } });
      await embedFrame(page, RUSSIA_NK);
      // Without axe inside them, the frames' content is left out (reported as incomplete, not as violations).
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    }
  });

  it('has no axe violations on the explainer page with its embeds, frames included', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await openExplainer({ context: { colorScheme } });
      const frames = [await embedFrame(page, US_UKRAINE), await embedFrame(page, RUSSIA_NK)];
      // axe checks inside a frame only where it runs itself; evaluated over the DevTools protocol, so CSP allows it.
      for (const frame of frames) await frame.evaluate(axeSource);
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
    }
  });

  it('has no axe violations in the embed on its own, with an event selected', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await chromium.page({ baseURL, viewport: { width: 720, height: 800 }, context: { colorScheme } });
      await openApp(page, '/?embed=1&actors=ukraine');
      let violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await page.getByRole('button', { name: markName('ukraine-launches-kursk-incursion') }).click();
      violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await saveScreenshot(page, `embed-alone-${colorScheme}`);
    }
  });

  it('loads without console errors or CSP violations, and every request stays on the origin', async () => {
    const { page, errors, requests } = await openExplainer();
    const frames = [await embedFrame(page, US_UKRAINE), await embedFrame(page, RUSSIA_NK)];
    await page.getByRole('link', { name: 'the authorization reported on Nov. 17' }).click();
    await expect.poll(() => frames[0]?.getByRole('button', { name: markName('biden-authorizes-kursk-strikes') }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(300);
    for (const frame of [page.mainFrame(), ...frames]) {
      expect(await frame.evaluate(() => (window as EmbedWindow).__cspViolations), frame.url()).toEqual([]);
    }
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((url) => !url.startsWith(baseURL))).toEqual([]);
  });

  it('the loader is small: under 2 KB gzipped, and served as is', async () => {
    const source = readFileSync('public/embed.js');
    expect(gzipSync(source).length).toBeLessThan(2048);
    const served = await fetch(new URL('embed.js', baseURL));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(source)).toBe(true);
  });
});

describe('the Share / Embed dialog', () => {
  it('offers the link and the embed code for the current view, a copy button and a live preview', async () => {
    const page = await chromium.page({ baseURL, viewport: { width: 1280, height: 900 } });
    await openApp(page, '/?actors=ukraine&event=zelenskyy-says-missiles-will-speak');
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
    await dialog.waitFor();
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
    expect(link).toContain('event=zelenskyy-says-missiles-will-speak');
    expect(link).toContain('actors=ukraine');
    await dialog.getByRole('combobox', { name: 'Embed theme' }).selectOption('dark');
    const code = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
    expect(code).toMatch(/<div data-conflict-timeline [^>]*data-actors="ukraine"[^>]*data-event="zelenskyy-says-missiles-will-speak"[^>]*data-theme="dark"/);
    expect(code).toContain('/embed.js" defer></script>');
    const preview = page.frameLocator('iframe[title^="Preview:"]');
    await expect.poll(() => preview.getByRole('main').getAttribute('aria-label')).toBe('Timeline: Ukraine');
    expect(await dialog.getByRole('button', { name: 'Copy embed code' }).isVisible()).toBe(true);
    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await saveScreenshot(page, 'share-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('an embed looks right at 300 px wide', async () => {
    const page = await chromium.page({ baseURL, viewport: { width: 300, height: 700 }, hasTouch: true });
    await openApp(page, '/?embed=1&actors=united-states,ukraine&theme=dark');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await saveScreenshot(page, 'embed-300-dark');
  });
});
