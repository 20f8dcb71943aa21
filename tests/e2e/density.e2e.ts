// Dense lanes in the built app: at 5,000 events the first view shows where the events are (bars per
// time bin), pointing at a bar names its count, screen readers get each band's counts, and zooming in
// turns the bars back into single events.
import { describe, expect, inject, it } from 'vitest';
import { collectPageErrors, desktopViewport, sharedBrowser } from './support/browser';
import { openApp } from './support/app';
import { formatViolations, runAxe } from './support/axe';

const baseURL = inject('baseURL');
const chromium = sharedBrowser();

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  ignored?: boolean;
}

describe('density bands', () => {
  it('show a 5,000-event sample as bars per lane, name a bar on hover, describe it to screen readers, and give way to marks when zoomed in', async () => {
    const page = await chromium.page({ baseURL, viewport: desktopViewport });
    const errors = collectPageErrors(page);
    await openApp(page, '/?sample=5k');
    const timeline = page.getByRole('region', { name: /^Timeline of Synthetic conflict timeline/ });

    // The bars are drawn inside the plot's box, under the caption that says what their height means.
    await expect.poll(() => page.locator('.density-area').count()).toBeGreaterThan(0);
    const plot = await page.locator('.timeline-plot').boundingBox();
    const bars = await page.locator('.density-area').first().boundingBox();
    if (!plot || !bars) throw new Error('the plot or its first band is not drawn');
    expect(bars.width).toBeGreaterThan(plot.width / 2);
    expect(bars.height).toBeGreaterThan(4);
    expect(bars.x).toBeGreaterThanOrEqual(plot.x - 1);
    expect(bars.x + bars.width).toBeLessThanOrEqual(plot.x + plot.width + 1);
    expect(bars.y).toBeGreaterThanOrEqual(plot.y);
    expect(bars.y + bars.height).toBeLessThanOrEqual(plot.y + plot.height);
    expect(await timeline.getByText(/^Bars: events per (\d+ )?\w+, tallest\s[\d,]+$/).isVisible()).toBe(true);

    // Pointing at the bars names the count and dates of the bar under the pointer.
    await page.mouse.move(bars.x + bars.width / 2, bars.y + bars.height - 2);
    const tip = page.locator('.density-tip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/^[\d,]+ events?, \S/);

    // In the accessibility tree each dense lane's group carries its band's counts as its description.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    await cdp.detach();
    const described = nodes.filter((n) => !n.ignored && n.role?.value === 'group' && /: [\d,]+ marks?$/.test(n.name?.value ?? '') && n.description?.value);
    expect(described.length).toBeGreaterThan(0);
    for (const node of described) expect(node.description?.value).toMatch(/^[\d,]+ events in view, drawn as bars of events per .+; the busiest, .+, has [\d,]+$/);

    // The band, its caption and its quiet clusters keep the plot free of WCAG A/AA violations (contrast, names, references).
    const violations = await runAxe(page, { context: '.timeline-plot' });
    expect(violations, formatViolations(violations)).toEqual([]);

    // Zoomed far in with the wheel, the bands give way to the events' own marks.
    await page.mouse.move(plot.x + plot.width / 2, plot.y + 20);
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(16);
    }
    await expect.poll(() => page.locator('.density-area').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('canvas.timeline-canvas').count(), { timeout: 10_000 }).toBe(0);
    expect(await timeline.locator('[data-event-id]').count()).toBeGreaterThan(0);
    expect(await page.locator('.density-tip').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
