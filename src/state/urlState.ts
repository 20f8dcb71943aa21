import { DEFAULT_WIDTH, homeWindow, revealWindow, type ViewContext, type ViewState } from './viewState';
import { NO_FILTERS, type Filters } from './filters';
import { impossibleDay } from '../data/calendar';
import type { ViewModel } from './viewModel';
import type { Dataset } from '../data/model';
import { clampWindow, sameWindow, type TimeWindow } from '../timeline/core/timeWindow';

/** What the URL may say about the view; anything it cannot say is left to the defaults. */
export interface UrlView {
  /** null: the link says no event is selected (`event=`), where the dataset would open on one. */
  selected?: string | null;
  window?: TimeWindow;
  /** Actor ids; an empty list means none chosen. Absent: all actors. */
  actors?: string[];
  query?: string;
  view?: ViewState['view'];
}

const DAY_MS = 86_400_000;

/** "2024-11-17" for a midnight, "2024-11-17T06:30:00Z" otherwise; expanded years for BCE. */
export function formatUrlTime(ms: number): string {
  const rounded = Math.round(ms / 1000) * 1000;
  const iso = new Date(rounded).toISOString();
  if (rounded % DAY_MS === 0) return iso.slice(0, iso.indexOf('T'));
  return iso.replace('.000Z', 'Z');
}

export function parseUrlTime(text: string): number | null {
  if (!/^[+-]?\d{4,6}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$/.test(text)) return null;
  // Date.parse rolls 2024-02-30 over into March; a URL naming an impossible day is wrong, not shifted.
  if (impossibleDay(text.replace(/^\+/, ''))) return null;
  const ms = Date.parse(text.includes('T') ? text : `${text}T00:00:00Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** Reads the view from a query string; invalid parts are reported and ignored, never fatal. */
export function parseViewParams(search: string, warn: (message: string) => void = () => {}): UrlView {
  const params = new URLSearchParams(search);
  const view: UrlView = {};
  const selected = params.get('event');
  if (selected) view.selected = selected;
  else if (selected === '') view.selected = null;
  const fromText = params.get('from');
  const toText = params.get('to');
  if (fromText !== null || toText !== null) {
    const from = fromText === null ? null : parseUrlTime(fromText);
    const to = toText === null ? null : parseUrlTime(toText);
    if (from === null || to === null || to <= from) {
      warn(`Ignoring the window in the URL (from=${fromText ?? ''}, to=${toText ?? ''}): give two dates like 2024-11-01 with from before to.`);
    } else {
      view.window = { start: from, end: to };
    }
  }
  const actors = params.get('actors');
  if (actors !== null) view.actors = actors.split(',').map((a) => a.trim()).filter(Boolean);
  const query = params.get('q');
  if (query) view.query = query;
  const mode = params.get('view');
  if (mode === 'list' || mode === 'timeline') view.view = mode;
  else if (mode !== null) warn(`Ignoring view=${mode} in the URL: use "timeline" or "list".`);
  return view;
}

/** Writes the view into a query string, keeping parameters that belong to others. */
export function writeViewParams(search: string, state: ViewState, ctx: ViewContext): string {
  const params = new URLSearchParams(search);
  if (state.selected) params.set('event', state.selected);
  // A dataset that opens on an event needs the link to say that none is selected.
  else if (ctx.openingEvent !== undefined) params.set('event', '');
  else params.delete('event');
  if (sameWindow(state.window, homeWindow(ctx), 1000)) {
    params.delete('from');
    params.delete('to');
  } else {
    params.set('from', formatUrlTime(state.window.start));
    params.set('to', formatUrlTime(state.window.end));
  }
  if (state.filters.actors === null) params.delete('actors');
  else params.set('actors', state.filters.actors.join(','));
  if (state.filters.query.trim() === '') params.delete('q');
  else params.set('q', state.filters.query);
  if (state.view === 'list') params.set('view', 'list');
  else params.delete('view');
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** The view a URL describes, with unknown events and impossible windows dropped (and reported). */
export function viewFromUrl(ctx: ViewContext, url: UrlView, warn: (message: string) => void = () => {}, width = DEFAULT_WIDTH): ViewState {
  let selected: string | null = null;
  if (url.selected !== undefined && url.selected !== null) {
    if (ctx.indexOf.has(url.selected)) selected = url.selected;
    else warn(`Ignoring event "${url.selected}" in the URL: this dataset has no such event.`);
  }
  const window = url.window ? clampWindow(url.window, ctx.limits) : homeWindow(ctx);
  return { selected, focused: selected, window, width, filters: NO_FILTERS, view: 'timeline', notice: null };
}

/** The filters a link asks for, of those this dataset has (the others are warned about and left out). */
export function filtersFromUrl(dataset: Pick<Dataset, 'actorsById'>, url: UrlView, warn: (message: string) => void = () => {}): Filters {
  let actors: string[] | null = null;
  if (url.actors !== undefined) {
    const known = url.actors.filter((id) => dataset.actorsById.has(id));
    for (const id of url.actors) if (!known.includes(id)) warn(`Ignoring actor "${id}" in the URL: this dataset has no such actor.`);
    actors = known.length === 0 && url.actors.length > 0 ? null : known;
  }
  return { actors, query: url.query ?? '' };
}

/** The whole view a URL describes, filters included; unknown actors are dropped with a warning. */
export function restoreView(
  model: ViewModel,
  url: UrlView,
  warn: (message: string) => void = () => {},
  width = DEFAULT_WIDTH,
  /** Whether the dataset's opening event is selected when the link names none (not inside an embed). */
  selectOpening = true,
): ViewState {
  const filters = filtersFromUrl(model.dataset, url, warn);
  const ctx = model.viewFor(filters);
  let wanted = url;
  if (url.selected !== undefined && url.selected !== null && model.dataset.eventsById.has(url.selected) && !ctx.indexOf.has(url.selected)) {
    warn(`Ignoring event "${url.selected}" in the URL: the URL's own filters hide it.`);
    wanted = { ...url, selected: undefined };
  }
  // A link that names neither an event nor a window opens on the story's headline event, if the dataset names one.
  const opening = ctx.openingEvent;
  if (selectOpening && wanted.selected === undefined && wanted.window === undefined && opening !== undefined && ctx.indexOf.has(opening)) wanted = { ...wanted, selected: opening };
  const base = viewFromUrl(ctx, wanted, warn, width);
  // A link to an event that names no window shows that event on its own, wherever it is.
  const linked = url.selected !== undefined && url.selected !== null && url.window === undefined ? ctx.indexOf.get(url.selected) : undefined;
  const window = linked !== undefined && base.selected === url.selected ? revealWindow(base, ctx, linked) : base.window;
  return { ...base, window, filters, view: url.view ?? 'timeline' };
}

/** The interface language the URL asks for (`?lang=uk`), as written; null when it names none. */
export function readLanguageParam(search: string): string | null {
  const lang = new URLSearchParams(search).get('lang');
  return lang === null || lang.trim() === '' ? null : lang.trim();
}

/** The query string with the interface language set, keeping every other parameter. */
export function writeLanguageParam(search: string, lang: string): string {
  const params = new URLSearchParams(search);
  params.set('lang', lang);
  return `?${params.toString().replace(/%2C/g, ',')}`;
}
