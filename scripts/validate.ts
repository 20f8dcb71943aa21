// Usage: npm run validate [file...]   (default: the bundled dataset)
// Exits 0 with a one-line summary per file, or 1 with every problem and its JSON path.
import { readFileSync } from 'node:fs';
import { loadDatasetFromText } from '../src/data/load';
import { formatProblem } from '../src/data/problems';

const DEFAULT_FILES = ['data/kursk-2024.json'];
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const files = args.filter((a) => a !== '--verbose');

let failed = false;
for (const file of files.length > 0 ? files : DEFAULT_FILES) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    failed = true;
    continue;
  }
  const { dataset, problems } = await loadDatasetFromText(text);
  if (problems.length > 0 || !dataset) {
    failed = true;
    console.error(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
    continue;
  }
  const excerpts = dataset.events.reduce((n, e) => n + e.excerpts.length, 0);
  console.log(
    `${file}: valid; ${dataset.events.length} events, ${dataset.actors.length} actors, ` +
      `${dataset.sources.length} source${dataset.sources.length === 1 ? '' : 's'}, ${excerpts} excerpts found verbatim`,
  );
  if (verbose) {
    for (const event of dataset.events) {
      event.excerptLocations.forEach((loc, i) => {
        console.log(`  events "${event.id}" excerpt ${i}: ${loc.sourceId} paragraph ${loc.paragraph}, characters ${loc.start}-${loc.end}`);
      });
    }
  }
}
process.exit(failed ? 1 : 0);
