// Property tests of the one loader every dataset goes through: whatever text arrives, loadDatasetFromText
// answers (never throws) with a dataset or with problems that each say where and what, and no event is
// silently dropped.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import type { ValidationResult } from '../../../src/data/model';
import { BUNDLED_TEXT } from '../../fixtures/files';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const BUNDLED = JSON.parse(BUNDLED_TEXT) as Json;

/** Every path into a JSON value, the root ([]) first. */
function allPaths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => allPaths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) allPaths(item, [...prefix, key], out);
  return out;
}

const PATHS = allPaths(BUNDLED);
const INNER_PATHS = PATHS.filter((p) => p.length > 0);
const BUNDLED_EVENT_COUNT = (BUNDLED as { events: unknown[] }).events.length;

function parentAndKey(root: Json, path: Path): { parent: Json; key: string | number } {
  let parent = root;
  for (const segment of path.slice(0, -1)) {
    parent = (parent as Record<string | number, Json>)[segment] as Json;
  }
  return { parent, key: path[path.length - 1] as string | number };
}

function deleteAt(root: Json, path: Path): Json {
  const copy = structuredClone(root);
  const { parent, key } = parentAndKey(copy, path);
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else Reflect.deleteProperty(parent as Record<string, Json>, key);
  return copy;
}

function replaceAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  const { parent, key } = parentAndKey(copy, path);
  (parent as Record<string | number, Json>)[key] = value;
  return copy;
}

