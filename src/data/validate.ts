import * as z from 'zod/mini';
import {
  actorSchema,
  datasetSchema,
  eventSchema,
  importedEventSchema,
  importedSourceSchema,
  periodSchema,
  sourceSchema,
  type Actor,
  type Excerpt,
  type ImportedEventRecord,
  type ImportedSource,
  type Paragraph,
  openingViewSchema,
  type OpeningViewRecord,
  type PeriodRecord,
} from './schema';
import { parseEventDate, type ParsedDate } from './edtfDate';
import { contrastRatio, MIN_GRAPHIC_CONTRAST, THEME_SURFACES } from './contrast';
import { formatPath, type PathSegment, type Problem } from './problems';
import { plainErrorMap, zodProblems } from './zodProblems';
import { findVerbatim, normalizeForMatch } from './textMatch';
import { quickCheck, type QuickCheck } from './quickCheck';
import { IdIndex } from './idIndex';
import { compareEventOrder, type Dataset, type DatasetSource, type ExcerptPlace, placeExcerpt, type RejectedItem, type TimelineEvent, type TimelinePeriod, type ValidationResult } from './model';

// Records are checked one by one so that one bad event does not take the others down with it.
// An imported dataset (with `origin`) may have no sources at all, so that count is checked below.
const topLevelSchema = z.extend(datasetSchema, {
  periods: z.optional(z.array(z.unknown())),
  // A wrong opening view is reported and left out; the dataset still opens, on everything.
  view: z.optional(z.unknown()),
  sources: z.array(z.unknown()),
  actors: z.array(z.unknown()),
  events: z.array(z.unknown()),
});
const NO_SOURCES = 'a dataset needs at least one source';

interface PreparedSource {
  source: ImportedSource;
  /** Each paragraph's text normalized for matching (white space and quotes folded). */
  exact: string[];
  /** The same, case-folded, made only if a date basis is not in the paragraph looked in first (see `locate`). */
  readonly folded: string[];
  /** Long paragraphs case-folded, by index, as date words were looked for in them (see `foldedParagraph`). */
  foldedLong: Map<number, string>;
  /** Paragraph index by its whole normalized text: an excerpt that quotes a whole paragraph is found at once. */
  whole: Map<string, number>;
  /** Where the last quote was found: datasets tend to follow their source, so the next search starts there. */
  cursor: number;
}

function labelOf(record: unknown, fallback: string): string {
  if (record && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    if (typeof r.title === 'string' && r.title) return r.title;
    if (typeof r.name === 'string' && r.name) return r.name;
    if (typeof r.id === 'string' && r.id) return r.id;
  }
  return fallback;
}

class DuplicateIds {
  // Where each id was first used, as the record's index: paths are formatted only for the rare duplicate, and
  // a large dataset's million ids do not each keep an array.
  private readonly firstIndex = new Map<string, number>();
  constructor(private readonly kind: PathSegment) {}
  check(id: string, index: number): Problem | null {
    const first = this.firstIndex.get(id);
    if (first !== undefined) return { path: formatPath([this.kind, index, 'id']), message: `duplicate id "${id}" (first used at ${formatPath([this.kind, first, 'id'])})` };
    this.firstIndex.set(id, index);
    return null;
  }
}

/** Checks records of one kind, one at a time as they come, against their schema and duplicate ids; keeps the ones that pass. */
class RecordChecks<T extends { id: string }> {
  private readonly ids: DuplicateIds;
  /** The records that passed, and where each stood (kept as numbers: a million events' paths are a million arrays). */
  readonly records: T[] = [];
  private readonly indexes: number[] = [];

  constructor(
    private readonly kind: 'sources' | 'actors' | 'events' | 'periods',
    private readonly schema: z.ZodMiniType<T>,
    private readonly extraChecks: (record: T, path: PathSegment[]) => Problem[],
    private readonly rejected: RejectedItem[],
    private readonly problems: Problem[],
    /** Given for records made for this check alone (parsed from a file): one that passes is kept as it is. */
    private readonly quick: QuickCheck | null = null,
  ) {
    this.ids = new DuplicateIds(kind);
  }

