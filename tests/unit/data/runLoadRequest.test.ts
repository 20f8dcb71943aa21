// The worker's loading of a URL: a download's piece can be megabytes, and the reader takes it a slice at a
// time, handing on what each slice had checked, so checked events do not pile up for the whole piece.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runLoadRequest } from '../../../src/data/runLoadRequest';
import type { CheckedSoFar } from '../../../src/data/readDatasetStream';
import { generateDataset } from '../../../src/data/synthetic';

afterEach(() => vi.unstubAllGlobals());

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
});
