// Writes data/dataset.schema.json from the zod schema, so dataset authors get editor help and checks.
import { writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { anyDatasetSchema } from '../src/data/schema';

// Either a dataset of our own, or one imported from another format (with `origin`), whose rules are looser.
const schema = z.toJSONSchema(anyDatasetSchema, { io: 'input', target: 'draft-2020-12' });
const out = {
  ...schema,
  $id: 'dataset.schema.json',
  title: 'Conflict timeline dataset',
  description:
    'Events taken from news sources. Beyond this schema, `npm run validate` checks references, EDTF dates and that every excerpt is verbatim in its source.',
};
writeFileSync('data/dataset.schema.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote data/dataset.schema.json');
