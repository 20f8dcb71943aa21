import { noUsableEvents, validateDataset, type CheckedListener, type ValidationProgress } from './validate';
import type { ValidationResult } from './model';
import { readAnyFormat } from './import/detect';
import { misreadEncoding } from './textEncoding';
import type { ImportResult } from './import/shared';
import { formatName } from './import/formatName';
import type { RowProgress } from './import/csv';

/**
 * The converted dataset, validated like any other; what the conversion left out is listed with what validation
 * rejected. `owned`: the converted records were made for this check alone (see `validateDataset`).
 */
export function validateImport(result: ImportResult, onProgress?: ValidationProgress, owned = false, onChecked?: CheckedListener): ValidationResult {
  const importedFrom = result.format;
  if (!result.dataset) {
    const problems = result.problems.length > 0 ? result.problems : [{ path: '(file)', message: `nothing could be read from this ${formatName(importedFrom)}` }];
    return { dataset: null, problems, rejected: result.skipped, importedFrom };
  }
  const checked = validateDataset(result.dataset, onProgress, owned, onChecked);
  // Every event skipped in conversion: nothing usable, said as such rather than shown as an empty timeline.
  if (checked.dataset && checked.dataset.events.length === 0 && result.skipped.length > 0) {
    return { dataset: null, problems: [noUsableEvents(result.skipped.length), ...result.problems, ...checked.problems], rejected: [...result.skipped, ...checked.rejected], importedFrom };
  }
  return { ...checked, problems: [...result.problems, ...checked.problems], rejected: [...result.skipped, ...checked.rejected], importedFrom };
}

/**
 * The one way text becomes a dataset, for the app, the embed and the command line alike. TimelineJS files
 * and CSV are recognised by their content and converted first; `file` names the file for the record.
 */
export async function loadDatasetFromText(raw: string, file?: string, onProgress?: ValidationProgress, onRows?: RowProgress, onChecked?: CheckedListener): Promise<ValidationResult> {
  // A byte-order mark, kept by some ways of reading a file, is not part of the text.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const misread = misreadEncoding(text);
  if (misread) return { dataset: null, problems: [{ path: '(file)', message: misread }], rejected: [] };
  const read = await readAnyFormat(text, file, onRows);
  if (read.kind === 'error') return { dataset: null, problems: [read.problem], rejected: [] };
  // Parsed or converted from the text just now: nothing else holds it.
  if (read.kind === 'import') return validateImport(read.result, onProgress, true, onChecked);
  return validateDataset(read.value, onProgress, true, onChecked);
}
