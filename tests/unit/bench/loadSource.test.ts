// The bench's bare page reads files too large for one JavaScript string a piece at a time; what it parses
// must be what JSON.parse and d3-dsv give for the whole text, however the bytes are cut.
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { parseCsvStream, parseJsonStream, readCsv, readJson } from '../../../bench/loadSource';

/** The text's UTF-8 bytes as a stream of pieces of `size` bytes (cutting through characters too). */
function streamOf(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
      }
    },
  });
}

const dataset = {
  title: 'Ein "Test", {mit} [Klammern] и кириллица',
  actors: [{ id: 'a', name: 'Arland, "the" state', memberOf: null }],
  periods: [],
  events: Array.from({ length: 40 }, (_, i) => ({
    id: `ev-${i}`,
    date: i % 3 ? '2014-01-02' : '2014/2015',
    title: `Title ${i} with \\ backslash, "quote" and ] bracket }`,
    actors: ['a', 'b'],
    nested: { deep: [[1, 2], { x: '[' }] },
  })),
  meta: { count: 40 },
};

describe('parseJsonStream', () => {
  it.each([1, 3, 7, 64, 100_000])('gives what JSON.parse gives, read %i bytes at a time', async (size) => {
    const text = JSON.stringify(dataset, null, size === 7 ? 2 : undefined);
    expect(await parseJsonStream(streamOf(text, size))).toEqual(JSON.parse(text));
  });

  it('says so when the file ends early', async () => {
    await expect(parseJsonStream(streamOf(JSON.stringify(dataset).slice(0, -20), 50))).rejects.toThrow();
  });
});

describe('parseCsvStream', () => {
  it.each([1, 5, 1000])('gives what d3-dsv gives for the whole text, read %i bytes at a time, quoted line breaks included', async (size) => {
    const text = 'id,title,summary\nev-1,"A, b","line one\nline two"\nev-2,"He said ""hi""",plain\nev-3,Ölfeld,последний\n';
    expect(await parseCsvStream(streamOf(text, size))).toEqual(csvParse(text).map((row) => ({ ...row })));
  });
});

describe('a gzipped file on the bare page', () => {
  it('is read as the JSON or CSV it unpacks to', async () => {
    const text = JSON.stringify(dataset);
    const json = await readJson({ kind: 'file', file: new File([gzipSync(text)], 'events.json.gz') });
    expect(json.value).toEqual(JSON.parse(text));
    const csv = 'id,title\nev-1,"A, b"\n';
    expect((await readCsv({ kind: 'file', file: new File([gzipSync(csv)], 'events.csv.gz') })).rows).toEqual(csvParse(csv));
  });
});
