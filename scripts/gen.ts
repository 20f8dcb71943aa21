// Usage: npm run gen -- --events N [--seed S] [--out FILE] [--per-source K] [--pretty]
// Writes a seeded synthetic dataset (valid in the app's format) and prints a one-line summary.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateWithStats } from '../src/data/synthetic';
import { parseCount, UsageError } from '../bench/cli';

const USAGE = 'usage: npm run gen -- --events N [--seed S] [--out FILE] [--per-source K] [--pretty]';

interface Args {
  events: number;
  seed: number;
  out: string | null;
  perSource: number;
  pretty: boolean;
}


function parseArgs(argv: readonly string[]): Args {
  const args: Args = { events: NaN, seed: 1, out: null, perSource: 50, pretty: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--events':
      case '-n':
        args.events = parseCount('--events', value(), 0);
        break;
      case '--seed': {
        const text = value();
        if (text === undefined || !/^-?\d+$/.test(text)) throw new UsageError(`--seed must be a whole number, got ${text === undefined ? 'nothing' : `"${text}"`}`);
        args.seed = Number(text);
        break;
      }
      case '--out':
      case '-o': {
        const text = value();
        if (!text || text.startsWith('--')) throw new UsageError('--out needs a file name (or - for standard output)');
        args.out = text;
        break;
      }
      case '--per-source':
        args.perSource = parseCount('--per-source', value(), 1);
        break;
      case '--pretty':
        args.pretty = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  if (Number.isNaN(args.events)) throw new UsageError('--events N is required');
  return args;
}

/** writeSync may write less than asked (a pipe on standard output) or find a pipe full for a moment. */
function writeAll(fd: number, text: string): number {
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
  return bytes.length;
}

/**
 * Writes the dataset as JSON in pieces: a million events are more text than one JavaScript string may
 * hold. Top-level arrays are written one element at a time; returns the number of bytes written.
 */
function writeJson(fd: number, value: Record<string, unknown>, pretty: boolean): number {
  let buffer = '';
  let bytes = 0;
  const flush = (force = false) => {
    if (buffer.length < 1 << 20 && !force) return;
    bytes += writeAll(fd, buffer);
    buffer = '';
  };
  const nl = pretty ? '\n' : '';
  const indent = (text: string, by: string) => (pretty ? text.replaceAll('\n', `\n${by}`) : text);
  const stringify = (v: unknown) => JSON.stringify(v, null, pretty ? 2 : undefined);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  buffer += `{${nl}`;
  entries.forEach(([key, v], k) => {
    buffer += `${pretty ? '  ' : ''}${JSON.stringify(key)}:${pretty ? ' ' : ''}`;
    if (Array.isArray(v) && v.length > 0) {
      buffer += `[${nl}`;
      v.forEach((item, i) => {
        buffer += `${pretty ? '    ' : ''}${indent(stringify(item), '    ')}${i < v.length - 1 ? ',' : ''}${nl}`;
        flush();
      });
      buffer += `${pretty ? '  ' : ''}]`;
    } else {
      buffer += indent(stringify(v), '  ');
    }
    buffer += `${k < entries.length - 1 ? ',' : ''}${nl}`;
  });
  buffer += '}\n';
  flush(true);
  return bytes;
}

function main(): void {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`gen: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  const started = performance.now();
  const { dataset, stats } = generateWithStats({ events: args.events, seed: args.seed, eventsPerSource: args.perSource });
  const out = args.out ?? `bench/tmp/synthetic-${args.events}-seed${args.seed}.json`;
  let bytes: number;
  try {
    if (out !== '-') mkdirSync(dirname(out), { recursive: true });
    const fd = out === '-' ? 1 : openSync(out, 'w');
    bytes = writeJson(fd, dataset, args.pretty);
    if (fd !== 1) closeSync(fd);
  } catch (error) {
    console.error(`gen: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    process.exit(1);
  }
  const p = stats.precisions;
  // The summary goes to stderr when the data goes to stdout.
  const log = out === '-' ? console.error : console.log;
  log(
    `${out === '-' ? '(stdout)' : out}: ${stats.events} events (day ${p.day}, month ${p.month}, year ${p.year}, intervals ${stats.intervals}), ` +
      `${stats.actors} actors, ${stats.sources} sources, ${stats.paragraphs} paragraphs, ${stats.burstDays} burst days; seed ${args.seed}; ` +
      `${(bytes / 1048576).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`,
  );
}

main();
