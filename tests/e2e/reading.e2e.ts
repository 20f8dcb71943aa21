import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectPageErrors, saveScreenshot, sharedBrowser } from './support/browser';
import { openApp, touchGesture } from './support/app';
import { formatViolations, runAxe } from './support/axe';

// The reading experience: whatever way a reader selects an event, the mark, its details and the source's
// words are on screen together, without scrolling the page (desktop and tablet), or in a sheet over the
// timeline (phones).

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

type Box = { x: number; y: number; width: number; height: number };

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 768, height: 1024 },
] as const;

async function open(path: string, viewport: { width: number; height: number }, touch = false) {
  const page = await chromium.page({ baseURL, viewport, hasTouch: touch, isMobile: touch });
  const errors = collectPageErrors(page);
  await openApp(page, path);
  return { page, errors };
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not rendered: ${locator.toString()}`);
  return found;
}

/** The part of `inner` a reader can see: inside `outer` (a scroll box) and inside the viewport. */
function visibleHeight(inner: Box, outer: Box, viewport: { width: number; height: number }): number {
  const top = Math.max(inner.y, outer.y, 0);
  const bottom = Math.min(inner.y + inner.height, outer.y + outer.height, viewport.height);
  return bottom - top;
}

/**
 * The selected event's mark, its details heading and first quotation, and its highlighted passage in the
 * source: each must be seen (inside the viewport and its own scroll box), with the page not scrolled.
 */
async function expectEventReadable(page: Page, eventId: string, viewport: { width: number; height: number }) {
  const details = page.getByRole('region', { name: 'Event details' });
  await expect.poll(() => page.locator(`.timeline-marks [data-event-id="${eventId}"]`).getAttribute('aria-pressed')).toBe('true');
  const mark = await box(page.locator(`.timeline-marks [data-event-id="${eventId}"]`));
  const frame = await box(page.locator('.timeline-frame'));
  expect(visibleHeight(mark, frame, viewport), `mark of ${eventId} is in the plot's view`).toBeGreaterThanOrEqual(Math.min(mark.height, 10));
  expect(mark.x).toBeGreaterThanOrEqual(frame.x - mark.width + 8);
  expect(mark.x).toBeLessThan(frame.x + frame.width - 4);

  const panel = await box(details);
  const heading = await box(details.getByRole('heading', { level: 3 }));
  expect(visibleHeight(heading, panel, viewport), `details heading of ${eventId}`).toBeGreaterThanOrEqual(heading.height - 1);
  const quote = details.locator('blockquote').first();
  if ((await quote.count()) > 0) {
    // The first quotation starts inside the details' own box: at least its first line shows.
    expect(visibleHeight(await box(quote), panel, viewport), `first excerpt of ${eventId}`).toBeGreaterThanOrEqual(16);
  }

  await expectPassageInView(page, eventId, viewport);

  // None of this needed the page to scroll.
  const page_ = await page.evaluate(() => ({ scrollY: window.scrollY, overflow: document.documentElement.scrollHeight - window.innerHeight }));
  expect(page_.scrollY).toBe(0);
  expect(page_.overflow).toBeLessThanOrEqual(0);
}

/** The selected event's passage: centred in the source's scroll box once its smooth scroll ends. */
async function expectPassageInView(page: Page, eventId: string, viewport: { width: number; height: number }) {
  const passage = page.locator('.source-body mark.is-current').first();
  const body = page.locator('.source-body');
  await expect
    .poll(async () => {
      const inner = await box(passage);
      const outer = await box(body);
      return visibleHeight(inner, outer, viewport) >= Math.min(inner.height, outer.height) - 1;
    }, { message: `passage of ${eventId} is in the source's view` })
    .toBe(true);
}

const selectedId = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('event'));

