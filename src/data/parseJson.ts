import type { ParseError } from 'jsonc-parser';
import type { Problem } from './problems';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

const plainMessages: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'string is not closed',
  UnexpectedEndOfNumber: 'number is cut off',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence in a string',
  InvalidCharacter: 'control character inside a string (escape it, e.g. \\n)',
};

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Where the comma stands when the text at `offset` closes an object or array right after one; -1 otherwise. */
function trailingCommaBefore(text: string, offset: number): number {
  if (text[offset] !== '}' && text[offset] !== ']') return -1;
  let at = offset - 1;
  while (at >= 0 && /\s/.test(text[at] as string)) at--;
  return text[at] === ',' ? at : -1;
}

/** Parses JSON; on failure says what is wrong and where, as line and column. */
export async function parseJson(file: string): Promise<JsonParseResult> {
  // A byte-order mark is how some editors on Windows start a UTF-8 file; it is not part of the JSON.
  const text = file.charCodeAt(0) === 0xfeff ? file.slice(1) : file;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (text.trim() === '') return { ok: false, problem: { path: '(file)', message: 'the file is empty, not JSON' } };
    // JSON.parse's messages differ between engines and some carry no position; a tolerant parser finds one.
    // Loaded only when needed, to keep it out of the initial bundle.
    const { parse: parseTolerant, printParseErrorCode } = await import('jsonc-parser');
    const errors: ParseError[] = [];
    try {
      parseTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
    } catch {
      // The tolerant parser recurses; absurd nesting exhausts the stack. Say so, at the engine's position if it gave one.
      const at = /position (\d+)/.exec((error as Error).message);
      const { line, column } = lineAndColumn(text, at ? Number(at[1]) : text.length);
      return { ok: false, problem: { path: `line ${line}, column ${column}`, message: 'not valid JSON: nested too deeply to read, or not closed' } };
    }
    const first = errors[0];
    if (!first) {
      return { ok: false, problem: { path: '(file)', message: `not valid JSON: ${(error as Error).message}` } };
    }
    const code = printParseErrorCode(first.error);
    // A comma before a closing bracket is reported where it stands, not at the bracket after it.
    const comma = code === 'PropertyNameExpected' || code === 'ValueExpected' ? trailingCommaBefore(text, first.offset) : -1;
    if (comma >= 0) {
      const { line, column } = lineAndColumn(text, comma);
      return { ok: false, problem: { path: `line ${line}, column ${column}`, message: `not valid JSON: a trailing comma before "${text[first.offset]}"; remove it` } };
    }
    const { line, column } = lineAndColumn(text, first.offset);
    const what = plainMessages[code] ?? 'syntax error';
    return { ok: false, problem: { path: `line ${line}, column ${column}`, message: `not valid JSON: ${what}` } };
  }
}
