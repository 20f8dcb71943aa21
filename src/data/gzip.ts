// Datasets may come gzip-compressed (`events.json.gz`, a spreadsheet export's `.csv.gz`): a million generated
// events are 555 MB of JSON and 38 MB gzipped, which is what decides how long a slow link takes.
// A gzipped file is told by its first two bytes, not its name, and the browser's own DecompressionStream
// unpacks it as it arrives: no library, and nothing more to download for the files that are not compressed.
import { concatBytes } from './textEncoding';

/** Every gzip member starts with these two bytes (RFC 1952); no UTF-8 or UTF-16 text of a dataset can. */
const isGzipStart = (first: number | undefined, second: number | undefined) => first === 0x1f && second === 0x8b;

export const isGzip = (bytes: Uint8Array): boolean => isGzipStart(bytes[0], bytes[1]);

/** The file itself could not be read (a network failure, say), as against its compressed data being damaged. */
export class SourceReadError extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** The error a read of the file's own bytes failed with, or null when it was the unpacking that failed. */
export const sourceFailure = (error: unknown): unknown => (error instanceof SourceReadError ? error.reason : null);

export interface Unpacked {
  /** The file's bytes as its reader needs them: decompressed when it was gzipped, else as they came. */
  stream: ReadableStream<Uint8Array>;
  gzipped: boolean;
}

/**
 * A stream of a file's bytes, decompressed if they are gzip. `onRead` is told how many of the file's own bytes
 * (compressed, when it is) have been taken so far: progress against the file's size goes by those.
 */
export async function unpackGzip(source: ReadableStream<Uint8Array>, onRead?: (bytes: number) => void): Promise<Unpacked> {
  const reader = source.getReader();
  // The first two bytes decide; a stream may give them in two pieces.
  const first: Uint8Array[] = [];
  let firstBytes = 0;
  let ended = false;
  while (firstBytes < 2) {
    const next = await reader.read();
    if (next.done) {
      ended = true;
      break;
    }
    first.push(next.value);
    firstBytes += next.value.byteLength;
  }
  const head: number[] = [];
  for (const chunk of first) head.push(...chunk.subarray(0, 2 - head.length));
  const gzipped = isGzipStart(head[0], head[1]);
  let read = 0;
  const counted = (chunk: Uint8Array) => {
    read += chunk.byteLength;
    onRead?.(read);
    return chunk;
  };
  const whole = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of first) controller.enqueue(counted(chunk));
      if (ended) controller.close();
    },
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw new SourceReadError(error);
      }
      if (next.done) controller.close();
      else controller.enqueue(counted(next.value));
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  // A stream of bytes is one of buffers, which is what the decompressor is typed to take.
  return { stream: gzipped ? (whole as ReadableStream<BufferSource>).pipeThrough(new DecompressionStream('gzip')) : whole, gzipped };
}

/**
 * A file's bytes held whole, decompressed if they are gzip; null when they unpack to more than `maxBytes`
 * (unpacking stops there: a small file can unpack to gigabytes).
 */
export async function gunzipBytes(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null> {
  if (!isGzip(bytes)) return bytes;
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    pieces.push(next.value);
  }
  return concatBytes(pieces);
}
