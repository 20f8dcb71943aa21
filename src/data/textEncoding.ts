// Which encoding a dataset file's bytes are in. Datasets are UTF-8; a file saved as UTF-16 (as some
// Windows tools do) is read correctly, and one in a legacy code page is named rather than read with
// replacement characters (U+FFFD) where its accented letters were.
import { lineAndColumn } from './parseJson';

export type DecodedText = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; message: string };

/** UTF-16 without a byte-order mark: in mostly-ASCII text every other byte is 0. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** What is wrong with a byte that is not UTF-8, and what to do about it. */
function notUtf8(byte: number, line: number, column: number): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return `is not UTF-8: byte 0x${hex} at line ${line}, column ${column} is not a UTF-8 character; the file looks like Latin-1 or Windows-1252 text. Save it as UTF-8 and open it again`;
}

/**
 * The text of a dataset file: UTF-8 (a byte-order mark dropped), or UTF-16 with or without a
 * byte-order mark. Bytes that are not UTF-8 are not guessed at: the message names the byte, where it
 * is, and the encoding it most likely is (Latin-1 / Windows-1252), so the reader can save it as UTF-8.
 */
export function decodeDatasetBytes(bytes: Uint8Array): DecodedText {
  const decoder = new StreamDecoder();
  const decoded = decoder.push(bytes, true);
  return decoded.ok ? { ok: true, text: decoded.text, encoding: decoder.encoding } : decoded;
}

/**
 * A problem with text that was decoded before it reached us (a command line, a test): NUL characters
 * between its letters mean UTF-16 bytes read as UTF-8. No valid JSON or CSV dataset holds a NUL.
 */
export function misreadEncoding(text: string): string | null {
  const nul = text.indexOf('\0');
  if (nul < 0) return null;
  const { line, column } = lineAndColumn(text, nul);
  return `looks like UTF-16 text read as UTF-8 (a NUL character at line ${line}, column ${column}); save it as UTF-8, or open it in the app, which reads UTF-16`;
}

/** Bytes read before the encoding is decided: enough for `utf16WithoutBom` to judge. */
const SNIFF_BYTES = 4096;

/**
 * Decodes a file that arrives in pieces, deciding its encoding as `decodeDatasetBytes` does from its
 * first bytes. `push` returns the text decoded so far (possibly empty) or, for bytes that are not
 * UTF-8, the same message `decodeDatasetBytes` gives, at the same line and column.
 */
export class StreamDecoder {
  private decoder: TextDecoder | null = null;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Lines and the current line's length so far, to say where a bad byte stands. */
  private line = 1;
  private column = 1;
  private tail: Uint8Array = new Uint8Array(0);
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8';

  push(bytes: Uint8Array, last = false): { ok: true; text: string } | { ok: false; message: string } {
    if (!this.decoder) {
      this.pending.push(bytes);
      this.pendingBytes += bytes.byteLength;
      if (this.pendingBytes < SNIFF_BYTES && !last) return { ok: true, text: '' };
      const head = concatBytes(this.pending);
      this.pending = [];
      this.encoding = sniffEncoding(head);
      // Only UTF-8 is judged strictly: a UTF-16 file's stray surrogate is not worth refusing the file for.
      this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding === 'utf-8' });
      bytes = head;
    }
    try {
      const text = this.decoder.decode(bytes, { stream: !last });
      this.count(text);
      this.tail = bytes.subarray(Math.max(0, bytes.byteLength - 3));
      return { ok: true, text };
    } catch {
      // A sequence may have begun in the last piece: look for the bad byte from the start of that sequence.
      const joined = concatBytes([this.tail, bytes]);
      let from = 0;
      while (from < this.tail.byteLength && ((joined[from] as number) & 0xc0) === 0x80) from++;
      const at = from + firstInvalidUtf8(joined.subarray(from));
      const before = new TextDecoder().decode(joined.subarray(this.tail.byteLength, Math.max(this.tail.byteLength, at)));
      const here = lineAndColumn(before, before.length);
      const line = this.line + here.line - 1;
      const column = here.line === 1 ? this.column + here.column - 1 : here.column;
      return { ok: false, message: notUtf8(joined[at] ?? 0, line, column) };
    }
  }

  private count(text: string) {
    let lineStart = -1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      this.line++;
      lineStart = i;
    }
    this.column = lineStart < 0 ? this.column + text.length : text.length - lineStart;
  }
}

function sniffEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return utf16WithoutBom(bytes) ?? 'utf-8';
}

/** Bytes a StreamDecoder has read, decoded again as one text with the encoding it found. */
export function decodeAgain(pieces: readonly Uint8Array[], encoding: StreamDecoder['encoding']): string {
  return new TextDecoder(encoding).decode(concatBytes(pieces));
}

/** Pieces of bytes as one array (the piece itself when there is one). */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const total = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out;
}
