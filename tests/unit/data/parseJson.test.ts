import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseJson } from '../../../src/data/parseJson';
import { readFixture } from '../../fixtures/files';

async function problemOf(text: string) {
  const result = await parseJson(text);
  if (result.ok) throw new Error('expected a parse failure');
  return result.problem;
}

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });

  it('starts a new line after each newline', () => {
    const text = 'ab\ncd\nef';
    expect(lineAndColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn(text, 7)).toEqual({ line: 3, column: 2 });
  });

  it('clamps an offset past the end to the end of the text', () => {
    expect(lineAndColumn('ab\nc', 100)).toEqual({ line: 2, column: 2 });
  });
});

describe('parseJson', () => {
  it('returns the parsed value of valid JSON', async () => {
    await expect(parseJson('{"a": [1, "two", null]}')).resolves.toEqual({ ok: true, value: { a: [1, 'two', null] } });
  });

  it('accepts JSON whose top level is not an object (the validator judges the shape)', async () => {
    await expect(parseJson('42')).resolves.toEqual({ ok: true, value: 42 });
  });

  it('says an empty file is empty rather than reporting a syntax error', async () => {
    expect(await problemOf(readFixture('empty.json'))).toEqual({ path: '(file)', message: 'the file is empty, not JSON' });
    expect(await problemOf('  \n\t ')).toEqual({ path: '(file)', message: 'the file is empty, not JSON' });
  });

  it('locates a trailing comma at the comma itself, not at the closing brace after it', async () => {
    const problem = await problemOf(readFixture('malformed-trailing-comma.json'));
    expect(problem.path).toBe('line 5, column 15');
    expect(problem.message).toBe('not valid JSON: a trailing comma before "}"; remove it');
  });

  it('locates a missing comma at the property that should have been preceded by one', async () => {
    const problem = await problemOf(readFixture('malformed-missing-comma.json'));
    expect(problem.path).toBe('line 3, column 3');
    expect(problem.message).toBe('not valid JSON: expected "," between items');
  });

  it('locates an unclosed string at its opening quote', async () => {
    const problem = await problemOf(readFixture('malformed-unclosed-string.json'));
    expect(problem.path).toBe('line 2, column 12');
    expect(problem.message).toBe('not valid JSON: string is not closed');
  });

  it('rejects comments, which JSON does not allow', async () => {
    const problem = await problemOf('{\n  // a note\n  "a": 1\n}');
    expect(problem).toEqual({ path: 'line 2, column 3', message: 'not valid JSON: comments are not allowed in JSON' });
  });

  it('rejects text after the end of the value', async () => {
    const problem = await problemOf('{"a": 1}\n{"b": 2}');
    expect(problem.path).toBe('line 2, column 1');
    expect(problem.message).toMatch(/^not valid JSON: /);
  });

  it('reports a cut-off document at its end', async () => {
    const problem = await problemOf('{"a": [1, 2');
    expect(problem.path).toBe('line 1, column 12');
    expect(problem.message).toBe('not valid JSON: expected "]" to close the array');
  });

  it('writes messages in its own words, not the JavaScript engine\'s', async () => {
    for (const text of ['{"a": 1,}', '{"a" 1}', '[1 2]', '{"a": tru}']) {
      const problem = await problemOf(text);
      expect(problem.path).toMatch(/^line \d+, column \d+$/);
      expect(problem.message).not.toMatch(/Unexpected token|JSON\.parse|position \d+/);
    }
  });
});
