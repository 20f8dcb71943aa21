/** Links and snippets for sharing the current view, in the full app or as an embed. */

export const EMBED_ONLY_PARAMS = ['embed', 'height', 'parentOrigin'] as const;

export type Theme = 'light' | 'dark' | 'auto';

/** The full app at the same view: the embed's own options dropped. */
export function fullAppUrl(href: string): string {
  const url = new URL(href);
  for (const name of EMBED_ONLY_PARAMS) url.searchParams.delete(name);
  return url.href.replace(/%2C/g, ',');
}

/** The embed at the same view and theme. */
export function embedUrl(href: string, theme: Theme): string {
  const url = new URL(fullAppUrl(href));
  url.searchParams.set('embed', '1');
  if (theme === 'auto') url.searchParams.delete('theme');
  else url.searchParams.set('theme', theme);
  return url.href.replace(/%2C/g, ',');
}
