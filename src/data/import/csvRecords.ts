// Reads delimited text as spreadsheets write it (RFC 4180 quoting), with what no CSV library tells: the
// delimiter a file uses, the physical line each row starts on, and a `"` left undoubled inside a quoted
// value, which a strict reader lets swallow every line up to the next quote.

export type CsvDelimiter = ',' | ';' | '\t';

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** "semicolons": how a reader is told what separated the values. */
export const delimiterName = (delimiter: CsvDelimiter) => DELIMITER_NAMES[delimiter];

/**
 * The delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes (comma on a
 * tie, as Excel in most of Europe writes semicolons and tab-separated files have tabs); null with none.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter | null {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter | null = null;
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0))) best = d;
  return best;
}

export interface CsvRecord {
  /** The physical line (1-based) the record starts on; differs from its row when a value holds line breaks. */
  line: number;
  cells: string[];
  /** Cells (0-based) whose opening `"` was not closed before the line ended, read as written instead. */
  strayQuotes: number[];
}

const isLineEnd = (char: string | undefined) => char === '\n' || char === '\r' || char === undefined;

/** `readRecords` says how far it has got every this many records. */
const PROGRESS_EVERY_RECORDS = 8192;

/**
 * Splits text into records of cells. A quoted value may span lines; but a quoted value in which a `"` is
 * followed by neither a second `"`, the delimiter nor the line's end has a stray quote, and if it then
 * runs past the line's end, its opening quote did not quote anything: that value is read up to the next
 * delimiter as written, quotes and all, so the following lines stay rows of their own.
 */
export function readRecords(text: string, delimiter: CsvDelimiter, onProgress?: (done: number, total: number) => void): CsvRecord[] {
  const records: CsvRecord[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < text.length) {
    const record: CsvRecord = { line, cells: [], strayQuotes: [] };
    for (;;) {
      const start = pos;
      // Values are sliced from the text, not built a character at a time: a million rows built by `+=`
      // hold a chain of one-character pieces per value, many times the file's size.
      let value = '';
      if (text[pos] === '"') {
        let stray = false;
        let lines = 0;
        let closed = false;
        pos++;
        let from = pos;
        while (pos < text.length) {
          const char = text[pos] as string;
          if (char === '"') {
            if (text[pos + 1] === '"') {
              value += text.slice(from, pos + 1);
              pos += 2;
              from = pos;
              continue;
            }
            if (text[pos + 1] === delimiter || isLineEnd(text[pos + 1])) {
              value += text.slice(from, pos);
              pos++;
              closed = true;
              break;
            }
            stray = true;
          } else if (char === '\n' || (char === '\r' && text[pos + 1] !== '\n')) {
            if (stray) break;
            lines++;
          }
          pos++;
        }
        if (!closed && (stray || pos >= text.length)) {
          // Read the value again from its opening quote as plain text, to the delimiter or the line's end.
          pos = start;
          while (pos < text.length && text[pos] !== delimiter && !isLineEnd(text[pos])) pos++;
          value = text.slice(start, pos);
          record.strayQuotes.push(record.cells.length);
        } else {
          line += lines;
        }
      } else {
        while (pos < text.length && text[pos] !== delimiter && !isLineEnd(text[pos])) pos++;
        value = text.slice(start, pos);
      }
      record.cells.push(value);
      if (text[pos] === delimiter) {
        pos++;
        continue;
      }
      // The line's end (\r\n, \n or \r) or the text's.
      if (text[pos] === '\r') pos += text[pos + 1] === '\n' ? 2 : 1;
      else if (text[pos] === '\n') pos++;
      line++;
      break;
    }
    records.push(record);
    // How far through the text: a million rows take seconds to split.
    if (onProgress && records.length % PROGRESS_EVERY_RECORDS === 0) onProgress(pos, text.length);
  }
  onProgress?.(text.length, text.length);
  return records;
}