  /** Checks one record; returns it if it passed. */
  check(raw: unknown, index: number): T | null {
    const path: PathSegment[] = [this.kind, index];
    // zod copies a record that passes, and says what is wrong with one that does not.
    const parsed = this.quick?.(raw) ? { success: true as const, data: raw as T } : this.schema.safeParse(raw, { error: plainErrorMap });
    let found: Problem[];
    if (!parsed.success) {
      found = zodProblems(parsed.error, path);
    } else {
      const duplicate = this.ids.check(parsed.data.id, index);
      const extra = this.extraChecks(parsed.data, path);
      found = duplicate ? [duplicate, ...extra] : extra;
    }
    if (found.length > 0) {
      this.problems.push(...found);
      this.rejected.push({ path: formatPath(path), label: labelOf(raw, formatPath(path)), problems: found });
      return null;
    }
    if (!parsed.success) return null;
    this.records.push(parsed.data);
    this.indexes.push(index);
    return parsed.data;
  }

  /** The records that passed, with their paths. */
  get accepted(): { record: T; path: PathSegment[] }[] {
    return this.records.map((record, i) => ({ record, path: [this.kind, this.indexes[i] as number] }));
  }
}

/** Checks records of one kind against their schema and duplicate ids; returns the ones that pass. */
function checkRecords<T extends { id: string }>(
  records: readonly unknown[],
  kind: 'sources' | 'actors' | 'periods',
  schema: z.ZodMiniType<T>,
  extraChecks: (record: T, path: PathSegment[]) => Problem[],
  rejected: RejectedItem[],
  problems: Problem[],
  onProgress?: ValidationProgress,
  quick: QuickCheck | null = null,
): { record: T; path: PathSegment[] }[] {
  const checks = new RecordChecks(kind, schema, extraChecks, rejected, problems, quick);
  records.forEach((raw, index) => {
    if (onProgress && index % SOURCES_PROGRESS_EVERY === 0) onProgress(index, records.length);
    checks.check(raw, index);
  });
  onProgress?.(records.length, records.length);
  return checks.accepted;
}

/** Sources hold dozens of paragraphs each: progress is said every this many. */
const SOURCES_PROGRESS_EVERY = 50;

function checkSource(source: ImportedSource, path: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['published', 'updated'] as const) {
    const value = source[field];
    if (value === undefined) continue;
    const parsed = parseEventDate(value);
    if (!parsed.ok) problems.push({ path: formatPath([...path, field]), message: parsed.message });
  }
  return problems;
}

function checkActorColors(actor: Actor, path: PathSegment[]): Problem[] {
  const problems: Problem[] = [];
  for (const theme of ['light', 'dark'] as const) {
    for (const surface of THEME_SURFACES[theme]) {
      const ratio = contrastRatio(actor.color[theme], surface);
      if (ratio < MIN_GRAPHIC_CONTRAST) {
        problems.push({
          path: formatPath([...path, 'color', theme]),
          message: `contrast ${ratio.toFixed(2)}:1 against the ${theme} background ${surface} is below ${MIN_GRAPHIC_CONTRAST}:1`,
        });
        break;
      }
    }
  }
  return problems;
}

function checkMembership(
  actor: Actor,
  path: PathSegment[],
  byId: ReadonlyMap<string, Actor>,
  unknownActor: (id: string, usable: ReadonlyMap<string, unknown>) => string,
): Problem[] {
  if (actor.memberOf === undefined) return [];
  const at = formatPath([...path, 'memberOf']);
  if (actor.kind === 'state' || actor.kind === 'alliance') {
    return [{ path: at, message: `only people and organizations belong to a state; "${actor.id}" is ${article(actor.kind)}` }];
  }
  const parent = byId.get(actor.memberOf);
  if (!parent) return [{ path: at, message: unknownActor(actor.memberOf, byId) }];
  if (parent.kind !== 'state' && parent.kind !== 'alliance') {
    return [{ path: at, message: `"${actor.memberOf}" is ${article(parent.kind)}; memberOf must name a state or alliance` }];
  }
  return [];
}

function checkPeriod(period: PeriodRecord, path: PathSegment[]): Problem[] {
  const when = parseEventDate(period.date);
  return when.ok ? [] : [{ path: formatPath([...path, 'date']), message: when.message }];
}

