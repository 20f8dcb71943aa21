// Checks datasets as the app loads them. Exits 0 with a one-line summary per file, 1 with every problem
// and its JSON path, 2 on wrong usage or a file that cannot be read.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_INVALID, readCommandLine, readDatasetInput } from './cli';

// The bundled dataset, found from this file so that the command works from any folder.
const BUNDLED = fileURLToPath(new URL('../data/kursk-2024.json', import.meta.url));
const DEFAULT_FILES = [relative(process.cwd(), BUNDLED) || BUNDLED];

const tool = {
  name: 'validate',
  help: `usage: npm run validate -- [--verbose] [file.json ...]   (or: timeline-validate …)

Checks each dataset as the app loads it: the schema, references between ids, EDTF dates, and that every
excerpt is verbatim in its source. Without a file, checks the bundled dataset (${DEFAULT_FILES.join(', ')});
- reads standard input. A leading byte-order mark is allowed.

  --verbose   also print where each excerpt was found
  -h, --help  print this help

Exit status: 0 all valid; 1 a dataset has problems (each printed with its JSON path); 2 wrong usage or a
file that cannot be read.`,
  options: { verbose: { type: 'boolean' } },
} as const;

const { values, positionals } = readCommandLine(tool);
// The validator is loaded once the command line is read: --help and usage errors answer at once.
const { formatProblem } = await import('../src/data/problems');

let failed = false;
for (const file of positionals.length > 0 ? positionals : DEFAULT_FILES) {
  const name = file === '-' ? '(stdin)' : file;
  // Read in pieces, as the app reads a file: a million events (more than one string holds) are checked too.
  const outcome = await readDatasetInput(tool, file);
  const { dataset, problems } = outcome.ok ? outcome.result : { dataset: null, problems: [outcome.problem] };
  if (problems.length > 0 || !dataset) {
    failed = true;
    console.error(`${name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
    continue;
  }
  const excerpts = dataset.events.reduce((n, e) => n + e.excerpts.length, 0);
  console.log(
    `${name}: valid; ${dataset.events.length} events, ${dataset.actors.length} actors, ` +
      `${dataset.sources.length} source${dataset.sources.length === 1 ? '' : 's'}, ${excerpts} excerpts found verbatim`,
  );
  if (values.verbose) {
    for (const event of dataset.events) {
      event.excerpts.forEach((excerpt, i) => {
        console.log(`  events "${event.id}" excerpt ${i}: ${excerpt.source} paragraph ${excerpt.paragraph}, characters ${excerpt.start}-${excerpt.end}`);
      });
    }
  }
}
process.exit(failed ? EXIT_INVALID : 0);
