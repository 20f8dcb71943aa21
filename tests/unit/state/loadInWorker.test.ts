// The loader's worker is started with the page and asked at once for the dataset the address names, so the
// download begins while React starts; it is asked by its name, which it reads as it starts, not by a
// message, which the page's busy thread would hand on late. What it says before the page asks must reach
// the page, in order, and a worker asked for something else must not answer for a different request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadRequest } from '../../../src/data/loadProtocol';
import { nameForRequest, requestFromName, type WorkerReply } from '../../../src/state/loading/workerMessages';
import { FakeWorker } from '../../fixtures/fakeWorker';

const asked: LoadRequest = { kind: 'url', url: 'https://example.org/data.json', file: 'data.json' };
const failed = (message: string): WorkerReply => ({ kind: 'failed', problem: { path: 'data.json', message } });

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
});
afterEach(async () => {
  // A finished load starts its spare worker in a later task: let it, before the next test counts workers.
  await new Promise((resolve) => setTimeout(resolve, 0));
  vi.unstubAllGlobals();
});

describe('loadDataset with a worker started and asked with the page', () => {
  it('asks the worker once, at the start, and hands the page what it said before and after the page asked', async () => {
    const { loadDataset } = await import('../../../src/state/loading/loadInWorker');
    const { prepareLoadWorker } = await import('../../../src/state/loading/spareWorker');
    prepareLoadWorker(asked);
    const [worker] = FakeWorker.made;
    if (!worker) throw new Error('no worker was started');
    expect(requestFromName(worker.name)).toEqual(asked);
    expect(worker.posted).toEqual([]);
    worker.reply({ kind: 'progress', progress: { stage: 'downloading', done: 10, total: 100 } });
    const progress: number[] = [];
    const outcome = loadDataset({ ...asked }, (p) => progress.push(p.done));
    worker.reply({ kind: 'progress', progress: { stage: 'downloading', done: 60, total: 100 } });
    worker.reply(failed('could not be downloaded: 404'));
    expect(await outcome).toEqual({ ok: false, problem: { path: 'data.json', message: 'could not be downloaded: 404' } });
    expect(progress).toEqual([10, 60]);
    expect(worker.posted).toEqual([]);
  });

  it('does not take the answer to another request: that worker is stopped and a new one asked', async () => {
    const { loadDataset } = await import('../../../src/state/loading/loadInWorker');
    const { prepareLoadWorker } = await import('../../../src/state/loading/spareWorker');
    prepareLoadWorker(asked);
    const [early] = FakeWorker.made;
    early?.reply(failed('the early answer'));
    const other: LoadRequest = { kind: 'url', url: 'https://example.org/other.json', file: 'other.json' };
    const outcome = loadDataset(other);
    expect(early?.terminated).toBe(true);
    const fresh = FakeWorker.made[1];
    expect(fresh?.posted).toEqual([other]);
    fresh?.reply(failed('the answer to other.json'));
    expect(await outcome).toEqual({ ok: false, problem: { path: 'data.json', message: 'the answer to other.json' } });
  });

  it('starts the next spare worker only after the load, once the page is idle, not while the dataset is drawn', async () => {
    const { loadDataset } = await import('../../../src/state/loading/loadInWorker');
    const outcome = loadDataset(asked);
    const [worker] = FakeWorker.made;
    expect(worker?.posted).toEqual([asked]);
    worker?.reply(failed('could not be downloaded: 404'));
    await outcome;
    expect(FakeWorker.made).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(FakeWorker.made).toHaveLength(2);
    expect(FakeWorker.made[1]?.name).toBe('');
  });
});

describe("a request in a worker's name", () => {
  it('carries a URL, a sample or a text there and back', () => {
    const requests: LoadRequest[] = [asked, { kind: 'sample', events: 1000, seed: 7 }, { kind: 'text', text: '{"events": []}' }];
    for (const request of requests) expect(requestFromName(nameForRequest(request) ?? '')).toEqual(request);
  });

  it('cannot carry a file, which a worker started ahead is then posted', async () => {
    const file: LoadRequest = { kind: 'file', file: new File(['{}'], 'data.json') };
    expect(nameForRequest(file)).toBeNull();
    const { prepareLoadWorker } = await import('../../../src/state/loading/spareWorker');
    prepareLoadWorker(file);
    expect(FakeWorker.made[0]?.name).toBe('');
    expect(FakeWorker.made[0]?.posted).toEqual([file]);
  });

  it('is not read from a name that carries none (a spare worker, or a name given by someone else)', () => {
    expect(requestFromName('')).toBeNull();
    expect(requestFromName('{"kind":"url","url":"https://example.org/"}')).toBeNull();
  });
});
