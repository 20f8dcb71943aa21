// A seeded synthetic dataset in the app's format: the app's "Load sample", the benchmark and `npm run gen`.
// Pure and deterministic: no Node APIs, no Math.random, no clock, so the bench pages can build the
// very same dataset in the browser that the command line writes to a file.
import type { DatasetRecord } from './schema';
import { hashText } from './hashText';

type Actor = DatasetRecord['actors'][number];
type Source = DatasetRecord['sources'][number];
type Paragraph = Source['paragraphs'][number];
type EventRecord = DatasetRecord['events'][number];
type AttributionKind = EventRecord['attribution']['kind'];

export interface GenerateOptions {
  /** How many events (0 or more). */
  events: number;
  /** Any integer; the same seed always gives the same dataset. Default 1. */
  seed?: number;
  /** Roughly how many events each source (a long dispatch) carries; default 50. */
  eventsPerSource?: number;
  /** First and last calendar year events fall in; default 2014 to 2024. */
  fromYear?: number;
  toYear?: number;
}

/** mulberry32: tiny, fast and good enough for test data; returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Spreads any finite number (negative, huge, fractional) over 32 bits. */
const hashSeed = (seed: number): number => hashText(String(seed));

// ---------------------------------------------------------------------------------------------
// The cast: fictional states, an alliance, people and organizations. Colours are taken from the
// bundled dataset, which keep 3:1 contrast against both themes' backgrounds.

export const BENCH_ACTORS: readonly Actor[] = [
  { id: 'arland', name: 'Arland', kind: 'state', color: { light: '#2b5c9e', dark: '#6f9fdc' } },
  { id: 'borovia', name: 'Borovia', kind: 'state', color: { light: '#a83b32', dark: '#e58a7f' } },
  { id: 'carinth', name: 'Carinth', kind: 'state', color: { light: '#8a6a00', dark: '#d8b545' } },
  { id: 'dravia', name: 'Dravia', kind: 'state', color: { light: '#7a4a8a', dark: '#c49ad4' } },
  { id: 'estmark', name: 'Estmark', kind: 'state', color: { light: '#1e7470', dark: '#5cbdb6' } },
  { id: 'northern-pact', name: 'Northern Pact', kind: 'alliance', color: { light: '#55606e', dark: '#a3afbd' } },
  { id: 'president-halvorsen', name: 'President Halvorsen', kind: 'person', memberOf: 'arland', color: { light: '#1f4a82', dark: '#8db4e6' } },
  { id: 'general-vasko', name: 'General Vasko', kind: 'person', memberOf: 'borovia', color: { light: '#7f2a24', dark: '#f0a79e' } },
  { id: 'minister-orlin', name: 'Minister Orlin', kind: 'person', memberOf: 'carinth', color: { light: '#7a5410', dark: '#ecc96a' } },
  { id: 'envoy-teller', name: 'Envoy Teller', kind: 'person', memberOf: 'northern-pact', color: { light: '#4b4fa0', dark: '#9a9de6' } },
  { id: 'borovian-guard', name: 'Borovian Guard', kind: 'organization', memberOf: 'borovia', color: { light: '#6e5a4a', dark: '#c4ae9a' } },
  { id: 'relief-league', name: 'Relief League', kind: 'organization', color: { light: '#3f7a34', dark: '#86c47a' } },
];

/** How often each actor is an event's first actor. */
const LEAD_WEIGHTS: readonly number[] = [20, 20, 8, 7, 5, 7, 5, 5, 5, 5, 7, 6];

const PLACES = [
  'Velmar', 'Dorin', 'Kessa', 'Tarnholt', 'Brisk', 'Olvana', 'Ridgeport', 'Marrow', 'Salk', 'Ivenko',
  'Lutsa', 'Pell', 'Greyford', 'Hollin', 'Zarek', 'Nyss', 'Eastwick', 'Corran', 'Belt', 'Vashti',
];

/** [past tense for the source, present tense for the title]. */
type Verb = readonly [string, string];
const VERBS_FORCE: readonly Verb[] = [
  ['shelled', 'shells'], ['took', 'takes'], ['struck', 'strikes'], ['withdrew from', 'withdraws from'],
  ['reinforced', 'reinforces'], ['blockaded', 'blockades'], ['cleared mines near', 'clears mines near'],
  ['evacuated', 'evacuates'], ['sent aid to', 'sends aid to'], ['opened talks in', 'opens talks in'],
];
const VERBS_PERSON: readonly Verb[] = [
  ['visited', 'visits'], ['spoke in', 'speaks in'], ['met envoys in', 'meets envoys in'], ['toured', 'tours'], ['signed a decree on', 'signs a decree on'],
];
const VERBS_ALLIANCE: readonly Verb[] = [
  ['sent monitors to', 'sends monitors to'], ['held drills near', 'holds drills near'], ['pledged support for', 'pledges support for'],
];
const VERBS_SPAN: readonly Verb[] = [
  ['fought for', 'fights for'], ['besieged', 'besieges'], ['occupied', 'occupies'], ['held talks in', 'holds talks in'], ['ran convoys to', 'runs convoys to'],
];

