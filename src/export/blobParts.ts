import type { Steps } from '../timeline/core/steps';

/**
 * Text goes into a Blob about this many characters at a time. Chromium turns a Blob's text into bytes
 * and hands them to the browser when the Blob is made: a part of a megabyte took up to 300 ms at a
 * million events, a part of this size takes a few.
 */
const PART_CHARS = 128 * 1024;

/** Small parts are gathered into one this many at a time, so that the file is made of a few dozen, not thousands. */
const PARTS_PER_GROUP = 64;

/**
 * A file's text, given in pieces, made into Blob parts as steps (see steps.ts): one step a piece, so a
 * million-event file is made a slice at a time, and no string ever holds the whole file. The parts, in
 * order, make the same bytes as `new Blob([...pieces])`.
 */
export function* blobParts(pieces: Iterable<string>): Steps<Blob[]> {
  const groups: Blob[] = [];
  let parts: Blob[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const flushText = () => {
    if (pendingChars > 0) parts.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };
  const flushParts = () => {
    if (parts.length > 0) groups.push(new Blob(parts));
    parts = [];
  };
  for (const piece of pieces) {
    pending.push(piece);
    pendingChars += piece.length;
    if (pendingChars >= PART_CHARS) flushText();
    if (parts.length >= PARTS_PER_GROUP) flushParts();
    yield;
  }
  flushText();
  flushParts();
  return groups;
}
