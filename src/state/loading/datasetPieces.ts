// A checked dataset handed from the worker to the page in pieces. Copying 100,000 events to the page in
// one message froze it for over a second (structured clone of millions of small objects, in one task),
// so the sources and events go as JSON text, 60,000 characters at a time: each piece is parsed on the page
// in a millisecond or two, and the page paints its progress between pieces. A file of ours is handed over
// as its events pass their checks, so the page takes them in while the rest of the file is still read
// (the worker and the page run side by side), not all after it.
import { compareEventOrder, placeExcerpt, type Dataset, type DatasetSource, type TimelineEvent, type ValidationResult } from '../../data/model';
import type { Attribution, Excerpt } from '../../data/schema';
import type { LoadProgress } from '../../data/loadProtocol';
import type { CheckedSoFar } from '../../data/validate';
import { IdHashes } from '../../data/idIndex';
import { SharedValues } from '../../data/sharedValues';
import { buildLanes, encodeLanes, laneBuffers, type LaneColumns } from '../../timeline/core/lanes';
import type { EventDate } from '../../data/edtfDate';
import type { DatasetShell, EventCompletion, ShellResult, WorkerReply } from './workerMessages';

/**
 * Characters of JSON per piece: under 64 K, so that a piece's text stays under 128 KB even as UTF-16, the
 * size above which V8 allocates a string as a large object. Pieces of a megabyte had the page's collector
 * mark and compact far more opening a million events (tasks of 250–400 ms); in pieces of 60,000 the page's
 * longest task opening 1M from a file was 60–116 ms, and its longest full collection half as long.
 */
export const PIECE_CHARS = 60_000;

type Post = (reply: WorkerReply, transfer?: Transferable[]) => void;

/** Gathers records (or their JSON text) into JSON arrays of about `PIECE_CHARS` characters and sends each when full. */
class PieceBuffer {
  private piece: string[] = [];
  private chars = 0;

  constructor(private readonly send: (json: string) => void) {}

  add(record: unknown): void {
    this.addJson(JSON.stringify(record));
  }

  addJson(json: string): void {
    this.piece.push(json);
    this.chars += json.length;
    if (this.chars >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    const piece = this.piece;
    if (piece.length === 0) return;
    // The brackets go on the first and last records, so that the join makes the whole piece one flat string:
    // '[' + joined + ']' is a string of parts, copied once more to be posted (about a third more time).
    piece[0] = `[${piece[0] as string}`;
    piece[piece.length - 1] = `${piece[piece.length - 1] as string}]`;
    this.send(piece.join(','));
    this.piece = [];
    this.chars = 0;
  }
}

/**
 * Events as the file gave them, gathered into JSON arrays of about `PIECE_CHARS` characters, each sent
 * with what checking added to its events (their dates and excerpts' places): the worker does not write a
 * million events out again, and the page parses the same text it would have.
 */
class TextPieces {
  private readonly pieces: PieceBuffer;
  private dateOf: number[] = [];
  private places: number[] = [];
  private newDates: EventDate[] = [];
  /** Every date sent so far, by its EDTF text: the page keeps the same table. */
  private readonly dateIndex = new Map<string, number>();

  constructor(post: Post) {
    this.pieces = new PieceBuffer((json) => {
      const completion: EventCompletion = { dates: this.newDates, dateOf: Uint32Array.from(this.dateOf), places: Int32Array.from(this.places) };
      post({ kind: 'events', json, completion }, [completion.dateOf.buffer, completion.places.buffer]);
      this.dateOf = [];
      this.places = [];
      this.newDates = [];
    });
  }

  /** Adds an event and its text; what checking added is noted first, as the piece may be sent at once. */
  add(event: TimelineEvent, text: string): void {
    let date = this.dateIndex.get(event.when.edtf);
    if (date === undefined) {
      date = this.dateIndex.size;
      this.dateIndex.set(event.when.edtf, date);
      this.newDates.push(event.when);
    }
    this.dateOf.push(date);
    for (const excerpt of event.excerpts) this.places.push(excerpt.paragraph, excerpt.start, excerpt.end);
    this.pieces.addJson(withCheckedSlots(text));
  }

