import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser';
import { startPreviewServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the `vite preview` server serving dist/, with a trailing slash. */
    baseURL: string;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(chromiumPath)) {
    // Said before anything starts, instead of every test failing to launch a browser.
    throw new Error(
      `The end-to-end tests drive Chromium, and there is none at ${chromiumPath}.\n` +
        'Install Debian\'s: apt-get install -y chromium   (or point CHROMIUM_PATH at another Chromium or Chrome).',
    );
  }
  const startedAt = Date.now();
  const server = await startPreviewServer();
  console.log(`[e2e] vite preview serving dist/ at ${server.url} (ready in ${Date.now() - startedAt} ms)`);
  provide('baseURL', server.url);
  return async () => {
    await server.close();
  };
}
