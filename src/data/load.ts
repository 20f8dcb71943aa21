import { parseJson } from './parseJson';
import { validateDataset } from './validate';
import type { ValidationResult } from './model';

/** The one way text becomes a dataset, for the app, the embed and the command line alike. */
export async function loadDatasetFromText(text: string): Promise<ValidationResult> {
  const parsed = await parseJson(text);
  if (!parsed.ok) return { dataset: null, problems: [parsed.problem], rejected: [] };
  return validateDataset(parsed.value);
}
