import type { MeasureText } from './svg';
import { ENGLISH } from '../i18n';
import { blobParts } from './blobParts';
import type { BlobWorkerMessage, BlobWorkerReply } from './blobWorker';
import { finishInSlices, type Steps } from '../timeline/core/steps';

/** Saves a file through a temporary <a download>; the object URL is revoked once the browser has taken it. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in some browsers; a little later is safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Lets the browser paint and handle input before going on (a task of its own, not a microtask). */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Characters sent to the worker and not yet made into Blob parts, at most: what waits is memory, and the progress shown is what is made. */
const MAX_IN_FLIGHT_CHARS = 4 * 1024 * 1024;

/**
 * A file made from its text in pieces, a slice at a time (see steps.ts), into a Blob of `type`; the
 * Blob is made in a worker where there is one, and the page waits for it whenever it is far ahead.
 * Undefined once `signal` aborts.
 */
export async function makeFile(pieces: Iterable<string>, type: string, signal: AbortSignal): Promise<Blob | undefined> {
  if (typeof Worker === 'undefined') {
    const parts = await finishInSlices(blobParts(pieces), signal);
    return parts && new Blob(parts, { type });
  }
  const worker = new Worker(new URL('./blobWorker.ts', import.meta.url), { type: 'module' });
  let sent = 0;
  let taken = 0;
  let failed = false;
  let heard: () => void = () => undefined;
  let made: (blob: Blob) => void = () => undefined;
  const blob = new Promise<Blob>((resolve, reject) => {
    made = resolve;
    worker.onerror = (event) => {
      failed = true;
      reject(new Error(event.message));
      heard();
    };
  });
  // A page waiting for the worker wakes to a cancel too.
  signal.addEventListener('abort', () => heard(), { once: true });
  worker.onmessage = (event: MessageEvent<BlobWorkerReply>) => {
    if ('blob' in event.data) made(event.data.blob);
    else taken = event.data.taken;
    heard();
  };
  function* send(): Steps<true> {
    for (const piece of pieces) {
      if (piece !== '') worker.postMessage({ piece } satisfies BlobWorkerMessage);
      sent += piece.length;
      yield;
    }
    return true;
  }
  const pause = async () => {
    await nextTask();
    while (sent - taken > MAX_IN_FLIGHT_CHARS && !signal.aborted && !failed) await new Promise<void>((resolve) => (heard = resolve));
  };
  try {
    if ((await finishInSlices(send(), signal, undefined, pause)) === undefined) return undefined;
    if (failed) return await blob;
    worker.postMessage({ type } satisfies BlobWorkerMessage);
    const file = await blob;
    return signal.aborted ? undefined : file;
  } finally {
    worker.terminate();
  }
}

/** Text widths from a canvas, as the timeline measures its labels, so the picture places them the same way. */
export function canvasMeasure(): MeasureText | undefined {
  const context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!context) return undefined;
  return (text, font) => {
    if (context.font !== font) context.font = font;
    return context.measureText(text).width;
  };
}

const MAX_CANVAS_SIDE = 16_384;

/** A failure of ours, named by a message key, so that the interface can say it in the reader's language. */
export class ExportFailure extends Error {
  readonly messageKey: 'download.noCanvas' | 'download.pngFailed';

  constructor(messageKey: ExportFailure['messageKey']) {
    super(ENGLISH.t(messageKey));
    this.messageKey = messageKey;
    this.name = 'ExportFailure';
  }
}

/**
 * The SVG rasterized at `scale` device pixels per CSS pixel. It is loaded as a data: URL, which the
 * page's CSP already allows for images (img-src 'self' data:), so no blob: source is needed; an SVG
 * image without outside references leaves the canvas untainted, so toBlob works.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const image = new Image();
  // Each stage is a task of its own (a data: URL is parsed as it is set, drawing rasterizes the whole
  // picture, and toBlob reads its pixels back), so that none adds to another on a busy page.
  await nextTask();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  // Browsers refuse canvases beyond about 16k pixels a side; a very tall view is drawn a little smaller instead.
  const fitted = Math.min(scale, MAX_CANVAS_SIDE / Math.max(width, height));
  canvas.width = Math.round(width * fitted);
  canvas.height = Math.round(height * fitted);
  const context = canvas.getContext('2d');
  if (!context) throw new ExportFailure('download.noCanvas');
  // Drawn at the target size, the vector image is rasterized sharp rather than scaled up.
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  await nextTask();
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportFailure('download.pngFailed'))), 'image/png');
  });
}
