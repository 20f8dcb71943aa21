// The hand-over from the loader's worker to the page: pieces of JSON and transferred lane columns must
// put together the very dataset (and lanes) the worker checked, with progress counting up on the way.
import { describe, expect, it } from 'vitest';
import { DatasetAssembler, DatasetSender, PIECE_CHARS, sendInPieces, withCheckedSlots } from '../../../src/state/loading/datasetPieces';
import { DatasetReader } from '../../../src/data/readDatasetStream';
import type { WorkerReply } from '../../../src/state/loading/workerMessages';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { eventsToCsv } from '../../../src/export/csv';
import { buildLanes, decodeLanes } from '../../../src/timeline/core/lanes';

/** Sends through structured clone, as postMessage does, and collects what the page would put together. */
async function handOver(result: ReturnType<typeof validateDataset>) {
  const replies: WorkerReply[] = [];
  sendInPieces(result, (reply) => replies.push(structuredClone(reply)));
  return assemble(replies);
}

/** Reads a file's text as the worker does, a few kilobytes at a time, sending what passes its checks as it goes. */
async function handOverWhileReading(text: string, file = 'test.json') {
  const replies: WorkerReply[] = [];
  const sender = new DatasetSender((reply) => replies.push(structuredClone(reply)));
  const reader = new DatasetReader(file);
  // The worker's own progress, among the replies, to say what was sent while what went on.
  const checking = (done: number, total: number) => replies.push({ kind: 'progress', progress: { stage: 'checking', done, total } });
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += 4096) {
    reader.push(bytes.subarray(at, at + 4096));
    reader.handChecked((checked) => sender.early(checked));
  }
  const outcome = await reader.finish(file, checking, undefined, (checked) => sender.early(checked));
  if (!outcome.ok) throw new Error(outcome.problem.message);
  sender.finish(outcome.result);
  return assemble(replies);
}

async function assemble(replies: WorkerReply[]) {
  const assembler = new DatasetAssembler();
  const progress: { stage: string; done: number }[] = [];
  let done: ReturnType<DatasetAssembler['take']> = null;
  for (const reply of replies) {
    if (reply.kind === 'failed') throw new Error('unexpected failure');
    const taken = assembler.take(reply);
    if (taken && 'progress' in taken) progress.push({ stage: taken.progress.stage, done: taken.progress.done });
    if (taken && 'done' in taken) done = taken;
  }
  if (!done || !('done' in done)) throw new Error('the hand-over never finished');
  const columns = done.lanes;
  const lanes = columns && done.done.dataset ? decodeLanes(columns, done.done.dataset.actorsById) : null;
  return { replies, progress, done: done.done, lanes };
}

