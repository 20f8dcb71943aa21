import type { Problem } from './problems';
import { concatBytes, decodeDatasetBytes } from './textEncoding';
import { gunzipBytes, isGzip, sourceFailure, unpackGzip } from './gzip';

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

/** Why a gzipped file could not be unpacked, after how many of its own bytes (of how many, when known). */
export const damagedGzip = (read: number, size: number | null, error: unknown) =>
  `is gzip-compressed, but its compressed data is damaged or cut short (${read === size ? `at its end, after all ${formatBytes(read)}` : `after ${formatBytes(read)}${size === null ? '' : ` of ${formatBytes(size)}`}`}); ` +
  `the download or copy may be incomplete (${error instanceof Error ? error.message : String(error)})`;

/** Why a gzipped file is refused: what it unpacks to is more than a tab can hold. */
export const unpacksTooLarge = (limit: number) =>
  `is gzip-compressed and unpacks to more than the ${formatBytes(limit)} limit: a browser tab cannot hold that many events; split the file, or filter it first`;

/**
 * What to say when reading a file's bytes failed part-way: its compressed data damaged (after `taken` of its
 * bytes, of `size` when known), or the reading itself (a network failure, say).
 */
export function readFailed(error: unknown, gzipped: boolean, taken: number, size: number | null): string {
  const failed = sourceFailure(error);
  if (gzipped && failed === null) return damagedGzip(taken, size, error);
  return `could not be read: ${((failed ?? error) as Error).message}`;
}

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
  // The file's own bytes so far, and, when it is gzip, what they unpacked to.
  let loaded = 0;
  let unpacked = 0;
  let gzipped = false;
  /** Compressed bytes the unpacking has taken (it takes a piece ahead of what it has given). */
  let taken = 0;
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
      const raw = new Uint8Array(await response.arrayBuffer());
      if (raw.byteLength > maxBytes) return { ok: false, problem: { path: where, message: tooLarge(null, maxBytes) } };
      loaded = taken = raw.byteLength;
      gzipped = isGzip(raw);
      const bytes = await gunzipBytes(raw, maxBytes);
      if (!bytes) return { ok: false, problem: { path: where, message: unpacksTooLarge(maxBytes) } };
      options.onProgress?.(loaded, total);
      onChunk(bytes);
      return { ok: true };
    }
    quietFor();
    const body = await unpackGzip(response.body, (read) => (taken = read));
    gzipped = body.gzipped;
    const reader = body.stream.getReader();
    for (;;) {
      quietFor();
      const { done, value } = await reader.read();
      if (done) break;
      unpacked += value.byteLength;
      loaded = gzipped ? taken : unpacked;
      if (loaded > maxBytes || unpacked > maxBytes) {
        await reader.cancel();
        return { ok: false, problem: { path: where, message: loaded > maxBytes ? tooLarge(null, maxBytes) : unpacksTooLarge(maxBytes) } };
      }
      if (onChunk(value) === false) {
        await reader.cancel();
        return { ok: true };
      }
      // Progress goes by the file's own bytes, which its size counts.
      options.onProgress?.(loaded, total);
    }
    return { ok: true };
  } catch (error) {
    if (controller.signal.aborted && (controller.signal.reason as DOMException | undefined)?.name === 'TimeoutError') {
      const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      const message = loaded === 0 ? `did not answer within ${limit}` : `stopped sending: nothing for ${limit} after ${formatBytes(loaded)}`;
      return { ok: false, problem: { path: where, message } };
    }
    return { ok: false, problem: { path: where, message: readFailed(error, gzipped, taken, null) } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', passOnAbort);
  }
}

/** A dataset's whole text, downloaded as `streamDataset` does (for the editor, which holds its file whole). */
export async function fetchDatasetText(url: URL, options: FetchOptions = {}): Promise<FetchedText> {
  const chunks: Uint8Array[] = [];
  const streamed = await streamDataset(url, options, (chunk) => {
    chunks.push(chunk);
    return true;
  });
  if (!streamed.ok) return streamed;
  return decodeAt(concatBytes(chunks), url.href);
}

/** Reads a dataset file the reader chose or dropped, with the same size limit. */
export async function readDatasetFile(file: File, maxBytes = MAX_DATASET_BYTES): Promise<FetchedText> {
  if (file.size > maxBytes) return { ok: false, problem: { path: file.name, message: tooLarge(file.size, maxBytes) } };
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { ok: false, problem: { path: file.name, message: `could not be read: ${(error as Error).message}` } };
  }
  try {
    const bytes = await gunzipBytes(raw, maxBytes);
    if (!bytes) return { ok: false, problem: { path: file.name, message: unpacksTooLarge(maxBytes) } };
    return decodeAt(bytes, file.name);
  } catch (error) {
    if (isGzip(raw)) return { ok: false, problem: { path: file.name, message: damagedGzip(raw.byteLength, raw.byteLength, error) } };
    return { ok: false, problem: { path: file.name, message: `could not be read: ${(error as Error).message}` } };
  }
}
