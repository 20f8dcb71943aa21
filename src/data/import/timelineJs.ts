// TimelineJS3 (JSON and spreadsheet) to our format. Both read into the same slides, located by a
// function that names the place in the input: a JSON path, or a row and column.
import { daysInMonth } from '../calendar';
import { parseEventDate } from '../edtfDate';
import { formatPath, type PathSegment, type Problem } from '../problems';
import { baseName, DatasetBuilder, htmlToText, shortTitle, type ImportResult } from './shared';
import { isObject } from './sniff';

/** One part of a TimelineJS date, as a number or the text of one ("1815", "-500", " 1,815 "). */
type DatePart = unknown;

/** A TimelineJS date object (start_date, end_date), as read from JSON or a spreadsheet row. */
export interface SlideDate {
  year?: DatePart;
  month?: DatePart;
  day?: DatePart;
  hour?: DatePart;
  minute?: DatePart;
  second?: DatePart;
  display_date?: unknown;
}

/** A TimelineJS slide, its fields as the file gives them (untrusted). */
export interface Slide {
  start_date?: unknown;
  end_date?: unknown;
  display_date?: unknown;
  text?: { headline?: unknown; text?: unknown };
  media?: { url?: unknown; caption?: unknown; credit?: unknown };
  group?: unknown;
  unique_id?: unknown;
}

/** The fields a problem can point at; each input format says where they are. */
export type SlideField =
  | 'start_date'
  | 'end_date'
  | `${'start_date' | 'end_date'}.${'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'}`
  | 'display_date'
  | 'headline'
  | 'text'
  | 'media'
  | 'credit'
  | 'group'
  | 'unique_id';

export type Locate = (field: SlideField) => string;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** An integer part, or null when absent; TimelineJS itself strips spaces and thousands commas. */
function intPart(value: DatePart): number | null | 'bad' {
  if (value === undefined || value === null) return null;
  const text = str(value).replace(/[\s,]+/g, '');
  if (text === '') return null;
  return /^-?\d+$/.test(text) ? Number(text) : 'bad';
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** EDTF for one TimelineJS date, as precise as its most specific part: "1943", "1943-07", "1948-03-14", "…T10:30:00". */
export function edtfOfSlideDate(date: SlideDate, end: 'start_date' | 'end_date', at: Locate): { ok: true; edtf: string } | { ok: false; problem: Problem } {
  const fail = (field: SlideField, message: string) => ({ ok: false as const, problem: { path: at(field), message } });
  const parts = { year: intPart(date.year), month: intPart(date.month), day: intPart(date.day), hour: intPart(date.hour), minute: intPart(date.minute), second: intPart(date.second) };
  for (const [name, value] of Object.entries(parts)) {
    if (value === 'bad') return fail(`${end}.${name as 'year'}`, `${JSON.stringify(str(date[name as keyof SlideDate]))} is not a whole number`);
  }
  const { year: given, month, day, hour, minute, second } = parts as Record<keyof typeof parts, number | null>;
  if (given === null) return fail(`${end}.year`, 'has no year; TimelineJS needs at least a year');
  if (Math.abs(given) > 9999)
    return fail(
      `${end}.year`,
      `the year ${given.toLocaleString('en-US')} is a geological or cosmological year; this timeline places years from 9999 BCE to 9999 CE only, so it is left out`,
    );
  // TimelineJS shows the year -44 as "44 BCE"; EDTF counts astronomically (0000 is 1 BCE), so 44 BCE is -0043.
  const year = given < 0 ? given + 1 : given;
  let edtf = `${year < 0 ? '-' : ''}${pad(year, 4)}`;
  if (month === null) {
    if (day !== null) return fail(`${end}.day`, 'a day needs a month');
    return { ok: true, edtf };
  }
  if (month < 1 || month > 12) return fail(`${end}.month`, `${month} is not a month (1–12)`);
  edtf += `-${pad(month)}`;
  if (day === null) {
    if (hour !== null) return fail(`${end}.hour`, 'a time needs a day');
    return { ok: true, edtf };
  }
  if (day < 1 || day > daysInMonth(year, month)) return fail(`${end}.day`, `${edtf}-${pad(day)} is not a calendar date`);
  edtf += `-${pad(day)}`;
  if (hour === null) return { ok: true, edtf };
  if (hour < 0 || hour > 23) return fail(`${end}.hour`, `${hour} is not an hour (0–23)`);
  if (minute !== null && (minute < 0 || minute > 59)) return fail(`${end}.minute`, `${minute} is not a minute (0–59)`);
  if (second !== null && (second < 0 || second > 59)) return fail(`${end}.second`, `${second} is not a second (0–59)`);
  // In UTC: EDTF without a zone would be read in each reader's own zone, placing the event differently for each.
  return { ok: true, edtf: `${edtf}T${pad(hour)}:${pad(minute ?? 0)}:${pad(second ?? 0)}Z` };
}

/** The EDTF date or interval of a slide's start and end. An end without a year is dropped with a note, as TimelineJS drops it. */
function slideDate(slide: Slide, at: Locate, notes: Problem[], what: 'event' | 'era' = 'event'): { ok: true; edtf: string } | { ok: false; problems: Problem[] } {
  if (!isObject(slide.start_date)) {
    const message = what === 'event' ? 'has no start_date; TimelineJS would leave this event out without a word' : 'has no start_date, so the era cannot be placed';
    return { ok: false, problems: [{ path: at('start_date'), message }] };
  }
  const start = edtfOfSlideDate(slide.start_date, 'start_date', at);
  if (!start.ok) return { ok: false, problems: [start.problem] };
  if (!isObject(slide.end_date) || Object.values(slide.end_date).every((v) => str(v).trim() === '')) return { ok: true, edtf: start.edtf };
  const end = edtfOfSlideDate(slide.end_date, 'end_date', at);
  if (!end.ok && intPart(slide.end_date.year) === null) {
    notes.push({ path: at('end_date.year'), message: 'the end date has no year, so only the start date is used' });
    return { ok: true, edtf: start.edtf };
  }
  if (!end.ok) return { ok: false, problems: [end.problem] };
  if (end.edtf === start.edtf) return { ok: true, edtf: start.edtf };
  const interval = `${start.edtf}/${end.edtf}`;
  const parsed = parseEventDate(interval);
  if (!parsed.ok) return { ok: false, problems: [{ path: at('end_date'), message: parsed.message }] };
  return { ok: true, edtf: interval };
}

/** A `<blockquote>` given as media: its words and its `<cite>`, as plain text. */
export function blockquoteOf(url: string): { quote: string; cite: string } | null {
  if (!/^\s*<blockquote\b/i.test(url)) return null;
  const cites = [...url.matchAll(/<cite\b[^>]*>([\s\S]*?)<\/cite\s*>/gi)].map((m) => htmlToText(m[1] ?? ''));
  const quote = htmlToText(url.replace(/<cite\b[^>]*>[\s\S]*?<\/cite\s*>/gi, ' ')).replace(/\n/g, ' ');
  return quote ? { quote, cite: cites.join('; ') } : null;
}

/** Problems that name the slide by its headline, so a reader knows which one was left out. */
export function withHeadline(label: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, message: `“${label}” ${p.message}` }));
}

