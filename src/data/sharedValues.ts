import type { EventDate } from './edtfDate';
import type { TimelineEvent } from './model';
import type { Attribution, DateBasis, ImportedSource } from './schema';

/**
 * Up to this many distinct values of one kind are shared freely. Past it, values are taken on trial, this many
 * at a time, and the table keeps growing only while those were found again at least once each on average: a
 * field whose values are all different (free-text attributions, say) would cost more in the table than it
 * saves, but one whose values each repeat keeps saving. A million generated events give 96,000 distinct date
 * bases, each about ten times: with no trial, the half of them past the first 50,000 kept their own copies
 * (9 MB more of the page's heap).
 */
const FREELY_SHARED = 50_000;
const ON_TRIAL = 10_000;

/** Whether a table of shared values takes another, from how often those it took lately were found again. */
class Growth<T> {
  private taken = 0;
  private trial: Set<T> | null = null;
  private foundOnTrial = 0;
  private stopped = false;

  /** Notes that a value the table holds was found again. */
  found(value: T): void {
    if (this.trial?.has(value)) this.foundOnTrial++;
  }

  /** Whether the table should take a value not found in it. */
  take(value: T): boolean {
    if (this.stopped) return false;
    this.taken++;
    if (this.taken <= FREELY_SHARED) return true;
    this.trial ??= new Set();
    this.trial.add(value);
    if (this.trial.size >= ON_TRIAL) {
      if (this.foundOnTrial < this.trial.size) this.stopped = true;
      this.trial = null;
      this.foundOnTrial = 0;
    }
    return true;
  }
}

/** One shared value per key. */
class SharedTable<T> {
  private readonly values = new Map<string, T>();
  private readonly growth = new Growth<T>();

  /** The value shared for `key`: `value`, the first time (kept while the table is worth growing). */
  shared(key: string, value: T): T {
    const known = this.find(key);
    if (known !== undefined) return known;
    this.add(key, value);
    return value;
  }

  /** The value kept for `key`, if any; finding it counts towards the table's growth. */
  find(key: string): T | undefined {
    const known = this.values.get(key);
    if (known !== undefined) this.growth.found(known);
    return known;
  }

  /** Keeps a value not found, if the table is worth growing. */
  add(key: string, value: T): void {
    if (this.growth.take(value)) this.values.set(key, value);
  }
}

/**
 * One copy of each value that many events repeat. JSON.parse gives every event its own copy of its date,
 * its attribution, its actor and source ids; a large dataset repeats a few thousand of them hundreds of
 * thousands of times (at 100,000 generated events, ~400 bytes an event). Events are never changed after
 * loading, so they can share. `event` points an event's fields at the shared copies, in place.
 */
export class SharedValues {
  private readonly strings = new SharedTable<string>();
  private readonly dates = new SharedTable<EventDate>();
  private readonly attributions = new PairTable<Attribution>();
  private readonly actorLists = new SharedTable<readonly string[]>();
  private readonly dateBases = new PairTable<DateBasis>();

  event(event: TimelineEvent): TimelineEvent {
    const when = this.date(event.when);
    event.when = when;
    // The same date is written the same way: `date` is the text `when` was parsed from.
    if (event.date === when.edtf) event.date = when.edtf;
    event.attribution = this.attribution(event.attribution);
    event.actors = this.actorList(event.actors);
    for (const excerpt of event.excerpts) excerpt.source = this.string(excerpt.source);
    // Date words ("in March 2023") and their explanations repeat across events.
    if (event.dateBasis) event.dateBasis = this.dateBasis(event.dateBasis);
    return event;
  }

  /**
   * Points each excerpt's quote at its paragraph's own words when they are the same: a slice of a string
   * shares its characters, so a quote is not held twice (a generated event quotes a whole paragraph).
   */
  quotes(event: TimelineEvent, sourcesById: ReadonlyMap<string, ImportedSource>): void {
    for (const excerpt of event.excerpts) {
      const words = sourcesById.get(excerpt.source)?.paragraphs[excerpt.paragraph]?.text.slice(excerpt.start, excerpt.end);
      if (words === excerpt.quote) excerpt.quote = words;
    }
  }

  /** A date sent from the worker, with one copy of its kind and precisions among all dates. */
  dateStrings(when: EventDate): EventDate {
    when.kind = this.string(when.kind) as EventDate['kind'];
    when.startPrecision = this.string(when.startPrecision) as EventDate['startPrecision'];
    when.endPrecision = this.string(when.endPrecision) as EventDate['endPrecision'];
    return when;
  }

  /**
   * One list for all events with the same actors in the same order (a few thousand lists among a million
   * events), frozen: a change meant for one event would otherwise reach them all.
   */
  private actorList(actors: string[]): string[] {
    for (let i = 0; i < actors.length; i++) actors[i] = this.string(actors[i] as string);
    // Most events have one actor: its shared id is the key, already hashed.
    const key = actors.length === 1 ? (actors[0] as string) : actors.join('\n');
    const known = this.actorLists.find(key);
    if (known) return known as string[];
    // Frozen whether the table keeps it or not: every list an event is given is read-only.
    this.actorLists.add(key, Object.freeze(actors));
    return actors;
  }

  private dateBasis(basis: DateBasis): DateBasis {
    basis.quote = this.string(basis.quote);
    basis.explanation = this.string(basis.explanation);
    return this.dateBases.shared(basis.quote, basis.explanation, basis);
  }

  /** The shared copy of a string. */
  string(value: string): string {
    return this.strings.shared(value, value);
  }

  private date(when: EventDate): EventDate {
    return this.dates.shared(when.edtf, when);
  }

  private attribution(attribution: Attribution): Attribution {
    return this.attributions.shared(this.string(attribution.kind), attribution.detail, attribution);
  }
}

/**
 * Values keyed by two strings, found without joining them into a third: a joined key is a new string to
 * copy and hash for every event, where the parts' hashes are kept by the shared strings themselves. Most
 * first parts come with one second part (a date's words with one explanation), so the first value of each
 * is kept beside it, and a table of the others is made only for a first part that has them: a table for
 * every first part cost about 90 bytes each (4 MB among a million events' date bases).
 */
class PairTable<T> {
  private readonly firstSeen = new Map<string, { second: string; value: T }>();
  private readonly others = new Map<string, Map<string, T>>();
  private readonly growth = new Growth<T>();

  shared(first: string, second: string, value: T): T {
    const seen = this.firstSeen.get(first);
    if (seen?.second === second) {
      this.growth.found(seen.value);
      return seen.value;
    }
    const known = seen && this.others.get(first)?.get(second);
    if (known !== undefined) {
      this.growth.found(known);
      return known;
    }
    if (!this.growth.take(value)) return value;
    if (!seen) {
      this.firstSeen.set(first, { second, value });
      return value;
    }
    let others = this.others.get(first);
    if (!others) this.others.set(first, (others = new Map()));
    others.set(second, value);
    return value;
  }
}
