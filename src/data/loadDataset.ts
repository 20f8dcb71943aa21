import type { ValidationResult } from './model';

/** What the worker is asked for: a text to read, or a synthetic sample to generate (see synthetic.ts). */
export type LoadRequest = { kind: 'text'; text: string; file?: string | undefined } | { kind: 'sample'; events: number; seed: number };

/**
 * How far loading has got: the sample being generated, events checked out of the total, the checked
 * events being handed from the worker to the page, and the page drawing them for the first time.
 */
export interface LoadProgress {
  stage: 'generating' | 'checking' | 'sending' | 'drawing';
  done: number;
  total: number;
}

export type WorkerReply = { kind: 'progress'; progress: LoadProgress } | { kind: 'done'; ok: true; result: ValidationResult } | { kind: 'done'; ok: false; message: string };

/**
 * Parses and validates a dataset in a Web Worker where there is one (the page stays responsive and
 * the validator stays out of the initial bundle); elsewhere, in this thread, loaded on demand.
 */
export async function loadDataset(request: LoadRequest, onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<ValidationResult> {
  if (typeof Worker === 'undefined') {
    const { runLoadRequest } = await import('./load');
    return runLoadRequest(request, onProgress);
  }
  const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<Extract<WorkerReply, { kind: 'done' }>>((resolve, reject) => {
      // Cancelling stops the worker where it is (terminated below), not after it has finished.
      if (signal?.aborted) reject(new DOMException('cancelled', 'AbortError'));
      signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')), { once: true });
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const data = event.data;
        if (data.kind === 'progress') onProgress?.(data.progress);
        else resolve(data);
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the validator failed to start'));
      worker.postMessage(request);
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.result;
  } finally {
    worker.terminate();
  }
}