/** The top level the validator accepts before it looks at records one by one (schema.ts, validate.ts). */
function topLevelIsValid(value: unknown): value is { events: unknown[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const allowed = new Set(['$schema', 'title', 'description', 'language', 'translations', 'view', 'sources', 'actors', 'events']);
  const isTag = (t: unknown) => typeof t === 'string' && /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(t);
  const isText = (t: unknown) => t === undefined || (typeof t === 'string' && t !== '');
  const isPlainObject = (o: unknown): o is Record<string, unknown> => o !== null && typeof o === 'object' && !Array.isArray(o);
  const translationsValid =
    v.translations === undefined ||
    (isPlainObject(v.translations) &&
      Object.entries(v.translations).every(
        ([tag, t]) => isTag(tag) && isPlainObject(t) && Object.keys(t).every((k) => k === 'title' || k === 'description') && isText(t.title) && isText(t.description),
      ));
  return (
    (v.language === undefined || isTag(v.language)) &&
    translationsValid &&
    Object.keys(v).every((k) => allowed.has(k)) &&
    typeof v.title === 'string' &&
    v.title !== '' &&
    (v.description === undefined || typeof v.description === 'string') &&
    (v.$schema === undefined || typeof v.$schema === 'string') &&
    Array.isArray(v.sources) &&
    v.sources.length > 0 &&
    Array.isArray(v.actors) &&
    Array.isArray(v.events)
  );
}

/** What every result must satisfy, whatever the input. */
function expectWellFormed(result: ValidationResult, input: string): void {
  const where = `input: ${input.length > 300 ? `${input.slice(0, 300)}…` : input}`;
  expect(result.dataset !== null || result.problems.length > 0, where).toBe(true);
  for (const problem of result.problems) {
    expect(typeof problem.path, where).toBe('string');
    expect(typeof problem.message, where).toBe('string');
    expect(problem.path.trim(), where).not.toBe('');
    expect(problem.message.trim(), where).not.toBe('');
  }
  for (const item of result.rejected) {
    expect(item.problems.length, where).toBeGreaterThan(0);
    expect(item.path.trim(), where).not.toBe('');
  }
  if (result.dataset === null) return;
  const ids = result.dataset.events.map((e) => e.id);
  expect(new Set(ids).size, where).toBe(ids.length);
}

/** Events kept plus events rejected is the number of events given, whenever the top level is valid. */
function expectEveryEventAccountedFor(result: ValidationResult, value: unknown): void {
  if (!topLevelIsValid(value)) {
    expect(result.dataset).toBeNull();
    expect(result.rejected).toEqual([]);
    return;
  }
  const kept = result.dataset?.events.length ?? 0;
  const rejected = result.rejected.filter((r) => /^events\[\d+\]$/.test(r.path)).length;
  expect(kept + rejected, `events given: ${value.events.length}, kept: ${kept}, rejected: ${rejected}`).toBe(value.events.length);
}

async function check(text: string, value?: unknown): Promise<ValidationResult> {
  let result: ValidationResult;
  try {
    result = await loadDatasetFromText(text);
  } catch (error) {
    throw new Error(`loadDatasetFromText threw ${String(error)} for ${text.slice(0, 200)}`, { cause: error });
  }
  expectWellFormed(result, text);
  if (value !== undefined) expectEveryEventAccountedFor(result, value);
  return result;
}

const jsonValue = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;
const pathIndex = (paths: readonly Path[]) => fc.nat({ max: paths.length - 1 }).map((i) => paths[i] as Path);

describe('loadDatasetFromText on arbitrary input', () => {
  it('never throws on any JSON value, and answers with a dataset or located problems', async () => {
    await fc.assert(
      fc.asyncProperty(jsonValue, async (value) => {
        await check(JSON.stringify(value), value);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), async (text) => {
        const result = await check(text);
        // Text that is not JSON always says where: "(file)", a line and column, or (read as CSV, its first line has commas) the header row.
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        if (!parses) {
          expect(result.dataset).toBeNull();
          expect(result.problems).toHaveLength(1);
          expect(result.problems[0]?.path).toMatch(/^\(file\)$|^line \d+, column \d+$|^row 1$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on objects shaped almost like a dataset', async () => {
    const almost = fc.record(
      {
        title: fc.oneof(fc.string(), jsonValue),
        sources: fc.oneof(fc.array(jsonValue, { maxLength: 3 }), jsonValue),
        actors: fc.oneof(fc.array(jsonValue, { maxLength: 3 }), jsonValue),
        events: fc.oneof(fc.array(jsonValue, { maxLength: 5 }), jsonValue),
        description: jsonValue,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(almost, async (value) => {
        await check(JSON.stringify(value), value);
      }),
      { numRuns: 200 },
    );
  });
});

describe('loadDatasetFromText on mutations of the bundled dataset', () => {
  it('the bundled dataset itself loads with every event kept', async () => {
    const result = await check(BUNDLED_TEXT, BUNDLED);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events).toHaveLength(BUNDLED_EVENT_COUNT);
  });

  it('deleting a random field or item', async () => {
    await fc.assert(
      fc.asyncProperty(pathIndex(INNER_PATHS), async (path) => {
        const mutated = deleteAt(BUNDLED, path);
        await check(JSON.stringify(mutated), mutated);
      }),
      { numRuns: 40 },
    );
  });

  it('replacing a random value with a random JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(pathIndex(PATHS), jsonValue, async (path, value) => {
        const mutated = replaceAt(BUNDLED, path, value);
        await check(JSON.stringify(mutated), mutated);
      }),
      { numRuns: 40 },
    );
  });

  it('duplicating an event rejects exactly the copy, as a duplicate id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: BUNDLED_EVENT_COUNT - 1 }), fc.nat({ max: BUNDLED_EVENT_COUNT }), async (from, to) => {
        const mutated = structuredClone(BUNDLED) as { events: Json[] };
        mutated.events.splice(to, 0, structuredClone(mutated.events[from] as Json));
        const result = await check(JSON.stringify(mutated), mutated);
        expect(result.dataset?.events).toHaveLength(BUNDLED_EVENT_COUNT);
        expect(result.rejected).toHaveLength(1);
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]?.message).toMatch(/^duplicate id ".+" \(first used at events\[\d+\]\.id\)$/);
      }),
      { numRuns: 15 },
    );
  });

  it('truncating the text at a random offset gives one located parse problem', async () => {
    await fc.assert(
      // Cut before the closing brace: cutting only trailing white space would leave valid JSON.
      fc.asyncProperty(fc.nat({ max: BUNDLED_TEXT.trimEnd().length - 1 }), async (offset) => {
        const text = BUNDLED_TEXT.slice(0, offset);
        const result = await check(text);
        expect(result.dataset).toBeNull();
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]?.path).toMatch(/^\(file\)$|^line \d+, column \d+$/);
        expect(result.problems[0]?.message).toMatch(/^not valid JSON: |^the file is empty/);
      }),
      { numRuns: 60 },
    );
  });

  it('several mutations at once', async () => {
    const mutation = fc.oneof(
      pathIndex(INNER_PATHS).map((path) => (d: Json) => {
        // A path may no longer exist after an earlier mutation; then this one does nothing.
        try {
          return deleteAt(d, path);
        } catch {
          return d;
        }
      }),
      fc.tuple(pathIndex(INNER_PATHS), jsonValue).map(([path, value]) => (d: Json) => {
        try {
          return replaceAt(d, path, value);
        } catch {
          return d;
        }
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 2, maxLength: 6 }), async (mutations) => {
        const mutated = mutations.reduce((d, m) => m(d), BUNDLED);
        await check(JSON.stringify(mutated), mutated);
      }),
      { numRuns: 30 },
    );
  });
});
