// A dataset file read as its bytes arrive, in the worker: decoded as it comes, a JSON object parsed event
// by event as it comes (so a file of hundreds of MB never needs to be one string), and the text held
// whole while it is small enough, for CSV and for saying where broken JSON is broken.
import { decodeAgain, StreamDecoder } from './textEncoding';
import { JsonEventStream } from './jsonEventStream';
import { readJsonValue } from './import/detect';
import { looksLikeTimelineJs, looksLikeTimelineJs2 } from './import/sniff';
import { loadDatasetFromText, validateImport } from './readDataset';
import { CheckedBatch, DatasetChecks, validateDataset, type CheckedListener, type ValidationProgress } from './validate';
import type { ValidationResult } from './model';
import type { Problem } from './problems';
import type { RowProgress } from './import/csv';
import { formatBytes } from './fetchDataset';

/**
 * Bytes held to be read as one text; past this a JSON dataset is read event by event. A V8 string ends near
 * 512 M characters (no more than its bytes), and one text of that size beside its parsed events would
 * double the memory needed.
 */
export const WHOLE_TEXT_LIMIT = 256 * 1024 * 1024;

export type ReadOutcome = { ok: true; result: ValidationResult } | { ok: false; problem: Problem };

export class DatasetReader {
  private readonly decoder = new StreamDecoder();
  /**
   * The file's bytes so far, while small enough to hold: a JSON syntax error is then said with its line and
   * column, and a file that must be read again can be. Bytes, not their text: they stay outside the script's
   * heap, which the collector would otherwise copy (at 100,000 events, 100 MB of text in two-byte pieces).
   */
  private held: Uint8Array[] | null = [];
  private heldBytes = 0;
  /** A JSON object is read event by event as it arrives, so parsing keeps pace with the download. */
  private stream: JsonEventStream | null = null;
  private streamFailed = false;
  private started = false;
  private problem: Problem | null = null;
  /** A dataset of ours has its events checked as they arrive, from what came before them (sources, actors). */
  private checks: DatasetChecks | null = null;
  /** The events that passed their checks and the file's text of each, not handed on yet by `handChecked`. */
  private checked: CheckedBatch | null = null;

  /** How many events have been checked as they arrived (a dataset of ours is checked while it downloads). */
  get checkedSoFar(): number {
    return this.checks?.given ?? 0;
  }

  /**
   * Hands `to` what has been checked since it was last called: the sources once, when the events begin, and
   * the events that passed. They are the dataset's own records unless `finish` must read the text again.
   */
  handChecked(to: CheckedListener): void {
    this.checked?.handTo(to);
  }

  /**
   * `where` names the file or URL in problems with the bytes themselves; `onSources` is told how far the
   * check of the sources has got, which happens in one go when the events begin.
   */
  constructor(
    private readonly where: string,
    private readonly limit = WHOLE_TEXT_LIMIT,
    private readonly onSources?: ValidationProgress,
  ) {}

  /** Takes the next bytes; false once the file cannot be read (the reason comes from `finish`). */
  push(bytes: Uint8Array, last = false): boolean {
    if (this.problem) return false;
    const decoded = this.decoder.push(bytes, last);
    if (!decoded.ok) {
      this.problem = { path: this.where, message: decoded.message };
      return false;
    }
    const text = decoded.text;
    const first = this.started ? null : text.trimStart().charAt(0);
    if (first) {
      this.started = true;
      if (first === '{') this.stream = new JsonEventStream({ head: (head) => this.beginChecks(head), event: (event, index, text) => this.checkEvent(event, index, text) });
    }
    if (text !== '' && this.stream && !this.streamFailed && !this.stream.push(text)) {
      this.streamFailed = true;
      // Past the limit there is no whole text to say more from: the stream's own problem is all there is.
      if (!this.held) return false;
    }
    return this.keep(bytes);
  }