/** The dataset's opening view; a part that cannot be used is reported and left out, the rest kept. */
function checkOpeningView(input: unknown, eventIds: ReadonlySet<string>, problems: Problem[]): { view: OpeningViewRecord; window?: { start: number; end: number } } | undefined {
  const parsed = openingViewSchema.safeParse(input, { error: plainErrorMap });
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, ['view']));
    return undefined;
  }
  const view: OpeningViewRecord = {};
  let window: { start: number; end: number } | undefined;
  if (parsed.data.window !== undefined) {
    const when = parseEventDate(parsed.data.window);
    if (!when.ok) problems.push({ path: formatPath(['view', 'window']), message: when.message });
    else if (when.date.end <= when.date.start) problems.push({ path: formatPath(['view', 'window']), message: 'the opening window must be an interval with an end after its start, like "2024-10-25/2024-11-21"' });
    else {
      view.window = parsed.data.window;
      window = { start: when.date.start, end: when.date.end };
    }
  }
  if (parsed.data.event !== undefined) {
    if (eventIds.has(parsed.data.event)) view.event = parsed.data.event;
    else problems.push({ path: formatPath(['view', 'event']), message: `"${parsed.data.event}" is not the id of an event in this dataset (or the event was left out)` });
  }
  return view.window !== undefined || view.event !== undefined ? { view, ...(window ? { window } : {}) } : undefined;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function prepareSource(source: ImportedSource): PreparedSource {
  const exact = source.paragraphs.map((p) => normalizeForMatch(p.text, false, false).text);
  const whole = new Map<string, number>();
  exact.forEach((text, i) => {
    if (!whole.has(text)) whole.set(text, i);
  });
  let folded: string[] | null = null;
  return {
    source,
    exact,
    get folded() {
      folded ??= source.paragraphs.map((p) => normalizeForMatch(p.text, true, false).text);
      return folded;
    },
    foldedLong: new Map(),
    whole,
    cursor: 0,
  };
}

/** Paragraphs shorter than this are case-folded each time they are looked in, not kept folded. */
const FOLDED_ON_THE_FLY = 1_000;

/**
 * A paragraph's text case-folded for finding date words. A short one is folded again each time (its cost
 * bounded, and nothing kept); a long one, which many events may quote, is folded once and kept.
 */
function foldedParagraph(prepared: PreparedSource, index: number): string {
  const text = (prepared.source.paragraphs[index] as Paragraph).text;
  if (text.length < FOLDED_ON_THE_FLY) return normalizeForMatch(text, true, false).text;
  let kept = prepared.foldedLong.get(index);
  if (kept === undefined) prepared.foldedLong.set(index, (kept = normalizeForMatch(text, true, false).text));
  return kept;
}

/** The paragraph holding a quote, searching from `from` onwards and then from the start. */
function findParagraph(paragraphs: readonly string[], needle: string, from: number): number {
  const n = paragraphs.length;
  for (let k = 0; k < n; k++) {
    const i = (from + k) % n;
    if ((paragraphs[i] as string).includes(needle)) return i;
  }
  return -1;
}

/** Where a quote stands in a source, verbatim after folding white space and quotes (and case, for date words). */
function locate(prepared: PreparedSource, quote: string, foldCase: boolean, from = prepared.cursor): ExcerptPlace | null {
  const needle = normalizeForMatch(quote, foldCase, false).text;
  if (needle === '') return null;
  // Date words stand most often in the paragraph looked in first (their event's excerpt's): that one is folded
  // alone, and the whole source only when they are not there. Every paragraph of every source folded and
  // kept was a second copy of their text (about 120 MB of the worker's heap at a million events).
  if (foldCase && from < prepared.source.paragraphs.length && foldedParagraph(prepared, from).includes(needle)) return { paragraph: from, start: 0, end: 0 };
  const paragraph = (!foldCase ? prepared.whole.get(needle) : undefined) ?? findParagraph(foldCase ? prepared.folded : prepared.exact, needle, from);
  if (paragraph < 0) return null;
  if (!foldCase) prepared.cursor = paragraph;
  // Date words only need to be there; excerpts need their offsets, worked out for the one paragraph that holds them.
  if (foldCase) return { paragraph, start: 0, end: 0 };
  const range = findVerbatim((prepared.source.paragraphs[paragraph] as Paragraph).text, quote);
  return range ? { paragraph, start: range.start, end: range.end } : null;
}

