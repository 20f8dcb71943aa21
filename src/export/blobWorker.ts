// Makes a download's Blob off the page's thread: the page sends the file's text in pieces, then the
// file's type, and gets the Blob back. Making a Blob turns text into bytes and registers them with the
// browser, which took seconds of the page's time for a million events, in stalls of up to 300 ms.
import { BlobPartCollector } from './blobParts';

export type BlobWorkerMessage = { piece: string } | { type: string };

const collector = new BlobPartCollector();

self.onmessage = (event: MessageEvent<BlobWorkerMessage>) => {
  if ('piece' in event.data) collector.push(event.data.piece);
  else self.postMessage(new Blob(collector.finish(), { type: event.data.type }));
};
