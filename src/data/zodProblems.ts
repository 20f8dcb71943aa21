import type * as z from 'zod/mini';
import { formatPath, type PathSegment, type Problem } from './problems';

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string ("${value.slice(0, 37)}…")` : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/**
 * Plain-language messages for zod's built-in checks; messages written in the schema itself win,
 * since zod applies a schema's own message before this map.
 */
export const plainErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${article(issue.expected)}, not ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return `is too short (at least ${String(issue.minimum)})`;
    case 'too_big':
      return `is too long (at most ${String(issue.maximum)})`;
    default:
      return undefined;
  }
};

/** Turns a zod error into problems whose paths start at `base`; one problem per unknown field. */
export function zodProblems(error: z.core.$ZodError, base: readonly PathSegment[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...path, key]), message: 'unknown field; check its spelling against the schema' });
      }
    } else if (issue.code === 'invalid_key') {
      // A record key (a translation's language tag) that fails its own check: say which check.
      problems.push({ path: formatPath(path), message: `the key ${issue.issues.map((inner) => inner.message).join('; ')}` });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return problems;
}