describe('what a selection shows, on laptops, desktops and tablets', () => {
  for (const viewport of SCREENS) {
    it(`at ${viewport.width}x${viewport.height}: click, Next, arrow keys, a source passage and a deep link each show mark, details and passage together`, async () => {
      const { page, errors } = await open('/', viewport);
      // Opens on the story's headline event, selected and labelled.
      await expectEventReadable(page, 'biden-authorizes-kursk-strikes', viewport);
      const label = page.locator('.timeline-marks [data-event-id="biden-authorizes-kursk-strikes"] .mark-label');
      expect(await label.textContent()).toBe('Biden authorizes Ukraine to strike Kursk with US missiles, officials say');

      // A click on a mark.
      await page.getByRole('button', { name: /^Zelenskyy: “The missiles will speak for themselves”/ }).click();
      await expectEventReadable(page, 'zelenskyy-says-missiles-will-speak', viewport);

      // Next event.
      await page.getByRole('button', { name: 'Next event' }).click();
      const next = await selectedId(page);
      expect(next).not.toBe('zelenskyy-says-missiles-will-speak');
      await expectEventReadable(page, next ?? '', viewport);

      // The arrow keys on the timeline select, and focus stays on the timeline.
      await page.locator(`.timeline-marks [data-event-id="${next ?? ''}"]`).focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => selectedId(page)).toBe('zelenskyy-says-missiles-will-speak');
      await expectEventReadable(page, 'zelenskyy-says-missiles-will-speak', viewport);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'))).toBe('zelenskyy-says-missiles-will-speak');

      // A passage in the source.
      await page.locator('.source-body mark[data-event-id="ap-reports-authorization"] a').first().click();
      await expectEventReadable(page, 'ap-reports-authorization', viewport);
      await saveScreenshot(page, `reading-${viewport.width}x${viewport.height}`);
      expect(errors).toEqual([]);
      await page.close();

      // A deep link to an event far from the opening window.
      const linked = await open('/?event=us-approves-atacms-within-ukraine', viewport);
      await expectEventReadable(linked.page, 'us-approves-atacms-within-ukraine', viewport);
      await linked.page.close();
    });
  }

  it('a search shows its count, steps from match to match, and the selection says which match it is', async () => {
    const viewport = SCREENS[0];
    const { page } = await open('/?event=', viewport);
    await page.getByRole('searchbox', { name: 'Search events' }).fill('Zelenskyy');
    const status = page.getByRole('status').filter({ hasText: /events match/ });
    await expect.poll(() => status.textContent()).toMatch(/^\d+ of 30 events match$/);
    const count = Number((await status.textContent())?.match(/^(\d+)/)?.[1]);
    expect(count).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`match 1 of ${count}$`));
    const first = await selectedId(page);
    await expectEventReadable(page, first ?? '', viewport);
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`match 2 of ${count}$`));
    // Matches are highlighted on the timeline; the rest fade.
    expect(await page.locator('.timeline-marks .mark.is-match').count()).toBeGreaterThan(0);
    expect(await page.locator('.timeline-marks .mark.is-dimmed').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'reading-search');
    await page.close();
  });
});

describe('a click always lands', () => {
  it('one click selects every event mark in view, and pressing a mark never moves it', async () => {
    const viewport = SCREENS[0];
    const { page, errors } = await open('/?event=', viewport);
    const ids = await page.locator('.timeline-marks button.mark[data-event-id]:not(.mark-echo)').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id') ?? ''));
    expect(ids.length).toBeGreaterThan(10);
    const missed: string[] = [];
    for (const id of ids) {
      const mark = page.locator(`.timeline-marks [data-event-id="${id}"]:not(.mark-echo)`);
      // Lanes below the plot's fold are scrolled to inside the plot, as a reader would.
      await mark.scrollIntoViewIfNeeded();
      const before = await mark.boundingBox();
      if (!before) continue;
      // A real press and release, with a pause between: the window must not move under the pointer.
      const x = before.x + Math.min(before.width / 2, 20);
      const y = before.y + before.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.waitForTimeout(60);
      const during = await mark.boundingBox();
      expect(during?.x, `${id} stays under the pointer`).toBeCloseTo(before.x, 0);
      await page.mouse.up();
      if ((await selectedId(page)) !== id) missed.push(id);
    }
    expect(missed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a click on a cluster zooms into its events, as Enter does', async () => {
    const { page } = await open('/?from=2021-10-01&to=2025-03-01&event=', SCREENS[0]);
    const cluster = page.locator('.timeline-marks .mark-cluster').first();
    const count = Number(await cluster.textContent());
    expect(count).toBeGreaterThan(1);
    const before = new URL(page.url()).searchParams;
    await cluster.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).not.toBe(before.get('from'));
    const after = new URL(page.url()).searchParams;
    const span = (p: URLSearchParams) => Date.parse(p.get('to') ?? '') - Date.parse(p.get('from') ?? '');
    expect(span(after)).toBeLessThan(span(before) / 4);
    await page.close();
  });
});

