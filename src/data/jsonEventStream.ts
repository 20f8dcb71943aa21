// Reads a JSON dataset that arrives in pieces and may be larger than one string can hold (V8 strings
// end near 512 M characters; a million events of ours are ~560 MB). The top-level `events` array is cut
// into one text per element, each parsed as it completes; the rest of the file is parsed at the end.
// Only what JSON.parse needs is tracked here (nesting, strings, escapes): JSON.parse judges the rest.
import type { Problem } from './problems';

/**
 * The whole value, and the top-level keys that came after the events (null when the part before them was
 * not read on its own): a reader that acted on what came before knows whether anything changed it.
 */
export type StreamedJson = { ok: true; value: Record<string, unknown>; keysAfterEvents: ReadonlySet<string> | null } | { ok: false; problem: Problem };

/** Told what is read as it is read. */
export interface EventStreamListener {
  /** The top level as it stands when the events' array opens (with `events: []`); null if that part is not valid JSON. */
  head?(value: Record<string, unknown> | null): void;
  /** Each element of the events' array, parsed, with its index and its text as the file gives it. */
  event?(value: unknown, index: number, text: string): void;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const NEWLINE = 10;

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

export class JsonEventStream {
  /** Nesting depth before the character being read: 1 inside the top-level object. */
  private depth = 0;
  private inString = false;
  /** An odd run of backslashes ended the last piece inside a string: its first character is escaped. */
  private escaped = false;
  /** The top-level key last read, and whether the next string at depth 1 is a key. */
  private key = '';
  private expectingKey = false;
  private keyPieces: string[] | null = null;
  /** Inside the top-level "events" array (depth 2 is its elements' level). */
  private inEvents = false;
  private seenEvents = false;
  /** Pieces of the element being read, and the line it started on. */
  private element: string[] | null = null;
  private elementLine = 0;
  /** The element's own nesting (0 at the array's level). */
  private elementDepth = 0;
  private elementCount = 0;
  /** Everything but the events' elements, to be parsed at the end (after the events, only what follows them). */
  private head: string[] = [];
  /** The top level before the events, parsed when their array opened; null if it could not be. */
  private beforeEvents: Record<string, unknown> | null = null;
  private line = 1;
  private failed: Problem | null = null;
  readonly events: unknown[] = [];
  /** Whether the parsed events are kept for `finish`; a listener that takes them as they come may not need them. */
  keepEvents = true;

  constructor(private readonly listener: EventStreamListener = {}) {}

