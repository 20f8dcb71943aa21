import { describe, expect, it } from 'vitest';
import { IdHashes, IdIndex } from '../../../src/data/idIndex';
import { hashText } from '../../../src/data/hashText';

const records = (ids: readonly string[]) => ids.map((id, n) => ({ id, n }));

describe('IdIndex', () => {
  it('finds every record by its id, and nothing for an id it does not hold, as a Map of the list does', () => {
    // Many ids that differ in one character, some long, some not ASCII: hashes collide and probes run on.
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `ev-${i}` : i % 3 === 1 ? `подія-${i}-${'x'.repeat(i % 40)}` : String(i)));
    const list = records(ids);
    const index = new IdIndex(list);
    const map = new Map(list.map((r) => [r.id, r]));
    expect(index.size).toBe(map.size);
    for (const id of ids) expect(index.get(id)).toBe(map.get(id));
    for (const missing of ['', 'ev-5000', 'подія-1-', '4999 ', 'EV-3']) {
      expect(index.has(missing)).toBe(false);
      expect(index.get(missing)).toBeUndefined();
    }
    expect([...index]).toEqual([...map]);
    expect([...index.keys()]).toEqual(ids);
  });

  it('holds an empty list and a list of one', () => {
    expect(new IdIndex([]).size).toBe(0);
    expect(new IdIndex([]).get('a')).toBeUndefined();
    const one = new IdIndex(records(['a']));
    expect(one.get('a')).toEqual({ id: 'a', n: 0 });
    expect([...one.values()]).toEqual([{ id: 'a', n: 0 }]);
  });

  it('finds the first record of an id that repeats, and counts and lists the id once', () => {
    const list = records(['a', 'b', 'a']);
    const index = new IdIndex(list);
    expect(index.size).toBe(2);
    expect(index.get('a')).toBe(list[0]);
    const seen: string[] = [];
    index.forEach((record, id) => seen.push(`${id}${record.n}`));
    expect(seen).toEqual(['a0', 'b1']);
  });

  it('is made from ids hashed as their records came, whatever order the records are then kept in', () => {
    const arrived = records(Array.from({ length: 3000 }, (_, i) => `ev-${i}`));
    const hashes = new IdHashes();
    for (const record of arrived) hashes.add(record.id);
    // Kept in another order (a dataset sorted after its events were handed over): place p holds the order[p]-th.
    const order = Uint32Array.from(arrived.keys()).sort((a, b) => ((a * 7919) % 3001) - ((b * 7919) % 3001));
    const kept = Array.from(order, (at) => arrived[at] as (typeof arrived)[number]);
    const index = hashes.index(kept, order);
    for (const record of arrived) expect(index.get(record.id)).toBe(record);
    expect([...index.values()]).toEqual(kept);
    expect(() => hashes.index(kept.slice(1))).toThrow('2999 records for 3000 ids hashed');
  });

  it('hashes no id until it is first read: a checked dataset handed on whole never pays for its index', () => {
    const list = records(['a', 'b', 'c']);
    const hashed: number[] = [];
    const index = new IdIndex(list, (place) => {
      hashed.push(place);
      return hashText((list[place] as (typeof list)[number]).id);
    });
    expect(hashed).toEqual([]);
    expect(index.get('b')).toBe(list[1]);
    expect(hashed).toEqual([0, 1, 2]);
    // Made once: later reads hash only the id asked for.
    expect(index.has('c')).toBe(true);
    expect(hashed).toEqual([0, 1, 2]);
  });

  it('keeps the hashes it was made from, though the table of hashes is cleared and refilled by a load that starts over', () => {
    const first = records(['ev-1', 'ev-2', 'ev-3']);
    const hashes = new IdHashes();
    for (const record of first) hashes.add(record.id);
    const index = hashes.index(first);
    hashes.clear();
    for (const id of ['x', 'y', 'z']) hashes.add(id);
    for (const record of first) expect(index.get(record.id)).toBe(record);
  });
});
