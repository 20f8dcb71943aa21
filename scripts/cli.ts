// What every command-line tool shares: one way to read arguments (node:util parseArgs), --help, the same
// exit codes, `-` for standard input and output, and file errors said in a line instead of a stack trace.
//   exit 0: done; 1: the data is invalid; 2: wrong usage, or a file that cannot be read or written.
import { closeSync, createReadStream, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { getHeapStatistics } from 'node:v8';
import { Worker, workerData } from 'node:worker_threads';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { ReadOutcome } from '../src/data/readDatasetStream';
import { isGzip, sourceFailure, unpackGzip } from '../src/data/gzip';
import { damagedGzip } from '../src/data/fetchDataset';

export class UsageError extends Error {}

export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

export interface Tool<O extends ParseArgsOptionsConfig> {
  /** The command's name, first on each message ("convert: …"). */
  name: string;
  /** The help text: a usage line, then what the command does and its options. */
  help: string;
  options: O;
  /** How many file names (or `-`) the command takes. */
  positionals?: { min?: number; max?: number };
}

/** Stops the command with a message on standard error, in one line per problem, never a stack trace. */
export function fail(tool: { name: string }, message: string, code: number): never {
  console.error(`${tool.name}: ${message}`);
  process.exit(code);
}

/** The usage line of a help text, to repeat after a usage error. */
const usageLine = (help: string) => help.split('\n', 1)[0] ?? help;

/**
 * Reads the command line: `--help` (or `-h`) prints the help on standard output and exits 0; an unknown
 * option, a missing value or a wrong number of files exits 2 with the usage line.
 */
export function readCommandLine<const O extends ParseArgsOptionsConfig>(tool: Tool<O>, argv: string[] = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(tool.help);
    process.exit(0);
  }
  try {
    const parsed = parseArgs({ args: argv, options: tool.options, allowPositionals: true, strict: true });
    const { min = 0, max = Infinity } = tool.positionals ?? {};
    const count = parsed.positionals.length;
    if (count < min || count > max) {
      const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      throw new UsageError(`takes ${wanted} file name${max === 1 ? '' : 's'}, got ${count}`);
    }
    return parsed;
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    return fail(tool, `${message}\n${usageLine(tool.help)}\n(${tool.name} --help says more)`, EXIT_USAGE);
  }
}

/** A usage error found after parsing (a bad value): exits 2 with the usage line. */
export function usageError(tool: Tool<ParseArgsOptionsConfig>, message: string): never {
  return fail(tool, `${message}\n${usageLine(tool.help)}`, EXIT_USAGE);
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  // Node reads a file as one string, and V8 caps a string at about 512 MB (a million generated events are more).
  ERR_STRING_TOO_LONG: 'it is more text than these tools can read at once (about 512 MB, the most one JavaScript string holds)',
};

/** "permission denied (EACCES)": a file error as a reader wants it. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${FILE_ERRORS[code] ?? 'failed'} (${code})` : String(error);
}

/** A file's text, or standard input's for `-`; exits 2 when it cannot be read. */
export function readInput(tool: { name: string }, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    return fail(tool, `cannot read ${file === '-' ? 'standard input' : file}: ${describeFileError(error)}`, EXIT_USAGE);
  }
  // Gzipped (events.csv.gz), as the app takes it: known by its first two bytes.
  if (!isGzip(bytes)) return bytes.toString('utf8');
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch (error) {
    return fail(tool, `${file === '-' ? 'standard input' : file} ${damagedGzip(bytes.length, bytes.length, error)}`, EXIT_USAGE);
  }
}

/**
 * A dataset file (or standard input, for `-`) read as the app reads one: decoded and parsed in pieces as
 * it is read, so a JSON file larger than one string can hold (a million events) is read too. Exits 2
 * when the file cannot be read at all; what is wrong with its bytes (an encoding) is a problem returned.
 */
