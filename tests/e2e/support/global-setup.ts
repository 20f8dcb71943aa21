import type { TestProject } from 'vitest/node';
import { startPreviewServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the `vite preview` server serving dist/, with a trailing slash. */
    baseURL: string;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const server = await startPreviewServer();
  console.log(`[e2e] vite preview serving dist/ at ${server.url} (ready in ${Date.now() - startedAt} ms)`);
  provide('baseURL', server.url);
  return async () => {
    await server.close();
  };
}