/** Adds one slide to the dataset as an event, or records why it cannot be one. */
export function addSlide(builder: DatasetBuilder, slide: Slide, at: Locate, path: string, fallbackLabel: string, mediaLeftOut: Problem[]): void {
  const text = isObject(slide.text) ? slide.text : {};
  const headline = htmlToText(str(text.headline));
  const body = htmlToText(str(text.text));
  const label = headline || body.slice(0, 80) || fallbackLabel;
  const date = slideDate(slide, at, builder.problems);
  if (!date.ok) {
    builder.skip(path, label, withHeadline(label, date.problems));
    return;
  }
  const { title, cut } = shortTitle(headline || body || 'Untitled event');
  if (cut) builder.problems.push({ path: at('headline'), message: 'is longer than 120 characters: shortened for the title, kept whole in the summary' });
  const summary = [cut ? headline : '', body].filter(Boolean).join('\n') || title;

  const wantedId = str(slide.unique_id).trim();
  const id = builder.eventIds.take(wantedId || headline, `event-${fallbackLabel}`);
  if (wantedId && id !== wantedId) {
    builder.problems.push({ path: at('unique_id'), message: `${JSON.stringify(wantedId)} is used as the id "${id}" (ids are lowercase slugs, each used once)` });
  }

  const media = isObject(slide.media) ? slide.media : {};
  const mediaUrl = str(media.url);
  const quoted = blockquoteOf(mediaUrl);
  const excerpts: { source: string; quote: string }[] = [];
  if (quoted) {
    const credit = htmlToText(str(media.credit)).replace(/\n/g, ' ') || quoted.cite;
    const fileName = builder.file ? ` “${builder.file}”` : '';
    const source = builder.quotationSource(
      `quote:${id}`,
      `quote-${id}`,
      () => ({ title: `Quotation as given in the TimelineJS file${fileName}, ${credit ? `credited to ${credit}` : 'uncredited'}`, outlet: credit || 'Uncredited' }),
      quoted.quote,
    );
    excerpts.push({ source, quote: quoted.quote });
  } else if (mediaUrl.trim() !== '') {
    mediaLeftOut.push({ path: at('media'), message: `${label}: media (${shortUrl(mediaUrl)}) is not shown; this timeline shows text and quotations only` });
  }

  const display = str(slide.display_date).trim() || displayOf(slide.start_date, slide.end_date);
  builder.events.push({
    id,
    title,
    summary,
    date: date.edtf,
    ...(display
      ? { dateBasis: { quote: display, explanation: `The date as the ${builder.format === 'timelinejs-csv' ? 'spreadsheet' : 'TimelineJS file'} displays it; placed by its date fields as ${date.edtf}.` } }
      : {}),
    actors: [builder.actor(htmlToText(str(slide.group)))],
    attribution: { kind: 'publication', detail: `The imported ${builder.format === 'timelinejs-csv' ? 'TimelineJS spreadsheet' : 'TimelineJS file'}${builder.file ? ` “${builder.file}”` : ''}` },
    excerpts,
  });
}