const isComplete = (event: ImportedEventRecord): event is TimelineEvent => 'when' in event;

/** Heads the account of a dataset whose every event was left out. */
export function noUsableEvents(given: number): Problem {
  return { path: 'events', message: given === 1 ? 'the only event is not usable; its problems follow' : `none of the ${given.toLocaleString('en-US')} events is usable; the problems of each follow` };
}

/** Distinct event dates remembered (beyond this, dates whose every event differs would cost more than they save). */
const MAX_SHARED_DATES = 50_000;

/** Told how many events have been checked so far, of how many. */
export type ValidationProgress = (checked: number, total: number) => void;
const PROGRESS_EVERY = 2000;

interface EventContext {
  /** A source made ready for finding quotes in it, by its id (undefined if there is no such source). */
  prepared: (id: string) => PreparedSource | undefined;
  /** An event's date parsed: events that give the same date share one parse and one EventDate. */
  parseDate: (text: string) => ParsedDate;
  actorsById: ReadonlyMap<string, Actor>;
  imported: boolean;
  unknownActor: (id: string, usable: ReadonlyMap<string, unknown>) => string;
}

/** An event's actors above this many are checked for repeats with a set; fewer, by looking back along the list. */
const FEW_ACTORS = 8;
/** Likewise for the sources an event's excerpts quote. */
const FEW_EXCERPTS = 8;

/** The quick form of each record schema, made on first use. */
const quickChecks = new Map<z.ZodMiniType, QuickCheck | null>();
function quickFor(schema: z.ZodMiniType): QuickCheck | null {
  if (!quickChecks.has(schema)) quickChecks.set(schema, quickCheck(schema));
  return quickChecks.get(schema) ?? null;
}

/**
 * An event's checks beyond its schema: its date, its actors and its excerpts found verbatim. An event that
 * passes gets its date and its excerpts' places in place (it is zod's copy, or a record parsed for this check
 * alone), so a million events are not copied again; a duplicate id can still leave it out. Plain loops, and
 * no closure or set for a short list: it runs for each of a million events.
 */
function checkEvent(event: ImportedEventRecord, path: PathSegment[], { prepared, parseDate, actorsById, imported, unknownActor }: EventContext): Problem[] {
  const found: Problem[] = [];
  const date = parseDate(event.date);
  if (!date.ok) found.push({ path: pathTo(path, 'date'), message: date.message });
  const actors = event.actors;
  const seenActors = actors.length > FEW_ACTORS ? new Set<string>() : null;
  for (let i = 0; i < actors.length; i++) {
    const actorId = actors[i] as string;
    if (!actorsById.has(actorId)) {
      found.push({ path: pathTo(path, 'actors', i), message: unknownActor(actorId, actorsById) });
    } else if (seenActors ? seenActors.has(actorId) : actors.indexOf(actorId) < i) {
      found.push({ path: pathTo(path, 'actors', i), message: `actor "${actorId}" is listed twice` });
    }
    seenActors?.add(actorId);
  }
  const places: ExcerptPlace[] = [];
  const excerpts = event.excerpts;
  for (let i = 0; i < excerpts.length; i++) {
    const excerpt = excerpts[i] as (typeof excerpts)[number];
    const source = prepared(excerpt.source);
    if (!source) {
      found.push({ path: pathTo(path, 'excerpts', i, 'source'), message: `unknown source "${excerpt.source}"` });
      continue;
    }
    const place = locate(source, excerpt.quote, false);
    if (!place) {
      found.push({ path: pathTo(path, 'excerpts', i, 'quote'), message: `not found verbatim in source "${excerpt.source}"` });
    } else {
      places.push(place);
    }
  }
  // An imported date note (TimelineJS's display_date) is the file's own words, not the quotation's.
  const basis = imported ? undefined : event.dateBasis;
  if (basis) {
    const eventSources = excerptSources(excerpts, prepared);
    // Date words usually stand in the paragraph of the event's first excerpt: start looking there.
    const near = places[0]?.paragraph;
    if (eventSources.length > 0 && !eventSources.some((s) => locate(s, basis.quote, true, s.source.id === excerpts[0]?.source ? near : 0))) {
      const names = eventSources.map((s) => `"${s.source.id}"`).join(', ');
      found.push({ path: pathTo(path, 'dateBasis', 'quote'), message: `not found in the event's source ${names}; quote the words that fixed the date` });
    }
  }
  if (found.length === 0 && date.ok) {
    const checked = event as ImportedEventRecord & Pick<TimelineEvent, 'when'>;
    checked.when = date.date;
    for (let i = 0; i < excerpts.length; i++) {
      const { paragraph, start, end } = places[i] as ExcerptPlace;
      excerpts[i] = placeExcerpt(excerpts[i] as Excerpt, paragraph, start, end);
    }
  }
  return found;
}

