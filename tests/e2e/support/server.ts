import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

/** Repository root (tests/e2e/support → ../../..). */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface PreviewServerHandle {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close: () => Promise<void>;
}

const HOST = '127.0.0.1';

/** Asks the OS for a port that is free right now on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') {
        probe.close();
        reject(new Error('Could not read the port of the probe server'));
        return;
      }
      const { port } = address;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp200(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Preview server at ${url} did not answer 200 within ${timeoutMs} ms (${lastProblem})`);
}

function isAddressInUse(error: unknown): boolean {
  return (
    error instanceof Error &&
    ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' || /already in use/i.test(error.message))
  );
}

/**
 * Serves the already-built `dist/` with `vite preview` on a free port of 127.0.0.1.
 * Uses the project's vite.config.ts so preview settings (e.g. headers) match what ships.
 */
export async function startPreviewServer(): Promise<PreviewServerHandle> {
  const indexHtml = join(projectRoot, 'dist', 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`dist/index.html is missing: run npm run build first (looked in ${indexHtml})`);
  }

  // The free port can be taken between probing and listening; try a few times.
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort();
    let server: Awaited<ReturnType<typeof preview>>;
    try {
      server = await preview({
        root: projectRoot,
        configFile: join(projectRoot, 'vite.config.ts'),
        logLevel: 'warn',
        preview: { port, strictPort: true, host: HOST, open: false },
      });
    } catch (error) {
      if (attempt < 3 && isAddressInUse(error)) continue;
      throw error;
    }
    const url = `http://${HOST}:${port}/`;
    try {
      await waitForHttp200(url, 15_000);
    } catch (error) {
      await server.close();
      throw error;
    }
    return { url, close: () => server.close() };
  }
}
