// Datasets for the robustness e2e tests, and a fake dataset host: `page.route` answers for
// https://data.example.test/ so that `?data=` loads them without anything leaving the machine.
import type { Page, Route } from 'playwright-core';
import { buildDataset, type DatasetRecord, type EventSpec } from '../../fixtures/robust/datasets';

export { buildDataset, manyEvents, sameDayEvents } from '../../fixtures/robust/datasets';
export type { DatasetRecord, EventSpec };

export const DATA_ORIGIN = 'https://data.example.test';

/** The app's URL for a dataset served at DATA_ORIGIN + path, with extra view parameters. */
export function dataUrl(path: string, extra = ''): string {
  return `/?data=${encodeURIComponent(`${DATA_ORIGIN}${path}`)}${extra ? `&${extra}` : ''}`;
}

export interface DataReply {
  status?: number;
  /** A dataset object (sent as JSON), raw text, or bytes (a gzipped file, say). */
  body: DatasetRecord | string | Uint8Array;
  contentType?: string;
  /**
   * Send `access-control-allow-origin: *`. False imitates a host that does not allow other sites to read it:
   * it allows only another origin, since Playwright's route.fulfill adds a matching allow-origin header
   * itself when there is none (playwright issue #12929), which would hide the refusal.
   */
  cors?: boolean;
}

/**
 * Serves `replies` by path on DATA_ORIGIN; any other path there answers 404 (with CORS, so the app sees the
 * status). Returns the paths that were asked for.
 */
export async function serveDatasets(page: Page, replies: Record<string, DataReply>): Promise<string[]> {
  const asked: string[] = [];
  await page.route(`${DATA_ORIGIN}/**`, async (route: Route) => {
    const path = new URL(route.request().url()).pathname;
    asked.push(path);
    const reply = replies[path] ?? { status: 404, body: 'not here', contentType: 'text/plain' };
    const headers: Record<string, string> = { 'content-type': reply.contentType ?? 'application/json; charset=utf-8' };
    headers['access-control-allow-origin'] = reply.cors === false ? 'https://some-other-site.example.test' : '*';
    await route.fulfill({
      status: reply.status ?? 200,
      headers,
      body: typeof reply.body === 'string' ? reply.body : reply.body instanceof Uint8Array ? Buffer.from(reply.body) : JSON.stringify(reply.body),
    });
  });
  return asked;
}

/**
 * Refuses every request that is neither to the preview server nor to DATA_ORIGIN, and records it:
 * nothing may leave the machine, and an injected <img src=//evil> or <iframe> would show up here.
 */