  /** Reads the next piece of text. Returns false once the text cannot be a dataset (see `finish`). */
  push(text: string): boolean {
    if (this.failed) return false;
    let headFrom = 0;
    let i = this.element ? this.readElement(text, 0) : 0;
    if (this.failed) return false;
    const n = text.length;
    while (i < n) {
      if (this.inString) {
        const from = i;
        i = this.readString(text, i);
        if (this.keyPieces) {
          this.keyPieces.push(text.slice(from, this.inString ? i : i - 1));
          if (!this.inString) {
            this.key = this.keyPieces.join('');
            this.keyPieces = null;
          }
        }
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === NEWLINE) {
        this.line++;
        i++;
        continue;
      }
      if (isSpace(code)) {
        i++;
        continue;
      }
      if (this.inEvents && this.depth === 2) {
        // Between the events' elements: a comma, the closing bracket, or the start of the next element.
        if (code === COMMA) {
          i++;
          continue;
        }
        if (code === CLOSE_BRACKET) {
          this.inEvents = false;
          this.depth = 1;
          headFrom = i;
          i++;
          continue;
        }
        this.element = [];
        this.elementDepth = 0;
        this.elementLine = this.line;
        const end = this.readElement(text, i);
        if (this.failed) return false;
        i = end;
        continue;
      }
      if (code === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.expectingKey) {
          this.keyPieces = [];
          this.expectingKey = false;
        }
        i++;
        continue;
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (this.depth === 0 && code === OPEN_BRACE) this.expectingKey = true;
        if (this.depth === 0 && code !== OPEN_BRACE) return this.fail('(root)', 'a dataset must be a JSON object with "title", "sources", "actors" and "events"');
        if (this.depth === 1 && code === OPEN_BRACKET && this.key === 'events' && !this.seenEvents) {
          // The events' elements are not kept in the head: it gets an empty array in their place. What came
          // before is read now (a listener may act on it while the events arrive) and not again.
          this.head.push(text.slice(headFrom, i + 1));
          this.beforeEvents = parseObject(`${this.head.join('')}]}`);
          if (this.beforeEvents) this.head = ['{"events":['];
          this.listener.head?.(this.beforeEvents);
          this.inEvents = true;
          this.seenEvents = true;
          this.depth = 2;
          i++;
          headFrom = i;
          continue;
        }
        this.depth++;
        i++;
        continue;
      }
      if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth < 0) return this.fail(`line ${this.line}`, `not valid JSON: an unexpected "${String.fromCharCode(code)}"`);
        i++;
        continue;
      }
      if (this.depth === 1 && code === COMMA) this.expectingKey = true;
      else if (this.depth === 1 && code === COLON) this.expectingKey = false;
      i++;
    }
    if (!this.inEvents || this.depth !== 2) this.head.push(text.slice(headFrom, n));
    return true;
  }

  /**
   * Reads an element of the events array from `from`; it may go on in later pieces. Returns where reading
   * goes on: the comma or bracket that ends the element at the array's level, or the piece's end.
   */
  private readElement(text: string, from: number): number {
    const n = text.length;
    let i = from;
    while (i < n) {
      if (this.inString) {
        i = this.readString(text, i);
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === QUOTE) this.inString = true;
      else if (code === NEWLINE) this.line++;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.elementDepth++;
      else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && this.elementDepth > 0) this.elementDepth--;
      else if ((code === COMMA || code === CLOSE_BRACKET) && this.elementDepth === 0) {
        this.endElement(text.slice(from, i));
        return i;
      }
      i++;
    }
    (this.element as string[]).push(text.slice(from, n));
    return n;
  }

  /**
   * Reads on inside a string from `i`: returns the index after its closing quote, or the piece's end
   * (the string goes on in the next piece). Strings are most of a dataset, so this jumps from quote to
   * quote and looks back for the backslashes that escape one.
   */
  private readString(text: string, from: number): number {
    const n = text.length;
    let i = from;
    for (;;) {
      const quote = text.indexOf('"', i);
      const end = quote < 0 ? n : quote;
      let backslashes = 0;
      for (let k = end - 1; k >= i && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
      // A run of backslashes that starts the piece continues one the last piece ended with.
      const odd = backslashes === end - i && i === from ? (backslashes % 2 === 1) !== this.escaped : backslashes % 2 === 1;
      this.escaped = false;
      if (quote < 0) {
        this.escaped = odd;
        return n;
      }
      if (!odd) {
        this.inString = false;
        return quote + 1;
      }
      i = quote + 1;
    }
  }

  private endElement(last: string) {
    const pieces = this.element as string[];
    pieces.push(last);
    this.element = null;
    const index = this.elementCount++;
    const source = pieces.length === 1 ? (pieces[0] as string) : pieces.join('');
    let value: unknown;
    try {
      value = JSON.parse(source) as unknown;
    } catch (error) {
      this.fail(`events[${index}] (line ${this.elementLine})`, `not valid JSON: ${(error as Error).message}`);
      return;
    }
    if (this.keepEvents) this.events.push(value);
    this.listener.event?.(value, index, source);
  }

  private fail(path: string, message: string): false {
    this.failed ??= { path, message };
    return false;
  }

  /** The whole value, once every piece has been pushed, or what is wrong with it. */
  finish(): StreamedJson {
    if (this.failed) return { ok: false, problem: this.failed };
    if (this.inString || this.depth !== 0 || this.element) {
      return { ok: false, problem: { path: `line ${this.line}`, message: 'not valid JSON: the file ends before its JSON is complete' } };
    }
    let head: unknown;
    try {
      head = JSON.parse(this.head.join('')) as unknown;
    } catch (error) {
      return { ok: false, problem: { path: '(file)', message: `not valid JSON outside the events: ${(error as Error).message}` } };
    }
    if (head === null || typeof head !== 'object' || Array.isArray(head)) {
      return { ok: false, problem: { path: '(root)', message: 'a dataset must be a JSON object with "title", "sources", "actors" and "events"' } };
    }
    // With the part before the events read already, the head is what came after them: a key given twice
    // counts once, the last, as JSON.parse has it.
    const after = head as Record<string, unknown>;
    const value = this.beforeEvents ? { ...this.beforeEvents, ...after } : after;
    if (this.seenEvents) value.events = this.events;
    const keysAfterEvents = this.beforeEvents ? new Set(Object.keys(after).filter((key) => key !== 'events')) : null;
    return { ok: true, value, keysAfterEvents };
  }
}
