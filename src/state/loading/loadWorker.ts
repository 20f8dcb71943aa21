/// <reference lib="webworker" />
// Downloads or reads, decodes and checks a dataset off the main thread, so a large file never freezes
// the page, and says how far it has got. It also makes the synthetic sample, so that it never lands in
// the page's script.
import { runLoadRequest } from '../../data/runLoadRequest';
import type { LoadRequest } from '../../data/loadProtocol';
import { DatasetSender } from './datasetPieces';
import { requestFromName, type WorkerReply } from './workerMessages';

const post = (reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

function run(request: LoadRequest): void {
  const sender = new DatasetSender(post);
  runLoadRequest(request, (progress) => post({ kind: 'progress', progress }), (checked) => sender.early(checked)).then(
    (outcome) => (outcome.ok ? sender.finish(outcome.result) : post({ kind: 'failed', problem: outcome.problem })),
    (error: unknown) => post({ kind: 'failed', problem: { path: '(dataset)', message: `could not be loaded: ${error instanceof Error ? error.message : String(error)}` } }),
  );
}

self.onmessage = (event: MessageEvent<LoadRequest>) => run(event.data);
// Started for a request (the page's own dataset, asked for as the page starts): taken now, not posted.
const asked = requestFromName(self.name);
if (asked) run(asked);
