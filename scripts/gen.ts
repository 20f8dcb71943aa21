// Usage: npm run gen -- --events N [--seed S] [--out FILE] [--per-source K] [--pretty]
// Writes a seeded synthetic dataset (valid in the app's format) and prints a one-line summary.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCount } from '../bench/cli';
import { describeFileError, EXIT_USAGE, fail, readCommandLine, usageError, UsageError } from './cli';

const tool = {
  name: 'gen',
  help: `usage: npm run gen -- --events N [--seed S] [--out FILE] [--per-source K] [--pretty]   (or: timeline-gen …)

Writes a seeded synthetic dataset, valid in the app's format (the same one the app's "Load sample" makes),
and prints a one-line summary. The same seed always gives the same events.

  -n, --events N      how many events (10000, 10_000, 10k and 1m are read alike; required)
      --seed S        a whole number (default 1)
  -o, --out FILE      where to write (default bench/tmp/synthetic-N-seedS.json; - for standard output,
                      the summary then goes to standard error)
      --per-source K  events per generated source article (default 50)
      --pretty        indent the JSON
  -h, --help          print this help

Exit status: 0 written; 2 wrong usage or a file that cannot be written.`,
  options: {
    events: { type: 'string', short: 'n' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', short: 'o' },
    'per-source': { type: 'string', default: '50' },
    pretty: { type: 'boolean', default: false },
  },
  positionals: { max: 0 },
} as const;

interface Args {
  events: number;
  seed: number;
  out: string | null;
  perSource: number;
  pretty: boolean;
}

function readArgs(): Args {
  const { values } = readCommandLine(tool);
  try {
    if (values.events === undefined) throw new UsageError('--events N is required');
    if (!/^-?\d+$/.test(values.seed)) throw new UsageError(`--seed must be a whole number, got "${values.seed}"`);
    return {
      events: parseCount('--events', values.events, 0),
      seed: Number(values.seed),
      out: values.out ?? null,
      perSource: parseCount('--per-source', values['per-source'], 1),
      pretty: values.pretty,
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usageError(tool, error.message);
  }
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

async function main(): Promise<void> {
  const args = readArgs();
  const { generateWithStats } = await import('../src/data/synthetic');
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
    fail(tool, `cannot write ${out}: ${describeFileError(error)}`, EXIT_USAGE);
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

await main();
