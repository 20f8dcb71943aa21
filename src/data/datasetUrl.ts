import type { Problem } from './problems';

/** A dataset URL a reader may load: absolute http(s) only, resolved against the page. */
export function datasetUrl(raw: string, base: string): { ok: true; url: URL } | { ok: false; problem: Problem } {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { ok: false, problem: { path: 'data', message: `"${raw}" is not a URL` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: { path: 'data', message: `only http: and https: datasets can be loaded, not ${url.protocol}` } };
  }
  return { ok: true, url };
}
