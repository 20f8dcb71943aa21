import { writeLanguageParam } from './urlState';

/**
 * The one module that writes the page's address: the view (useViewState), the interface language and
 * the editor's opened file all change the query string through here, keeping the path and the hash.
 * (urlState.ts reads and writes query strings as text; this puts them in the browser's history.)
 */

const urlFor = (search: string) => `${window.location.pathname}${search === '?' ? '' : search}${window.location.hash}`;

/** The query string as it is now. */
export function currentSearch(): string {
  return window.location.search;
}

/** A new history entry with this query string (Back returns to the one before). */
export function pushSearch(search: string): void {
  window.history.pushState(null, '', urlFor(search));
}

/** This query string in place of the current one, without a history entry; the entry's state is kept. */
export function replaceSearch(search: string): void {
  window.history.replaceState(window.history.state, '', urlFor(search));
}

/** The interface language written into the address, so that links made from now on carry it. */
export function writeLanguageToAddress(lang: string): void {
  replaceSearch(writeLanguageParam(currentSearch(), lang));
}

/** A parameter taken out of the address (the editor's ?data=, once the file is opened). */
export function removeParam(name: string): void {
  const params = new URLSearchParams(currentSearch());
  if (!params.has(name)) return;
  params.delete(name);
  const search = params.toString().replace(/=(&|$)/g, '$1');
  replaceSearch(search ? `?${search}` : '');
}
