// Usage: npm run convert -- input.json|input.csv --out dataset.json
// Converts a TimelineJS file (JSON or spreadsheet CSV) or our simple CSV to a dataset, writes it, and
// validates what it wrote. Prints every problem with where it is in the input; exits 1 when the output
// does not validate (or nothing could be converted), 2 on wrong usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { readAnyFormat } from '../src/data/import/detect';
import { formatName } from '../src/data/import/shared';
import { loadDatasetFromText } from '../src/data/load';
import { formatProblem } from '../src/data/problems';

const USAGE = 'usage: npm run convert -- input.json|input.csv --out dataset.json';

let input: string | undefined;
let out: string | undefined;
try {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string', short: 'o' } }, allowPositionals: true });
  input = positionals[0];
  out = values.out;
  if (positionals.length !== 1 || !out) throw new Error('give one input file and --out');
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(input as string, 'utf8');
} catch (error) {
  console.error(`${input}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  process.exit(1);
}

const read = await readAnyFormat(text, basename(input as string));
if (read.kind === 'error') {
  console.error(`${input}: ${formatProblem(read.problem)}`);
  process.exit(1);
}
if (read.kind === 'dataset') {
  console.error(`${input}: this is already a dataset in our format (it has "sources"); check it with npm run validate`);
  process.exit(1);
}
const { result } = read;
console.log(`${input}: read as a ${formatName(result.format)}`);
for (const problem of result.problems) console.warn(`  ${formatProblem(problem)}`);
if (!result.dataset) {
  console.error(`${input}: nothing could be converted`);
  process.exit(1);
}

const json = `${JSON.stringify(result.dataset, null, 2)}\n`;
writeFileSync(out as string, json);
// What was written is checked exactly as the app will load it.
const checked = await loadDatasetFromText(json);
const skipped = result.skipped.reduce((n, item) => n + (item.path === 'media' ? 0 : 1), 0);
if (!checked.dataset || checked.problems.length > 0) {
  console.error(`${out}: written, but it does not validate (${checked.problems.length} problems):`);
  for (const problem of checked.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
const { events, actors, periods = [] } = checked.dataset;
const noExcerpt = events.filter((e) => e.excerpts.length === 0).length;
console.log(
  `${out}: valid; ${events.length} events (${noExcerpt} without a source excerpt), ${actors.length} actors, ${periods.length} periods` +
    (skipped > 0 ? `; ${skipped} left out, listed above` : ''),
);
