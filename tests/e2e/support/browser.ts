import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from './server';

/** Debian's Chromium; override with CHROMIUM_PATH. Nothing is downloaded at test time. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const artifactsDir = join(projectRoot, 'tests', 'e2e', 'artifacts');

/**
 * Chromium 156's new headless mode has the browser's own omnibox popup: two WebUI pages, each in its own
 * renderer, started at a fresh browser's first navigation. They took 400–650 ms of CPU while a timeline
 * opened by URL loaded on this 2-core machine (per process, `/proc`), a cost of starting the browser, not
 * of any page: a reader's browser started them when it opened. Turned off for every page measured alike.
 */
const BROWSER_UI_OFF = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup';

/** Headless Chromium with a fresh temporary profile (playwright's launch() makes and deletes one). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      BROWSER_UI_OFF,
    ],
  });
}

export interface NewPageOptions {
  baseURL?: string;
  viewport?: { width: number; height: number };
  hasTouch?: boolean;
  isMobile?: boolean;
  /** Extra context options (locale, colorScheme, reducedMotion, ...). */
  context?: BrowserContextOptions;
}

export const desktopViewport = { width: 1280, height: 800 } as const;
export const phoneViewport = { width: 390, height: 844 } as const;

/**
 * Opens a page in its own browser context; closing the page closes the context too.
 * CSP is NOT bypassed: the app's own Content-Security-Policy is under test.
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<Page> {
  const contextOptions: BrowserContextOptions = {
    viewport: options.viewport ?? desktopViewport,
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    ...options.context,
  };
  if (options.baseURL !== undefined) contextOptions.baseURL = options.baseURL;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  page.once('close', () => {
    void context.close().catch(() => undefined);
  });
  return page;
}

export interface CollectPageErrorsOptions {
  /** Messages to leave out, each with a reason at the call site (e.g. a known 404 the test does not cover). */
  ignore?: RegExp[];
}

/**
 * Collects console errors and uncaught page errors (`pageerror`) into the returned array,
 * so a test can end with `expect(errors).toEqual([])`. Attach before `page.goto`.
 */
export function collectPageErrors(page: Page, options: CollectPageErrorsOptions = {}): string[] {
  const errors: string[] = [];
  const ignore = options.ignore ?? [];
  const record = (text: string): void => {
    if (!ignore.some((pattern) => pattern.test(text))) errors.push(text);
  };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      record(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => {
    record(`pageerror: ${error.name}: ${error.message}`);
  });
  return errors;
}

/** Saves a full-viewport PNG to tests/e2e/artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name.replace(/\.png$/i, '')}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  return path;
}

export interface SharedBrowser {
  /** The browser itself, for a test that needs it (throws outside a test: it is launched in beforeAll). */
  readonly browser: Browser;
  /** A page in its own context (see newPage), closed with the browser after the file's tests. */
  page(options?: NewPageOptions): Promise<Page>;
}

/** One Chromium for a test file: launched before its tests, closed after them with every page it opened. */
export function sharedBrowser(): SharedBrowser {
  let launched: Browser | null = null;
  const pages: Page[] = [];
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
    await launched?.close();
  });
  const current = (): Browser => {
    if (!launched) throw new Error('the browser is launched in beforeAll: use it inside a test');
    return launched;
  };
  return {
    get browser() {
      return current();
    },
    async page(options = {}) {
      const page = await newPage(current(), options);
      pages.push(page);
      return page;
    },
  };
}
