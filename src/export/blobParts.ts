import type { Steps } from '../timeline/core/steps';

/**
 * Text goes into a Blob about this many characters at a time. Chromium turns a Blob's text into bytes
 * and hands them to the browser when the Blob is made: a part of a megabyte took up to 300 ms at a
 * million events, a part of this size takes a few.
 */
const PART_CHARS = 128 * 1024;

/** Small parts are gathered into one this many at a time, so that the file is made of a few dozen, not thousands. */
const PARTS_PER_GROUP = 64;

/** Gathers a file's text, piece by piece, into Blob parts: one of about PART_CHARS characters, gathered PARTS_PER_GROUP at a time. */
export class BlobPartCollector {
  private readonly groups: Blob[] = [];
  private parts: Blob[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  push(piece: string): void {
    this.pending.push(piece);
    this.pendingChars += piece.length;
    if (this.pendingChars >= PART_CHARS) this.flushText();
    if (this.parts.length >= PARTS_PER_GROUP) this.flushParts();
  }

  /** The parts, in order: together the same bytes as `new Blob([...pieces])`. */
  finish(): Blob[] {
    this.flushText();
    this.flushParts();
    return this.groups;
  }

  private flushText() {
    if (this.pendingChars > 0) this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingChars = 0;
  }

  private flushParts() {
    if (this.parts.length > 0) this.groups.push(new Blob(this.parts));
    this.parts = [];
  }
}

/**
 * A file's text, given in pieces, made into Blob parts as steps (see steps.ts): one step a piece, so a
 * million-event file is made a slice at a time, and no string ever holds the whole file.
 */
export function* blobParts(pieces: Iterable<string>): Steps<Blob[]> {
  const collector = new BlobPartCollector();
  for (const piece of pieces) {
    collector.push(piece);
    yield;
  }
  return collector.finish();
}
