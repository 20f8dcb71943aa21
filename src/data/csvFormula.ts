/**
 * Spreadsheet formula injection: Excel, LibreOffice and Sheets run a cell that starts with one of
 * these as a formula. OWASP's CSV Injection page and ASVS 5.0 (1.2.10) say to prefix such a cell with
 * a single quote, which spreadsheets show as text. Summaries and quotes can legitimately start with
 * "-" or "+" (and negative EDTF years do), so the guard must be undone on import without loss:
 * a cell that already starts with apostrophes before a trigger gets one more, and the importer strips
 * exactly one apostrophe from any cell matching `'+` followed by a trigger (see unguardFormula).
 */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;
const GUARDED_START = /^'+[=+\-@\t\r\0]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of guardFormula, for the importer: `unguardFormula(guardFormula(s)) === s` for every s. */
export function unguardFormula(cell: string): string {
  return GUARDED_START.test(cell) ? cell.slice(1) : cell;
}
