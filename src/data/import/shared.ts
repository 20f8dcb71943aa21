// What every importer shares: ids made from names, actors from groups, plain text from HTML, and the
// honest sources for quotations we cannot check against an original.
import { Tokenizer } from 'htmlparser2';
import transliterate from '@sindresorhus/transliterate';
import type { Actor, ImportFormat, ImportedDatasetRecord, ImportedEventRecord, ImportedSource, PeriodRecord } from '../schema';
import type { RejectedItem } from '../model';
import type { Problem } from '../problems';

export { formatName } from './formatName';

/** A converter's answer: a dataset in our format (null when nothing could be read) and what it could not use. */
export interface ImportResult {
  format: ImportFormat;
  dataset: ImportedDatasetRecord | null;
  /** Every problem, located in the input: a JSON path, or `row N, column "X"`. */
  problems: Problem[];
  /** What was left out, each with its headline and why (TimelineJS would skip some of these without a word). */
  skipped: RejectedItem[];
}

export const MAX_TITLE = 120;

const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A lowercase slug of a name ("Rózsa Péter" → "rozsa-peter", "Україна" → "ukrayina"), other scripts
 * transliterated to Latin; empty when nothing of it is a letter or digit even then.
 */
export function slugify(text: string): string {
  // Already a slug (an id a file gives, as our CSV export writes them): the same slug, without transliterating a million ids.
  if (text.length <= 60 && ALREADY_SLUG.test(text)) return text;
  return transliterate(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** Hands out slugs, each once: a second "Battle" becomes "battle-2", in time linear in the ids handed out. */
export class UniqueIds {
  private readonly used = new Set<string>();
  /** Per base, the first suffix not yet tried: a thousandth "Battle" does not count up through 999 taken ids. */
  private readonly nextSuffix = new Map<string, number>();
  take(wanted: string, fallback: string): string {
    const base = slugify(wanted) || slugify(fallback) || 'item';
    let id = base;
    if (this.used.has(id)) {
      let n = this.nextSuffix.get(base) ?? 2;
      // Skips only suffixed ids taken in their own right (a headline "Battle 3"), each at most once per base.
      while (this.used.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.nextSuffix.set(base, n + 1);
    }
    this.used.add(id);
    return id;
  }
}

/** Elements whose end (or, for br, whose start) ends a line of text. */
const BLOCKS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'ul', 'ol', 'table', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'dt', 'dd', 'pre']);
/** Elements whose content is not text for a reader: dropped, even when never closed. */
const HIDDEN = new Set(['script', 'style', 'template']);
const CELLS = new Set(['td', 'th']);

/**
 * Plain text from the HTML TimelineJS allows in its text fields, read by a real HTML tokenizer
 * (htmlparser2's) in one pass: tags dropped (a `>` inside a quoted attribute included), entities decoded,
 * block ends kept as line breaks, table cells kept apart, an image's alt text kept, script and style
 * content dropped even when never closed. The tokenizer keeps no stack of open elements, so thousands of
 * unclosed tags cost no more than thousands of closed ones. The result is shown as text, never as HTML.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return tidyLines(html);
  const parts: string[] = [];
  let hidden = 0;
  let tag = '';
  let attribute = '';
  let value = '';
  let alt = '';
  const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
  const opened = () => {
    if (HIDDEN.has(tag)) hidden++;
    else if (hidden > 0) return;
    else if (tag === 'br') parts.push('\n');
    else if (CELLS.has(tag)) parts.push(' ');
    else if (tag === 'img' && alt) parts.push(` ${alt} `);
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = name(start, end);
        alt = '';
      },
      onattribname(start, end) {
        attribute = name(start, end);
        value = '';
      },
      onattribdata(start, end) {
        value += html.slice(start, end);
      },
      onattribentity(codePoint) {
        value += String.fromCodePoint(codePoint);
      },
      onattribend() {
        if (tag === 'img' && attribute === 'alt') alt = value;
      },
      onopentagend: opened,
      onselfclosingtag: opened,
      onclosetag(start, end) {
        const closed = name(start, end);
        if (HIDDEN.has(closed)) hidden = Math.max(0, hidden - 1);
        else if (hidden === 0 && BLOCKS.has(closed)) parts.push('\n');
        else if (hidden === 0 && CELLS.has(closed)) parts.push(' ');
      },
      ontext(start, end) {
        if (hidden === 0) parts.push(html.slice(start, end));
      },
      ontextentity(codePoint) {
        if (hidden === 0) parts.push(String.fromCodePoint(codePoint));
      },
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return tidyLines(parts.join(''));
}

/** Runs of white space as one space, each line trimmed, empty lines gone. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A title of at most MAX_TITLE characters, cut at a word where it must be cut. */
export function shortTitle(text: string): { title: string; cut: boolean } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_TITLE) return { title: flat, cut: false };
  const room = flat.slice(0, MAX_TITLE - 1);
  const space = room.lastIndexOf(' ');
  return { title: `${(space > MAX_TITLE / 2 ? room.slice(0, space) : room).trimEnd()}…`, cut: true };
}