export async function readDatasetInput(tool: { name: string }, file: string): Promise<ReadOutcome> {
  const { DatasetReader } = await import('../src/data/readDatasetStream');
  const where = file === '-' ? '(stdin)' : file;
  const reader = new DatasetReader(where);
  let gzipped = false;
  let taken = 0;
  try {
    // A gzipped file (events.json.gz) is read as the app reads one: unpacked as it is read.
    const source = Readable.toWeb(file === '-' ? process.stdin : createReadStream(file)) as ReadableStream<Uint8Array>;
    const unpacked = await unpackGzip(source, (read) => (taken = read));
    gzipped = unpacked.gzipped;
    const bytes = unpacked.stream.getReader();
    for (;;) {
      const next = await bytes.read();
      if (next.done) break;
      if (!reader.push(next.value)) {
        await bytes.cancel();
        break;
      }
    }
  } catch (error) {
    const failed = sourceFailure(error);
    if (gzipped && failed === null) return { ok: false, problem: { path: where, message: damagedGzip(taken, null, error) } };
    return fail(tool, `cannot read ${file === '-' ? 'standard input' : file}: ${describeFileError(failed ?? error)}`, EXIT_USAGE);
  }
  return reader.finish(file === '-' ? undefined : basename(file));
}

/** Writes text to a file, or to standard output for `-`; exits 2 when it cannot be written. */
export function writeOutput(tool: { name: string }, file: string, text: string): void {
  try {
    if (file === '-') process.stdout.write(text);
    else writeFileSync(file, text);
  } catch (error) {
    fail(tool, `cannot write ${file}: ${describeFileError(error)}`, EXIT_USAGE);
  }
}

/** Text is written a megabyte or so at a time: fewer calls than one per piece, and never the whole file as one string. */
const WRITE_CHARS = 1024 * 1024;

/**
 * Writes text given in pieces to a file, or to standard output for `-`, as bytes a megabyte or so at a
 * time, so a file larger than one string can hold is written too; `onBytes` sees every byte written.
 * Exits 2 when it cannot be written.
 */
export async function writeOutputInPieces(tool: { name: string }, file: string, pieces: Iterable<string>, onBytes?: (bytes: Uint8Array) => void): Promise<void> {
  let fd: number | null = null;
  try {
    fd = file === '-' ? null : openSync(file, 'w');
    let pending: string[] = [];
    let chars = 0;
    const flush = async () => {
      const bytes = Buffer.from(pending.join(''));
      pending = [];
      chars = 0;
      onBytes?.(bytes);
      if (fd !== null) {
        for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
      } else if (!process.stdout.write(bytes)) {
        await once(process.stdout, 'drain');
      }
    };
    for (const piece of pieces) {
      pending.push(piece);
      chars += piece.length;
      if (chars >= WRITE_CHARS) await flush();
    }
    await flush();
  } catch (error) {
    fail(tool, `cannot write ${file}: ${describeFileError(error)}`, EXIT_USAGE);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Where messages go: standard error when the data itself goes to standard output. */
export const logFor = (out: string | undefined) => (out === '-' ? console.error : console.log);

/**
 * Runs a tool's work (a module of scripts/, given `data` as workerData) in a worker thread with this
 * process's heap limit, and exits with its exit code. Running out of that memory ends the worker, not
 * Node: it is said in a line with how to give Node more (`again` is the command to run again).
 */
export async function runInWorker(tool: { name: string }, module: URL, data: unknown, again: string): Promise<never> {
  const limitMb = Math.round(getHeapStatistics().heap_size_limit / 1048576);
  // The worker loads TypeScript through tsx, as this process does (bin/run-script.mjs, or npx tsx).
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: { module: module.href, data },
    resourceLimits: { maxOldGenerationSizeMb: limitMb },
  });
  const code = await new Promise<number>((resolve) => {
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const more = Math.max(8192, Math.ceil((limitMb * 2) / 1024) * 1024);
        fail(tool, `ran out of memory: Node's heap here holds ${limitMb.toLocaleString('en-US')} MB, and this file needs more. Give Node more memory and run it again: NODE_OPTIONS=--max-old-space-size=${more} ${again}`, EXIT_USAGE);
      }
      fail(tool, error.stack ?? String(error), EXIT_USAGE);
    });
    worker.on('exit', resolve);
  });
  process.exit(code);
}

/** In a tool's worker (runInWorker), the `data` it was given. */
export const workerInput = <T>() => (workerData as { data: T }).data;
