import { hashText } from './hashText';

/**
 * Records of a list found by their ids, read as a `ReadonlyMap` but kept as a hash table of their places in
 * the list, in one typed array (open addressing, linear probing). A `Map` of a million events took about
 * 15 MB of the page's heap (three slots an entry, and its buckets); this table takes 4 bytes a slot, about
 * 5.7 MB for a million, outside the heap. Made when first read, never changed: a loaded dataset's events are not.
 */
export class IdIndex<T extends { readonly id: string }> implements ReadonlyMap<string, T> {
  /** Each slot holds a place in `records` plus one; 0 is an empty slot. Made on first use (see `table`). */
  private slots: Uint32Array | null = null;
  private distinct: number | null = null;
  /** The hash of the id of the record at a place, until the table is made. */
  private hashAt: ((place: number) => number) | null;

  /**
   * Where an id repeats (a checked dataset's never do), its first record is found. Records are placed by
   * their hashes alone, without comparing ids: a million comparisons, each reaching into a record and its
   * id across the heap, took two thirds of the time.
   */
  constructor(
    private readonly records: readonly T[],
    /** The hash of the id of the record at a place (given when the hashes were worked out as the records came). */
    hashAt = (place: number) => hashText((records[place] as T).id),
  ) {
    this.hashAt = hashAt;
  }

  /**
   * The table, made when the index is first read: the loader's worker checks a dataset and hands its events
   * to the page, which indexes them itself, so the worker's index of a million events is never read.
   */
  private table(): Uint32Array {
    if (this.slots) return this.slots;
    const { records } = this;
    const hashAt = this.hashAt as (place: number) => number;
    this.hashAt = null;
    // A load of at most 0.7 keeps probes short; a table is never smaller than 8 slots.
    const slots = (this.slots = new Uint32Array(Math.max(8, Math.ceil(records.length / 0.7))));
    for (let i = 0; i < records.length; i++) {
      let slot = hashAt(i) % slots.length;
      while (slots[slot] !== 0) slot = slot + 1 === slots.length ? 0 : slot + 1;
      slots[slot] = i + 1;
    }
    return slots;
  }

  get size(): number {
    if (this.distinct === null) {
      let distinct = 0;
      for (const record of this.records) if (this.get(record.id) === record) distinct++;
      this.distinct = distinct;
    }
    return this.distinct;
  }

  get(id: string): T | undefined {
    const slots = this.table();
    const { records } = this;
    let slot = hashText(id) % slots.length;
    for (;;) {
      const place = slots[slot] as number;
      if (place === 0) return undefined;
      const record = records[place - 1] as T;
      if (record.id === id) return record;
      slot = slot + 1 === slots.length ? 0 : slot + 1;
    }
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    for (const [id, record] of this.entries()) callback.call(thisArg, record, id, this);
  }

  /** In the order of the list; where an id repeats, its first record only. */
  *entries(): MapIterator<[string, T]> {
    for (const record of this.records) if (this.get(record.id) === record) yield [record.id, record];
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<T> {
    for (const [, record] of this.entries()) yield record;
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}

/**
 * The hashes of ids as their records arrive (a load's pieces), so that no single task reads a million ids
 * scattered across the heap: the index is then made from the hashes alone.
 */
export class IdHashes {
  private hashes = new Uint32Array(1024);
  private count = 0;

  add(id: string): void {
    if (this.count === this.hashes.length) {
      const more = new Uint32Array(this.count * 2);
      more.set(this.hashes);
      this.hashes = more;
    }
    this.hashes[this.count++] = hashText(id);
  }

  clear(): void {
    this.count = 0;
  }

  /**
   * The index of `records`, which are the records added, in the order added or, given `order`, with the
   * record at place `p` the one added `order[p]`-th.
   */
  index<T extends { readonly id: string }>(records: readonly T[], order?: Uint32Array): IdIndex<T> {
    if (records.length !== this.count) throw new Error(`${records.length} records for ${this.count} ids hashed`);
    // The index reads them when first used: its own copy, as this table is refilled by a load that starts over.
    const hashes = this.hashes.slice(0, this.count);
    return new IdIndex(records, order ? (place) => hashes[order[place] as number] as number : (place) => hashes[place] as number);
  }
}
