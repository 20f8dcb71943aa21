/// <reference lib="webworker" />
// Parses and validates a dataset off the main thread, so a large file never freezes the page.
import { loadDatasetFromText } from './load';

self.onmessage = (event: MessageEvent<{ text: string; file?: string }>) => {
  void loadDatasetFromText(event.data.text, event.data.file).then(
    (result) => self.postMessage({ ok: true, result }),
    (error: unknown) => self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
