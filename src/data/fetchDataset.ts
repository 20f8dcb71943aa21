import type { Problem } from './problems';
import { decodeDatasetBytes } from './textEncoding';

export const MAX_DATASET_BYTES = 100 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 30_000;

export type FetchedText = { ok: true; text: string } | { ok: false; problem: Problem };

/** A file's bytes as text, or a problem at `where` naming the encoding they are in. */
function decodeAt(bytes: Uint8Array, where: string): FetchedText {
  const decoded = decodeDatasetBytes(bytes);
  return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, problem: { path: where, message: decoded.message } };
}

export interface FetchOptions {
  onProgress?: (loaded: number, total: number | null) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** A size for people: the limit as a round figure, a file's own size exactly, so the two never read the same. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

const tooLarge = (size: number | null, limit: number) =>
  `${size === null ? 'is' : `is ${size.toLocaleString('en')} bytes,`} larger than the ${formatBytes(limit)} limit`;

/** A dataset URL a reader may load: absolute http(s) only, resolved against the page. */
export function datasetUrl(raw: string, base: string): { ok: true; url: URL } | { ok: false; problem: Problem } {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { ok: false, problem: { path: 'data', message: `"${raw}" is not a URL` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: { path: 'data', message: `only http: and https: datasets can be loaded, not ${url.protocol}` } };
  }
  return { ok: true, url };
}

/**
 * Fetches a dataset's text with a size limit, a timeout and progress, and says plainly why it failed:
 * network or CORS refusal, HTTP status, too large, timeout.
 */
export async function fetchDatasetText(url: URL, options: FetchOptions = {}): Promise<FetchedText> {
  const maxBytes = options.maxBytes ?? MAX_DATASET_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const passOnAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) passOnAbort();
  else options.signal?.addEventListener('abort', passOnAbort);
  const where = url.href;
  try {
    let response: Response;
    try {
      response = await (options.fetchImpl ?? fetch)(url.href, { signal: controller.signal, credentials: 'omit', mode: 'cors' });
    } catch (error) {
      if (controller.signal.aborted) throw error;
      return {
        ok: false,
        problem: {
          path: where,
          message: 'could not be fetched: the network failed, or the server does not allow other sites to read it (CORS)',
        },
      };
    }
    if (!response.ok) {
      return { ok: false, problem: { path: where, message: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` } };
    }
    const declared = Number(response.headers.get('content-length'));
    const total = Number.isFinite(declared) && declared > 0 ? declared : null;
    if (total !== null && total > maxBytes) {
      return { ok: false, problem: { path: where, message: tooLarge(total, maxBytes) } };
    }
    if (!response.body) return decodeAt(new Uint8Array(await response.arrayBuffer()), where);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > maxBytes) {
        await reader.cancel();
        return { ok: false, problem: { path: where, message: tooLarge(null, maxBytes) } };
      }
      chunks.push(value);
      options.onProgress?.(loaded, total);
    }
    const bytes = new Uint8Array(loaded);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return decodeAt(bytes, where);
  } catch (error) {
    if (controller.signal.aborted && (controller.signal.reason as DOMException | undefined)?.name === 'TimeoutError') {
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      return { ok: false, problem: { path: where, message: `did not answer within ${limit}` } };
    }
    return { ok: false, problem: { path: where, message: `could not be read: ${(error as Error).message}` } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', passOnAbort);
  }
}

/** Reads a dataset file the reader chose or dropped, with the same size limit. */
export async function readDatasetFile(file: File, maxBytes = MAX_DATASET_BYTES): Promise<FetchedText> {
  if (file.size > maxBytes) return { ok: false, problem: { path: file.name, message: tooLarge(file.size, maxBytes) } };
  try {
    return decodeAt(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (error) {
    return { ok: false, problem: { path: file.name, message: `could not be read: ${(error as Error).message}` } };
  }
}
