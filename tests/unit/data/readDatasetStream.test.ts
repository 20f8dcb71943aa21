// The worker's reader: a file's bytes arrive in pieces; small files are held whole, and past the byte
// limit a JSON dataset is read event by event. Either way the outcome is the one the whole text gives.
import { describe, expect, it } from 'vitest';
import { DatasetReader } from '../../../src/data/readDatasetStream';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { generateDataset } from '../../../src/data/synthetic';

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

async function readInPieces(text: string, limit: number, pieceBytes = 997) {
  const bytes = encoder.encode(text);
  const reader = new DatasetReader('test.json', limit);
  for (let at = 0; at < bytes.length; at += pieceBytes) if (!reader.push(bytes.subarray(at, at + pieceBytes))) break;
  return reader.finish('test.json');
}

describe('DatasetReader', () => {
  const text = JSON.stringify(generateDataset({ events: 400, seed: 3 }), null, 1);

  it('reads a dataset that fits the text limit exactly as the whole text reads', async () => {
    const outcome = await readInPieces(text, byteLength(text) + 1);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.result).toEqual(await loadDatasetFromText(text, 'test.json'));
  });

  it('reads a JSON dataset past the text limit event by event, to the same dataset', async () => {
    const outcome = await readInPieces(text, 5_000);
    const whole = await loadDatasetFromText(text, 'test.json');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.problems).toEqual(whole.problems);
    expect(outcome.result.dataset?.events).toEqual(whole.dataset?.events);
    expect(outcome.result.dataset?.events.length).toBe(400);
  });

  it('checks the events of a dataset of ours as they arrive, with the problems and rejections the whole text gives', async () => {
    const dataset = generateDataset({ events: 300, seed: 4 });
    const events = dataset.events as unknown as Record<string, unknown>[];
    // An unknown actor, a quote not in the source, a duplicate id and a broken date, spread through the file.
    events[10] = { ...events[10], actors: ['nobody'] };
    events[50] = { ...events[50], excerpts: [{ source: 'src-1', quote: 'words that are nowhere' }] };
    events[120] = { ...events[120], id: events[119]?.id };
    events[290] = { ...events[290], date: '2024-13-45' };
    const withProblems = JSON.stringify(dataset, null, 1);
    const whole = await loadDatasetFromText(withProblems, 'test.json');
    expect(whole.problems.length).toBeGreaterThanOrEqual(4);
    for (const limit of [5_000, byteLength(withProblems) + 1]) {
      const outcome = await readInPieces(withProblems, limit);
      expect(outcome.ok && outcome.result).toEqual(whole);
    }
  });

  it('reads the events again when sources are given again after them, and past the text limit says they must come first', async () => {
    const { sources, ...rest } = generateDataset({ events: 50, seed: 6 });
    const sourcesLast = JSON.stringify({ ...rest, sources });
    // Sources only after the events: nothing was checked early, so the end reads it as the whole text does.
    const late = await readInPieces(sourcesLast, 2_000);
    expect(late.ok && late.result).toEqual(await loadDatasetFromText(sourcesLast, 'test.json'));
    expect(late.ok && late.result.dataset?.events.length).toBe(50);
    // Sources before and again after (JSON takes the last): the events are read again against the last.
    const twice = `${JSON.stringify({ sources, ...rest }).slice(0, -1)},"sources":${JSON.stringify(sources.slice(0, 1))}}`;
    const held = await readInPieces(twice, byteLength(twice) + 1);
    expect(held.ok && held.result).toEqual(await loadDatasetFromText(twice, 'test.json'));
    const past = await readInPieces(twice, 2_000);
    expect(past.ok && past.result.problems).toEqual([
      { path: 'test.json', message: expect.stringContaining('gives "sources", "actors" or "origin" again after "events": in a file this large they must come only before') as unknown as string },
    ]);
  });

  it('names the event whose JSON is broken in a file read event by event', async () => {
    const broken = text.replace('"id": "ev-200"', '"id": "ev-200",,');
    const outcome = await readInPieces(broken, 5_000);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.dataset).toBeNull();
    expect(outcome.result.problems[0]?.path).toMatch(/^events\[\d+\] \(line \d+\)$/);
  });

  it('says where broken JSON is broken, by line and column, while the file is small enough to hold whole', async () => {
    const broken = '{\n  "title": "x",\n  "events": [\n    {"id": "a",}\n  ]\n}';
    const outcome = await readInPieces(broken, 1_000, 7);
    expect(outcome.ok && outcome.result.problems[0]).toEqual((await loadDatasetFromText(broken, 'test.json')).problems[0]);
    expect(outcome.ok && outcome.result.problems[0]?.path).toBe('line 4, column 15');
  });

  it('says plainly that a CSV past the text limit cannot be read, and why', async () => {
    const csv = `title,date,actors\n${'Talks,2024-01-01,a\n'.repeat(1000)}`;
    const outcome = await readInPieces(csv, 5_000);
    expect(outcome).toEqual({
      ok: false,
      problem: {
        path: 'test.json',
        message: expect.stringContaining('can be read only as a JSON dataset') as unknown as string,
      },
    });
  });

  it('names the byte and its line when a later piece is not UTF-8', async () => {
    const bytes = encoder.encode('{"title": "caf\u00e9",\n"events": []}');
    const latin1 = Uint8Array.from([...bytes.slice(0, 14), 0xe9, ...bytes.slice(16)]);
    const reader = new DatasetReader('latin.json');
    reader.push(latin1.subarray(0, 10));
    reader.push(latin1.subarray(10));
    const outcome = await reader.finish('latin.json');
    expect(outcome).toEqual({
      ok: false,
      problem: { path: 'latin.json', message: expect.stringMatching(/^is not UTF-8: byte 0xE9 at line 1, column 15 /) as unknown as string },
    });
  });
});
