import type { Page } from 'playwright-core';

/** The visible window as the URL states it, in ms; null when the view is fitted (no from/to). */
export function windowFromUrl(url: string): { start: number; end: number } | null {
  const params = new URL(url).searchParams;
  const from = params.get('from');
  const to = params.get('to');
  if (!from || !to) return null;
  const parse = (t: string) => Date.parse(t.includes('T') ? t : `${t}T00:00:00Z`);
  return { start: parse(from), end: parse(to) };
}

/** Waits until the URL's window differs from `previous` (the URL is written shortly after a gesture ends). */
export async function waitForWindowChange(page: Page, previous: string | null): Promise<{ start: number; end: number } | null> {
  await page.waitForFunction(
    (before) => {
      const p = new URLSearchParams(location.search);
      return `${p.get('from') ?? ''}/${p.get('to') ?? ''}` !== before;
    },
    previous ?? '/',
    { timeout: 5000 },
  );
  return windowFromUrl(page.url());
}

export function windowKey(url: string): string {
  const params = new URL(url).searchParams;
  return `${params.get('from') ?? ''}/${params.get('to') ?? ''}`;
}

export async function axisLabels(page: Page): Promise<string[]> {
  return page.locator('.axis text').allTextContents();
}

export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  // A region in the full app, a group inside an embed: both are named "Timeline of …" (in Ukrainian "Хронологія: …").
  await page.getByLabel(/^(Timeline of|Хронологія:)/).first().waitFor();
  // Wheel, drag and pinch handling loads just after the first render.
  await page.locator('.timeline-plot[data-gestures="ready"]').first().waitFor();
}

/** Centre of the plot's empty top strip (the axis), where a gesture hits no mark. */
export async function plotPoint(page: Page, fx = 0.5): Promise<{ x: number; y: number }> {
  const box = await page.locator('.timeline-plot').boundingBox();
  if (!box) throw new Error('the timeline plot is not visible');
  return { x: box.x + box.width * fx, y: box.y + 20 };
}

type TouchPoint = { x: number; y: number };

/** Real touch input through the DevTools protocol: each step moves every finger a little. */
export async function touchGesture(page: Page, from: TouchPoint[], to: TouchPoint[], steps = 12): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => from.map((p, i) => ({ x: p.x + ((to[i]?.x ?? p.x) - p.x) * t, y: p.y + ((to[i]?.y ?? p.y) - p.y) * t, id: i }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let s = 1; s <= steps; s++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(s / steps) });
    await page.waitForTimeout(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Starts recording every line the loading screen shows, in order, as the reader would have seen them. */
export async function recordLoadingStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.loading p:not(.loading-source)')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** The loading screen's lines recorded since `recordLoadingStatuses`. */
export function loadingStatuses(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}
