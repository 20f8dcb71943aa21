// Converts a TimelineJS file (JSON, also TimelineJS2, or a spreadsheet saved as CSV or TSV) or our simple
// CSV to a dataset, writes it, and validates what it wrote.
import { readCommandLine, runInWorker, usageError } from './cli';

const tool = {
  name: 'convert',
  help: `usage: npm run convert -- INPUT --out DATASET.json   (or: timeline-convert …)

Converts a TimelineJS file (TimelineJS3 or TimelineJS2 JSON), a TimelineJS spreadsheet saved as CSV or
TSV (separated by commas, semicolons or tabs), or our simple CSV to a dataset in our format, writes it,
and checks what it wrote exactly as the app will load it. The format is recognised by the content; a
gzipped file (.gz) is unpacked first.
INPUT - reads standard input; --out - writes the dataset to standard output (messages go to standard error).

  -o, --out FILE  where to write the dataset (required)
  -h, --help      print this help

Every problem is printed with its place in the input (a JSON path, or row and column).
Exit status: 0 written and valid; 1 nothing could be converted, or the dataset written has no events or
does not validate; 2 wrong usage, a file that cannot be read or written, or too little memory for the file
(said in a line, with how to give Node more).`,
  options: { out: { type: 'string', short: 'o' } },
  positionals: { min: 1, max: 1 },
} as const;

const { values, positionals } = readCommandLine(tool);
const input = positionals[0] as string;
const out = values.out ?? usageError(tool, '--out is required (a file name, or - for standard output)');
// The work runs in a worker thread with this process's heap limit, so that a file too large for it is
// said in a line with what to do, instead of Node stopping with a stack.
await runInWorker(tool, new URL('./convertWork.ts', import.meta.url), { input, out }, `npm run convert -- ${process.argv.slice(2).join(' ')}`);
