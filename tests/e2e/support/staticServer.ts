import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types a static host must send; the worker and modules must be served as JavaScript. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  origin: string;
  close: () => Promise<void>;
}

/**
 * A plain static host, as a newsroom's would be: files of `dir` under the path `mount` (e.g.
 * /graphics/kursk-timeline/), index.html for a folder, 404 elsewhere; `pages` are extra HTML pages by path.
 */
export function serveStatic(dir: string, mount: string, pages: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    const page = pages[path];
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES['.html'] as string });
      response.end(page);
      return;
    }
    const notFound = () => {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    };
    if (!path.startsWith(mount)) return notFound();
    const file = normalize(join(dir, path.slice(mount.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return notFound();
    void stat(file)
      .then(async (s) => {
        const target = s.isDirectory() ? join(file, 'index.html') : file;
        await stat(target);
        response.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
        createReadStream(target).pipe(response);
      })
      .catch(notFound);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port'));
      resolve({ origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
