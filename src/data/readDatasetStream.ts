// A dataset file read as its bytes arrive, in the worker: decoded as it comes, held whole as text while
// that is small enough for one string, and past that (a JSON file of hundreds of MB) read event by event.
import { StreamDecoder } from './textEncoding';
import { JsonEventStream } from './jsonEventStream';
import { readJsonValue } from './import/detect';
import { loadDatasetFromText, validateImport } from './readDataset';
import { validateDataset, type ValidationProgress } from './validate';
import type { ValidationResult } from './model';
import type { Problem } from './problems';
import { formatBytes } from './fetchDataset';

/**
 * Characters held as one text; past this a JSON dataset is read event by event. A V8 string ends near
 * 512 M characters, and one text of that size beside its parsed events would double the memory needed.
 */
export const WHOLE_TEXT_LIMIT = 256 * 1024 * 1024;

export type ReadOutcome = { ok: true; result: ValidationResult } | { ok: false; problem: Problem };

export class DatasetReader {
  private readonly decoder = new StreamDecoder();
  private pieces: string[] = [];
  private chars = 0;
  private stream: JsonEventStream | null = null;
  private problem: Problem | null = null;

  /** `where` names the file or URL in problems with the bytes themselves. */
  constructor(
    private readonly where: string,
    private readonly limit = WHOLE_TEXT_LIMIT,
  ) {}

  /** Takes the next bytes; false once the file cannot be read (the reason comes from `finish`). */
  push(bytes: Uint8Array, last = false): boolean {
    if (this.problem) return false;
    const decoded = this.decoder.push(bytes, last);
    if (!decoded.ok) {
      this.problem = { path: this.where, message: decoded.message };
      return false;
    }
    if (decoded.text === '') return true;
    if (this.stream) return this.stream.push(decoded.text);
    this.pieces.push(decoded.text);
    this.chars += decoded.text.length;
    if (this.chars > this.limit) return this.readInPieces();
    return true;
  }

  /** Too much text to hold whole: a JSON dataset goes on event by event; anything else cannot be read. */
  private readInPieces(): boolean {
    const first = this.pieces.find((piece) => piece.trim() !== '')?.trimStart().charAt(0);
    if (first !== '{') {
      this.problem = {
        path: this.where,
        message: `is more than ${formatBytes(this.limit)} of text, which can be read only as a JSON dataset (an object with "events"); convert it to JSON first (npm run convert)`,
      };
      return false;
    }
    this.stream = new JsonEventStream();
    for (const piece of this.pieces) if (!this.stream.push(piece)) break;
    this.pieces = [];
    return true;
  }

  /** The dataset, checked, once every byte has been pushed. */
  async finish(file: string | undefined, onProgress?: ValidationProgress): Promise<ReadOutcome> {
    if (!this.problem) this.push(new Uint8Array(0), true);
    if (this.problem) return { ok: false, problem: this.problem };
    if (!this.stream) {
      const text = this.pieces.length === 1 ? (this.pieces[0] as string) : this.pieces.join('');
      this.pieces = [];
      return { ok: true, result: await loadDatasetFromText(text, file, onProgress) };
    }
    const streamed = this.stream.finish();
    this.stream = null;
    if (!streamed.ok) return { ok: true, result: { dataset: null, problems: [streamed.problem], rejected: [] } };
    const read = readJsonValue(streamed.value, file);
    if (read.kind === 'error') return { ok: true, result: { dataset: null, problems: [read.problem], rejected: [] } };
    if (read.kind === 'import') return { ok: true, result: validateImport(read.result, onProgress) };
    return { ok: true, result: validateDataset(read.value, onProgress) };
  }
}
