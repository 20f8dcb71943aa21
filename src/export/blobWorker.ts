// Makes a download's Blob off the page's thread: the page sends the file's text in pieces (each answered
// with the characters taken so far, so that the page sends no faster than this makes), then the file's
// type, and gets the Blob back. Making a Blob turns text into bytes and registers them with the
// browser, which took seconds of the page's time for a million events, in stalls of up to 300 ms.
import { BlobPartCollector } from './blobParts';

export type BlobWorkerMessage = { piece: string } | { type: string };

export type BlobWorkerReply = { taken: number } | { blob: Blob };

const collector = new BlobPartCollector();
let taken = 0;
const reply = (message: BlobWorkerReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<BlobWorkerMessage>) => {
  if ('piece' in event.data) {
    collector.push(event.data.piece);
    taken += event.data.piece.length;
    reply({ taken });
  } else {
    reply({ blob: new Blob(collector.finish(), { type: event.data.type }) });
  }
};
