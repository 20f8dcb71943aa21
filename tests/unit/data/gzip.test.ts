// Gzipped datasets (`events.json.gz`, `events.csv.gz`) open like the files they unpack to, from a file or a
// URL, told by their first bytes; a damaged or cut-short one is refused saying so, and where.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unpackGzip } from '../../../src/data/gzip';
import { readDatasetFile, streamDataset } from '../../../src/data/fetchDataset';
import { runLoadRequest } from '../../../src/data/runLoadRequest';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { eventsToCsv } from '../../../src/export/csv';
import { baseName } from '../../../src/data/import/shared';
import type { LoadProgress } from '../../../src/data/loadProtocol';

afterEach(() => {
  vi.unstubAllGlobals();
});

const encode = (text: string) => new TextEncoder().encode(text);
const gzip = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

/** A stream giving `bytes` in the pieces given by `cuts` (offsets where a piece ends). */
function streamOf(bytes: Uint8Array, cuts: number[] = []): ReadableStream<Uint8Array> {
  const ends = [...cuts, bytes.length];
  let from = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const end = ends.shift();
      if (end === undefined) return controller.close();
      controller.enqueue(bytes.slice(from, end));
      from = end;
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream as ReadableStream<BufferSource>).arrayBuffer());
}

const datasetJson = (events: number) => JSON.stringify(generateDataset({ events, seed: 3 }));

function serve(bytes: Uint8Array) {
  vi.stubGlobal('fetch', async () => new Response(streamOf(bytes, [Math.floor(bytes.length / 3)]) as ReadableStream<BufferSource>, { status: 200, headers: { 'content-length': String(bytes.length) } }));
}

describe('unpackGzip', () => {
  it('unpacks gzip whose two telling bytes come in separate pieces, counting the compressed bytes taken', async () => {
    const text = encode(datasetJson(40));
    const packed = gzip(text);
    const counts: number[] = [];
    const unpacked = await unpackGzip(streamOf(packed, [1, 2, 100]), (read) => counts.push(read));
    expect(unpacked.gzipped).toBe(true);
    expect(await readAll(unpacked.stream)).toEqual(text);
    expect(counts.at(-1)).toBe(packed.length);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('passes other bytes through as they are', async () => {
    const text = encode('id,date,title\n');
    const unpacked = await unpackGzip(streamOf(text, [1]));
    expect(unpacked.gzipped).toBe(false);
    expect(await readAll(unpacked.stream)).toEqual(text);
  });

  it('takes an empty file as an empty file', async () => {
    const unpacked = await unpackGzip(streamOf(new Uint8Array(0)));
    expect(unpacked.gzipped).toBe(false);
    expect((await readAll(unpacked.stream)).length).toBe(0);
  });
});

describe('opening a gzipped dataset', () => {
  it('reads a gzipped JSON file chosen by the reader, its progress going by the compressed bytes to the file’s size', async () => {
    const packed = gzip(encode(datasetJson(300)));
    const seen: LoadProgress[] = [];
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const outcome = await runLoadRequest({ kind: 'file', file: new File([packed], 'events.json.gz') }, (progress) => seen.push(progress));
    vi.restoreAllMocks();
    expect(outcome.ok && outcome.result.dataset?.events.length).toBe(300);
    const reading = seen.filter((p) => p.stage === 'reading');
    expect(reading.every((p) => p.total === packed.length && p.done <= packed.length)).toBe(true);
    expect(reading.at(-1)?.done).toBe(packed.length);
  });

  it('reads a gzipped JSON dataset from a URL', async () => {
    serve(gzip(encode(datasetJson(200))));
    const outcome = await runLoadRequest({ kind: 'url', url: 'https://example.org/events.json.gz', file: 'events.json.gz' });
    expect(outcome.ok && outcome.result.dataset?.events.length).toBe(200);
  });

  it('reads a gzipped spreadsheet from a URL as the CSV it holds, named without its extensions', async () => {
    const dataset = validateDataset(generateDataset({ events: 50, seed: 4 })).dataset;
    if (!dataset) throw new Error('the generated dataset should be valid');
    serve(gzip(encode(eventsToCsv(dataset, dataset.events))));
    const outcome = await runLoadRequest({ kind: 'url', url: 'https://example.org/events.csv.gz', file: 'events.csv.gz' });
    expect(outcome.ok && outcome.result.importedFrom).toBe('csv');
    expect(outcome.ok && outcome.result.dataset?.events.length).toBe(50);
    expect(baseName('events.csv.gz')).toBe('events');
  });

  it('refuses a gzipped file cut short, saying it is damaged or cut short and how much was read', async () => {
    const packed = gzip(encode(datasetJson(100)));
    const cut = packed.slice(0, Math.floor(packed.length / 2));
    const outcome = await runLoadRequest({ kind: 'file', file: new File([cut], 'events.json.gz') });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem.path).toBe('events.json.gz');
    expect(outcome.problem.message).toMatch(/^is gzip-compressed, but its compressed data is damaged or cut short \(.*\); the download or copy may be incomplete/);
  });

  it('says a download that fails part-way failed, not that its compressed data is damaged', async () => {
    const packed = gzip(encode(datasetJson(100)));
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError('network error'));
        controller.enqueue(packed.slice(0, 200));
        sent = true;
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body as ReadableStream<BufferSource>, { status: 200 }));
    const streamed = await streamDataset(new URL('https://example.org/events.json.gz'), {}, () => true);
    expect(streamed).toEqual({ ok: false, problem: { path: 'https://example.org/events.json.gz', message: 'could not be read: network error' } });
  });

  it('stops unpacking a small file that unpacks past the limit, and says so', async () => {
    const bomb = gzip(new Uint8Array(3 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    const read = await readDatasetFile(new File([bomb], 'zeros.json.gz'), 1024 * 1024);
    expect(read).toEqual({ ok: false, problem: { path: 'zeros.json.gz', message: 'is gzip-compressed and unpacks to more than the 1 MB limit: a browser tab cannot hold that many events; split the file, or filter it first' } });
  });

  it('reads a gzipped file whole for the editor, and names a damaged one', async () => {
    const text = datasetJson(20);
    const read = await readDatasetFile(new File([gzip(encode(text))], 'draft.json.gz'));
    expect(read).toEqual({ ok: true, text });
    const packed = gzip(encode(text));
    const damaged = await readDatasetFile(new File([packed.slice(0, packed.length - 8)], 'draft.json.gz'));
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.problem.message).toMatch(/^is gzip-compressed, but its compressed data is damaged or cut short \(at its end, after all \d+ (bytes|KB)\)/);
  });
});