const OUTLETS = ['The Northern Wire', 'Carinth Daily', 'Borovian Herald', 'Arland Post', 'Field Report'];
const AUTHORS = ['Mara Lind', 'Tomas Reyes', 'Ada Kovac', 'Jon Feld', 'Iris Noor', 'Paul Sand'];

const ON_RECORD = ['A Borovian army spokesman', 'The Arland foreign ministry', 'Relief League staff', 'A Carinth official'];
const ANONYMOUS = ['Unnamed officials', 'Two people familiar with the matter'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const DAY_MS = 86_400_000;

type Precision = 'day' | 'month' | 'year';

/** A day as a count of days since 1970-01-01 (UTC). */
interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

function dayFromIndex(index: number): Day {
  const date = new Date(index * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function edtfOf(day: Day, precision: Precision): string {
  if (precision === 'year') return String(day.y);
  if (precision === 'month') return `${day.y}-${pad2(day.m)}`;
  return `${day.y}-${pad2(day.m)}-${pad2(day.d)}`;
}

function phraseOf(day: Day, precision: Precision): string {
  if (precision === 'year') return String(day.y);
  const month = `${MONTHS[day.m - 1]} ${day.y}`;
  return precision === 'month' ? month : `${day.d} ${month}`;
}

/** The first day of the period the date names: comparing these keeps interval ends after starts. */
function periodStart(day: Day, precision: Precision): number {
  const m = precision === 'year' ? 0 : day.m - 1;
  const d = precision === 'day' ? day.d : 1;
  return Date.UTC(day.y, m, d) / DAY_MS;
}

function periodEnd(day: Day, precision: Precision): number {
  if (precision === 'year') return Date.UTC(day.y + 1, 0, 1) / DAY_MS;
  if (precision === 'month') return Date.UTC(day.y, day.m, 1) / DAY_MS;
  return Date.UTC(day.y, day.m - 1, day.d) / DAY_MS + 1;
}

interface DateSpec {
  edtf: string;
  /** "On 12 March 2019", capitalised as it opens the paragraph. */
  phrase: string;
  explanation: string;
  kind: 'date' | 'interval';
  startDay: number;
  endDay: number;
}

/** What the generator made, for its summary line and the tests. */
export interface GenerationStats {
  events: number;
  sources: number;
  paragraphs: number;
  actors: number;
  intervals: number;
  precisions: Record<Precision, number>;
  burstDays: number;
}

export interface Generated {
  dataset: DatasetRecord;
  stats: GenerationStats;
}

/** A dataset of `events` events; see generateWithStats for what the mix is. */
export function generateDataset(options: GenerateOptions): DatasetRecord {
  return generateWithStats(options).dataset;
}

/**
 * The mix: ~20% intervals (day, month, year or mixed bounds, 2 days to 2 years long), the rest dates at
 * day (~75%), month (~18%) or year (~7%) precision; dates follow a few campaigns over a background, and
 * about one day in 400 events is a burst day holding dozens of events. Each event has its own paragraph
 * in a source; its excerpt quotes the whole paragraph, its first sentence or its action clause, and its
 * date basis quotes the date words (in lower case, which the validator allows).
 */
export function generateWithStats(options: GenerateOptions): Generated {
  const count = options.events;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`events must be a whole number ≥ 0, got ${count}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const perSource = options.eventsPerSource ?? 50;
  if (!Number.isInteger(perSource) || perSource < 1) throw new RangeError(`eventsPerSource must be a whole number ≥ 1, got ${perSource}`);
  const fromYear = options.fromYear ?? 2014;
  const toYear = options.toYear ?? 2024;
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear < 1000 || toYear > 9998 || toYear - fromYear < 2) {
    throw new RangeError(`years must be whole, four-digit and at least two apart, got ${fromYear} to ${toYear}`);
  }

  const random = createRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => random() < p;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const firstDay = Date.UTC(fromYear, 0, 1) / DAY_MS;
  const lastDay = Date.UTC(toYear, 11, 31) / DAY_MS;
  const daySpan = lastDay - firstDay + 1;
  const clampDay = (d: number) => Math.min(lastDay, Math.max(firstDay, Math.round(d)));

  const campaigns = Array.from({ length: 6 }, () => firstDay + int(daySpan));
  const burstDays = Array.from({ length: Math.max(3, Math.round(count / 400)) }, () => (chance(0.6) ? clampDay(pick(campaigns) + normal() * 60) : firstDay + int(daySpan)));

  const someDay = (allowBurst: boolean): number => {
    const r = random();
    if (allowBurst && r < 0.15) return pick(burstDays);
    if (r < 0.55) return clampDay(pick(campaigns) + normal() * 45);
    return firstDay + int(daySpan);
  };

  const makeDate = (): DateSpec => {
    if (chance(0.2)) {
      // An interval: both bounds at day, month or year precision, or a day start with a month end.
      const r = random();
      const [lowP, highP]: [Precision, Precision] = r < 0.5 ? ['day', 'day'] : r < 0.85 ? ['month', 'month'] : r < 0.9 ? ['year', 'year'] : ['day', 'month'];
      const start = someDay(false);
      const length = Math.round(Math.exp(Math.log(2) + random() * (Math.log(730) - Math.log(2))));
      let low = dayFromIndex(start);
      let high = dayFromIndex(Math.min(lastDay, start + length));
      // The end must name a later period than the start ("2019-03/2019-03" is one date written twice);
      // at the very end of the range, the start moves back a period instead.
      if (periodStart(high, highP) <= periodStart(low, lowP)) {
        // A day start with a month end needs the end in a later month, too.
        const unit = highP === 'month' ? 'month' : lowP;
        const next = periodEnd(low, unit);
        if (next <= lastDay) {
          high = dayFromIndex(next);
        } else {
          high = low;
          low = dayFromIndex(periodStart(low, unit) - 1);
        }
      }
      const from = phraseOf(low, lowP);
      const to = phraseOf(high, highP);
      return {
        edtf: `${edtfOf(low, lowP)}/${edtfOf(high, highP)}`,
        phrase: `From ${from} to ${to}`,
        explanation: 'Both ends are named.',
        kind: 'interval',
        startDay: periodStart(low, lowP),
        endDay: periodEnd(high, highP),
      };
    }
    const r = random();
    const precision: Precision = r < 0.75 ? 'day' : r < 0.93 ? 'month' : 'year';
    const day = dayFromIndex(someDay(precision === 'day'));
    const phrase = phraseOf(day, precision);
    return {
      edtf: edtfOf(day, precision),
      phrase: precision === 'day' ? `On ${phrase}` : `In ${phrase}`,
      explanation: precision === 'day' ? 'The day is named.' : precision === 'month' ? 'Only the month is named.' : 'Only the year is named.',
      kind: 'date',
      startDay: periodStart(day, precision),
      endDay: periodEnd(day, precision),
    };
  };

  const totalWeight = LEAD_WEIGHTS.reduce((a, b) => a + b, 0);
  const leadActor = (): Actor => {
    let r = random() * totalWeight;
    for (let i = 0; i < BENCH_ACTORS.length; i++) {
      r -= LEAD_WEIGHTS[i] as number;
      if (r < 0) return BENCH_ACTORS[i] as Actor;
    }
    return BENCH_ACTORS[0] as Actor;
  };

  // Dates first, in time order, so that each source is a chronicle of one stretch of time.
  const dates: DateSpec[] = Array.from({ length: count }, makeDate);
  dates.sort((a, b) => a.startDay - b.startDay || a.endDay - b.endDay);

  const stats: GenerationStats = {
    events: count,
    sources: 0,
    paragraphs: 0,
    actors: BENCH_ACTORS.length,
    intervals: 0,
    precisions: { day: 0, month: 0, year: 0 },
    burstDays: new Set(burstDays).size,
  };
  const sources: Source[] = [];
  const events: EventRecord[] = [];
  let source: Source | null = null;
  let sourceLeft = 0;
  let sourceLastDay = firstDay;

  const closeSource = () => {
    if (!source) return;
    const published = dayFromIndex(Math.min(sourceLastDay + 1 + int(4), lastDay + 30));
    source.published = edtfOf(published, 'day');
  };

  for (let i = 0; i < count; i++) {
    const date = dates[i] as DateSpec;
    if (!source || sourceLeft === 0) {
      closeSource();
      const k = sources.length;
      const outlet = pick(OUTLETS);
      source = {
        id: `src-${k + 1}`,
        title: `Dispatches, part ${k + 1}`,
        outlet,
        ...(chance(0.7) ? { author: pick(AUTHORS) } : {}),
        published: '',
        ...(chance(0.5) ? { url: `https://example.org/dispatches/${k + 1}` } : {}),
        paragraphs: [{ text: `${outlet} follows the war between Arland and Borovia and their neighbours.`, kind: 'body' }],
      };
      sources.push(source);
      // Sources vary in length around the requested size.
      sourceLeft = Math.max(1, Math.round(perSource * (0.5 + random())));
      sourceLastDay = firstDay;
    }
    sourceLeft--;
    sourceLastDay = Math.max(sourceLastDay, date.endDay - 1);

    const lead = leadActor();
    const actors = [lead];
    const extra = random();
    const extras = extra < 0.15 ? 2 : extra < 0.6 ? 1 : 0;
    for (let tries = 0; actors.length < 1 + extras && tries < 8; tries++) {
      const other = leadActor();
      if (!actors.includes(other)) actors.push(other);
    }

    const verbs = date.kind === 'interval' ? VERBS_SPAN : lead.kind === 'person' ? VERBS_PERSON : lead.kind === 'alliance' ? VERBS_ALLIANCE : VERBS_FORCE;
    const [past, present] = pick(verbs);
    const place = pick(PLACES);
    const others = actors.length > 1 ? ` with ${actors.slice(1).map((a) => a.name).join(' and ')}` : '';
    const action = `${lead.name} ${past} ${place}${others}`;
    const first = `${date.phrase}, ${action}.`;

    const a = random();
    const kind: AttributionKind = a < 0.4 ? 'publication' : a < 0.7 ? 'on-record' : a < 0.85 ? 'anonymous' : 'other-outlet';
    const relay = kind === 'other-outlet' ? pick(OUTLETS.filter((o) => o !== source?.outlet)) : '';
    const detail = kind === 'publication' ? source.outlet : kind === 'on-record' ? pick(ON_RECORD) : kind === 'anonymous' ? pick(ANONYMOUS) : `${relay}, as relayed`;
    const second =
      kind === 'on-record'
        ? `${detail} confirmed it.`
        : kind === 'anonymous'
          ? `${detail} described it.`
          : kind === 'other-outlet'
            ? `${relay} first reported it.`
            : chance(0.5)
              ? `${2 + int(60)} people were reported hurt.`
              : '';
    const text = second ? `${first} ${second}` : first;
    const paragraphIndex = source.paragraphs.length;
    source.paragraphs.push({ text, kind: 'body' } satisfies Paragraph);
    // Now and then a photo caption, which no event quotes.
    if (paragraphIndex % 20 === 0) source.paragraphs.push({ text: `Smoke over ${place}. Photo by staff.`, kind: 'caption' });

    // The whole paragraph, its first sentence, or just the action clause.
    const q = random();
    const quote = q < 0.4 ? text : q < 0.75 && second ? first : q < 0.75 ? text : action;
    const excerpts = [{ source: source.id, quote }];
    if (second && quote !== text && chance(0.1)) excerpts.push({ source: source.id, quote: second });

    events.push({
      id: `ev-${i + 1}`,
      title: `${lead.name} ${present} ${place}`,
      summary: `${action}.`,
      date: date.edtf,
      dateBasis: { quote: date.phrase.charAt(0).toLowerCase() + date.phrase.slice(1), explanation: date.explanation },
      actors: actors.map((x) => x.id),
      attribution: { kind, detail },
      excerpts,
    });
    if (date.kind === 'interval') stats.intervals++;
    else stats.precisions[date.edtf.length === 4 ? 'year' : date.edtf.length === 7 ? 'month' : 'day']++;
  }
  closeSource();
  if (sources.length === 0) {
    // A dataset needs a source even with no events.
    sources.push({
      id: 'src-1',
      title: 'Dispatches, part 1',
      outlet: OUTLETS[0] as string,
      published: `${toYear}-12-31`,
      paragraphs: [{ text: 'Nothing to report yet.', kind: 'body' }],
    });
  }
  stats.sources = sources.length;
  stats.paragraphs = sources.reduce((n, s) => n + s.paragraphs.length, 0);

  return {
    dataset: {
      title: `Synthetic conflict timeline (${count} events, seed ${seed})`,
      description: 'Generated for benchmarks: fictional states, people and places.',
      sources,
      actors: BENCH_ACTORS.map((actor) => ({ ...actor, color: { ...actor.color } })),
      events,
    },
    stats,
  };
}
