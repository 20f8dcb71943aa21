import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { plainErrorMap, zodProblems } from '../../../src/data/zodProblems';
import { actorSchema, eventSchema } from '../../../src/data/schema';

function problemsOf<T extends z.ZodMiniType>(schema: T, value: unknown, base: (string | number)[] = []) {
  const result = schema.safeParse(value, { error: plainErrorMap });
  if (result.success) throw new Error('expected a failure');
  return zodProblems(result.error, base);
}

describe('plainErrorMap and zodProblems', () => {
  const item = z.strictObject({ name: z.string(), count: z.number(), tags: z.array(z.string()), kind: z.enum(['a', 'b']) });

  it('says a missing field is required', () => {
    expect(problemsOf(item, { count: 1, tags: [], kind: 'a' })).toEqual([{ path: 'name', message: 'is required' }]);
  });

  it('names the expected type and describes the value it got', () => {
    const problems = problemsOf(item, { name: 5, count: 'five', tags: {}, kind: null });
    expect(problems).toEqual([
      { path: 'name', message: 'must be a string, not number 5' },
      { path: 'count', message: 'must be a number, not the string "five"' },
      { path: 'tags', message: 'must be an array, not an object' },
      { path: 'kind', message: 'must be one of "a", "b"; got null' },
    ]);
  });

  it('shortens long strings it quotes back', () => {
    const [problem] = problemsOf(item, { name: 'n', count: 'x'.repeat(60), tags: [], kind: 'a' });
    expect(problem?.message).toBe(`must be a number, not a string ("${'x'.repeat(37)}…")`);
  });

  it('says an array was given where an object was expected', () => {
    expect(problemsOf(z.strictObject({ a: z.string() }), [])).toEqual([{ path: '(root)', message: 'must be an object, not an array' }]);
  });

  it('reports each unknown field separately at its own path', () => {
    expect(problemsOf(item, { name: 'n', count: 1, tags: [], kind: 'a', colour: 1, size: 2 }, ['items', 4])).toEqual([
      { path: 'items[4].colour', message: 'unknown field; check its spelling against the schema' },
      { path: 'items[4].size', message: 'unknown field; check its spelling against the schema' },
    ]);
  });

  it('prefixes paths with the base path of the record', () => {
    expect(problemsOf(item, { name: 'n', count: 1, tags: [3], kind: 'a' }, ['events', 2])).toEqual([{ path: 'events[2].tags[0]', message: 'must be a string, not number 3' }]);
  });

  it('says "must not be empty" for an empty required string and gives sizes for other limits', () => {
    const sized = z.object({ a: z.string().check(z.minLength(1)), b: z.string().check(z.minLength(3)), c: z.array(z.number()).check(z.maxLength(1)) });
    expect(problemsOf(sized, { a: '', b: 'x', c: [1, 2] })).toEqual([
      { path: 'a', message: 'must not be empty' },
      { path: 'b', message: 'is too short (at least 3)' },
      { path: 'c', message: 'is too long (at most 1)' },
    ]);
  });

  it("lets the schema's own messages win over the plain ones", () => {
    const problems = problemsOf(actorSchema, { id: 'Bad Id', name: 'x', kind: 'state', color: { light: 'red', dark: '#000000' } });
    expect(problems).toEqual([
      { path: 'id', message: 'must be a lowercase slug such as "united-states"' },
      { path: 'color.light', message: 'must be a colour like "#1f5fa8"' },
    ]);
    expect(problemsOf(eventSchema.shape.title, 'x'.repeat(121))).toEqual([{ path: '(root)', message: 'must be at most 120 characters (a short title)' }]);
  });
});
