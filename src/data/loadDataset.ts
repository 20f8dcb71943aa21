import type { ValidationResult } from './model';

type WorkerReply = { ok: true; result: ValidationResult } | { ok: false; message: string };

/**
 * Parses and validates a dataset in a Web Worker where there is one (the page stays responsive and
 * the validator stays out of the initial bundle); elsewhere, in this thread, loaded on demand.
 */
export async function loadDataset(text: string, file?: string): Promise<ValidationResult> {
  if (typeof Worker === 'undefined') {
    const { loadDatasetFromText } = await import('./load');
    return loadDatasetFromText(text, file);
  }
  const worker = new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message || 'the validator failed to start'));
      worker.postMessage({ text, file });
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.result;
  } finally {
    worker.terminate();
  }
}