export async function guardOutsideRequests(page: Page, baseURL: string): Promise<string[]> {
  const outside: string[] = [];
  const own = new URL(baseURL).origin;
  await page.context().route(
    (url) => url.origin !== own && url.origin !== DATA_ORIGIN && url.protocol !== 'data:' && url.protocol !== 'blob:',
    async (route) => {
      outside.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return outside;
}

// ---------------------------------------------------------------------------------------------
// XSS payloads. Each one, if it ever ran, would call `__xss.push(n)` or `alert(n)` with its own number n (written § in the templates).

const PAYLOAD_TEMPLATES: readonly string[] = [
  '<script>__xss.push(§)</script>',
  '<script>alert(§)</script>',
  '<img src=x onerror=__xss.push(§)>',
  '<img src=x onerror="alert(§)">',
  '<svg onload=__xss.push(§)>',
  '<svg/onload=alert(§)>',
  '<svg><script>__xss.push(§)</script></svg>',
  'javascript:__xss.push(§)',
  'javascript:alert(§)',
  '"><script>__xss.push(§)</script>',
  "'><script>__xss.push(§)</script>",
  '</title><script>__xss.push(§)</script>',
  '</textarea><script>__xss.push(§)</script>',
  '</script><script>__xss.push(§)</script>',
  '<div style="width: expression(__xss.push(§))">css expression</div>',
  '<div style="background:url(javascript:__xss.push(§))">css url</div>',
  '<style>body{background:url("javascript:__xss.push(§)")}</style>',
  "<style>@import 'javascript:__xss.push(§)';</style>",
  '<iframe srcdoc="<script>parent.__xss.push(§)</script>"></iframe>',
  '<iframe src="javascript:parent.__xss.push(§)"></iframe>',
  '<iframe src=data:text/html,<script>parent.__xss.push(§)</script>></iframe>',
  "{{constructor.constructor('__xss.push(§)')()}}",
  '{{__xss.push(§)}}',
  '${__xss.push(§)}',
  '#{__xss.push(§)}',
  '<%= __xss.push(§) %>',
  '<a href="javascript:__xss.push(§)">click</a>',
  '<a href="JaVaScRiPt:alert(§)">click</a>',
  '<a href=" javascript:__xss.push(§)">leading space</a>',
  '<a href="&#106;avascript:__xss.push(§)">entity scheme</a>',
  '<body onload=__xss.push(§)>',
  '<input autofocus onfocus=__xss.push(§)>',
  '<details open ontoggle=__xss.push(§)>',
  '<video><source onerror=__xss.push(§)></video>',
  '<audio src=x onerror=__xss.push(§)>',
  '<marquee onstart=__xss.push(§)>',
  '<div onmouseover="__xss.push(§)">hover me</div>',
  '<x onclick=__xss.push(§)>click me</x>',
  '<object data="javascript:__xss.push(§)"></object>',
  '<embed src="javascript:__xss.push(§)">',
  '<form action="javascript:__xss.push(§)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss.push(§)">',
  '<base href="javascript:__xss.push(§)//">',
  '<link rel=stylesheet href="javascript:__xss.push(§)">',
  '<svg><animate onbegin=__xss.push(§) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss.push(§)>',
  '<!--<img src="--><img src=x onerror=__xss.push(§)//">',
  '<noscript><p title="</noscript><img src=x onerror=__xss.push(§)>">',
  '<template><script>__xss.push(§)</script></template>',
  '<scr<script>ipt>__xss.push(§)</scr</script>ipt>',
  '<<script>__xss.push(§)//<</script>',
  '<IMG SRC=javascript:__xss.push(§)>',
  '<img """><script>__xss.push(§)</script>">',
  '<img src=x:alert(§) onerror=eval(src)>',
  '<script src=data:,__xss.push(§)></script>',
  '<img src=x onerror=&#95;&#95;xss.push(§)>',
  '<img src="x" onerror="&#x61;lert(§)">',
  '&lt;script&gt;__xss.push(§)&lt;/script&gt;',
  '%3Cscript%3E__xss.push(§)%3C%2Fscript%3E',
  '\\u003cscript\\u003e__xss.push(§)\\u003c/script\\u003e',
  '\\x3cscript\\x3e__xss.push(§)\\x3c/script\\x3e',
  'data:text/html;base64,PHNjcmlwdD5fX3hzcy5wdXNoKE4pPC9zY3JpcHQ+#§',
  "';__xss.push(§);//",
  '";__xss.push(§);//',
  '<div dangerouslySetInnerHTML={{__html: "<img src=x onerror=__xss.push(§)>"}}></div>',
  '<img src=//evil.example.test/§.png>',
];

/** The payloads, numbered from 1; each is a distinct string. */
export const XSS_PAYLOADS: readonly string[] = PAYLOAD_TEMPLATES.map((template, i) => template.replaceAll('§', String(i + 1)));

/**
 * A VALID dataset whose every free-text field holds XSS payloads: the dataset's title and description,
 * the source's title, outlet, author, url and paragraphs, actor names, and every event's title, summary,
 * date basis, attribution and excerpt. Excerpts and date bases quote the payloads verbatim from the paragraphs.
 */
export function xssDataset(): DatasetRecord {
  const payload = (i: number) => XSS_PAYLOADS[i % XSS_PAYLOADS.length] as string;
  const events: EventSpec[] = XSS_PAYLOADS.map((p, i) => ({
    id: `xss-${i + 1}`,
    date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    title: p.length <= 120 ? p : `Payload ${i + 1}`,
    summary: `${payload(i + 1)} ${p}`,
    paragraph: `Payload ${i + 1} reads: ${p} and nothing more.`,
    quote: p,
    actors: i % 2 === 0 ? ['alpha'] : ['beta', 'alpha-leader'],
  }));
  const d = buildDataset({ title: XSS_PAYLOADS[0] as string, description: payload(9), events });
  const source = d.sources[0];
  if (!source) throw new Error('no source');
  source.title = payload(2);
  source.outlet = payload(4);
  source.author = payload(18);
  source.url = 'javascript:__xss.push(1000)';
  source.paragraphs.push({ text: `Caption: ${payload(5)}`, kind: 'caption' });
  d.actors.forEach((actor, i) => {
    actor.name = payload(20 + i);
  });
  d.events.forEach((event, i) => {
    event.dateBasis.explanation = payload(i + 7);
    event.attribution = { kind: i % 3 === 0 ? 'anonymous' : 'on-record', detail: payload(i + 11) };
  });
  return d;
}

/** A small valid dataset with a recognisable title. */
export function tinyDataset(title = 'A tiny dataset opened from disk'): DatasetRecord {
  return buildDataset({
    title,
    events: [
      { id: 'first-meeting', date: '2024-03-01', title: 'Alphaland and Betastan meet' },
      { id: 'second-meeting', date: '2024-05', title: 'They meet again' },
      { id: 'long-talks', date: '2023/2024-05', title: 'Talks go on' },
    ],
  });
}
