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

/**
 * The text of a dataset file: UTF-8 (a byte-order mark dropped), or UTF-16 with or without a
 * byte-order mark. Bytes that are not UTF-8 are not guessed at: the message names the byte, where it
 * is, and the encoding it most likely is (Latin-1 / Windows-1252), so the reader can save it as UTF-8.
 */
export function decodeDatasetBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    // The decoder drops a UTF-8 byte-order mark by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const at = firstInvalidUtf8(bytes);
    // Line and column from the valid text before the bad byte.
    const before = new TextDecoder().decode(bytes.subarray(0, at));
    const { line, column } = lineAndColumn(before, before.length);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      message: `is not UTF-8: byte 0x${byte} at line ${line}, column ${column} is not a UTF-8 character; the file looks like Latin-1 or Windows-1252 text. Save it as UTF-8 and open it again`,
    };
  }
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