function displayOf(start: unknown, end: unknown): string {
  const of = (d: unknown) => (isObject(d) ? htmlToText(str(d.display_date)) : '');
  return [of(start), of(end)].filter(Boolean).join(' – ');
}

const shortUrl = (url: string) => (url.length > 60 ? `${url.slice(0, 59)}…` : url);

/** Adds an era as a labelled background period, or records why it cannot be one. */
export function addEra(builder: DatasetBuilder, era: Slide, at: Locate, path: string, index: number): void {
  const text = isObject(era.text) ? era.text : {};
  const label = htmlToText(str(text.headline)).replace(/\n/g, ' ') || `Era ${index + 1}`;
  const date = slideDate(era, at, builder.problems, 'era');
  if (!date.ok) {
    builder.skip(path, `Era: ${label}`, withHeadline(label, date.problems));
    return;
  }
  builder.periods.push({ id: builder.periodIds.take(label, `era-${index + 1}`), label, date: date.edtf });
}

/** Media that could not be shown, as one entry in the list of what was left out. */
export function reportMedia(builder: DatasetBuilder, mediaLeftOut: Problem[]): void {
  if (mediaLeftOut.length === 0) return;
  builder.skip('media', `Media of ${mediaLeftOut.length} ${mediaLeftOut.length === 1 ? 'event' : 'events'} (images, video, maps, links)`, mediaLeftOut);
}

const JSON_FIELDS: Record<string, PathSegment[]> = {
  headline: ['text', 'headline'],
  text: ['text', 'text'],
  media: ['media', 'url'],
  credit: ['media', 'credit'],
};

function jsonLocator(base: PathSegment[]): Locate {
  return (field) => formatPath([...base, ...(JSON_FIELDS[field] ?? field.split('.'))]);
}

/** Converts a parsed TimelineJS3 JSON object. */
export function convertTimelineJs(value: unknown, file?: string): ImportResult {
  const builder = new DatasetBuilder('timelinejs-json', file);
  if (!isObject(value) || !Array.isArray(value.events)) {
    builder.problems.push({ path: '(root)', message: 'a TimelineJS file is a JSON object with an "events" array' });
    return { format: builder.format, dataset: null, problems: builder.problems, skipped: [] };
  }
  const mediaLeftOut: Problem[] = [];
  value.events.forEach((event, i) => {
    const base: PathSegment[] = ['events', i];
    if (!isObject(event)) {
      builder.skip(formatPath(base), formatPath(base), [{ path: formatPath(base), message: 'an event must be an object' }]);
      return;
    }
    addSlide(builder, event as Slide, jsonLocator(base), formatPath(base), `${i + 1}`, mediaLeftOut);
  });
  if (Array.isArray(value.eras)) {
    value.eras.forEach((era, i) => {
      const base: PathSegment[] = ['eras', i];
      if (!isObject(era)) builder.skip(formatPath(base), `Era ${i + 1}`, [{ path: formatPath(base), message: 'an era must be an object' }]);
      else addEra(builder, era as Slide, jsonLocator(base), formatPath(base), i);
    });
  }
  reportMedia(builder, mediaLeftOut);
  const titleText = isObject(value.title) && isObject(value.title.text) ? value.title.text : {};
  return builder.result(titleOf(titleText.headline, file), htmlToText(str(titleText.text)) || undefined);
}

/** The dataset's title: the title slide's headline, else the file's name. */
export function titleOf(headline: unknown, file: string | undefined): string {
  return shortTitle(htmlToText(str(headline)) || baseName(file) || 'Imported timeline').title;
}

export { str as textOf };
