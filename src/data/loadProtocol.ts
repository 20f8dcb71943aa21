/**
 * What the worker is asked for: a dataset by URL (the worker downloads it), a file the reader chose
 * (the worker reads it), a text already in hand (the bundled dataset in tests), or a synthetic sample.
 */
export type LoadRequest =
  | { kind: 'url'; url: string; file?: string | undefined }
  | { kind: 'file'; file: File }
  | { kind: 'text'; text: string; file?: string | undefined }
  | { kind: 'sample'; events: number; seed: number };

/**
 * How far loading has got: bytes downloaded or read (of a total, when known), the sample being
 * generated, a spreadsheet's text split into rows (in characters) and its rows converted to events, the sources checked (before the events, which are checked as they arrive) and handed to the page, events checked, the checked events being handed from the worker to the page
 * (a file of ours has its events handed over as they are checked: then only its lanes are laid out at the end), and the page
 * drawing them for the first time.
 */
export interface LoadProgress {
  stage: 'downloading' | 'reading' | 'generating' | 'splitting' | 'converting' | 'sources' | 'sendingSources' | 'checking' | 'sending' | 'lanes' | 'drawing';
  done: number;
  total: number | null;
  /** While a dataset of ours downloads or is read: how many of its events have been checked as they arrived. */
  checked?: number;
}
