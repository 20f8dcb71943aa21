// Usage: npx tsx bench/gen-csv.ts N SEED PER_SOURCE OUT
// The generator's dataset as our simple CSV (src/export/csv.ts, the app's "Download CSV"), written a piece
// at a time: the second file format paths.ts opens. Run as its own process so that its memory is freed.
import { closeSync, openSync, writeSync } from 'node:fs';
import { generateDataset } from '../src/data/synthetic';
import { validateDataset } from '../src/data/validate';
import { csvFileChunks } from '../src/export/csv';

const [n, seed, perSource, out] = process.argv.slice(2);
if (!n || !seed || !perSource || !out) {
  console.error('usage: npx tsx bench/gen-csv.ts N SEED PER_SOURCE OUT');
  process.exit(2);
}
const result = validateDataset(generateDataset({ events: Number(n), seed: Number(seed), eventsPerSource: Number(perSource) }));
const dataset = result.dataset;
if (!dataset) {
  console.error(`the generated dataset did not validate: ${result.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  process.exit(1);
}
const fd = openSync(out, 'w');
let bytes = 0;
let pending: string[] = [];
let size = 0;
const flush = () => {
  const buffer = Buffer.from(pending.join(''));
  writeSync(fd, buffer);
  bytes += buffer.length;
  pending = [];
  size = 0;
};
for (const chunk of csvFileChunks(dataset, dataset.events)) {
  pending.push(chunk);
  size += chunk.length;
  if (size > 1 << 22) flush();
}
flush();
closeSync(fd);
console.log(`${out}: ${dataset.events.length} events as CSV, ${(bytes / 1048576).toFixed(1)} MB`);