describe('events that no zoom draws apart', () => {
  // In the 10,000-event sample, "Minister Orlin runs convoys to Greyford" (6–21 January 2014, ev-42) overlaps
  // another span in its row at every zoom. Next onto it showed a 3-hour window in the middle of its fortnight.
  const CONVOYS = { start: Date.parse('2014-01-06T00:00:00Z'), end: Date.parse('2014-01-21T00:00:00Z') };
  const shown = (page: Page) => {
    const params = new URL(page.url()).searchParams;
    return { start: Date.parse(params.get('from') ?? ''), end: Date.parse(params.get('to') ?? '') };
  };

  it('at 1280x800, Next shows the whole of the span, and the cluster that holds it in the plot\'s view', async () => {
    const viewport = SCREENS[0];
    const { page, errors } = await open('/?sample=10000&event=ev-41', viewport);
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect.poll(() => selectedId(page)).toBe('ev-42');
    await expect.poll(() => page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 3 }).textContent()).toBe('Minister Orlin runs convoys to Greyford');
    const window = shown(page);
    expect(window.start).toBeLessThanOrEqual(CONVOYS.start);
    expect(window.end).toBeGreaterThanOrEqual(CONVOYS.end);
    // Its cluster, named with the event, is brought up inside the plot's own scroll box, below the axis.
    const cluster = page.locator('.timeline-marks .mark-cluster.has-selection');
    await expect.poll(async () => visibleHeight(await box(cluster), await box(page.locator('.timeline-frame')), viewport)).toBeGreaterThanOrEqual(10);
    const axis = await box(page.locator('.timeline-frame .axis'));
    expect((await box(cluster)).y).toBeGreaterThanOrEqual(axis.y + axis.height - 1);
    expect(await cluster.getAttribute('aria-label')).toMatch(/^Minister Orlin runs convoys to Greyford/);
    await expectPassageInView(page, 'ev-42', viewport);
    await saveScreenshot(page, 'reading-unsplittable-1280');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a 390x844 touch phone, Next in the sheet shows the whole of the span, its cluster above the sheet', async () => {
    const viewport = { width: 390, height: 844 };
    const { page, errors } = await open('/?sample=10000&event=ev-41', viewport, true);
    const sheet = page.locator('.details-panel.is-sheet');
    await sheet.getByRole('button', { name: 'Next event' }).tap();
    await expect.poll(() => selectedId(page)).toBe('ev-42');
    const window = shown(page);
    expect(window.start).toBeLessThanOrEqual(CONVOYS.start);
    expect(window.end).toBeGreaterThanOrEqual(CONVOYS.end);
    const cluster = page.locator('.timeline-marks .mark-cluster.has-selection');
    await expect
      .poll(async () => {
        const at = await box(cluster);
        return at.y >= 0 && at.y + at.height <= (await box(sheet)).y + 1;
      })
      .toBe(true);
    await saveScreenshot(page, 'reading-unsplittable-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the actor filter', () => {
  it('closes on Escape (focus back on its button) and on a click outside, and fits an 800 px screen', async () => {
    const viewport = SCREENS[0];
    const { page } = await open('/', viewport);
    const button = page.locator('.filter-disclosure > summary');
    await button.click();
    const popover = page.locator('.filter-popover');
    await popover.waitFor();
    const shown = await box(popover);
    expect(shown.y + shown.height).toBeLessThanOrEqual(viewport.height);
    await page.getByRole('checkbox').first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');

    await button.click();
    await popover.waitFor();
    await page.mouse.click(viewport.width - 40, viewport.height - 40);
    await expect.poll(() => popover.isVisible()).toBe(false);
    await page.close();
  });
});

describe('on phones', () => {
  for (const viewport of [
    { width: 360, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}x${viewport.height}: the first screen shows events, swipes scroll the page, targets are 24 px and apart, a tap opens the sheet`, async () => {
      const { page, errors } = await open('/', viewport, true);
      // At least one event on the first screen.
      const marks = page.locator('.timeline-marks .mark:not(.mark-echo)');
      const onScreen = await marks.evaluateAll((all) => all.filter((m) => {
        const r = m.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
      }).length);
      expect(onScreen).toBeGreaterThan(0);

      // Every target is at least 24 x 24 px, and none overlaps another.
      const rects = await marks.evaluateAll((all) =>
        all
          .map((m) => m.getBoundingClientRect())
          .filter((r) => r.right > 0 && r.left < window.innerWidth)
          .map((r) => ({ left: Math.max(r.left, 0), right: Math.min(r.right, window.innerWidth), top: r.top, bottom: r.bottom })),
      );
      for (const r of rects) {
        expect(r.bottom - r.top).toBeGreaterThanOrEqual(24);
        // A span running off the screen's edge is cut there; the rest are at least 24 px wide.
        if (r.left > 0 && r.right < viewport.width) expect(r.right - r.left).toBeGreaterThanOrEqual(24);
      }
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
          const a = rects[i];
          const b = rects[j];
          if (!a || !b) continue;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          expect(overlap, `targets ${i} and ${j} overlap`).toBe(false);
        }
      }

      // A one-finger vertical swipe over the timeline scrolls the page.
      const plot = await box(page.locator('.timeline-plot'));
      const x = plot.x + plot.width / 2;
      const y = plot.y + Math.min(plot.height - 20, 300);
      await touchGesture(page, [{ x, y }], [{ x, y: y - 250 }]);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      // The swipe can leave the page flinging, and a tap on a flinging page only stops it: back at the top,
      // and still there two frames later, before the tap.
      await expect
        .poll(() =>
          page.evaluate(async () => {
            window.scrollTo(0, 0);
            await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
            return window.scrollY;
          }),
        )
        .toBe(0);

      // A tap on a mark low on the first screen opens its details and quotation in a sheet, and the
      // page moves the mark above the sheet.
      const lowest = await marks.evaluateAll((all) => {
        const seen = all.filter((m) => m.hasAttribute('data-event-id') && m.getBoundingClientRect().bottom < window.innerHeight && m.getBoundingClientRect().left > 0);
        return seen[seen.length - 1]?.getAttribute('data-event-id') ?? '';
      });
      const zelenskyy = page.locator(`.timeline-marks [data-event-id="${lowest}"]:not(.mark-echo)`);
      await zelenskyy.tap();
      const sheet = page.locator('.details-panel.is-sheet');
      await sheet.waitFor();
      const sheetBox = await box(sheet);
      expect(sheetBox.y + sheetBox.height).toBeLessThanOrEqual(viewport.height + 1);
      const heading = await box(sheet.getByRole('heading', { level: 3 }));
      expect(heading.y).toBeGreaterThanOrEqual(sheetBox.y);
      expect(heading.y + heading.height).toBeLessThanOrEqual(viewport.height);
      const quote = await box(sheet.locator('blockquote').first());
      expect(quote.y).toBeLessThan(viewport.height - 16);
      const mark = await box(zelenskyy);
      expect(mark.y + mark.height).toBeLessThanOrEqual(sheetBox.y + 1);
      expect(mark.y).toBeGreaterThanOrEqual(0);
      await saveScreenshot(page, `reading-phone-${viewport.width}`);
      // Close hands the timeline back.
      await sheet.getByRole('button', { name: 'Close' }).tap();
      await expect.poll(() => sheet.count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

describe('lane colours', () => {
  it('every mark is drawn in its lane’s colour, the one its lane’s name shows, in light and dark themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await chromium.page({ baseURL, viewport: SCREENS[0], context: { colorScheme } });
      const errors = collectPageErrors(page);
      await openApp(page, '/');
      const found = await page.locator('.timeline-lane-group').evaluateAll((groups) =>
        groups.map((group) => {
          const lane = (group.getAttribute('aria-label') ?? '').split(':')[0] ?? '';
          const label = [...document.querySelectorAll('.lane-label')].find((l) => l.textContent?.trim() === lane);
          const swatch = label?.querySelector('.lane-swatch');
          const expected = swatch ? getComputedStyle(swatch).backgroundColor : 'no swatch';
          const drawn = [...group.querySelectorAll<HTMLElement>('.mark:not(.mark-echo)')].map((mark) => {
            const dot = mark.querySelector('.mark-dot');
            if (dot) return getComputedStyle(dot).backgroundColor;
            if (mark.classList.contains('mark-cluster')) return getComputedStyle(mark).borderTopColor;
            // A context span's thin bar is a tint of the colour, without the edge the others draw in it.
            if (mark.classList.contains('is-context')) return 'rgba(0, 0, 0, 0)';
            return getComputedStyle(mark, '::before').borderTopColor;
          });
          // Quiet clusters over a density band and context spans draw no edge to compare.
          return { lane, expected, drawn: drawn.filter((color) => color !== 'rgba(0, 0, 0, 0)') };
        }),
      );
      expect(found.length, colorScheme).toBeGreaterThan(1);
      expect(new Set(found.map((f) => f.expected)).size, `${colorScheme}: lanes differ in colour`).toBe(found.length);
      expect(found.filter((f) => f.drawn.length > 0).length, `${colorScheme}: lanes with marks to compare`).toBeGreaterThan(1);
      expect(found.reduce((n, f) => n + f.drawn.length, 0), `${colorScheme}: marks compared`).toBeGreaterThan(10);
      for (const { lane, expected, drawn } of found) {
        if (drawn.length > 0) expect(new Set(drawn), `${colorScheme}: ${lane}`).toEqual(new Set([expected]));
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

describe('for screen readers', () => {
  it('lanes are named groups, marks run in time order within them, and the source text is in the accessibility tree', async () => {
    const { page } = await open('/?event=', SCREENS[0]);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
    const named = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value ?? '');
    expect(named('group')).toEqual(expect.arrayContaining([expect.stringMatching(/^United States: \d+ marks?$/), expect.stringMatching(/^Ukraine: \d+ marks?$/)]));
    const text = nodes.map((n) => n.name?.value ?? '').join('\n');
    // A sentence from the end of the article, far below the source panel's fold.
    expect(text).toContain('Trump');
    expect(text).toMatch(/Strickland/);
    await cdp.detach();

    // Within each lane, marks come in time order.
    const orders = await page.locator('.timeline-lane-group').evaluateAll((groups) =>
      groups.map((g) => [...g.querySelectorAll<HTMLElement>('.mark:not(.mark-echo)')].map((m) => m.getBoundingClientRect().left)),
    );
    for (const xs of orders) expect(xs).toEqual([...xs].sort((a, b) => a - b));

    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.close();
  });
});

describe('embeds read the same way', () => {
  it('the explainer page barely shifts while its embeds load (cumulative layout shift under 0.1)', async () => {
    for (const viewport of [SCREENS[0], { width: 390, height: 844 }]) {
      const page = await chromium.page({ baseURL, viewport, hasTouch: viewport.width < 480, isMobile: viewport.width < 480 });
      await page.addInitScript(() => {
        const w = window as Window & { __shift?: number };
        w.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.__shift = (w.__shift ?? 0) + entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/explainer.html');
      // Scrolled to each embed in turn, as a reader would read down the story.
      for (const host of ['#timeline-us-ukraine', '#timeline-russia-nk']) {
        await page.locator(host).scrollIntoViewIfNeeded();
        const frame = await (await page.locator(`${host} iframe`).elementHandle())?.contentFrame();
        await frame?.locator('.lane-label').first().waitFor();
        await page.waitForTimeout(400);
      }
      const shift = await page.evaluate(() => (window as Window & { __shift?: number }).__shift ?? 0);
      expect(shift, `layout shift at ${viewport.width}px`).toBeLessThan(0.1);
      await page.close();
    }
  });

  it('view=list shows the list in an embed, and a vertical swipe over an embed on a phone scrolls the host page', async () => {
    const list = await chromium.page({ baseURL, viewport: { width: 600, height: 700 } });
    await list.goto('/?embed=1&view=list&actors=united-states,ukraine');
    await list.getByRole('link', { name: /^Zelenskyy says Kyiv hopes/ }).waitFor();
    expect(await list.locator('.timeline-plot').count()).toBe(0);
    await list.close();

    const page = await chromium.page({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto('/explainer.html');
    const host = page.locator('#timeline-us-ukraine');
    await host.scrollIntoViewIfNeeded();
    const frame = await (await page.locator('#timeline-us-ukraine iframe').elementHandle())?.contentFrame();
    await frame?.locator('.timeline-plot[data-gestures="ready"]').waitFor();
    // The embed's top 100 px below the top of the screen, the page at rest; then a swipe over its timeline.
    await page.evaluate(() => {
      const top = document.querySelector('#timeline-us-ukraine')?.getBoundingClientRect().top ?? 0;
      window.scrollTo({ top: window.scrollY + top - 100, behavior: 'instant' });
    });
    await page.waitForTimeout(300);
    const plot = await box(page.locator('#timeline-us-ukraine iframe'));
    const before = await page.evaluate(() => window.scrollY);
    const x = plot.x + plot.width / 2;
    const y = plot.y + 350;
    await touchGesture(page, [{ x, y }], [{ x, y: y - 250 }]);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
    await page.close();
  });

  it('an embed snippet is titled by its filters, so two embeds on one page are told apart', async () => {
    const { page } = await open('/?actors=russia,north-korea', SCREENS[0]);
    await page.getByRole('button', { name: 'Share / Embed' }).click();
    const code = page.getByRole('textbox', { name: 'Embed code' });
    await expect.poll(() => code.inputValue()).toContain('data-title="Timeline: Russia, North Korea"');
    expect(await code.inputValue()).toMatch(/data-expected-height="\d{3,4}"/);
    await page.close();
  });
});
