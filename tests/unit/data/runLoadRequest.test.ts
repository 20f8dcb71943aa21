// The worker's loading of a URL: a download's piece can be megabytes, and the reader takes it a slice at a
// time, handing on what each slice had checked, so checked events do not pile up for the whole piece; and a
// spreadsheet says how far its splitting into rows has got, which takes seconds at a million rows.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runLoadRequest } from '../../../src/data/runLoadRequest';
import type { CheckedSoFar } from '../../../src/data/validate';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { eventsToCsv } from '../../../src/export/csv';
import { readRecords } from '../../../src/data/import/csvRecords';
import type { LoadProgress } from '../../../src/data/loadProtocol';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A server that sends the whole file as one piece, as a browser does with what arrived while the worker was busy. */
function serveInOnePiece(bytes: Uint8Array) {
  vi.stubGlobal('fetch', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) } });
  });
}

describe('runLoadRequest for a URL', () => {
  it('hands on the events checked slice by slice when the download comes in one large piece', async () => {
    const dataset = generateDataset({ events: 600, seed: 5 });
    const bytes = new TextEncoder().encode(JSON.stringify(dataset));
    expect(bytes.length).toBeGreaterThan(4 * 65_536);
    serveInOnePiece(bytes);
    const handed: number[] = [];
    const outcome = await runLoadRequest({ kind: 'url', url: 'https://example.org/big.json', file: 'big.json' }, undefined, (checked: CheckedSoFar) => handed.push(checked.events.length));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.dataset?.events.length).toBe(600);
    // Several hand-overs within the one piece, together every event once.
    expect(handed.length).toBeGreaterThanOrEqual(4);
    expect(handed.reduce((sum, n) => sum + n, 0)).toBe(600);
  });

  it('says how far it has got slice by slice when the download comes in one large piece', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(generateDataset({ events: 600, seed: 5 })));
    serveInOnePiece(bytes);
    // A clock that moves 100 ms a look, past the progress throttle every time.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 100));
    const seen: LoadProgress[] = [];
    const outcome = await runLoadRequest({ kind: 'url', url: 'https://example.org/big.json', file: 'big.json' }, (progress) => seen.push(progress));
    expect(outcome.ok).toBe(true);
    const downloading = seen.filter((p) => p.stage === 'downloading' && p.done > 0);
    // Within the one piece: bytes read and events checked go up a slice at a time, to the whole file.
    expect(downloading.length).toBeGreaterThanOrEqual(4);
    expect(downloading.map((p) => p.done)).toEqual([...downloading.map((p) => p.done)].sort((a, b) => a - b));
    expect(downloading.at(-1)?.done).toBe(bytes.length);
    expect(new Set(downloading.map((p) => p.checked)).size).toBeGreaterThanOrEqual(3);
  });

  it('says how far a spreadsheet has been split into rows before it converts them', async () => {
    const dataset = validateDataset(generateDataset({ events: 20_000, seed: 2 })).dataset;
    if (!dataset) throw new Error('the generated dataset should be valid');
    const csv = eventsToCsv(dataset, dataset.events);
    serveInOnePiece(new TextEncoder().encode(csv));
    const seen: LoadProgress[] = [];
    const outcome = await runLoadRequest({ kind: 'url', url: 'https://example.org/events.csv', file: 'events.csv' }, (progress) => seen.push(progress));
    expect(outcome.ok && outcome.result.dataset?.events.length).toBe(20_000);
    const splitting = seen.filter((p) => p.stage === 'splitting');
    const firstConverting = seen.findIndex((p) => p.stage === 'converting');
    // Said at once (a new stage) and at its end, the whole text; all before the first row is converted.
    expect(splitting.length).toBeGreaterThanOrEqual(2);
    expect(splitting.at(-1)?.done).toBe(splitting.at(-1)?.total);
    expect(seen.lastIndexOf(splitting.at(-1) as LoadProgress)).toBeLessThan(firstConverting);
  });

  it('splits a spreadsheet into rows saying every so often how far through the text it is', () => {
    const text = `id,title\n${Array.from({ length: 20_000 }, (_, i) => `e-${i},"Row ${i}, quoted"`).join('\n')}\n`;
    const said: [number, number][] = [];
    expect(readRecords(text, ',', (done, total) => said.push([done, total]))).toHaveLength(20_001);
    expect(said.length).toBeGreaterThanOrEqual(3);
    expect(said.map(([done]) => done)).toEqual([...said.map(([done]) => done)].sort((a, b) => a - b));
    expect(said.at(-1)).toEqual([text.length, text.length]);
  });
});