describe('sendInPieces and DatasetAssembler', () => {
  it('put together the same dataset and lanes, in pieces no larger than about PIECE_CHARS', async () => {
    const result = validateDataset(generateDataset({ events: 3000, seed: 5 }));
    const { replies, progress, done, lanes } = await handOver(result);
    expect(done.dataset?.events).toEqual(result.dataset?.events);
    expect(done.dataset?.sources).toEqual(result.dataset?.sources);
    expect(done.dataset?.eventsById.get('ev-17')).toEqual(result.dataset?.eventsById.get('ev-17'));
    expect(done.dataset?.title).toBe(result.dataset?.title);
    expect(done.problems).toEqual(result.problems);
    const dataset = result.dataset;
    if (!dataset) throw new Error('the sample should be valid');
    expect(lanes).toEqual(buildLanes(dataset.events, dataset.actors));
    // More than one piece of events, each small enough not to be a large object for V8 even as UTF-16
    // (under 128 KB), and progress that only counts up to the total.
    const pieces = replies.flatMap((reply) => (reply.kind === 'events' ? [reply.json.length] : []));
    expect(pieces.length).toBeGreaterThan(1);
    for (const size of pieces) expect(size).toBeLessThan(Math.min(PIECE_CHARS + 10_000, 64 * 1024));
    // The sources are counted as they come, up to all of them, before the events.
    const sourcesHanded = progress.filter((p) => p.stage === 'sendingSources').map((p) => p.done);
    expect(sourcesHanded[0]).toBe(0);
    expect(sourcesHanded.at(-1)).toBe(dataset.sources.length);
    expect([...sourcesHanded].sort((a, b) => a - b)).toEqual(sourcesHanded);
    expect(progress.findLastIndex((p) => p.stage === 'sendingSources')).toBeLessThan(progress.findIndex((p) => p.stage === 'sending' && p.done > 0));
    const handed = progress.filter((p) => p.stage === 'sending').map((p) => p.done);
    expect(handed.at(-1)).toBe(3000);
    expect([...handed].sort((a, b) => a - b)).toEqual(handed);
    // Then the lanes, counted as they are laid out.
    expect(progress.at(-1)?.stage).toBe('lanes');
  });

  it('gives events that repeat a date or an attribution one shared copy of it, equal to what was checked', async () => {
    const result = validateDataset(generateDataset({ events: 2000, seed: 9 }));
    const { done } = await handOver(result);
    const events = done.dataset?.events ?? [];
    expect(events).toEqual(result.dataset?.events);
    const firstWith = new Map<string, (typeof events)[number]>();
    let sharedDates = 0;
    let sharedAttributions = 0;
    for (const event of events) {
      const sameDate = firstWith.get(`date ${event.date}`);
      if (sameDate) {
        expect(event.when).toBe(sameDate.when);
        sharedDates++;
      } else firstWith.set(`date ${event.date}`, event);
      const key = `attribution ${event.attribution.kind} ${event.attribution.detail}`;
      const sameAttribution = firstWith.get(key);
      if (sameAttribution) {
        expect(event.attribution).toBe(sameAttribution.attribution);
        sharedAttributions++;
      } else firstWith.set(key, event);
    }
    expect(sharedDates).toBeGreaterThan(100);
    expect(sharedAttributions).toBeGreaterThan(100);
  });

  it('hands over a download as its events pass their checks, and puts them in the dataset’s order at the end', async () => {
    const dataset = generateDataset({ events: 4000, seed: 3 });
    // Out of time order, with a broken event and a repeated id among them: the page must get exactly what checking keeps.
    const events: unknown[] = [...dataset.events].reverse();
    events.splice(1200, 0, { id: 'broken' });
    events.splice(2500, 0, dataset.events[7]);
    const text = JSON.stringify({ ...dataset, events }, null, 1);
    const whole = validateDataset(JSON.parse(text));
    const { replies, progress, done } = await handOverWhileReading(text);
    expect(done.dataset?.events).toEqual(whole.dataset?.events);
    expect([...(done.dataset?.eventsById.keys() ?? [])].sort()).toEqual([...(whole.dataset?.eventsById.keys() ?? [])].sort());
    expect(done.dataset?.eventsById.get('ev-42')).toBe(done.dataset?.events.find((event) => event.id === 'ev-42'));
    expect(done.dataset?.sources).toEqual(whole.dataset?.sources);
    expect(done.problems).toEqual(whole.problems);
    expect(done.rejected).toEqual(whole.rejected);
    // The events went before the worker had finished reading: before it said it was laying out their lanes, with none left to hand over.
    expect(replies.some((reply) => reply.kind === 'progress' && reply.progress.stage === 'sending')).toBe(false);
    const handing = replies.findIndex((reply) => reply.kind === 'progress' && reply.progress.stage === 'lanes');
    const eventsSent = replies.flatMap((reply, at) => (reply.kind === 'events' ? [at] : []));
    expect(eventsSent.length).toBeGreaterThan(1);
    expect(eventsSent.every((at) => at < handing)).toBe(true);
    // The sources counted as they came, up to every one, then the lanes, counted as they are laid out: from
    // none to every one of the dataset's.
    const sourcesHanded = progress.filter((p) => p.stage === 'sendingSources').map((p) => p.done);
    expect(sourcesHanded.at(-1)).toBe(whole.dataset?.sources.length);
    const lanes = new Set(done.dataset?.actors.map((actor) => actor.memberOf ?? actor.id)).size;
    expect(progress.filter((p) => p.stage !== 'sendingSources' && p.stage !== 'checking')).toEqual(Array.from({ length: lanes + 1 }, (_, i) => ({ stage: 'lanes', done: i })));
  });

  it('hands over the events of a file too small to be decoded before its end like any other, in the dataset’s order', async () => {
    const text = JSON.stringify(generateDataset({ events: 3, seed: 5 }));
    expect(new TextEncoder().encode(text).length).toBeLessThan(4096);
    const { replies, done } = await handOverWhileReading(text);
    expect(done.dataset?.events).toEqual(validateDataset(JSON.parse(text)).dataset?.events);
    // Sent as the file's own text, with what checking added, and put in order by the worker's `order`.
    expect(replies.some((reply) => reply.kind === 'events' && reply.completion !== undefined)).toBe(true);
    expect(replies.some((reply) => reply.kind === 'restart')).toBe(false);
  });

  it('sends everything again when a file read while it arrived must be read again whole', async () => {
    const dataset = generateDataset({ events: 500, seed: 4 });
    // "actors" given again after the events (the same list, but the events were checked against the first): the file is read again.
    const text = `${JSON.stringify({ title: dataset.title, sources: dataset.sources, actors: dataset.actors, events: dataset.events }).slice(0, -1)},"actors":${JSON.stringify(dataset.actors)}}`;
    const whole = validateDataset(JSON.parse(text));
    const { replies, done } = await handOverWhileReading(text);
    const restart = replies.findIndex((reply) => reply.kind === 'restart');
    expect(replies.findIndex((reply) => reply.kind === 'events')).toBeLessThan(restart);
    expect(done.dataset?.events).toEqual(whole.dataset?.events);
    expect(done.dataset?.events.length).toBe(500);
    expect(done.dataset?.sources).toEqual(whole.dataset?.sources);
  });

  it('hands over a CSV’s events while they are checked, and the page gets exactly the checked dataset', async () => {
    const generated = validateDataset(generateDataset({ events: 3000, seed: 6 })).dataset;
    if (!generated) throw new Error('the sample should be valid');
    const csv = eventsToCsv(generated, generated.events);
    const whole = await loadDatasetFromText(csv, 'test.csv');
    expect(whole.dataset?.events.length).toBe(3000);
    const { replies, done } = await handOverWhileReading(csv, 'test.csv');
    expect(done.dataset?.events).toEqual(whole.dataset?.events);
    expect(done.dataset?.sources).toEqual(whole.dataset?.sources);
    expect(done.problems).toEqual(whole.problems);
    expect(done.rejected).toEqual(whole.rejected);
    // Sent as they passed: before the checks were done, and never all over again after them.
    const checkedAll = replies.findIndex((reply) => reply.kind === 'progress' && reply.progress.stage === 'checking' && reply.progress.done === 3000);
    const eventsSent = replies.flatMap((reply, at) => (reply.kind === 'events' ? [at] : []));
    expect(eventsSent.filter((at) => at < checkedAll).length).toBeGreaterThan(eventsSent.length / 2);
    expect(replies.some((reply) => reply.kind === 'restart' || (reply.kind === 'progress' && reply.progress.stage === 'sending'))).toBe(false);
    // Each with its date as one of a shared table, not written out again with every event.
    expect(replies.every((reply) => reply.kind !== 'events' || (reply.completion !== undefined && !reply.json.includes('"edtf"')))).toBe(true);
  });

  it('hands over a result without a dataset as it is, problems and all', async () => {
    const result = validateDataset({ title: 'x', sources: [], actors: [], events: [] });
    const { done, lanes } = await handOver(result);
    expect(done).toEqual(result);
    expect(lanes).toBeNull();
  });
});

describe('withCheckedSlots', () => {
  it('gives an event’s own text, however it is spaced, empty slots for its date and excerpt places and keeps the rest', () => {
    for (const text of ['{"id":"a","title":"T"}', '{\n    "id": "a",\n    "title": "T"\n  }', '{ "id": "a", "title": "}" }']) {
      expect(JSON.parse(withCheckedSlots(text))).toEqual({ ...(JSON.parse(text) as object), when: 0 });
    }
  });
});
