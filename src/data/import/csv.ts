// Spreadsheets to our format: TimelineJS's template columns, or our own simple CSV (what the export writes).
// Rows are numbered as a spreadsheet shows them: the header is row 1.
import { delimiterName, readRecords, type CsvDelimiter } from './csvRecords';
import { unguardFormula } from '../csvFormula';
import { parseEventDate } from '../edtfDate';
import type { Problem } from '../problems';
import { idSchema } from '../schema';
import { addEra, addSlide, reportMedia, titleOf, type Locate, type Slide, type SlideField } from './timelineJs';
import { baseName, DatasetBuilder, htmlToText, shortTitle, type ImportResult } from './shared';
import { csvHeader } from './sniff';

export type CsvFormat = 'timelinejs-csv' | 'csv';

/** A header cell as compared: case, spaces and underscores do not matter ("End Year" = "endyear"). */
const headerKey = (cell: string) => cell.trim().toLowerCase().replace(/[\s_]+/g, '');

/** Our simple CSV: the export writes exactly these, plus excerpt_2, source_2, … for further excerpts. */
const OWN_COLUMNS = ['id', 'date', 'title', 'summary', 'actors', 'excerpt', 'source', 'datebasis'] as const;
const EXTRA_EXCERPT = /^(excerpt|source)(\d+)$/;

/** Which CSV a header row belongs to, or null when it is neither. */
export function csvFormatOf(header: readonly string[]): CsvFormat | null {
  const keys = new Set(header.map(headerKey));
  if (keys.has('year') && keys.has('headline')) return 'timelinejs-csv';
  if (keys.has('date') && keys.has('title')) return 'csv';
  return null;
}


interface Table {
  header: string[];
  /** Column index by header key; the first column wins where a key repeats. */
  column: Map<string, number>;
  rows: { row: number; cells: string[] }[];
}

function readTable(text: string, delimiter: CsvDelimiter, builder: DatasetBuilder, onRows?: RowProgress): Table {
  const [first, ...rest] = readRecords(text, delimiter, onRows && ((done, total) => onRows(done, total, 'characters')));
  const header = first?.cells ?? [];
  const column = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key !== '' && !column.has(key)) column.set(key, i);
    else if (key !== '') builder.problems.push({ path: `row 1, column ${i + 1}`, message: `the column "${cell.trim()}" appears twice; only the first is read` });
  });
  const rows: Table['rows'] = [];
  const name = (i: number) => (header[i] ?? '').trim() || `${i + 1}`;
  rest.forEach(({ cells, line, strayQuotes }, i) => {
    // Rows as a spreadsheet numbers them: a value with line breaks keeps its row one row.
    const row = i + 2;
    for (const c of strayQuotes) {
      builder.problems.push({
        path: `row ${row}, column "${name(c)}"`,
        message: `(line ${line} of the file) opens a quoted value that is not closed on its line: a " inside a value must be doubled (""). The value is read as written, quotes included, and the next line as the next row`,
      });
    }
    // Blank rows are a spreadsheet's padding, not data.
    if (cells.every((c) => c.trim() === '')) return;
    const extra = cells.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      builder.problems.push({
        path: `row ${row}`,
        message: `has ${cells.length} values but the header has ${header.length} columns; the values past column ${header.length} are not read (a ${delimiter === '\t' ? 'tab' : JSON.stringify(delimiter)} inside a value needs quotes)`,
      });
    }
    rows.push({ row, cells });
  });
  return { header, column, rows };
}

/**
 * Told how far a table has got: first how many characters of the text have been split into rows (`counting`
 * is then 'characters'), then how many of its rows have been converted, of how many.
 */
export type RowProgress = (done: number, total: number, counting?: 'characters') => void;

/** Counts the rows as they are converted, telling `onRows` every so often and at the end. */
function rowCounter(total: number, onRows: RowProgress | undefined): () => void {
  let done = 0;
  return () => {
    done++;
    if (onRows && (done % 2000 === 0 || done === total)) onRows(done, total);
  };
}

