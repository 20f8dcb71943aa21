/// <reference lib="webworker" />
// Parses and validates a dataset off the main thread, so a large file never freezes the page, and says
// how far it has got. It also makes the synthetic sample, so that it never lands in the page's script.
import { runLoadRequest } from './readDataset';
import type { LoadRequest, WorkerReply } from './loadProtocol';

const post = (reply: WorkerReply) => self.postMessage(reply);

self.onmessage = (event: MessageEvent<LoadRequest>) => {
  runLoadRequest(event.data, (progress) => post({ kind: 'progress', progress })).then(
    (result) => {
      // Copying a large result to the page takes a while, and the page cannot paint while it arrives.
      const events = result.dataset?.events.length ?? 0;
      post({ kind: 'progress', progress: { stage: 'sending', done: events, total: events } });
      post({ kind: 'done', ok: true, result });
    },
    (error: unknown) => post({ kind: 'done', ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
