import type { Problem } from './problems';
import { decodeDatasetBytes } from './textEncoding';

/**
 * The largest dataset file a tab is asked to hold: a file's events take about twice its size in memory
 * while they are checked, and a browser tab gets a few GB at most. Larger files are refused before they
 * are read, saying so.
 */
export const MAX_DATASET_BYTES = 1536 * 1024 * 1024;
/** How long a server may send nothing (no answer, or no bytes in the middle of a body) before we give up. */
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
  /** Silence allowed: no answer, or no bytes, for this long ends the download. */
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** A size for people: the limit as a round figure, a file's own size exactly, so the two never read the same. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.round((bytes / (1024 * 1024 * 1024)) * 10) / 10} GB`;
}

/** Why a file over the limit is refused (its size when known); shared by downloads and files read. */
export const tooLarge = (size: number | null, limit: number = MAX_DATASET_BYTES) =>
  `${size === null ? 'is' : `is ${size.toLocaleString('en')} bytes,`} larger than the ${formatBytes(limit)} limit` +
  (limit === MAX_DATASET_BYTES ? ': a browser tab cannot hold that many events; split the file, or filter it first' : '');

export type Streamed = { ok: true } | { ok: false; problem: Problem };

/**
 * Downloads a dataset, handing each piece of its body to `onChunk` as it arrives (the file is never held
 * whole here), with a size limit, progress, and a timeout on silence rather than on the whole download
 * (a large file on a slow link keeps going as long as bytes keep coming). `onChunk` returning false stops
 * the download (the bytes cannot be read; the caller says why). Says plainly why it failed:
 * network or CORS refusal, HTTP status, too large, silence.
 */
export async function streamDataset(url: URL, options: FetchOptions, onChunk: (bytes: Uint8Array) => boolean | undefined): Promise<Streamed> {
  const maxBytes = options.maxBytes ?? MAX_DATASET_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const quietFor = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  };
  quietFor();
  const passOnAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) passOnAbort();
  else options.signal?.addEventListener('abort', passOnAbort);
  const where = url.href;
  let loaded = 0;
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
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) return { ok: false, problem: { path: where, message: tooLarge(null, maxBytes) } };
      options.onProgress?.(bytes.byteLength, total);
      onChunk(bytes);
      return { ok: true };
    }
    const reader = response.body.getReader();
    for (;;) {
      quietFor();
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (loaded > maxBytes) {
        await reader.cancel();
        return { ok: false, problem: { path: where, message: tooLarge(null, maxBytes) } };
      }
      if (onChunk(value) === false) {
        await reader.cancel();
        return { ok: true };
      }
      options.onProgress?.(loaded, total);
    }
    return { ok: true };
  } catch (error) {
    if (controller.signal.aborted && (controller.signal.reason as DOMException | undefined)?.name === 'TimeoutError') {
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      const message = loaded === 0 ? `did not answer within ${limit}` : `stopped sending: nothing for ${limit} after ${formatBytes(loaded)}`;
      return { ok: false, problem: { path: where, message } };
    }
    return { ok: false, problem: { path: where, message: `could not be read: ${(error as Error).message}` } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', passOnAbort);
  }
}

/** A dataset's whole text, downloaded as `streamDataset` does (for the editor, which holds its file whole). */
export async function fetchDatasetText(url: URL, options: FetchOptions = {}): Promise<FetchedText> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const streamed = await streamDataset(url, options, (chunk) => {
    chunks.push(chunk);
    size += chunk.byteLength;
    return true;
  });
  if (!streamed.ok) return streamed;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return decodeAt(bytes, url.href);
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