const pathTo = (path: readonly PathSegment[], ...rest: PathSegment[]) => formatPath([...path, ...rest]);

/** The known sources an event's excerpts quote, each once, in the order first quoted. */
function excerptSources(excerpts: readonly { source: string }[], prepared: (id: string) => PreparedSource | undefined): PreparedSource[] {
  if (excerpts.length > FEW_EXCERPTS) return [...new Set(excerpts.map((e) => e.source))].flatMap((id) => prepared(id) ?? []);
  const found: PreparedSource[] = [];
  for (const { source } of excerpts) {
    const ready = prepared(source);
    if (ready && !found.includes(ready)) found.push(ready);
  }
  return found;
}

type TopLevel = z.infer<typeof topLevelSchema>;

/** The top level of a dataset, checked for its shape, or the result that says why it is not a dataset. */
function checkTopLevel(input: unknown): { ok: true; top: TopLevel } | { ok: false; result: ValidationResult } {
  const top = topLevelSchema.safeParse(input, { error: plainErrorMap });
  if (top.success) return { ok: true, top: top.data };
  const problems =
    input === null || typeof input !== 'object' || Array.isArray(input)
      ? [{ path: '(root)', message: 'a dataset must be a JSON object with "title", "sources", "actors" and "events"' }]
      : zodProblems(top.error);
  return { ok: false, result: { dataset: null, problems, rejected: [] } };
}

/**
 * A dataset's checks, begun on what its events depend on (whether it is imported, its sources and actors),
 * then given its events one at a time: all at once from a parsed file, or as they arrive from a download
 * (data/readDatasetStream.ts), so that checking keeps pace with a slow link. `finish` completes the rest.
 */
export class DatasetChecks {
  private readonly events: RecordChecks<ImportedEventRecord>;
  /** The usable sources by id: what events quote, and the dataset's own map in the end. */
  private readonly sourcesById: Map<string, DatasetSource>;
  private count = 0;

  private constructor(
    private readonly sources: DatasetSource[],
    private readonly actors: Actor[],
    private readonly actorsById: Map<string, Actor>,
    private readonly imported: boolean,
    private readonly problems: Problem[],
    private readonly rejected: RejectedItem[],
    unknownActor: (id: string, usable: ReadonlyMap<string, unknown>) => string,
    owned: boolean,
  ) {
    const sourcesById = new Map(sources.map((s) => [s.id, s]));
    this.sourcesById = sourcesById;
    // A source is made ready for quote finding when an event first quotes it: not all at once before the
    // first event (a million events' sources hold a million paragraphs), and never for one nobody quotes.
    const ready = new Map<string, PreparedSource>();
    const prepared = (id: string) => {
      let found = ready.get(id);
      if (found) return found;
      const source = sourcesById.get(id);
      if (!source) return undefined;
      found = prepareSource(source);
      ready.set(id, found);
      return found;
    };
    // A million events give a few thousand distinct dates: each is parsed once, and its events share the result.
    const dates = new Map<string, ParsedDate>();
    const parseDate = (text: string) => {
      let parsed = dates.get(text);
      if (!parsed) {
        parsed = parseEventDate(text);
        if (dates.size < MAX_SHARED_DATES) dates.set(text, parsed);
      }
      return parsed;
    };
    const eventRules: z.ZodMiniType<ImportedEventRecord> = imported ? importedEventSchema : eventSchema;
    const check = (event: ImportedEventRecord, path: PathSegment[]) => checkEvent(event, path, { prepared, parseDate, actorsById, imported, unknownActor });
    this.events = new RecordChecks('events', eventRules, check, rejected, problems, owned ? quickFor(eventRules) : null);
  }