  flush(): void {
    this.pieces.flush();
  }
}

/**
 * An event's text with an empty slot for the date checking adds (filled on the page): parsed with every
 * field it will have, the event keeps them all inside the object rather than in a second store of added
 * properties (about 23 bytes an event). The file's text is an object, checked as one. Its excerpts are
 * written anew with their places (see `complete`).
 */
export const withCheckedSlots = (text: string): string => `${text.slice(0, text.lastIndexOf('}'))},"when":0}`;

const NOTHING: never[] = [];
/** What an event handed to the page keeps of its attribution and date text in the worker: nothing of its own. */
const FORGOTTEN_ATTRIBUTION: Attribution = { kind: 'publication', detail: '' };

/**
 * Once the page has an event's text, the worker lets go of all of it but what the end needs: its id and
 * parsed date (the dataset's order) and its actors (the lanes), one list for all events with the same
 * actors. Held whole, a 100,000-event file's checked events outlived many minor collections, and copying
 * them cost a fifth of the worker's time; their attribution, date text and own actor lists were a further
 * 180 bytes an event (180 MB of the worker's heap at a million events).
 */
function forgetHanded(event: TimelineEvent, actorLists: Map<string, string[]>): void {
  event.title = '';
  event.summary = '';
  event.excerpts = NOTHING;
  event.dateBasis = undefined;
  event.attribution = FORGOTTEN_ATTRIBUTION;
  event.date = '';
  const actors = event.actors;
  // Most events have one actor, whose id is the key as it is.
  const key = actors.length === 1 ? (actors[0] as string) : actors.join('\n');
  const shared = actorLists.get(key);
  if (shared) event.actors = shared;
  else actorLists.set(key, actors);
}

/**
 * The worker's side. `early` sends what a download has had checked so far; `finish` sends the rest of the
 * result: what was not sent early, the dataset's order of the events sent, its lanes laid out, the rest.
 */
export class DatasetSender {
  private readonly events: PieceBuffer;
  private readonly texts: TextPieces;
  /** The events sent early, in the order sent. */
  private sent: TimelineEvent[] = [];
  private sentSources: readonly DatasetSource[] | null = null;
  /** One list for the events sent with the same actors (see `forgetHanded`). */
  private readonly actorLists = new Map<string, string[]>();

  constructor(private readonly post: Post) {
    this.events = new PieceBuffer((json) => post({ kind: 'events', json }));
    this.texts = new TextPieces(post);
  }

  early({ sources, events, texts }: CheckedSoFar): void {
    if (sources && sources !== this.sentSources) {
      // Checked again from the start (the whole text read again): what was sent is not the dataset's own.
      if (this.sentSources) this.restart();
      this.sendSources(sources);
    }
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as TimelineEvent;
      this.sent.push(event);
      this.texts.add(event, texts[i] as string);
      forgetHanded(event, this.actorLists);
    }
  }

  finish(result: ValidationResult): void {
    const { post } = this;
    const dataset = result.dataset;
    if (!dataset) {
      post({ kind: 'done', result: { ...result, dataset: null } });
      return;
    }
    const { events, sources } = dataset;
    this.texts.flush();
    const order = sources === this.sentSources ? this.orderOfSent(events) : null;
    // Events handed early were forgotten but for their order and lanes: only a fresh reading can send them again.
    if (!order && sources === this.sentSources && this.sent.length > 0) throw new Error('the events sent while reading are not the dataset’s own');
    // What was sent is not the dataset's own (the file was read again): the page forgets it.
    if (!order && (this.sent.length > 0 || this.sentSources)) this.restart();
    const total = events.length;
    // Events handed over as they were checked leave only their lanes to lay out; the rest are handed over now.
    post({ kind: 'progress', progress: order ? { stage: 'lanes', done: 0, total: null } : { stage: 'sending', done: 0, total } });
    if (!order) {
      this.sendSources(sources);
      for (const event of events) this.events.add(event);
      this.events.flush();
    }
    // The maps are rebuilt on the page from the pieces: sending them would send every record twice.
    const shell: Partial<Dataset> = { ...dataset };
    delete shell.events;
    delete shell.sources;
    delete shell.eventsById;
    delete shell.sourcesById;
    // Laying out the lanes is the largest part of a first render: done here, it costs the page a copy of typed arrays.
    const lanes = encodeLanes(buildLanes(events, dataset.actors, null, (done, count) => post({ kind: 'progress', progress: { stage: 'lanes', done, total: count } })));
    post({ kind: 'lanes', lanes }, laneBuffers(lanes));
    const done: WorkerReply = { kind: 'done', result: { ...result, dataset: shell as DatasetShell }, ...(order ? { order } : {}) };
    post(done, order ? [order.buffer] : []);
  }

  private restart() {
    // What waits to be sent goes first (its dates are in the table the page keeps), then is forgotten with the rest.
    this.texts.flush();
    this.post({ kind: 'restart' });
    this.sent = [];
    this.sentSources = null;
  }

  private sendSources(sources: readonly DatasetSource[]) {
    this.sentSources = sources;
    // A million events' sources are over 100 MB of text: the page counts them as they come.
    this.post({ kind: 'progress', progress: { stage: 'sendingSources', done: 0, total: sources.length } });
    const buffer = new PieceBuffer((json) => this.post({ kind: 'sources', json }));
    for (const source of sources) buffer.add(source);
    buffer.flush();
  }

