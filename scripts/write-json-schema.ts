// Writes data/dataset.schema.json from the zod schema, so dataset authors get editor help and checks.
import { logFor, readCommandLine, writeOutput } from './cli';

const DEFAULT_OUT = 'data/dataset.schema.json';
const tool = {
  name: 'schema',
  help: `usage: npm run schema -- [--out FILE]   (or: timeline-schema …)

Writes the JSON Schema of a dataset (ours, or one imported with an "origin") from the zod schema, for
editors to check and complete datasets. Default: ${DEFAULT_OUT}; --out - writes to standard output.

  -o, --out FILE  where to write the schema
  -h, --help      print this help

Exit status: 0 written; 2 wrong usage or a file that cannot be written.`,
  options: { out: { type: 'string', short: 'o', default: DEFAULT_OUT } },
  positionals: { max: 0 },
} as const;

const { values } = readCommandLine(tool);
const z = await import('zod/mini');
const { anyDatasetSchema } = await import('../src/data/schema');
// Either a dataset of our own, or one imported from another format (with `origin`), whose rules are looser.
const schema = z.toJSONSchema(anyDatasetSchema, { io: 'input', target: 'draft-2020-12' });
const out = {
  ...schema,
  $id: 'dataset.schema.json',
  title: 'Conflict timeline dataset',
  description:
    'Events taken from news sources. Beyond this schema, `npm run validate` checks references, EDTF dates and that every excerpt is verbatim in its source.',
};
writeOutput(tool, values.out, `${JSON.stringify(out, null, 2)}\n`);
logFor(values.out)(`wrote ${values.out === '-' ? '(stdout)' : values.out}`);
