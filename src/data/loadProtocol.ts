import type { ValidationResult } from './model';

/** What the worker is asked for: a text to read, or a synthetic sample to generate (see synthetic.ts). */
export type LoadRequest = { kind: 'text'; text: string; file?: string | undefined } | { kind: 'sample'; events: number; seed: number };

/**
 * How far loading has got: the sample being generated, events checked out of the total, the checked
 * events being handed from the worker to the page, and the page drawing them for the first time.
 */
export interface LoadProgress {
  stage: 'generating' | 'checking' | 'sending' | 'drawing';
  done: number;
  total: number;
}

/** What the worker says back: progress as it goes, then the result or why it failed. */
export type WorkerReply = { kind: 'progress'; progress: LoadProgress } | { kind: 'done'; ok: true; result: ValidationResult } | { kind: 'done'; ok: false; message: string };
