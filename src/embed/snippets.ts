/** The embed snippets the Share dialog offers (loaded with it, not with the app). */
import { embedUrl, type Theme } from './links';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The view's parameters as the loader's data attributes. */
const ATTRIBUTES: [param: string, attribute: string][] = [
  ['actors', 'data-actors'],
  ['q', 'data-query'],
  ['event', 'data-event'],
  ['from', 'data-from'],
  ['to', 'data-to'],
  ['view', 'data-view'],
  ['data', 'data-dataset'],
  ['lang', 'data-lang'],
];

/**
 * What an embed of a view around a plot this tall will measure, in CSS pixels: its title, toolbar,
 * overview, details and source drawer around the plot. The loader reserves it, so the host page does
 * not jump when the embed arrives.
 */
export function expectedEmbedHeight(plotHeight: number): number {
  return Math.round(plotHeight + EMBED_CHROME);
}

/** Everything in an embed but its plot, measured at desktop widths (the explainer's two embeds). */
const EMBED_CHROME = 395;

/** A `<div data-conflict-timeline>` plus the loader script tag, for any page. */
export function loaderSnippet(href: string, theme: Theme, title: string, expectedHeight?: number): string {
  const url = new URL(href);
  const attributes = ATTRIBUTES.flatMap(([param, attribute]) => {
    const value = url.searchParams.get(param);
    return value ? [`${attribute}="${escapeAttribute(value)}"`] : [];
  });
  if (theme !== 'auto') attributes.push(`data-theme="${theme}"`);
  attributes.push(`data-title="${escapeAttribute(title)}"`);
  if (expectedHeight !== undefined) attributes.push(`data-expected-height="${Math.round(expectedHeight)}"`);
  const script = new URL('embed.js', new URL('./', url.origin + url.pathname)).href;
  return `<div data-conflict-timeline ${attributes.join(' ')}></div>\n<script src="${script}" defer></script>`;
}

/** The raw iframe, for pages that cannot run scripts (it does not resize itself). */
export function iframeSnippet(href: string, theme: Theme, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl(href, theme))}" title="${escapeAttribute(title)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}