  /**
   * Begins checking a dataset of ours as soon as its events start: they are then checked as they arrive,
   * while the rest downloads, and not kept beyond that. Anything else (TimelineJS, a top level that is
   * not right) is read to the end and judged then, as a whole.
   */
  private beginChecks(head: Record<string, unknown> | null) {
    if (!head || looksLikeTimelineJs(head) || looksLikeTimelineJs2(head)) return;
    // Each event is parsed from the file for its check alone: one that passes is kept as it is.
    const begun = DatasetChecks.begin(head, this.onSources, true);
    if (!begun.ok || !this.stream) return;
    this.checks = begun.checks;
    this.checked = new CheckedBatch(begun.checks.checkedSources);
    // Checked, an event's parsed text is not needed again: if what follows the events changes what they were
    // checked against, the whole text is read again while it is held (and past that, refused).
    this.stream.keepEvents = false;
  }

  private checkEvent(event: unknown, index: number, text: string) {
    const accepted = this.checks?.checkEvent(event, index);
    if (!accepted) return;
    // An event that passed is exactly its text parsed, with its date and excerpts' places added: the text is
    // handed on with it, so the page can be sent the text as it came instead of the event written out again.
    this.checked?.add(accepted, text);
  }

  private keep(bytes: Uint8Array): boolean {
    if (!this.held) return true;
    this.heldBytes += bytes.byteLength;
    // Until its first bytes are decoded (they wait for the encoding to be known), what the file is is not known.
    if (this.heldBytes <= this.limit || !this.started) {
      if (bytes.byteLength > 0) this.held.push(bytes);
      return true;
    }
    this.held = null;
    if (this.stream && !this.streamFailed) return true;
    this.problem = {
      path: this.where,
      message: `is more than ${formatBytes(this.limit)} of text, which can be read only as a JSON dataset (an object with "events"); convert it to JSON first (npm run convert)`,
    };
    return false;
  }

  /** The dataset, checked, once every byte has been pushed. */
  async finish(file: string | undefined, onProgress?: ValidationProgress, onRows?: RowProgress, onChecked?: CheckedListener): Promise<ReadOutcome> {
    if (!this.problem) this.push(new Uint8Array(0), true);
    if (this.problem) return { ok: false, problem: this.problem };
    // The last bytes (a small file's all, held while its encoding was found) may have had events checked:
    // those are handed on like the rest, so every event of the result was handed before it.
    if (onChecked) this.handChecked(onChecked);
    const streamed = this.stream?.finish();
    const eventsKept = this.stream?.keepEvents ?? true;
    this.stream = null;
    const checks = this.checks;
    this.checks = null;
    this.checked = null;
    if (streamed?.ok) {
      // What the events were checked against must not have been given again after them.
      const after = streamed.keysAfterEvents;
      if (checks && after && !DEPENDED_ON.some((key) => after.has(key))) {
        this.held = null;
        onProgress?.(checks.given, checks.given);
        return { ok: true, result: checks.finishWith(streamed.value) };
      }
      if (eventsKept) {
        this.held = null;
        const read = await readJsonValue(streamed.value, file);
        if (read.kind === 'import') return { ok: true, result: validateImport(read.result, onProgress, true, onChecked) };
        if (read.kind === 'dataset') return { ok: true, result: validateDataset(read.value, onProgress, true, onChecked) };
      } else if (!this.held) {
        const message = `is more than ${formatBytes(this.limit)} of text and gives "sources", "actors" or "origin" again after "events": in a file this large they must come only before the events, which are checked against them as they arrive`;
        const problem = { path: this.where, message };
        return { ok: true, result: { dataset: null, problems: [problem], rejected: [] } };
      }
    }
    if (this.held) {
      // Not JSON read in pieces (CSV), or JSON that is broken: the whole text says what and where.
      const text = decodeAgain(this.held, this.decoder.encoding);
      this.held = null;
      return { ok: true, result: await loadDatasetFromText(text, file, onProgress, onRows, onChecked) };
    }
    const problem = streamed && !streamed.ok ? streamed.problem : { path: this.where, message: 'could not be read' };
    return { ok: true, result: { dataset: null, problems: [problem], rejected: [] } };
  }
}

/** What an event is checked against: given again after the events, it would change how they read. */
const DEPENDED_ON = ['sources', 'actors', 'origin', 'timeline'];
