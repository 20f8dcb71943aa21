import { describe, expect, it } from 'vitest';
import { firstProblems, formatPath, formatProblem, type Problem } from '../../../src/data/problems';

describe('formatPath', () => {
  it('writes JSON paths with dots for names and brackets for indices', () => {
    expect(formatPath(['events', 3, 'excerpts', 0, 'quote'])).toBe('events[3].excerpts[0].quote');
  });

  it('writes the empty path as (root)', () => {
    expect(formatPath([])).toBe('(root)');
  });

  it('quotes names that are not identifiers', () => {
    expect(formatPath(['actors', 'united-states'])).toBe('actors["united-states"]');
    expect(formatPath(['a b'])).toBe('["a b"]');
    expect(formatPath(['$schema'])).toBe('$schema');
  });

  it('starts with a bracket when the first segment is an index', () => {
    expect(formatPath([2, 'id'])).toBe('[2].id');
  });
});

describe('formatProblem', () => {
  it('writes "path: message"', () => {
    expect(formatProblem({ path: 'events[3].date', message: 'not a valid EDTF date' })).toBe('events[3].date: not a valid EDTF date');
  });
});

describe('firstProblems', () => {
  const many: Problem[] = Array.from({ length: 250 }, (_, i) => ({ path: `events[${i}]`, message: 'bad' }));

  it('shows the first 100 problems by default and counts the rest', () => {
    const { shown, hidden } = firstProblems(many);
    expect(shown).toHaveLength(100);
    expect(shown[0]?.path).toBe('events[0]');
    expect(hidden).toBe(150);
  });

  it('shows everything when there are fewer than the limit', () => {
    expect(firstProblems(many.slice(0, 3), 5)).toEqual({ shown: many.slice(0, 3), hidden: 0 });
  });

  it('honours a custom limit', () => {
    expect(firstProblems(many, 10).hidden).toBe(240);
  });
});
