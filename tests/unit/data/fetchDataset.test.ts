// fetchDatasetText, datasetUrl and readDatasetFile: one test per way loading a dataset can fail, each
// checking the words the reader will see. The network is a fake `fetchImpl`; nothing leaves the machine.
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../src/data/datasetUrl';
import { fetchDatasetText, MAX_DATASET_BYTES, readDatasetFile, type FetchedText } from '../../../src/data/fetchDataset';
import type { Problem } from '../../../src/data/problems';

const URL_OF_DATASET = new URL('https://data.example.test/x.json');

type FetchCall = { url: string; init: RequestInit | undefined };

/** A fake fetch that records its calls and answers with `respond`. */
function fakeFetch(respond: (url: string, init: RequestInit | undefined) => Promise<Response>): { fetchImpl: typeof fetch; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetchImpl, calls };
}

/** A promise that never settles on its own but rejects when `signal` aborts, as a real fetch does. */
function pendingUntilAborted<T>(signal: AbortSignal | null | undefined): Promise<T> {
  return new Promise<T>((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason as Error));
  });
}

function problemOf(result: FetchedText): Problem {
  if (result.ok) throw new Error(`expected a failure, got ${result.text.length} characters of text`);
  return result.problem;
}

function textOf(result: FetchedText): string {
  if (!result.ok) throw new Error(`expected text, got ${result.problem.path}: ${result.problem.message}`);
  return result.text;
}

const encoder = new TextEncoder();

/** A body streamed in the given chunks; `pulled` counts how many were read, `cancelled` says if the reader gave up. */
function chunkedBody(chunks: Uint8Array[]): { body: ReadableStream<Uint8Array>; state: { pulled: number; cancelled: boolean } } {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[state.pulled];
      state.pulled++;
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { body, state };
}

const MB = 1024 * 1024;

describe('fetchDatasetText: each failure is named plainly', () => {
  it('network failure or CORS refusal (fetch rejects with a TypeError) mentions CORS', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl }));
    expect(problem.path).toBe(URL_OF_DATASET.href);
    expect(problem.message).toContain('could not be fetched');
    expect(problem.message).toContain('CORS');
  });

  it('asks without credentials, in CORS mode, with an abort signal', async () => {
    const { fetchImpl, calls } = fakeFetch(() => Promise.resolve(new Response('{}')));
    await fetchDatasetText(URL_OF_DATASET, { fetchImpl });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(URL_OF_DATASET.href);
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.mode).toBe('cors');
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    [404, 'Not Found', 'the server answered 404 Not Found'],
    [500, 'Internal Server Error', 'the server answered 500 Internal Server Error'],
    [403, 'Forbidden', 'the server answered 403 Forbidden'],
  ])('HTTP %i %s is reported as "%s"', async (status, statusText, expected) => {
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response('nope', { status, statusText })));
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl }));
    expect(problem).toEqual({ path: URL_OF_DATASET.href, message: expected });
  });

  it('HTTP 404 without a status text (HTTP/2) still names the status', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response('nope', { status: 404 })));
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl }));
    expect(problem.message).toBe('the server answered 404');
  });

  it('a Content-Length over the limit is refused before the body is read', async () => {
    const { body, state } = chunkedBody([encoder.encode('{}')]);
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response(body, { headers: { 'content-length': String(3 * MB) } })));
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl, maxBytes: MB }));
    expect(problem.path).toBe(URL_OF_DATASET.href);
    expect(problem.message).toBe('is 3,145,728 bytes, larger than the 1 MB limit');
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it('a streamed body that grows past maxBytes without a Content-Length is cut off as too large', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    const { body, state } = chunkedBody(Array.from({ length: 40 }, () => chunk));
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response(body)));
    const progress: number[] = [];
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl, maxBytes: MB, onProgress: (loaded) => progress.push(loaded) }));
    expect(problem.message).toMatch(/larger than the 1 MB limit/);
    // It stops reading soon after the limit, and tells the stream so.
    expect(state.pulled).toBeLessThan(10);
    expect(state.cancelled).toBe(true);
    expect(Math.max(...progress)).toBeLessThanOrEqual(MB);
  });

  it('a server that never answers times out with "did not answer within"', async () => {
    const { fetchImpl } = fakeFetch((_, init) => pendingUntilAborted(init?.signal));
    const started = Date.now();
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl, timeoutMs: 50 }));
    expect(problem.path).toBe(URL_OF_DATASET.href);
    expect(problem.message).toMatch(/^did not answer within \d+ m?s$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a body that stalls after the headers also times out', async () => {
    const { fetchImpl } = fakeFetch((_, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('{"title": "half'));
          // A real fetch errors its body stream when its signal aborts.
          init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return Promise.resolve(new Response(body));
    });
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl, timeoutMs: 50 }));
    expect(problem.message).toBe('stopped sending: nothing for 50 ms after 15 bytes');
  });

  it('a slow body that keeps sending is not cut off, however long it takes in all', async () => {
    const { fetchImpl } = fakeFetch(() => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          // Ten pieces 30 ms apart: 300 ms in all, against a silence limit of 100 ms.
          await new Promise((resolve) => setTimeout(resolve, 30));
          if (sent++ < 10) controller.enqueue(encoder.encode(sent === 1 ? '[' : sent === 10 ? '0]' : '0,'));
          else controller.close();
        },
      });
      return Promise.resolve(new Response(body));
    });
    const text = textOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl, timeoutMs: 100 }));
    expect(JSON.parse(text)).toHaveLength(9);
  });

  it("the caller's own abort is not reported as a timeout", async () => {
    const { fetchImpl } = fakeFetch((_, init) => pendingUntilAborted(init?.signal));
    const caller = new AbortController();
    const pending = fetchDatasetText(URL_OF_DATASET, { fetchImpl, timeoutMs: 10_000, signal: caller.signal });
    caller.abort();
    const problem = problemOf(await pending);
    expect(problem.message).not.toContain('did not answer within');
  });

  it('success reports progress against the declared size and returns the text', async () => {
    const text = JSON.stringify({ title: 'Zürich – “quoted” ✓', pad: 'x'.repeat(5000) });
    const bytes = encoder.encode(text);
    // Split inside the multi-byte "ü" so decoding must join the chunks first.
    const cut = encoder.encode('{"title":"Z').length + 1;
    const parts = [bytes.slice(0, cut), bytes.slice(cut, 3000), bytes.slice(3000)];
    const { body } = chunkedBody(parts);
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response(body, { headers: { 'content-length': String(bytes.byteLength) } })));
    const progress: [number, number | null][] = [];
    const result = await fetchDatasetText(URL_OF_DATASET, { fetchImpl, onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(textOf(result)).toBe(text);
    expect(progress).toEqual([
      [cut, bytes.byteLength],
      [3000, bytes.byteLength],
      [bytes.byteLength, bytes.byteLength],
    ]);
  });

  it('without a Content-Length, progress has no total', async () => {
    const { body } = chunkedBody([encoder.encode('{"a":'), encoder.encode('1}')]);
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response(body)));
    const progress: [number, number | null][] = [];
    const result = await fetchDatasetText(URL_OF_DATASET, { fetchImpl, onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(textOf(result)).toBe('{"a":1}');
    expect(progress).toEqual([
      [5, null],
      [7, null],
    ]);
  });

  it('a UTF-8 byte-order mark is dropped, so the text parses as JSON', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('{"a":1}')]))));
    const text = textOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl }));
    expect(JSON.parse(text)).toEqual({ a: 1 });
  });

  it('states a size just over the limit differently from the limit itself', async () => {
    // The limit + 1 byte, declared by the server: the reader should not read "is 1.5 GB, larger than the 1.5 GB limit".
    const { fetchImpl } = fakeFetch(() => Promise.resolve(new Response('{}', { headers: { 'content-length': String(MAX_DATASET_BYTES + 1) } })));
    const problem = problemOf(await fetchDatasetText(URL_OF_DATASET, { fetchImpl }));
    const [, size, limit] = /is ([\d.,]+ (?:bytes|[KMG]B)), larger than the ([\d.]+ [KMG]?B) limit/.exec(problem.message) ?? [];
    expect(limit).toBe('1.5 GB');
    expect(problem.message).toContain('a browser tab cannot hold that many events');
    expect(size, `message: "${problem.message}"`).not.toBe(limit);
  });
});

