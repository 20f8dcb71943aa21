import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPageErrors, desktopViewport, launchBrowser, newPage, saveScreenshot } from './support/browser';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('built app in a real browser', () => {
  it('renders its heading on desktop without console or page errors', async () => {
    const page = await newPage(browser, { baseURL, viewport: desktopViewport });
    // index.html links no icon yet, so Chromium's automatic /favicon.ico request 404s; drop this once it does.
    const errors = collectPageErrors(page, { ignore: [/\/favicon\.ico\b/] });

    await page.goto('/');
    await page.waitForSelector('h1');

    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    expect(errors).toEqual([]);
    await saveScreenshot(page, 'smoke-desktop');
    await page.close();
  });
});
