// The loader's worker, started ahead of need: main.tsx starts it with the page, before the app's own
// script has arrived, so this module imports nothing the page's first script would otherwise not need.
import type { LoadRequest } from '../../data/loadProtocol';
import { nameForRequest, type WorkerReply } from './workerMessages';

/**
 * A worker started ahead of need (see `prepareLoadWorker`), so its script loads while the page starts; when
 * it was asked for a dataset already, that request and the replies it has sent so far.
 */
interface SpareWorker {
  worker: Worker;
  asked: { request: LoadRequest; replies: WorkerReply[]; failed: string | null } | null;
}
let spare: SpareWorker | null = null;

/** A new worker; given a request it can take by its name, it starts on it at once, unasked. */
const startWorker = (name = '') => new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module', name });

/**
 * Starts a worker now, for the next `loadDataset`, so that its script is fetched alongside the app's; given
 * the request the page is about to make, asks it at once (what it replies is kept for `loadDataset`).
 */
export function prepareLoadWorker(request: LoadRequest | null = null): void {
  if (typeof Worker === 'undefined' || spare) return;
  const name = request ? nameForRequest(request) : null;
  const worker = startWorker(name ?? '');
  spare = { worker, asked: null };
  if (!request) return;
  const asked = { request, replies: [] as WorkerReply[], failed: null as string | null };
  spare.asked = asked;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => asked.replies.push(event.data);
  worker.onerror = (event) => {
    asked.failed = event.message || 'the loader failed to start';
  };
  if (name === null) worker.postMessage(request);
}

/**
 * Starts the next spare worker once the page is idle: a worker's start (its thread, its script compiled and
 * run) competes for the processor with the first render of the dataset just loaded.
 */
export function prepareLoadWorkerWhenIdle(): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => prepareLoadWorker(), { timeout: 2000 });
  else setTimeout(() => prepareLoadWorker(), 0);
}

/** Whether two requests ask for the same thing (only a URL or a sample is asked for ahead). */
const sameRequest = (a: LoadRequest, b: LoadRequest) => a.kind !== 'file' && b.kind !== 'file' && JSON.stringify(a) === JSON.stringify(b);

/** The worker for a request: the spare one (with what it has replied, if it was asked for this already), or a new one. */
export function workerFor(request: LoadRequest): { worker: Worker; asked: SpareWorker['asked'] } {
  const ready = spare;
  spare = null;
  if (!ready) return { worker: startWorker(), asked: null };
  if (!ready.asked) return ready;
  if (sameRequest(ready.asked.request, request)) return ready;
  // Asked for something else (the reader opened another file before the first one came): not wanted.
  ready.worker.terminate();
  return { worker: startWorker(), asked: null };
}
