import type { Dataset, ValidationResult } from '../../data/model';
import type { Problem } from '../../data/problems';
import type { LoadProgress } from '../../data/loadProtocol';
import type { LaneColumns } from '../../timeline/core/lanes';

/** A dataset without its sources and events, which follow in pieces of JSON text. */
export type DatasetShell = Omit<Dataset, 'events' | 'eventsById' | 'sources' | 'sourcesById'>;
export type ShellResult = Omit<ValidationResult, 'dataset'> & { dataset: DatasetShell | null };

/**
 * What the worker says back. A checked dataset comes in pieces (a JSON array of sources or events each,
 * small enough for the page to take between two frames), then its lanes as typed arrays (laid out in the
 * worker, transferred, not copied), then the rest of it; a file that cannot be read ends with `failed`.
 */
export type WorkerReply =
  | { kind: 'progress'; progress: LoadProgress }
  | { kind: 'sources'; json: string }
  | { kind: 'events'; json: string }
  | { kind: 'lanes'; lanes: LaneColumns[] }
  | { kind: 'done'; result: ShellResult }
  | { kind: 'failed'; problem: Problem };
