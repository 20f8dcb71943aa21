// For the bench's own "open a file" pages (bare.html, vis-load.html): where the dataset comes from (a
// `?data=` URL or a file chosen with an "Open dataset" button, as in the app) and how it is read: the
// whole text and JSON.parse / d3-dsv, or, for a file too large for one JavaScript string (a 1M-event JSON
// file is ~530 MB; V8 strings stop at ~512 MB), piece by piece from the stream.
import { csvParse, csvParseRows } from 'd3-dsv';

export type Source = { kind: 'url'; url: string } | { kind: 'file'; file: File };

/** Above this many bytes the page reads the stream in pieces rather than as one string. */
const WHOLE_TEXT_LIMIT = 256 * 1024 * 1024;

/** Calls back with `?data=` at once, or with the file a reader chooses through an "Open dataset" button. */
export function whenSource(onSource: (source: Source) => void): void {
  const url = new URLSearchParams(window.location.search).get('data');
  if (url) {
    onSource({ kind: 'url', url });
    return;
  }
  const input = document.createElement('input');
  input.type = 'file';
  input.hidden = true;
  input.accept = '.json,.csv';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Open dataset';
  button.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) onSource({ kind: 'file', file });
  });
  document.body.prepend(button, input);
}

const nameOf = (source: Source) => (source.kind === 'url' ? (source.url.split(/[?#]/)[0] ?? '') : source.file.name);

export function isCsv(source: Source): boolean {
  return /\.csv(\.gz)?$/i.test(nameOf(source));
}

/**
 * Our generated JSON unpacks to about 14.6 times its gzipped size: a gzipped file is taken whole, as one
 * string, when that many times its size would be (so the bare page parses 100k with one JSON.parse either way).
 */
const GZIP_RATIO = 16;

/** A gzipped file (by its name: these pages open only the bench's own files), unpacked by the browser as it arrives. */
const gunzip = (stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> => (stream as ReadableStream<BufferSource>).pipeThrough(new DecompressionStream('gzip'));

async function open(source: Source): Promise<{ size: number | null; stream: () => ReadableStream<Uint8Array>; text: () => Promise<string> }> {
  const gzipped = /\.gz$/i.test(nameOf(source));
  if (source.kind === 'file') {
    if (!gzipped) return { size: source.file.size, stream: () => source.file.stream(), text: () => source.file.text() };
    const stream = () => gunzip(source.file.stream());
    return { size: source.file.size * GZIP_RATIO, stream, text: () => new Response(stream() as ReadableStream<BufferSource>).text() };
  }
  const response = await fetch(source.url, { mode: 'cors', credentials: 'omit' });
  if (!response.ok || !response.body) throw new Error(`${source.url}: the server answered ${response.status}`);
  const body = gzipped ? gunzip(response.body) : response.body;
  const declared = Number(response.headers.get('content-length'));
  const size = Number.isFinite(declared) && declared > 0 ? declared * (gzipped ? GZIP_RATIO : 1) : null;
  return { size, stream: () => body, text: () => new Response(body as ReadableStream<BufferSource>).text() };
}

/** The decoded text of a stream, a piece at a time. */
async function* pieces(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield decoder.decode(value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Our JSON dataset as an object; `streamed` says whether it was read in pieces. */
export async function readJson(source: Source): Promise<{ value: Record<string, unknown>; streamed: boolean }> {
  const file = await open(source);
  if (file.size !== null && file.size <= WHOLE_TEXT_LIMIT) return { value: JSON.parse(await file.text()) as Record<string, unknown>, streamed: false };
  return { value: await parseJsonStream(file.stream()), streamed: true };
}

/**
 * A JSON object whose large values are top-level arrays, parsed one array element at a time: each
 * element's text is cut out by tracking strings and nesting, then given to JSON.parse.
 */
export async function parseJsonStream(stream: ReadableStream<Uint8Array>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let buf = '';
  let pos = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectKey = true;
  let key = '';
  let keyStart = -1;
  let valueStart = -1;
  let array: unknown[] | null = null;
  let elementStart = -1;
  for await (const piece of pieces(stream)) {
    buf += piece;
    for (; pos < buf.length; pos++) {
      const c = buf.charCodeAt(pos);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) {
          inString = false;
          if (keyStart >= 0) {
            key = JSON.parse(buf.slice(keyStart, pos + 1)) as string;
            keyStart = -1;
          }
        }
        continue;
      }
      if (c === 34) {
        inString = true;
        if (depth === 1 && expectKey) keyStart = pos;
      } else if (c === 58 && depth === 1) {
        expectKey = false;
        valueStart = pos + 1;
      } else if (c === 91 && depth === 1 && !expectKey) {
        array = [];
        out[key] = array;
        valueStart = -1;
        elementStart = pos + 1;
        depth = 2;
      } else if (c === 123 || c === 91) {
        depth++;
      } else if (array && depth === 2 && (c === 44 || c === 93)) {
        const text = buf.slice(elementStart, pos);
        if (c === 44 || text.trim()) array.push(JSON.parse(text));
        elementStart = pos + 1;
        if (c === 93) {
          array = null;
          depth = 1;
        }
      } else if (depth === 1 && (c === 44 || c === 125)) {
        if (valueStart >= 0) out[key] = JSON.parse(buf.slice(valueStart, pos));
        valueStart = -1;
        expectKey = true;
        if (c === 125) depth = 0;
      } else if (c === 125 || c === 93) {
        depth--;
      }
    }
    const keep = Math.min(pos, ...[keyStart, valueStart, array ? elementStart : -1].filter((i) => i >= 0));
    buf = buf.slice(keep);
    pos -= keep;
    if (keyStart >= 0) keyStart -= keep;
    if (valueStart >= 0) valueStart -= keep;
    if (array) elementStart -= keep;
  }
  if (depth !== 0) throw new Error('the JSON ended early');
  return out;
}

/** CSV rows as objects by header (d3-dsv), the whole text or, for a very large file, a piece at a time. */
export async function readCsv(source: Source): Promise<{ rows: Record<string, string>[]; streamed: boolean }> {
  const file = await open(source);
  if (file.size !== null && file.size <= WHOLE_TEXT_LIMIT) return { rows: csvParse(await file.text()), streamed: false };
  return { rows: await parseCsvStream(file.stream()), streamed: true };
}

/** CSV rows as objects by header, parsed a piece at a time (cut at line breaks outside quotes). */
export async function parseCsvStream(stream: ReadableStream<Uint8Array>): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  let header: string[] | null = null;
  let carry = '';
  let quotes = 0;
  const take = (text: string) => {
    for (const row of csvParseRows(text)) {
      if (!header) header = row;
      else rows.push(Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
    }
  };
  for await (const piece of pieces(stream)) {
    let cut = -1;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === 34) quotes++;
      else if (c === 10 && quotes % 2 === 0) cut = i;
    }
    if (cut < 0) {
      carry += piece;
      continue;
    }
    take(carry + piece.slice(0, cut));
    carry = piece.slice(cut + 1);
  }
  if (carry.trim()) take(carry);
  return rows;
}
