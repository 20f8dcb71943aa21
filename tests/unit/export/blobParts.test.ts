import { describe, expect, it } from 'vitest';
import { blobParts } from '../../../src/export/blobParts';
import { csvFileChunks, eventsToCsv, UTF8_BOM } from '../../../src/export/csv';
import { datasetJsonChunks, datasetToJson } from '../../../src/export/json';
import { finish, finishInSlices } from '../../../src/timeline/core/steps';
import { bundledDataset } from '../../fixtures/kursk';

const dataset = bundledDataset();
const first = dataset.events[0];
if (!first) throw new Error('the bundled dataset has no events');
const many = Array.from({ length: 3_000 }, (_, i) => ({ ...first, id: `event-${i}` }));

/** The file's bytes as text, decoded strictly and with any byte-order mark kept: equal text means equal bytes. */
const textOf = async (parts: Blob[] | undefined) => {
  if (!parts) throw new Error('the file was not made');
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await new Blob(parts).arrayBuffer());
};

describe('files made a slice at a time', () => {
  it('hold exactly the bytes of the CSV text, byte-order mark first, whether made at once or in slices', async () => {
    const expected = UTF8_BOM + eventsToCsv(dataset, many);
    expect(await textOf(finish(blobParts(csvFileChunks(dataset, many))))).toBe(expected);
    // A budget of 0 ms: every piece is a slice of its own.
    expect(await textOf(await finishInSlices(blobParts(csvFileChunks(dataset, many)), new AbortController().signal, 0))).toBe(expected);
  });

  it('hold exactly the bytes of the JSON text when made in slices', async () => {
    const sliced = await finishInSlices(blobParts(datasetJsonChunks(dataset, many)), new AbortController().signal, 0);
    expect(await textOf(sliced)).toBe(datasetToJson(dataset, many));
  });

  it('keep text that is not ASCII intact, in a few parts however many pieces it came in', async () => {
    const pieces = Array.from({ length: 400 }, (_, i) => `${i}: Україна — Курськ, “quoted” ✓ 𝄞\n`.repeat(40));
    const parts = finish(blobParts(pieces));
    // Thousands of small pieces make a few parts, never one per piece.
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.length).toBeLessThan(pieces.length / 10);
    expect(await textOf(parts)).toBe(pieces.join(''));
  });

  it('report how far they have come, from the first rows to all of them', () => {
    const seen: number[] = [];
    finish(blobParts(csvFileChunks(dataset, many, (fraction) => seen.push(fraction))));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
    const json: number[] = [];
    finish(blobParts(datasetJsonChunks(dataset, many, (fraction) => json.push(fraction))));
    expect(json.at(-1)).toBe(1);
  });

  it('stop when cancelled: no file, and the events after the cancel are never written', async () => {
    const controller = new AbortController();
    let written = 0;
    const making = finishInSlices(
      blobParts(
        csvFileChunks(dataset, many, (fraction) => {
          written = fraction;
          if (fraction >= 0.25) controller.abort();
        }),
      ),
      controller.signal,
      0,
    );
    expect(await making).toBeUndefined();
    expect(written).toBeGreaterThanOrEqual(0.25);
    expect(written).toBeLessThan(0.5);
  });
});