/**
 * Lane colours for imported groups: each pair keeps 3:1 contrast with both themes' backgrounds (a unit
 * test checks them), in an order that keeps neighbouring lanes apart.
 */
export const GROUP_PALETTE: readonly Actor['color'][] = [
  { light: '#2b5c9e', dark: '#6f9fdc' },
  { light: '#a83b32', dark: '#e58a7f' },
  { light: '#3f7a34', dark: '#86c47a' },
  { light: '#7a4a8a', dark: '#c49ad4' },
  { light: '#8a6a00', dark: '#d8b545' },
  { light: '#1e7470', dark: '#5cbdb6' },
  { light: '#4b4fa0', dark: '#9a9de6' },
  { light: '#6e5a4a', dark: '#c4ae9a' },
];
/** The lane of events that name no group: grey, so that it reads as "none" rather than as one more group. */
export const UNGROUPED_COLOR: Actor['color'] = { light: '#55606e', dark: '#a3afbd' };
export const UNGROUPED = 'Ungrouped';

/** Collects the records of an imported dataset: actors by name, unique event ids, quotation sources. */
export class DatasetBuilder {
  readonly eventIds = new UniqueIds();
  readonly periodIds = new UniqueIds();
  private readonly actorIds = new UniqueIds();
  private readonly sourceIds = new UniqueIds();
  private readonly actorsByName = new Map<string, Actor>();
  private readonly sourcesByKey = new Map<string, ImportedSource>();
  /** Each source's quotations so far, each once. */
  private readonly quotesBySource = new Map<string, Set<string>>();
  readonly events: ImportedEventRecord[] = [];
  readonly periods: PeriodRecord[] = [];
  readonly problems: Problem[] = [];
  readonly skipped: RejectedItem[] = [];

  constructor(
    readonly format: ImportFormat,
    readonly file?: string,
  ) {}

  /** The id of the actor named `name` (a TimelineJS group), made on first use; no name → "Ungrouped". */
  actor(name: string | undefined): string {
    const key = name?.trim() || UNGROUPED;
    let actor = this.actorsByName.get(key.toLowerCase());
    if (!actor) {
      const grouped = [...this.actorsByName.values()].filter((a) => a.name !== UNGROUPED).length;
      const color = key === UNGROUPED ? UNGROUPED_COLOR : (GROUP_PALETTE[grouped % GROUP_PALETTE.length] as Actor['color']);
      actor = { id: this.actorIds.take(key, 'group'), name: key, kind: 'organization', color };
      this.actorsByName.set(key.toLowerCase(), actor);
    }
    return actor.id;
  }

  /**
   * A source holding quotations exactly as the imported file gives them, one per `key`; its title says so,
   * since we have no original text to check them against.
   */
  quotationSource(key: string, idHint: string, make: () => Omit<ImportedSource, 'id' | 'paragraphs'>, quote: string): string {
    let source = this.sourcesByKey.get(key);
    let quotes = this.quotesBySource.get(key);
    if (!source || !quotes) {
      source = { ...make(), id: this.sourceIds.take(idHint, 'source'), paragraphs: [] };
      quotes = new Set();
      this.sourcesByKey.set(key, source);
      this.quotesBySource.set(key, quotes);
    }
    // Looked up, not searched for: a spreadsheet of 100,000 rows may quote one source in every row.
    if (!quotes.has(quote)) {
      quotes.add(quote);
      source.paragraphs.push({ text: quote, kind: 'body' });
    }
    return source.id;
  }

  /** Records something left out, with its label and every reason. */
  skip(path: string, label: string, problems: Problem[]): void {
    this.problems.push(...problems);
    this.skipped.push({ path, label, problems });
  }

  result(title: string, description: string | undefined): ImportResult {
    const actors = [...this.actorsByName.values()];
    const dataset: ImportedDatasetRecord = {
      title,
      ...(description ? { description } : {}),
      origin: { format: this.format, ...(this.file ? { file: this.file } : {}) },
      ...(this.periods.length > 0 ? { periods: this.periods } : {}),
      sources: [...this.sourcesByKey.values()],
      actors,
      events: this.events,
    };
    return { format: this.format, dataset, problems: this.problems, skipped: this.skipped };
  }
}

/** The file's name without its folder or extension, for a title when the file gives none. */
export function baseName(file: string | undefined): string | null {
  if (!file) return null;
  const name = file.split(/[\\/]/).pop() ?? '';
  // A compressed file's name has two extensions: "events.csv.gz" is "events".
  const stem = name.replace(/\.gz$/i, '').replace(/\.[a-z0-9]+$/i, '');
  return stem.trim() || null;
}