describe('datasetUrl', () => {
  const base = 'https://site.test/app/index.html?data=old.json&event=x';

  it.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(document.domain)', 'javascript:'],
    ['  javascript:alert(1)', 'javascript:'],
    ['java\tscript:alert(1)', 'javascript:'],
    ['data:application/json,{"title":"x"}', 'data:'],
    ['file:///etc/passwd', 'file:'],
    ['ftp://example.test/x.json', 'ftp:'],
    ['blob:https://site.test/1234', 'blob:'],
  ])('refuses %j, naming the scheme', (raw, scheme) => {
    const result = datasetUrl(raw, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toEqual({ path: 'data', message: `only http: and https: datasets can be loaded, not ${scheme}` });
  });

  it.each(['https://', 'http://exa mple.test/x.json', 'http://[::1', '//', 'https://a b/'])('says %j is not a URL', (raw) => {
    const result = datasetUrl(raw, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toEqual({ path: 'data', message: `${JSON.stringify(raw)} is not a URL` });
  });

  it.each([
    ['x.json', 'https://site.test/app/x.json'],
    ['../data/x.json', 'https://site.test/data/x.json'],
    ['/x.json', 'https://site.test/x.json'],
    ['//cdn.example.test/x.json', 'https://cdn.example.test/x.json'],
    ['https://data.example.test/x.json?v=2#frag', 'https://data.example.test/x.json?v=2#frag'],
    ['HTTP://DATA.EXAMPLE.TEST/X.json', 'http://data.example.test/X.json'],
  ])('resolves %j against the page to %s', (raw, expected) => {
    const result = datasetUrl(raw, base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.url.href).toBe(expected);
  });
});

describe('readDatasetFile', () => {
  it('refuses a file over the limit without reading it, naming the file', async () => {
    const file = new File([new Uint8Array(3 * MB)], 'huge.json', { type: 'application/json' });
    const problem = problemOf(await readDatasetFile(file, MB));
    expect(problem.path).toBe('huge.json');
    expect(problem.message).toBe('is 3,145,728 bytes, larger than the 1 MB limit');
  });

  it('refuses a file over a small limit with a "larger than the … limit" message', async () => {
    const file = new File(['x'.repeat(2048)], 'small.json');
    const problem = problemOf(await readDatasetFile(file, 1024));
    expect(problem.path).toBe('small.json');
    expect(problem.message).toMatch(/larger than the .+ limit/);
  });

  it('reads a file at the limit', async () => {
    const text = '{"title":"at the limit"}';
    const file = new File([text], 'ok.json');
    expect(textOf(await readDatasetFile(file, encoder.encode(text).byteLength))).toBe(text);
  });

  it('turns a file that fails to read into a problem, not a throw', async () => {
    const file = new File(['{}'], 'gone.json');
    Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.reject(new Error('NotReadableError: the file changed')) });
    const problem = problemOf(await readDatasetFile(file));
    expect(problem).toEqual({ path: 'gone.json', message: 'could not be read: NotReadableError: the file changed' });
  });
});
