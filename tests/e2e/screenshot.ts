// Writes the pictures in docs/ from the built dist/: the article at desktop and phone width, in
// Ukrainian, an imported TimelineJS file with its eras, and the 100,000-event sample.
// Usage: npm run build && npx tsx tests/e2e/screenshot.ts
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { desktopViewport, launchBrowser, newPage, phoneViewport, type NewPageOptions } from './support/browser';
import { projectRoot, startPreviewServer, type PreviewServerHandle } from './support/server';

const ROME_URL = 'https://data.example.test/roman-republic.timelinejs.json';

const shots: { file: string; path: string; page: Omit<NewPageOptions, 'baseURL'> }[] = [
  { file: 'screenshot-desktop.png', path: '/', page: { viewport: desktopViewport } },
  { file: 'screenshot-phone.png', path: '/', page: { viewport: phoneViewport, hasTouch: true, isMobile: true } },
  { file: 'screenshot-phone-sheet.png', path: '/?event=zelenskyy-says-missiles-will-speak', page: { viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true } },
  { file: 'screenshot-1366x768.png', path: '/?event=ap-reports-authorization', page: { viewport: { width: 1366, height: 768 } } },
  { file: 'screenshot-1920x1080.png', path: '/', page: { viewport: { width: 1920, height: 1080 } } },
  { file: 'screenshot-tablet-768x1024.png', path: '/?event=zelenskyy-says-missiles-will-speak', page: { viewport: { width: 768, height: 1024 } } },
  { file: 'screenshot-search.png', path: '/?q=Zelenskyy&event=zelenskyy-says-missiles-will-speak', page: { viewport: desktopViewport } },
  { file: 'screenshot-ukrainian.png', path: '/?lang=uk&event=north-korean-troops-amass-in-kursk', page: { viewport: desktopViewport } },
  { file: 'screenshot-timelinejs-import.png', path: `/?data=${encodeURIComponent(ROME_URL)}`, page: { viewport: desktopViewport } },
  { file: 'screenshot-sample-100k.png', path: '/?sample=100000', page: { viewport: desktopViewport } },
];

async function main(): Promise<void> {
  let server: PreviewServerHandle | undefined;
  let browser: Browser | undefined;
  try {
    server = await startPreviewServer();
    browser = await launchBrowser();
    const docsDir = join(projectRoot, 'docs');
    await mkdir(docsDir, { recursive: true });
    for (const shot of shots) {
      const page = await newPage(browser, { ...shot.page, baseURL: server.url });
      // The example TimelineJS file, served as if from another site (the built app holds only the article).
      await page.route(ROME_URL, (route) =>
        route.fulfill({ body: readFileSync(join(projectRoot, 'data', 'roman-republic.timelinejs.json'), 'utf8'), contentType: 'application/json', headers: { 'access-control-allow-origin': '*' } }),
      );
      await page.goto(shot.path, { waitUntil: 'networkidle' });
      await page.locator('.timeline-plot[data-gestures="ready"]').waitFor({ timeout: 60_000 });
      const path = join(docsDir, shot.file);
      await page.screenshot({ path, animations: 'disabled' });
      await page.close();
      console.log(`wrote ${path}`);
    }
  } finally {
    await browser?.close().catch((error: unknown) => console.error('closing the browser failed:', error));
    await server?.close().catch((error: unknown) => console.error('closing the server failed:', error));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
