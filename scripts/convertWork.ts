// The work of npm run convert (scripts/convert.ts), in a worker thread: read and convert the input, write
// the dataset in pieces, and check what was written as the app will load it.
import { basename } from 'node:path';
import { EXIT_INVALID, fail, logFor, readDatasetInput, readInput, workerInput, writeOutputInPieces } from './cli';
import { looksLikeDataset, readAnyFormat } from '../src/data/import/detect';
import { delimiterName } from '../src/data/import/csvRecords';
import { formatName } from '../src/data/import/shared';
import { formatProblem } from '../src/data/problems';
import { recordJsonChunks } from '../src/export/json';
import { DatasetReader } from '../src/data/readDatasetStream';

const tool = { name: 'convert' };
const { input, out } = workerInput<{ input: string; out: string }>();
const log = logFor(out);
const name = input === '-' ? '(stdin)' : input;

/**
 * Reads and converts the input and writes the dataset in pieces. The input's text and the converted
 * dataset live only in here: once it returns, checking what was written has the memory they held (a
 * million rows need it). What was written to standard output cannot be read back, so it is checked as
 * it is written.
 */
async function convertAndWrite() {
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
  // Media and unreadable times are listed with what was left out, but their events are kept.
  const skipped = result.skipped.filter((item) => item.path !== 'media' && item.path !== 'time').length;
  const reader = out === '-' ? new DatasetReader('(stdout)') : null;
  await writeOutputInPieces(tool, out, recordJsonChunks(result.dataset), reader ? (bytes) => reader.push(bytes) : undefined);
  return { skipped, checked: reader ? await reader.finish(undefined) : null };
}

const { skipped, checked: fromStdout } = await convertAndWrite();
const written = out === '-' ? '(stdout)' : out;
// What was written is checked exactly as the app will load it: read back in pieces, as the app reads a file.
const checked = fromStdout ?? (await readDatasetInput(tool, out));
const { dataset, problems } = checked.ok ? checked.result : { dataset: null, problems: [checked.problem] };
if (!dataset || problems.length > 0) {
  console.error(`${written}: written, but it does not validate (${problems.length} problems):`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(EXIT_INVALID);
}
const { events, actors, periods = [] } = dataset;
if (events.length === 0) fail(tool, `${written}: written, but it has no events: every row or slide was left out (listed above)`, EXIT_INVALID);
let noExcerpt = 0;
for (const event of events) if (event.excerpts.length === 0) noExcerpt++;
log(
  `${written}: valid; ${events.length} events (${noExcerpt} without a source excerpt), ${actors.length} actors, ${periods.length} periods` +
    (skipped > 0 ? `; ${skipped} left out, listed above` : ''),
);
