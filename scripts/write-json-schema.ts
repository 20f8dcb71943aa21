// Writes data/dataset.schema.json from the zod schema, so dataset authors get editor help and checks.
import { writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { datasetSchema } from '../src/data/schema';

const schema = z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' });
const out = {
  ...schema,
  $id: 'dataset.schema.json',
  title: 'Conflict timeline dataset',
  description:
    'Events taken from news sources. Beyond this schema, `npm run validate` checks references, EDTF dates and that every excerpt is verbatim in its source.',
};
writeFileSync('data/dataset.schema.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('wrote data/dataset.schema.json');