  /** Where each of the dataset's events was sent, in the dataset's order; null unless they are exactly the events sent. */
  private orderOfSent(events: readonly TimelineEvent[]): Uint32Array | null {
    const sent = this.sent;
    if (sent.length !== events.length) return null;
    // The places sorted as the dataset sorts its events, a total order (ids are unique): most files come
    // nearly in that order, which the sort takes in one pass. A map from each event to its place, the way
    // before, took 0.6 s at a million events.
    const places: number[] = new Array<number>(sent.length);
    for (let i = 0; i < places.length; i++) places[i] = i;
    places.sort((a, b) => {
      const x = sent[a] as TimelineEvent;
      const y = sent[b] as TimelineEvent;
      return compareEventOrder(x.when.start, x.when.end, x.id, y.when.start, y.when.end, y.id);
    });
    const order = Uint32Array.from(places);
    for (let i = 0; i < events.length; i++) if (events[i] !== sent[order[i] as number]) return null;
    return order;
  }
}

/** Sends a checked result whole: its sources and events in pieces, its lanes laid out, then the rest. */
export function sendInPieces(result: ValidationResult, post: Post): void {
  new DatasetSender(post).finish(result);
}

/** The page's side: takes the pieces as they come and puts the dataset together at the end. */
export class DatasetAssembler {
  private sources: DatasetSource[] = [];
  private sourcesById = new Map<string, DatasetSource>();
  /** Events in the order sent, which is the dataset's own unless `done` gives another. */
  private events: TimelineEvent[] = [];
  /** The events' ids hashed as they come, for the index by id made at the end. */
  private readonly idHashes = new IdHashes();
  private readonly shared = new SharedValues();
  /** The events to hand over, once the worker has said (before that, events come early, during the download). */
  private total: number | null = null;
  /** The sources being handed over, once the worker has said. */
  private sourcesTotal: number | null = null;
  private lanes: LaneColumns[] | null = null;
  /** Every date sent with events as the file gave them, in the order sent (the worker indexes the same table). */
  private readonly dates: EventDate[] = [];

  /** Takes one reply; returns the result once it is complete (with its lanes' columns, when sent), or the progress to show meanwhile. */
  take(reply: Exclude<WorkerReply, { kind: 'failed' }>): { done: ValidationResult; lanes: LaneColumns[] | null } | { progress: LoadProgress } | null {
    switch (reply.kind) {
      case 'progress':
        if (reply.progress.stage === 'sendingSources') this.sourcesTotal = reply.progress.total;
        if (reply.progress.stage !== 'sending') return { progress: reply.progress };
        this.total = reply.progress.total ?? 0;
        return { progress: this.handing() };
      case 'sources':
        for (const source of JSON.parse(reply.json) as DatasetSource[]) {
          this.sources.push(source);
          this.sourcesById.set(source.id, source);
        }
        return this.sourcesTotal === null ? null : { progress: { stage: 'sendingSources', done: this.sources.length, total: this.sourcesTotal } };
      case 'events': {
        const parsed = JSON.parse(reply.json) as TimelineEvent[];
        if (reply.completion) this.complete(parsed, reply.completion);
        for (const each of parsed) {
          const event = this.shared.event(each);
          this.shared.quotes(event, this.sourcesById);
          this.events.push(event);
          this.idHashes.add(event.id);
        }
        return this.total === null ? null : { progress: this.handing() };
      }
      case 'restart':
        this.sourcesTotal = null;
        this.sources = [];
        this.sourcesById = new Map();
        this.events = [];
        this.idHashes.clear();
        return null;
      case 'lanes':
        this.lanes = reply.lanes;
        return null;
      case 'done': {
        const done = this.assemble(reply.result, reply.order);
        return { done, lanes: done.dataset ? this.lanes : null };
      }
    }
  }

  /** Gives events sent as the file gave them what checking added: their dates and their excerpts' places. */
  private complete(events: TimelineEvent[], { dates, dateOf, places }: EventCompletion) {
    for (const date of dates) this.dates.push(this.shared.dateStrings(date));
    let at = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as TimelineEvent;
      event.when = this.dates[dateOf[i] as number] as EventDate;
      const excerpts = event.excerpts;
      for (let x = 0; x < excerpts.length; x++, at += 3) {
        excerpts[x] = placeExcerpt(excerpts[x] as Excerpt, places[at] as number, places[at + 1] as number, places[at + 2] as number);
      }
    }
  }

  private handing(): LoadProgress {
    return { stage: 'sending', done: this.events.length, total: this.total };
  }

  private assemble(result: ShellResult, order: Uint32Array | undefined): ValidationResult {
    if (!result.dataset) return { ...result, dataset: null };
    const sent = this.events;
    const events = order ? Array.from(order, (at) => sent[at] as TimelineEvent) : sent;
    const dataset: Dataset = {
      ...result.dataset,
      sources: this.sources,
      sourcesById: this.sourcesById,
      events,
      // A compact table, not a Map: about 15 MB less of the page's heap at a million events.
      eventsById: this.idHashes.index(events, order),
    };
    return { ...result, dataset };
  }
}
