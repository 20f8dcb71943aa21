import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, sharedBrowser, desktopViewport, saveScreenshot, type NewPageOptions } from './support/browser';
import { formatViolations, runAxe } from './support/axe';
import { axisLabels, openApp, plotPoint, touchGesture, waitForWindowChange, windowFromUrl, windowKey } from './support/app';
import { MARKS_PER_FRAME } from '../../src/timeline/components/laneReveal';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

async function open(path = '/', options: NewPageOptions = {}) {
  const page = await chromium.page({ baseURL, viewport: desktopViewport, ...options });
  const errors = collectPageErrors(page);
  await openApp(page, path);
  return { page, errors };
}

const ZELENSKYY = /^Zelenskyy: “The missiles will speak for themselves”, Nov 17, 2024$/;
const AP = /^The Associated Press reports the decision/;

describe('the timeline in a real browser', () => {
  it('wheel over the plot zooms in around the pointer and changes the axis', async () => {
    const { page, errors } = await open('/?from=2021-12-01&to=2025-02-01');
    const opened = windowKey(page.url());
    const before = await axisLabels(page);
    expect(before).toContain('2023');
    const point = await plotPoint(page, 0.9);
    await page.mouse.move(point.x, point.y);
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(30);
    }
    const zoomed = await waitForWindowChange(page, opened);
    expect(zoomed).not.toBeNull();
    const after = await axisLabels(page);
    expect(after).not.toEqual(before);
    // Anchored under the pointer, near the right of the data: the zoomed window is in 2024, not centred on 2023.
    expect(new Date(((zoomed?.start ?? 0) + (zoomed?.end ?? 0)) / 2).getUTCFullYear()).toBe(2024);
    expect(errors).toEqual([]);
  });

  it('during a drag a canvas draws the marks; when it ends the focusable marks are back for the new window', async () => {
    const { page, errors } = await open('/?from=2024-10-01&to=2024-12-01');
    const timeline = page.getByRole('region', { name: /^Timeline of/ });
    const zelenskyy = timeline.getByRole('button', { name: ZELENSKYY });
    await expect.poll(() => zelenskyy.isVisible()).toBe(true);
    const start = await plotPoint(page, 0.5);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(start.x - i * 20, start.y);
    // Mid-gesture: the canvas is up (hidden from assistive technology) and has drawn something.
    await expect.poll(() => page.locator('canvas.timeline-canvas').count()).toBe(1);
    expect(await page.locator('canvas.timeline-canvas').getAttribute('aria-hidden')).toBe('true');
    const drawn = await page.locator('canvas.timeline-canvas').evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let opaque = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) opaque++;
      return opaque;
    });
    expect(drawn).toBeGreaterThan(100);
    await page.mouse.up();
    // After it: no canvas, and the marks are buttons again, at their new places.
    await expect.poll(() => page.locator('canvas.timeline-canvas').count()).toBe(0);
    await expect.poll(() => zelenskyy.isVisible()).toBe(true);
    await zelenskyy.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('event')).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('when a drag ends the marks come back a hundred a frame, the canvas drawing the rest until the last is back; a few come back at once', async () => {
    // A thousand events: the view holds several hundred marks.
    const { page, errors } = await open('/?sample=1000');
    const groups = page.locator('.timeline-marks .timeline-lane-group');
    await expect.poll(() => page.locator('.timeline-marks:not([data-waiting])').count(), { timeout: 20_000 }).toBe(1);
    const lanes = await groups.count();
    expect(lanes).toBeGreaterThan(2);
    /** Drags the plot, and records each frame from the release on until the canvas is gone. */
    const dragAndRecord = async () => {
      const start = await plotPoint(page, 0.5);
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      for (let i = 1; i <= 6; i++) await page.mouse.move(start.x - i * 20, start.y);
      await expect.poll(() => page.locator('canvas.timeline-canvas').count()).toBe(1);
      // Each frame from the release on: how many lanes and marks are focusable marks again, and whether the canvas is still up.
      await page.evaluate(() => {
        const frames: { lanes: number; marks: number; canvas: boolean; covers: boolean }[] = [];
        const recording = { frames, done: false };
        (window as unknown as { laneFrames: typeof recording }).laneFrames = recording;
        const record = () => {
          const hidden = document.querySelector('.timeline-marks-wrap.is-hidden');
          const canvas = document.querySelector('canvas.timeline-canvas')?.getBoundingClientRect();
          const marks = document.querySelector('.timeline-marks')?.getBoundingClientRect();
          // What a person sees: the canvas spans the marks' stretch of the plot inside the viewport.
          const covers = !!canvas && !!marks && canvas.top <= Math.max(marks.top, 0) + 1 && canvas.bottom >= Math.min(marks.bottom, window.innerHeight) - 1 && canvas.width > 0;
          frames.push({
            lanes: hidden ? -1 : document.querySelectorAll('.timeline-marks .timeline-lane-group').length,
            marks: hidden ? -1 : document.querySelectorAll('.timeline-marks .mark').length,
            canvas: canvas !== undefined,
            covers,
          });
          if (frames.length < 600 && (hidden || frames.at(-1)?.canvas)) requestAnimationFrame(record);
          else recording.done = true;
        };
        requestAnimationFrame(record);
      });
      await page.mouse.up();
      await expect.poll(() => page.locator('canvas.timeline-canvas').count()).toBe(0);
      // The canvas can leave the page before the frame that shows it gone is recorded: wait for that frame.
      type Recorded = { frames: { lanes: number; marks: number; canvas: boolean; covers: boolean }[]; done: boolean };
      await expect.poll(() => page.evaluate(() => (window as unknown as { laneFrames: Recorded }).laneFrames.done)).toBe(true);
      return (await page.evaluate(() => (window as unknown as { laneFrames: Recorded }).laneFrames.frames)).filter((f) => f.lanes >= 0);
    };

    const frames = await dragAndRecord();
    expect(await groups.count()).toBe(lanes);
    const all = await page.locator('.timeline-marks .mark').count();
    // Not all at once: the first frame after the gesture has a hundred marks at most, each frame adds a hundred
    // at most, and the lanes only grow.
    // (A hundred, and the Tab stop: the earliest mark, in whichever lane.)
    expect(frames[0]?.marks).toBeLessThanOrEqual(MARKS_PER_FRAME + 1);
    expect(all).toBeGreaterThan(MARKS_PER_FRAME);
    const added = frames.slice(1).map((frame, i) => frame.marks - (frames[i]?.marks ?? 0));
    expect(added.every((n) => n >= 0 && n <= MARKS_PER_FRAME)).toBe(true);
    const counts = frames.map((f) => f.lanes);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    // No frame is missing a mark: until every one is a focusable mark again, the canvas draws the others.
    expect(frames.filter((f) => f.marks < all && !f.canvas)).toEqual([]);
    expect(frames.filter((f) => f.marks < all && !f.covers)).toEqual([]);

    // The bundled article's two months of November 2024 hold a few marks: they come back in the first frame.
    await page.goto('/?from=2024-10-01&to=2024-12-01');
    await expect.poll(() => page.locator('.timeline-marks:not([data-waiting])').count()).toBe(1);
    expect(await page.locator('.timeline-marks .mark').count()).toBeLessThanOrEqual(MARKS_PER_FRAME);
    const after = await dragAndRecord();
    const few = await page.locator('.timeline-marks .mark').count();
    expect(few).toBeGreaterThan(2);
    expect(after[0]).toMatchObject({ marks: few, canvas: false });
    expect(errors).toEqual([]);
  });

  it('during a drag the canvas covers the plot on screen, also once the page scrolls, and the hidden marks are not seen', async () => {
    // A laptop's short screen (1366x768 less the browser's bars): the page scrolls to show the whole plot.
    const { page, errors } = await open('/?from=2024-10-01&to=2024-12-01', { viewport: { width: 1366, height: 600 } });
    const zelenskyy = page.getByRole('region', { name: /^Timeline of/ }).getByRole('button', { name: ZELENSKYY });
    await expect.poll(() => zelenskyy.isVisible()).toBe(true);
    const start = await plotPoint(page, 0.5);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 4; i++) await page.mouse.move(start.x - i * 20, start.y);
    const canvas = page.locator('canvas.timeline-canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    // What a person sees: the marks' stretch of the plot inside the viewport is all painted by the canvas.
    const covered = async () =>
      page.evaluate(() => {
        const marks = document.querySelector('.timeline-marks')?.getBoundingClientRect();
        const drawn = document.querySelector('canvas.timeline-canvas')?.getBoundingClientRect();
        if (!marks || !drawn) return null;
        const top = Math.max(marks.top, 0);
        const bottom = Math.min(marks.bottom, window.innerHeight);
        return { inView: bottom - top, from: drawn.top <= top + 1, to: drawn.bottom >= bottom - 1 };
      });
    const before = await covered();
    expect(before?.inView).toBeGreaterThan(200);
    expect(before).toMatchObject({ from: true, to: true });
    expect(await zelenskyy.isVisible()).toBe(false);
    // The page scrolls mid-gesture: the canvas follows what is now on screen.
    const scrolled = await page.evaluate(() => {
      // Whatever scrolls the plot on this screen: a panel of the layout, or the page.
      let box = document.querySelector('.timeline-plot')?.parentElement ?? null;
      while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
      const scroller = box ?? document.scrollingElement ?? document.documentElement;
      scroller.scrollBy(0, 250);
      return scroller.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    await page.mouse.move(start.x - 100, start.y - 250);
    await expect.poll(async () => (await covered())?.to).toBe(true);
    expect(await covered()).toMatchObject({ from: true, to: true });
    await page.mouse.up();
    await expect.poll(() => canvas.count()).toBe(0);
    await expect.poll(() => zelenskyy.isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a press with a mousemove that moves nothing is still a click on the mark, not a gesture', async () => {
    const { page } = await open('/?from=2024-10-01&to=2024-12-01');
    const mark = page.getByRole('region', { name: /^Timeline of/ }).getByRole('button', { name: ZELENSKYY });
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    if (!box) throw new Error('the mark is not on screen');
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    // Chrome sends such moves itself when the page changes under a still pointer (here: the mark takes focus).
    await page.mouse.move(at.x, at.y);
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('event'), { timeout: 5_000 }).toBe('zelenskyy-says-missiles-will-speak');
    expect(await page.locator('canvas.timeline-canvas').count()).toBe(0);
  });

  it('dragging the plot pans the window without changing its span', async () => {
    const { page } = await open('/?from=2024-10-01&to=2024-12-01');
    const before = windowFromUrl(page.url());
    const start = await plotPoint(page, 0.6);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 30, start.y);
    await page.mouse.up();
    const after = await waitForWindowChange(page, windowKey(page.url()));
    expect(before && after).toBeTruthy();
    if (!before || !after) return;
    expect(after.start).toBeLessThan(before.start); // dragged right: earlier times come into view
    expect(Math.abs(after.end - after.start - (before.end - before.start))).toBeLessThan(2 * 3_600_000);
  });

  it('Zoom in, Zoom out and Fit all buttons change the window', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    const zoomedIn = await waitForWindowChange(page, null);
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
    const zoomedOut = await waitForWindowChange(page, windowKey(page.url()));
    expect(zoomedIn && zoomedOut).toBeTruthy();
    if (!zoomedIn || !zoomedOut) return;
    expect(zoomedOut.end - zoomedOut.start).toBeGreaterThan(3 * (zoomedIn.end - zoomedIn.start));
    // Fit all shows the whole dataset, from the invasion of February 2022 (the story itself opens in November 2024).
    await page.getByRole('button', { name: 'Fit all' }).click();
    await page.waitForFunction(() => /^202[12]-/.test(new URLSearchParams(location.search).get('from') ?? ''));
  });

  it('a deep link restores the selection and the window, and Back and Forward step through selections', async () => {
    const { page } = await open('/?event=ap-reports-authorization&from=2024-11-10&to=2024-11-20');
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.getByRole('heading', { level: 3 }).textContent()).toMatch(/Associated Press/);
    expect(await axisLabels(page)).toContain('November 2024');
    await expect.poll(() => page.getByRole('button', { name: AP }).getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: ZELENSKYY }).click();
    await expect.poll(() => details.getByRole('heading', { level: 3 }).textContent()).toMatch(/Zelenskyy/);
    expect(page.url()).toContain('event=zelenskyy-says-missiles-will-speak');

    await page.goBack();
    await expect.poll(() => details.getByRole('heading', { level: 3 }).textContent()).toMatch(/Associated Press/);
    await page.goForward();
    await expect.poll(() => details.getByRole('heading', { level: 3 }).textContent()).toMatch(/Zelenskyy/);
  });

  it('a source highlight selects its event and brings it into view on the timeline', async () => {
    const { page } = await open('/?from=2022-01-01&to=2022-06-01');
    await page.locator('mark[data-event-id="zelenskyy-says-missiles-will-speak"] a').first().click();
    const mark = page.getByRole('button', { name: ZELENSKYY });
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    expect(await mark.isVisible()).toBe(true);
  });

  it('works with the keyboard alone, with focus always visible', async () => {
    const { page } = await open();
    // Tab from the top of the page to the timeline's single stop (past search, filters, tabs and zoom buttons).
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const inMarks = await page.evaluate(() => Boolean(document.activeElement?.closest('.timeline-marks')));
      if (inMarks) break;
    }
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.timeline-marks')))).toBe(true);
    await page.keyboard.press('End');
    for (let i = 0; i < 10; i++) await page.keyboard.press('=');
    await page.keyboard.press('ArrowLeft');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(name).not.toBe('');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Event details' });
    await expect.poll(() => details.getByRole('heading', { level: 3 }).count()).toBe(1);
    await saveScreenshot(page, 'keyboard-selection');
    await page.keyboard.press('Escape');
    await expect.poll(() => details.getByRole('heading', { level: 3 }).count()).toBe(0);
  });

  it('has no axe violations, with an event selected, in light and dark themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open('/?event=biden-authorizes-kursk-strikes&from=2024-10-20&to=2024-11-25', { context: { colorScheme } });
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await saveScreenshot(page, `axe-${colorScheme}`);
    }
  });

  it('works on a 360 px phone with touch: tap selects, nothing overflows sideways', async () => {
    const { page, errors } = await open('/?from=2024-11-10&to=2024-11-22', { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
    const mark = page.getByRole('button', { name: ZELENSKYY });
    await mark.scrollIntoViewIfNeeded();
    await mark.tap();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'phone-selected');
    expect(errors).toEqual([]);
  });

  it('on touch, a vertical swipe scrolls the page, a horizontal swipe pans and a pinch zooms', async () => {
    const phone = { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true };
    const { page } = await open('/?from=2024-06-01&to=2024-12-01', phone);
    const box = await page.locator('.timeline-plot').boundingBox();
    if (!box) throw new Error('no plot');
    const y = box.y + Math.min(box.height / 2, 300);

    const scrollBefore = await page.evaluate(() => window.scrollY);
    await touchGesture(page, [{ x: 180, y: y + 150 }], [{ x: 185, y: y - 150 }]);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore + 50);

    const box2 = await page.locator('.timeline-plot').boundingBox();
    const y2 = (box2?.y ?? 0) + 30;
    const before = windowFromUrl(page.url());
    await touchGesture(page, [{ x: 300, y: y2 }], [{ x: 100, y: y2 }]);
    const panned = await waitForWindowChange(page, windowKey(page.url()));
    expect(before && panned && panned.start > before.start).toBe(true);

    await touchGesture(page, [{ x: 150, y: y2 }, { x: 210, y: y2 }], [{ x: 60, y: y2 }, { x: 300, y: y2 }]);
    const pinched = await waitForWindowChange(page, windowKey(page.url()));
    expect(panned && pinched && pinched.end - pinched.start < (panned.end - panned.start) / 2).toBe(true);
  });
});
