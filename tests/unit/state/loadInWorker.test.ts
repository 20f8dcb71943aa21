// The loader's worker is started with the page and asked at once for the dataset the address names, so the
// download begins while React starts. What it says before the page asks must reach the page, in order, and
// a worker asked for something else must not answer for a different request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadRequest } from '../../../src/data/loadProtocol';
import type { WorkerReply } from '../../../src/state/loading/workerMessages';
import { FakeWorker } from '../../fixtures/fakeWorker';

const asked: LoadRequest = { kind: 'url', url: 'https://example.org/data.json', file: 'data.json' };
const failed = (message: string): WorkerReply => ({ kind: 'failed', problem: { path: 'data.json', message } });

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

describe('loadDataset with a worker started and asked with the page', () => {
  it('asks the worker once, at the start, and hands the page what it said before and after the page asked', async () => {
    const { loadDataset, prepareLoadWorker } = await import('../../../src/state/loading/loadInWorker');
    prepareLoadWorker(asked);
    const [worker] = FakeWorker.made;
    if (!worker) throw new Error('no worker was started');
    expect(worker.posted).toEqual([asked]);
    worker.reply({ kind: 'progress', progress: { stage: 'downloading', done: 10, total: 100 } });
    const progress: number[] = [];
    const outcome = loadDataset({ ...asked }, (p) => progress.push(p.done));
    worker.reply({ kind: 'progress', progress: { stage: 'downloading', done: 60, total: 100 } });
    worker.reply(failed('could not be downloaded: 404'));
    expect(await outcome).toEqual({ ok: false, problem: { path: 'data.json', message: 'could not be downloaded: 404' } });
    expect(progress).toEqual([10, 60]);
    expect(worker.posted).toHaveLength(1);
  });

  it('does not take the answer to another request: that worker is stopped and a new one asked', async () => {
    const { loadDataset, prepareLoadWorker } = await import('../../../src/state/loading/loadInWorker');
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
});
