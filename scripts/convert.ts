// Converts a TimelineJS file (JSON, also TimelineJS2, or a spreadsheet saved as CSV or TSV) or our simple
// CSV to a dataset, writes it, and validates what it wrote.
import { basename } from 'node:path';
import { EXIT_INVALID, fail, logFor, readCommandLine, readInput, usageError, writeOutput } from './cli';

const tool = {
  name: 'convert',
  help: `usage: npm run convert -- INPUT --out DATASET.json   (or: timeline-convert …)

Converts a TimelineJS file (TimelineJS3 or TimelineJS2 JSON), a TimelineJS spreadsheet saved as CSV or
TSV (separated by commas, semicolons or tabs), or our simple CSV to a dataset in our format, writes it,
and checks what it wrote exactly as the app will load it. The format is recognised by the content.
INPUT - reads standard input; --out - writes the dataset to standard output (messages go to standard error).

  -o, --out FILE  where to write the dataset (required)
  -h, --help      print this help

Every problem is printed with its place in the input (a JSON path, or row and column).
Exit status: 0 written and valid; 1 nothing could be converted, or the dataset written has no events or
does not validate; 2 wrong usage, or a file that cannot be read or written.`,
  options: { out: { type: 'string', short: 'o' } },
  positionals: { min: 1, max: 1 },
} as const;

const { values, positionals } = readCommandLine(tool);
const input = positionals[0] as string;
const out = values.out ?? usageError(tool, '--out is required (a file name, or - for standard output)');
const log = logFor(out);
const name = input === '-' ? '(stdin)' : input;
// The converters and the validator are loaded once the command line is read: --help and usage errors answer at once.
const { readAnyFormat, looksLikeDataset } = await import('../src/data/import/detect');
const { delimiterName } = await import('../src/data/import/csvRecords');
const { formatName } = await import('../src/data/import/shared');
const { loadDatasetFromText } = await import('../src/data/readDataset');
const { formatProblem } = await import('../src/data/problems');

const read = await readAnyFormat(readInput(tool, input), input === '-' ? undefined : basename(input));
if (read.kind === 'error') fail(tool, `${name}: ${formatProblem(read.problem)}`, EXIT_INVALID);
if (read.kind === 'dataset') {
  fail(
    tool,
    looksLikeDataset(read.value)
      ? `${name}: this is already a dataset in our format (it has "events" and "sources"); check it with npm run validate`
      : `${name}: this JSON is neither a TimelineJS file (an "events" array of slides with "start_date", or TimelineJS2's "timeline" with "date") nor a dataset`,
    EXIT_INVALID,
  );
}
const { result } = read;
const separated = 'delimiter' in result ? `, separated by ${delimiterName(result.delimiter)}` : '';
log(`${name}: read as a ${formatName(result.format)}${separated}`);
for (const problem of result.problems) console.warn(`  ${formatProblem(problem)}`);
if (!result.dataset) fail(tool, `${name}: nothing could be converted`, EXIT_INVALID);

const json = `${JSON.stringify(result.dataset, null, 2)}\n`;
writeOutput(tool, out, json);
const written = out === '-' ? '(stdout)' : out;
// What was written is checked exactly as the app will load it.
const checked = await loadDatasetFromText(json);
// Media and unreadable times are listed with what was left out, but their events are kept.
const skipped = result.skipped.filter((item) => item.path !== 'media' && item.path !== 'time').length;
if (!checked.dataset || checked.problems.length > 0) {
  console.error(`${written}: written, but it does not validate (${checked.problems.length} problems):`);
  for (const problem of checked.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(EXIT_INVALID);
}
const { events, actors, periods = [] } = checked.dataset;
if (events.length === 0) fail(tool, `${written}: written, but it has no events: every row or slide was left out (listed above)`, EXIT_INVALID);
const noExcerpt = events.filter((e) => e.excerpts.length === 0).length;
log(
  `${written}: valid; ${events.length} events (${noExcerpt} without a source excerpt), ${actors.length} actors, ${periods.length} periods` +
    (skipped > 0 ? `; ${skipped} left out, listed above` : ''),
);
