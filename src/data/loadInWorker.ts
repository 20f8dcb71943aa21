import type { ValidationResult } from './model';
import type { LoadProgress, LoadRequest, WorkerReply } from './loadProtocol';

export type { LoadProgress, LoadRequest };

/**
 * Parses and validates a dataset in a Web Worker where there is one (the page stays responsive and
 * the validator stays out of the initial bundle); elsewhere, in this thread, loaded on demand.
 */
export async function loadDataset(request: LoadRequest, onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<ValidationResult> {
  if (typeof Worker === 'undefined') {
    const { runLoadRequest } = await import('./readDataset');
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
