// A checked dataset handed from the worker to the page in pieces. Copying 100,000 events to the page in
// one message froze it for over a second (structured clone of millions of small objects, in one task),
// so the sources and events go as JSON text, about a megabyte at a time: each piece is parsed on the page
// in a few milliseconds, and the page paints its progress between pieces.
import type { Dataset, DatasetSource, TimelineEvent, ValidationResult } from '../../data/model';
import type { LoadProgress } from '../../data/loadProtocol';
import { SharedValues } from '../../data/sharedValues';
import { buildLanes, encodeLanes, laneBuffers, type LaneColumns } from '../../timeline/core/lanes';
import type { DatasetShell, ShellResult, WorkerReply } from './workerMessages';

/** Characters of JSON per piece: a few milliseconds of JSON.parse on a slow machine. */
export const PIECE_CHARS = 1_000_000;

/** Sends `items` as JSON arrays of about `PIECE_CHARS` characters each. */
function sendArray<T>(items: readonly T[], send: (json: string) => void, onSent?: (count: number) => void) {
  let piece: string[] = [];
  let chars = 0;
  let sent = 0;
  const flush = () => {
    send(`[${piece.join(',')}]`);
    sent += piece.length;
    onSent?.(sent);
    piece = [];
    chars = 0;
  };
  for (const item of items) {
    const json = JSON.stringify(item);
    piece.push(json);
    chars += json.length;
    if (chars >= PIECE_CHARS) flush();
  }
  if (piece.length > 0) flush();
}

/** Sends a checked result: its sources and events in pieces, its lanes laid out, then the rest. */
export function sendInPieces(result: ValidationResult, post: (reply: WorkerReply, transfer?: Transferable[]) => void): void {
  const dataset = result.dataset;
  if (!dataset) {
    post({ kind: 'done', result: { ...result, dataset: null } });
    return;
  }
  const { events, sources } = dataset;
  // The maps are rebuilt on the page from the pieces: sending them would send every record twice.
  const shell: Partial<Dataset> = { ...dataset };
  delete shell.events;
  delete shell.sources;
  delete shell.eventsById;
  delete shell.sourcesById;
  const total = events.length;
  post({ kind: 'progress', progress: { stage: 'sending', done: 0, total } });
  sendArray(sources, (json) => post({ kind: 'sources', json }));
  sendArray(events, (json) => post({ kind: 'events', json }));
  // Laying out the lanes is the largest part of a first render: done here, it costs the page a copy of typed arrays.
  const lanes = encodeLanes(buildLanes(events, dataset.actors));
  post({ kind: 'lanes', lanes }, laneBuffers(lanes));
  post({ kind: 'done', result: { ...result, dataset: shell as DatasetShell } });
}

/** The page's side: takes the pieces as they come and puts the dataset together at the end. */
export class DatasetAssembler {
  private readonly sources: DatasetSource[] = [];
  private readonly events: TimelineEvent[] = [];
  private readonly eventsById = new Map<string, TimelineEvent>();
  private readonly shared = new SharedValues();
  private total = 0;
  private lanes: LaneColumns[] | null = null;

  /** Takes one reply; returns the result once it is complete (with its lanes' columns, when sent), or the progress to show meanwhile. */
  take(reply: Exclude<WorkerReply, { kind: 'failed' }>): { done: ValidationResult; lanes: LaneColumns[] | null } | { progress: LoadProgress } | null {
    switch (reply.kind) {
      case 'progress':
        if (reply.progress.stage === 'sending') this.total = reply.progress.total ?? 0;
        return { progress: reply.progress };
      case 'sources':
        for (const source of JSON.parse(reply.json) as DatasetSource[]) this.sources.push(source);
        return null;
      case 'events':
        for (const parsed of JSON.parse(reply.json) as TimelineEvent[]) {
          const event = this.shared.event(parsed);
          this.events.push(event);
          this.eventsById.set(event.id, event);
        }
        return { progress: { stage: 'sending', done: this.events.length, total: this.total } };
      case 'lanes':
        this.lanes = reply.lanes;
        return null;
      case 'done': {
        const done = this.complete(reply.result);
        return { done, lanes: done.dataset ? this.lanes : null };
      }
    }
  }

  private complete(result: ShellResult): ValidationResult {
    if (!result.dataset) return { ...result, dataset: null };
    const dataset: Dataset = {
      ...result.dataset,
      sources: this.sources,
      sourcesById: new Map(this.sources.map((source) => [source.id, source])),
      events: this.events,
      eventsById: this.eventsById,
    };
    return { ...result, dataset };
  }
}