  /**
   * Begins on a dataset's top level (its events are not looked at), or says why it is no dataset at all;
   * `onSources` is told how many sources have been checked (a million events' sources are seconds of work).
   * `owned`: the events were parsed for this check alone (from a file's text), so one that passes may be kept
   * as it is, and given its date and places, rather than copied first.
   */
  static begin(input: unknown, onSources?: ValidationProgress, owned = false): { ok: true; checks: DatasetChecks; top: TopLevel } | { ok: false; result: ValidationResult } {
    const checked = checkTopLevel(input);
    if (!checked.ok) return checked;
    const top = checked.top;
    // An imported dataset keeps what its format has: events without excerpts or date basis, quotations without a date.
    const imported = top.origin !== undefined;
    if (!imported && top.sources.length === 0) return { ok: false, result: { dataset: null, problems: [{ path: 'sources', message: NO_SOURCES }], rejected: [] } };
    const problems: Problem[] = [];
    const rejected: RejectedItem[] = [];

    const sourceRules: z.ZodMiniType<ImportedSource> = imported ? importedSourceSchema : sourceSchema;
    const sources: DatasetSource[] = checkRecords(top.sources, 'sources', sourceRules, checkSource, rejected, problems, onSources, owned ? quickFor(sourceRules) : null).flatMap(({ record }) => {
      if (record.published === undefined) return [record];
      const published = parseEventDate(record.published);
      return published.ok ? [{ ...record, publishedDate: published.date }] : [];
    });

    const actorCandidates = checkRecords(top.actors, 'actors', actorSchema, checkActorColors, rejected, problems);
    const allActors = new Map(actorCandidates.map(({ record }) => [record.id, record]));
    // Ids of every actor given, usable or not, so a reference to a rejected actor says so instead of "unknown".
    const givenActorIds = new Set(top.actors.flatMap((a) => (a && typeof a === 'object' && typeof (a as { id?: unknown }).id === 'string' ? [(a as { id: string }).id] : [])));
    const unknownActor = (id: string, usable: ReadonlyMap<string, unknown>) =>
      `unknown actor "${id}"${!usable.has(id) && givenActorIds.has(id) ? ' (that actor was rejected; see its own problems)' : ''}`;
    const actors: Actor[] = [];
    for (const { record, path } of actorCandidates) {
      const found = checkMembership(record, path, allActors, unknownActor);
      if (found.length > 0) {
        problems.push(...found);
        rejected.push({ path: formatPath(path), label: record.name, problems: found });
      } else {
        actors.push(record);
      }
    }
    const actorsById = new Map(actors.map((a) => [a.id, a]));
    return { ok: true, checks: new DatasetChecks(sources, actors, actorsById, imported, problems, rejected, unknownActor, owned), top };
  }

  /** How many events have been given so far. */
  get given(): number {
    return this.count;
  }

  /** The usable sources, checked when the checks began: the very array the dataset will hold. */
  get checkedSources(): readonly DatasetSource[] {
    return this.sources;
  }

  /** Checks the next event; `index` is its place in the file's events. Returns the event if it passed: the dataset will hold it. */
  checkEvent(raw: unknown, index: number): TimelineEvent | null {
    this.count++;
    const record = this.events.check(raw, index);
    return record && isComplete(record) ? record : null;
  }

  /** The dataset, once every event has been checked, from its whole top level as read to the end. */
  finishWith(input: unknown): ValidationResult {
    const checked = checkTopLevel(input);
    return checked.ok ? this.finish(checked.top) : checked.result;
  }

