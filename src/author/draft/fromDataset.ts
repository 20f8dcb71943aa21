import { findVerbatim } from '../../data/textMatch';
import { readAnyFormat } from '../../data/import/detect';
import { actorKinds, attributionKinds, importFormats, type Actor, type DatasetOrigin } from '../../data/schema';
import type { Problem } from '../../data/problems';
import { captureExcerpt } from './actions';
import type { Draft, DraftEvent, DraftExcerpt, DraftSource } from './model';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const oneOf = <T extends string>(options: readonly T[], v: unknown, fallback: T): T => (options.includes(v as T) ? (v as T) : fallback);

function readSource(raw: unknown): DraftSource {
  const s = isObject(raw) ? raw : {};
  return {
    id: str(s.id),
    title: str(s.title),
    outlet: str(s.outlet),
    author: str(s.author),
    url: str(s.url),
    published: str(s.published),
    paragraphs: list(s.paragraphs).map((p) => str(isObject(p) ? p.text : p)),
  };
}

function readActor(raw: unknown): Actor {
  const a = isObject(raw) ? raw : {};
  const color = isObject(a.color) ? a.color : {};
  return {
    id: str(a.id),
    name: str(a.name),
    kind: oneOf(actorKinds, a.kind, 'organization'),
    ...(typeof a.memberOf === 'string' ? { memberOf: a.memberOf } : {}),
    color: { light: str(color.light), dark: str(color.dark) },
  };
}

/** An excerpt located again in its source, so the editor can highlight it; kept as given when it is not found. */
function locateExcerpt(raw: unknown, sources: readonly DraftSource[]): DraftExcerpt {
  const x = isObject(raw) ? raw : {};
  const quote = str(x.quote);
  const source = sources.find((s) => s.id === x.source);
  if (source) {
    for (let paragraph = 0; paragraph < source.paragraphs.length; paragraph++) {
      const range = findVerbatim(source.paragraphs[paragraph] as string, quote);
      const captured = range && captureExcerpt(source, { sourceId: source.id, paragraph, ...range });
      if (captured) return { ...captured, quote };
    }
  }
  return { source: str(x.source), quote, paragraph: -1, start: 0, end: 0, selector: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } };
}

function readEvent(raw: unknown, index: number, sources: readonly DraftSource[]): DraftEvent {
  const e = isObject(raw) ? raw : {};
  const basis = isObject(e.dateBasis) ? e.dateBasis : {};
  const attribution = isObject(e.attribution) ? e.attribution : {};
  const excerpts = list(e.excerpts).map((x) => locateExcerpt(x, sources));
  return {
    key: `e${index + 1}`,
    id: str(e.id),
    title: str(e.title),
    summary: str(e.summary),
    date: str(e.date),
    dateBasis: { quote: str(basis.quote), explanation: str(basis.explanation) },
    dateAlternatives: [],
    dateNeedsAuthor: false,
    actors: list(e.actors).map(str),
    attribution: { kind: oneOf(attributionKinds, attribution.kind, 'publication'), detail: str(attribution.detail) },
    excerpts,
    unverified: excerpts.length === 0,
  };
}

/** A draft from any dataset JSON, keeping everything it has (the validator then names what is wrong). */
export function draftFromRecord(value: unknown): Draft {
  const d = isObject(value) ? value : {};
  const sources = list(d.sources).map(readSource);
  const events = list(d.events).map((e, i) => readEvent(e, i, sources));
  const origin: DatasetOrigin | undefined = isObject(d.origin)
    ? { format: oneOf(importFormats, d.origin.format, 'timelinejs-json'), ...(typeof d.origin.file === 'string' ? { file: d.origin.file } : {}) }
    : undefined;
  return { title: str(d.title), sources, actors: list(d.actors).map(readActor), events, ...(origin ? { origin } : {}), nextKey: events.length + 1 };
}

/** Opens a file's text as a draft: our dataset, or a TimelineJS or CSV file converted first (as the reader opens them). */
export async function draftFromText(text: string, file?: string): Promise<{ ok: true; draft: Draft; problems: Problem[] } | { ok: false; problems: Problem[] }> {
  const read = await readAnyFormat(text, file);
  if (read.kind === 'error') return { ok: false, problems: [read.problem] };
  if (read.kind === 'dataset') return { ok: true, draft: draftFromRecord(read.value), problems: [] };
  if (!read.result.dataset) return { ok: false, problems: read.result.problems };
  const skipped = read.result.skipped.flatMap((item) => item.problems);
  return { ok: true, draft: draftFromRecord(read.result.dataset), problems: [...read.result.problems, ...skipped] };
}
