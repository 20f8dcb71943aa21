import type { Dataset, ValidationResult } from '../../data/model';
import type { Problem } from '../../data/problems';
import type { LoadProgress, LoadRequest } from '../../data/loadProtocol';
import type { LaneColumns } from '../../timeline/core/lanes';
import type { EventDate } from '../../data/edtfDate';

/**
 * What a piece of events sent as the file gave them lacks: each event's date, as an index into the dates
 * sent so far (`dates` holds those new with this piece), and each excerpt's place in its source
 * (paragraph, start, end), in order. An excerpt's place is in the source the excerpt names.
 */
export interface EventCompletion {
  dates: EventDate[];
  dateOf: Uint32Array;
  places: Int32Array;
}

/** A dataset without its sources and events, which follow in pieces of JSON text. */
export type DatasetShell = Omit<Dataset, 'events' | 'eventsById' | 'sources' | 'sourcesById'>;
export type ShellResult = Omit<ValidationResult, 'dataset'> & { dataset: DatasetShell | null };

/**
 * What the worker says back. A checked dataset comes in pieces (a JSON array of sources or events each,
 * small enough for the page to take between two frames), then its lanes as typed arrays (laid out in the
 * worker, transferred, not copied), then the rest of it; a file that cannot be read ends with `failed`.
 *
 * A file of ours has its pieces sent as its events pass their checks, while the rest downloads, in the
 * file's order: `done` then carries the dataset's order as indices into the events sent (transferred).
 * `restart` says to forget what came before it (the file had to be read again, and all is sent again).
 */
export type WorkerReply =
  | { kind: 'progress'; progress: LoadProgress }
  | { kind: 'sources'; json: string }
  | { kind: 'events'; json: string; completion?: EventCompletion }
  | { kind: 'restart' }
  | { kind: 'lanes'; lanes: LaneColumns[] }
  | { kind: 'done'; result: ShellResult; order?: Uint32Array }
  | { kind: 'failed'; problem: Problem };

/**
 * A worker started for a request it is to take at once carries it in its name (`new Worker(url, { name })`),
 * read as its script starts: a message posted before a worker has started is handed on by the page's
 * thread only once the worker's script has run, and at a cold start that thread is busy with React.
 * A file cannot be put in a name (null): it is posted.
 */
export function nameForRequest(request: LoadRequest): string | null {
  return request.kind === 'file' ? null : `${ASKING}${JSON.stringify(request)}`;
}

/** The request a worker's name carries (see `nameForRequest`), or null. */
export function requestFromName(name: string): LoadRequest | null {
  return name.startsWith(ASKING) ? (JSON.parse(name.slice(ASKING.length)) as LoadRequest) : null;
}

const ASKING = 'loader asked for ';
