/// <reference lib="webworker" />
// Parses and validates a dataset off the main thread, so a large file never freezes the page, and says
// how far it has got. It also makes the synthetic sample, so that it never lands in the page's script.
import { loadDatasetFromText } from './load';
import type { LoadProgress, LoadRequest, WorkerReply } from './loadDataset';
import { generateDataset } from './synthetic';
import { validateDataset } from './validate';

const post = (reply: WorkerReply) => self.postMessage(reply);
const progress = (stage: LoadProgress['stage']) => (done: number, total: number) => post({ kind: 'progress', progress: { stage, done, total } });

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  const run = async () => {
    if (request.kind === 'text') return loadDatasetFromText(request.text, request.file, progress('checking'));
    post({ kind: 'progress', progress: { stage: 'generating', done: 0, total: request.events } });
    const record = generateDataset({ events: request.events, seed: request.seed });
    return validateDataset(record, progress('checking'));
  };
  run().then(
    (result) => {
      // Copying a large result to the page takes a while, and the page cannot paint while it arrives.
      const events = result.dataset?.events.length ?? 0;
      post({ kind: 'progress', progress: { stage: 'sending', done: events, total: events } });
      post({ kind: 'done', ok: true, result });
    },
    (error: unknown) => post({ kind: 'done', ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