  /** The dataset, once every event has been checked; `top` is the whole top level, as `begin` was given it or read to the end. */
  finish(top: TopLevel): ValidationResult {
    const { problems, rejected, sources, actors, actorsById, imported } = this;
    const events: TimelineEvent[] = [];
    for (const record of this.events.records) if (isComplete(record)) events.push(record);
    if (sources.length === 0 && !imported) return { dataset: null, problems, rejected };
    // Events were given and none can be shown: that is a dataset with nothing usable, not an empty one.
    if (this.given > 0 && events.length === 0) return { dataset: null, problems: [noUsableEvents(this.given), ...problems], rejected };

    const periods: TimelinePeriod[] = checkRecords(top.periods ?? [], 'periods', periodSchema, checkPeriod, rejected, problems).flatMap(({ record }) => {
      const when = parseEventDate(record.date);
      return when.ok ? [{ ...record, when: when.date }] : [];
    });
    periods.sort((a, b) => a.when.start - b.when.start || a.when.end - b.when.end);

    events.sort((a, b) => compareEventOrder(a.when.start, a.when.end, a.id, b.when.start, b.when.end, b.id));
    const opening = top.view !== undefined ? checkOpeningView(top.view, new Set(events.map((e) => e.id)), problems) : undefined;
    const dataset: Dataset = {
      title: top.title,
      ...(top.description !== undefined ? { description: top.description } : {}),
      ...(top.origin !== undefined ? { origin: top.origin } : {}),
      ...(periods.length > 0 ? { periods } : {}),
      ...(opening ? { view: opening.view } : {}),
      ...(opening?.window ? { openingWindow: opening.window } : {}),
      ...(top.language !== undefined ? { language: top.language } : {}),
      ...(top.translations !== undefined ? { translations: top.translations } : {}),
      sources,
      actors,
      events,
      sourcesById: this.sourcesById,
      actorsById,
      // Read only where a dataset is shown or edited: the index is made when first asked.
      eventsById: new IdIndex(events),
    };
    return { dataset, problems, rejected };
  }
}

/** Validates anything parsed from JSON; never throws. `owned`: as for `DatasetChecks.begin`. */
export function validateDataset(input: unknown, onProgress?: ValidationProgress, owned = false, onChecked?: CheckedListener): ValidationResult {
  const begun = DatasetChecks.begin(input, undefined, owned);
  if (!begun.ok) return begun.result;
  const { checks, top } = begun;
  const events = top.events;
  // Handed on only for records parsed for this check alone: the text of one that passed is the record as given.
  const handing = owned && onChecked ? { batch: new CheckedBatch(checks.checkedSources), to: onChecked } : null;
  events.forEach((raw, index) => {
    if (onProgress && index % PROGRESS_EVERY === 0) onProgress(index, events.length);
    if (!handing) {
      checks.checkEvent(raw, index);
      return;
    }
    // Written out before its check, which gives it its date and its excerpts' places in place.
    const text = JSON.stringify(raw);
    const accepted = checks.checkEvent(raw, index);
    // A record the check had to copy is written out whole: the date and places handed with it replace its own.
    if (accepted) handing.batch.add(accepted, accepted === raw ? text : JSON.stringify(accepted));
    // In batches as they pass, so that the page takes them in while the rest are checked.
    if (handing.batch.size >= HAND_OFF_EVERY) handing.batch.handTo(handing.to);
  });
  handing?.batch.handTo(handing.to);
  onProgress?.(events.length, events.length);
  return checks.finish(top);
}

/**
 * What has been checked so far: the sources (the first time only) and the events that passed since, each
 * with its text: the record as given, without the date and excerpts' places its check added (JSON.parse of
 * the text and the checked event differ in nothing else).
 */
export interface CheckedSoFar {
  sources: readonly DatasetSource[] | null;
  events: readonly TimelineEvent[];
  texts: readonly string[];
}

/** Told what has been checked so far, as the checks go on. */
export type CheckedListener = (checked: CheckedSoFar) => void;

/** Events that passed their checks, each with its text, gathered until handed on; the sources go with the first. */
export class CheckedBatch {
  private events: TimelineEvent[] = [];
  private texts: string[] = [];
  private sourcesHanded = false;

  constructor(private readonly sources: readonly DatasetSource[]) {}

  get size(): number {
    return this.events.length;
  }

  add(event: TimelineEvent, text: string): void {
    this.events.push(event);
    this.texts.push(text);
  }

  /** Hands on what has been gathered since last time, if anything. */
  handTo(to: CheckedListener): void {
    if (this.events.length === 0) return;
    to({ sources: this.sourcesHanded ? null : this.sources, events: this.events, texts: this.texts });
    this.sourcesHanded = true;
    this.events = [];
    this.texts = [];
  }
}

/** Events per batch handed on while checking: a few pieces' worth for the page. */
const HAND_OFF_EVERY = 500;
