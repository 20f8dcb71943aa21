// Writes docs/screenshot-desktop.png and docs/screenshot-phone.png from the built dist/.
// Usage: npm run build && npx tsx tests/e2e/screenshot.ts
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { desktopViewport, launchBrowser, newPage, phoneViewport, type NewPageOptions } from './support/browser';
import { projectRoot, startPreviewServer, type PreviewServerHandle } from './support/server';

const shots: { file: string; page: Omit<NewPageOptions, 'baseURL'> }[] = [
  { file: 'screenshot-desktop.png', page: { viewport: desktopViewport } },
  { file: 'screenshot-phone.png', page: { viewport: phoneViewport, hasTouch: true, isMobile: true } },
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
      await page.goto('/', { waitUntil: 'networkidle' });
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