function cellOf(table: Table, cells: readonly string[], key: string): string {
  const i = table.column.get(key);
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/** `row 5, column "Year"`, with the column named as the file's header names it. */
function at(table: Table, row: number, key: string): string {
  const i = table.column.get(key);
  const name = i === undefined ? key : (table.header[i] ?? key).trim();
  return `row ${row}, column "${name}"`;
}

const CLOCK_NUMBER = /^\s*\d{1,2}\s*$/;

/**
 * A time as TimelineJS reads it (its DateUtil.parseTime): "14:30", "2:30 PM", "14.30", "1430", "14",
 * "14:30:15", also with one-digit minutes or seconds ("18:30:3" is 18:30:03) and fractions of a second
 * (dropped); null when it is none.
 */
export function parseClock(text: string): { hour: number; minute: number; second: number } | null {
  const meridiem = /\s*([ap])\.?\s*m\.?\s*$/i.exec(text);
  const clock = (meridiem ? text.slice(0, meridiem.index) : text).trim();
  const compact = /^(\d{1,2})(\d{2})$/.exec(clock);
  const parts = compact ? compact.slice(1) : clock.split(clock.includes(':') ? ':' : '.');
  const [hourText = '', minuteText = '0', secondText = '0', ...rest] = parts;
  const [wholeSeconds = '', fraction] = secondText.split(/[.,]/);
  if (rest.length > 0 || ![hourText, minuteText, wholeSeconds].every((p) => CLOCK_NUMBER.test(p)) || (fraction !== undefined && !/^\d+$/.test(fraction))) return null;
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(wholeSeconds);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem[1]?.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

const SLIDE_COLUMNS: Partial<Record<SlideField, string>> = {
  start_date: 'year',
  end_date: 'endyear',
  'start_date.year': 'year',
  'start_date.month': 'month',
  'start_date.day': 'day',
  'start_date.hour': 'time',
  'start_date.minute': 'time',
  'start_date.second': 'time',
  'end_date.year': 'endyear',
  'end_date.month': 'endmonth',
  'end_date.day': 'endday',
  'end_date.hour': 'endtime',
  'end_date.minute': 'endtime',
  'end_date.second': 'endtime',
  display_date: 'displaydate',
  headline: 'headline',
  text: 'text',
  media: 'media',
  credit: 'mediacredit',
  group: 'group',
};

/** Converts a TimelineJS spreadsheet saved as CSV: one slide per row, "title" and "era" rows by their Type. */
function convertTimelineJsCsv(text: string, delimiter: CsvDelimiter, file: string | undefined, onRows?: RowProgress): ImportResult {
  const builder = new DatasetBuilder('timelinejs-csv', file);
  const table = readTable(text, delimiter, builder, onRows);
  const rowDone = rowCounter(table.rows.length, onRows);
  const mediaLeftOut: Problem[] = [];
  const timesLeftOut: Problem[] = [];
  let title: Slide | null = null;
  let eras = 0;
  for (const { row, cells } of table.rows) {
    rowDone();
    const cell = (key: string) => cellOf(table, cells, key);
    const locate: Locate = (field) => at(table, row, SLIDE_COLUMNS[field] ?? field);
    const dateOf = (prefix: '' | 'end'): Record<string, string | number> | undefined => {
      const parts: Record<string, string | number> = { year: cell(`${prefix}year`), month: cell(`${prefix}month`), day: cell(`${prefix}day`) };
      const time = cell(`${prefix}time`);
      if (time !== '') {
        const clock = parseClock(time);
        if (clock) Object.assign(parts, clock);
        else {
          // The event keeps its day; only the time it was meant to have is lost, and said so.
          timesLeftOut.push({
            path: at(table, row, `${prefix}time`),
            message: `“${cell('headline') || `row ${row}`}”: ${JSON.stringify(time)} is not a time such as "14:30" or "2:30 PM"; the ${prefix === '' ? 'start' : 'end'} is placed on its day without a time`,
          });
        }
      }
      return Object.values(parts).some((v) => v !== '') ? parts : undefined;
    };
    const slide: Slide = {
      start_date: dateOf(''),
      end_date: dateOf('end'),
      display_date: cell('displaydate'),
      text: { headline: cell('headline'), text: cell('text') },
      media: { url: cell('media'), credit: cell('mediacredit'), caption: cell('mediacaption') },
      group: cell('group'),
    };
    const type = cell('type').toLowerCase();
    if (type === 'title' && title === null) {
      title = slide;
    } else if (type === 'era') {
      addEra(builder, slide, locate, `row ${row}`, eras++);
    } else {
      // TimelineJS shows a second "title" row as an event, as we do.
      addSlide(builder, slide, locate, `row ${row}`, `row ${row}`, mediaLeftOut);
    }
  }
  reportMedia(builder, mediaLeftOut);
  if (timesLeftOut.length > 0) {
    // Listed with what was left out (as media is), though every one of these events is shown.
    const n = timesLeftOut.length;
    builder.skip('time', `Times of ${n} ${n === 1 ? 'event' : 'events'} that could not be read; ${n === 1 ? 'it is' : 'they are'} placed without a time`, timesLeftOut);
  }
  const titleText = title?.text ?? {};
  return builder.result(titleOf(titleText.headline, file), htmlToText(typeof titleText.text === 'string' ? titleText.text : '') || undefined);
}

const isWebAddress = (value: string) => /^https?:\/\/\S+$/i.test(value);

/** Converts our own simple CSV: id, date (EDTF), title, summary, actors (names, ";"), excerpt, source, …. */
function convertOwnCsv(text: string, delimiter: CsvDelimiter, file: string | undefined, onRows?: RowProgress): ImportResult {
  const builder = new DatasetBuilder('csv', file);
  const table = readTable(text, delimiter, builder, onRows);
  const rowDone = rowCounter(table.rows.length, onRows);
  const known = new Set<string>(OWN_COLUMNS);
  table.header.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key !== '' && !known.has(key) && !EXTRA_EXCERPT.test(key)) {
      builder.problems.push({ path: `row 1, column "${cell.trim()}"`, message: 'is not a column this CSV format has; its values are not imported' });
    } else if (key === '' && table.rows.some((r) => (r.cells[i] ?? '').trim() !== '')) {
      builder.problems.push({ path: `row 1, column ${i + 1}`, message: 'has no name, so its values are not imported' });
    }
  });
  const extraNumbers = [...new Set(table.header.flatMap((cell) => EXTRA_EXCERPT.exec(headerKey(cell))?.[2] ?? []))].sort((a, b) => Number(a) - Number(b));
  const firstRowOfId = new Map<string, number>();
  const pairs = [{ excerpt: 'excerpt', source: 'source' }, ...extraNumbers.map((n) => ({ excerpt: `excerpt${n}`, source: `source${n}` }))];

  // Each column's place, found once: a row's cells are read by place (a million rows read a dozen cells each).
  const columns = {
    id: table.column.get('id'),
    title: table.column.get('title'),
    summary: table.column.get('summary'),
    date: table.column.get('date'),
    dateBasis: table.column.get('datebasis'),
    actors: table.column.get('actors'),
  };
  const excerptColumns = pairs.map((pair) => ({ ...pair, excerptAt: table.column.get(pair.excerpt), sourceAt: table.column.get(pair.source) }));
  const attributionDetail = `The imported CSV file${file ? ` “${file}”` : ''}`;
  const outlet = `Quoted in the imported CSV${file ? ` “${file}”` : ''}, not checked against the original`;

  for (const { row, cells } of table.rows) {
    rowDone();
    // Our export guards cells a spreadsheet would run as formulas; reading back undoes exactly that.
    const cell = (at: number | undefined) => (at === undefined ? '' : unguardFormula((cells[at] ?? '').trim()));
    const where = (key: string) => at(table, row, key);
    const problems: Problem[] = [];
    const title = cell(columns.title);
    const label = title || `row ${row}`;
    if (title === '') problems.push({ path: where('title'), message: 'must not be empty' });
    else if (title.length > 120) problems.push({ path: where('title'), message: `is ${title.length} characters; a title has at most 120 (put the rest in "summary")` });
    const date = cell(columns.date);
    const parsed = parseEventDate(date);
    if (date === '') problems.push({ path: where('date'), message: 'must not be empty; give an EDTF date such as "2024-11-17", "2022-02" or "2023"' });
    else if (!parsed.ok) problems.push({ path: where('date'), message: parsed.message });
    const wantedId = cell(columns.id);
    const firstRow = wantedId === '' ? undefined : firstRowOfId.get(wantedId);
    if (wantedId !== '' && !idSchema.safeParse(wantedId).success) {
      problems.push({ path: where('id'), message: `${JSON.stringify(wantedId)} is not an id: use lowercase letters, digits and single hyphens, or leave it empty` });
    } else if (firstRow !== undefined) {
      problems.push({ path: where('id'), message: `duplicate id "${wantedId}" (first used in row ${firstRow})` });
    }
    const quoted: { quote: string; source: string }[] = [];
    for (const pair of excerptColumns) {
      const quote = cell(pair.excerptAt);
      const source = cell(pair.sourceAt);
      if (quote === '' && source !== '') {
        const sourceColumn = /column "(.*)"$/.exec(where(pair.source))?.[1] ?? pair.source;
        problems.push({ path: where(pair.excerpt), message: `is empty but "${sourceColumn}" names a source; give the words it says, or leave both empty` });
      } else if (quote !== '') {
        quoted.push({ quote: quote.replace(/\s+/g, ' '), source: source || 'Unnamed source' });
      }
    }
    if (problems.length > 0) {
      builder.skip(`row ${row}`, label, problems);
      continue;
    }
    if (wantedId !== '') firstRowOfId.set(wantedId, row);
    const id = builder.eventIds.take(wantedId || title, `row-${row}`);
    const actors: string[] = [];
    for (const name of cell(columns.actors).split(';')) {
      const trimmed = name.trim();
      if (trimmed === '') continue;
      const actor = builder.actor(trimmed);
      if (!actors.includes(actor)) actors.push(actor);
    }
    if (actors.length === 0) actors.push(builder.actor(undefined));
    const excerpts = quoted.map(({ quote, source }) => ({
      source: builder.quotationSource(source, source.replace(/^https?:\/\/(www\.)?/i, ''), () => ({ title: source, outlet, ...(isWebAddress(source) ? { url: source } : {}) }), quote),
      quote,
    }));
    const basis = cell(columns.dateBasis);
    builder.events.push({
      id,
      title,
      summary: cell(columns.summary) || title,
      date,
      ...(basis ? { dateBasis: { quote: basis, explanation: 'As given in the CSV file’s date_basis column.' } } : {}),
      actors,
      attribution: { kind: 'publication', detail: attributionDetail },
      excerpts,
    });
  }
  return builder.result(shortTitle(baseName(file) ?? 'Imported timeline').title, undefined);
}

/** A CSV import also says which delimiter it found, so a reader can tell a semicolon file was understood. */
export type CsvImportResult = ImportResult & { delimiter: CsvDelimiter };

/** Converts CSV text (separated by commas, semicolons or tabs), of the format its header row shows. */
export function convertCsv(text: string, file?: string, onRows?: RowProgress): CsvImportResult {
  const { header, delimiter } = csvHeader(text) ?? { header: [], delimiter: ',' as const };
  const format = csvFormatOf(header);
  if (format === 'timelinejs-csv') return { ...convertTimelineJsCsv(text, delimiter, file, onRows), delimiter };
  if (format === 'csv') return { ...convertOwnCsv(text, delimiter, file, onRows), delimiter };
  return {
    format: 'csv',
    delimiter,
    dataset: null,
    skipped: [],
    problems: [
      {
        path: 'row 1',
        message: `the header row (separated by ${delimiterName(delimiter)}) has neither TimelineJS's columns (Year, Month, Day, …, Headline, Text) nor ours (id, date, title, summary, actors, excerpt, source); found: ${header
          .slice(0, 8)
          .map((h) => JSON.stringify(h.trim()))
          .join(', ')}`,
      },
    ],
  };
}
