// What the worker does with a request, and the page itself where there is no worker: download or read
// the file in pieces, decode and check it, or generate the sample, saying how far it has got.
import { DatasetReader, type ReadOutcome } from './readDatasetStream';
import type { CheckedListener } from './validate';
import { loadDatasetFromText } from './readDataset';
import { validateDataset, type ValidationProgress } from './validate';
import { MAX_DATASET_BYTES, readFailed, streamDataset, tooLarge, unpacksTooLarge } from './fetchDataset';
import { unpackGzip } from './gzip';
import type { LoadProgress, LoadRequest } from './loadProtocol';
import type { RowProgress } from './import/csv';

/** Progress is said at most this often: enough for a moving bar, few enough messages. */
const PROGRESS_INTERVAL_MS = 50;

function throttled(onProgress: (progress: LoadProgress) => void): (progress: LoadProgress) => void {
  let last = -Infinity;
  let stage = '';
  return (progress) => {
    const now = performance.now();
    // A new stage is always said at once; within a stage, every so often, and its end.
    if (progress.stage !== stage || now - last >= PROGRESS_INTERVAL_MS || progress.done === progress.total) {
      stage = progress.stage;
      last = now;
      onProgress(progress);
    }
  };
}

/**
 * A download's pieces can be megabytes (the browser gathers what came while the worker was busy). Read in
 * slices, with what each has had checked handed on at once, the checked events are let go of before the
 * worker's collector runs rather than kept through it: ~5–10% faster for 100,000 events than 1 MB pieces.
 */
const SLICE_BYTES = 65_536;

/**
 * Gives the reader the next bytes a slice at a time; false once it wants no more. `onSlice` is told how many
 * of them have been read so far: a piece of 2 MB takes the checks some 200 ms, and progress said only per
 * piece stood still that long.
 */
function pushInSlices(reader: DatasetReader, bytes: Uint8Array, onChecked?: CheckedListener, onSlice?: (read: number) => void): boolean {
  for (let at = 0; at < bytes.byteLength; at += SLICE_BYTES) {
    const more = reader.push(bytes.byteLength <= SLICE_BYTES ? bytes : bytes.subarray(at, at + SLICE_BYTES));
    if (onChecked) reader.handChecked(onChecked);
    if (!more) return false;
    onSlice?.(Math.min(at + SLICE_BYTES, bytes.byteLength));
  }
  return true;
}

async function readFile(file: File, reader: DatasetReader, progress: (progress: LoadProgress) => void, onChecked?: CheckedListener): Promise<ReadOutcome | null> {
  if (file.size > MAX_DATASET_BYTES) {
    return { ok: false, problem: { path: file.name, message: tooLarge(file.size) } };
  }
  // The file's own bytes taken so far (compressed, when it is gzip, which its size counts too).
  let taken = 0;
  let gzipped = false;
  try {
    progress({ stage: 'reading', done: 0, total: file.size });
    const unpacked = await unpackGzip(file.stream(), (read) => (taken = read));
    gzipped = unpacked.gzipped;
    const bytes = unpacked.stream.getReader();
    let done = 0;
    for (;;) {
      const next = await bytes.read();
      if (next.done) break;
      const before = done;
      done += next.value.byteLength;
      if (gzipped && done > MAX_DATASET_BYTES) {
        await bytes.cancel();
        return { ok: false, problem: { path: file.name, message: unpacksTooLarge(MAX_DATASET_BYTES) } };
      }
      // A gzipped file's progress goes by the compressed bytes taken so far: its size counts those, not what they unpack to.
      const read = gzipped
        ? () => progress({ stage: 'reading', done: Math.min(taken, file.size), total: file.size, checked: reader.checkedSoFar })
        : (inPiece: number) => progress({ stage: 'reading', done: before + inPiece, total: file.size, checked: reader.checkedSoFar });
      if (!pushInSlices(reader, next.value, onChecked, read)) {
        await bytes.cancel();
        break;
      }
    }
  } catch (error) {
    return { ok: false, problem: { path: file.name, message: readFailed(error, gzipped, taken, file.size) } };
  }
  return null;
}

/**
 * Reads, checks or makes the dataset asked for. `onChecked`, when given, is handed a dataset of ours as its
 * records pass their checks, before the end: the result's dataset then holds those very records, in its own order.
 */
export async function runLoadRequest(request: LoadRequest, onProgress: (progress: LoadProgress) => void = () => {}, onChecked?: CheckedListener): Promise<ReadOutcome> {
  const progress = throttled(onProgress);
  const checking: ValidationProgress = (done, total) => progress({ stage: 'checking', done, total });
  const sources: ValidationProgress = (done, total) => progress({ stage: 'sources', done, total });
  // A spreadsheet is first split into rows (counted in characters of its text), then its rows converted.
  const spreadsheetRows: RowProgress = (done, total, counting) => progress({ stage: counting === 'characters' ? 'splitting' : 'converting', done, total });
  switch (request.kind) {
    case 'text':
      return { ok: true, result: await loadDatasetFromText(request.text, request.file, checking, spreadsheetRows) };
    case 'sample': {
      progress({ stage: 'generating', done: 0, total: request.events });
      // Only the sample needs the generator: it loads when asked for.
      const { generateDataset } = await import('./synthetic');
      return { ok: true, result: validateDataset(generateDataset({ events: request.events, seed: request.seed }), checking) };
    }
    case 'file': {
      const reader = new DatasetReader(request.file.name, undefined, sources);
      const failed = await readFile(request.file, reader, progress, onChecked);
      return failed ?? reader.finish(request.file.name, checking, spreadsheetRows, onChecked);
    }
    case 'url': {
      const url = new URL(request.url);
      const reader = new DatasetReader(url.href, undefined, sources);
      progress({ stage: 'downloading', done: 0, total: null });
      // Bytes downloaded before the piece being read, and the size the server gave.
      let before = 0;
      let size: number | null = null;
      const downloaded = (done: number) => progress({ stage: 'downloading', done, total: size, checked: reader.checkedSoFar });
      const streamed = await streamDataset(
        url,
        {
          onProgress: (done, total) => {
            before = done;
            size = total;
            downloaded(done);
          },
        },
        (chunk) => pushInSlices(reader, chunk, onChecked, (inPiece) => downloaded(before + inPiece)),
      );
      if (!streamed.ok) return streamed;
      return reader.finish(request.file, checking, spreadsheetRows, onChecked);
    }
  }
}
