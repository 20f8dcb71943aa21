// The story a build ships: one dataset file, named by TIMELINE_DATASET (default the Kursk dataset). The
// app loads it as the bundled dataset, and index.html takes its title, description and language, with
// Open Graph and Twitter tags for link previews. A preview image only when TIMELINE_SOCIAL_IMAGE gives one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

export const DEFAULT_DATASET = 'data/kursk-2024.json';
const VIRTUAL_ID = 'virtual:bundled-dataset';
const FALLBACK_DESCRIPTION = 'An interactive timeline of events, each linked to the exact words of its source.';

export interface Story {
  /** Absolute path of the dataset file. */
  file: string;
  title: string;
  description: string;
  language: string;
  /** An absolute http(s) URL of a preview image, only when one is given. */
  image?: string;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');

/** Reads what the page needs from a dataset file; throws a message that names the file and what is wrong. */
export function readStory(file: string, image?: string): Story {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`TIMELINE_DATASET ${file}: cannot be read as JSON (${(error as Error).message})`);
  }
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const title = textOf(record.title);
  if (!title) throw new Error(`TIMELINE_DATASET ${file}: has no "title"; a dataset needs one (check it with npm run validate -- ${file})`);
  if (image !== undefined && !/^https?:\/\/\S+$/i.test(image)) throw new Error(`TIMELINE_SOCIAL_IMAGE must be an absolute http(s) URL, got "${image}"`);
  return { file, title, description: textOf(record.description) || FALLBACK_DESCRIPTION, language: textOf(record.language) || 'en', ...(image ? { image } : {}) };
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** index.html with the story's title and language; the meta tags come from storyTags. */
export function applyStory(html: string, story: Story): string {
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${escapeText(story.language).replace(/"/g, '&quot;')}"`)
    .replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeText(story.title)}</title>`);
}

/** Description, Open Graph and Twitter tags (Vite escapes attribute values). */
export function storyTags(story: Story): HtmlTagDescriptor[] {
  const meta = (attrs: Record<string, string>): HtmlTagDescriptor => ({ tag: 'meta', attrs, injectTo: 'head' });
  return [
    meta({ name: 'description', content: story.description }),
    meta({ property: 'og:type', content: 'website' }),
    meta({ property: 'og:title', content: story.title }),
    meta({ property: 'og:description', content: story.description }),
    ...(story.image ? [meta({ property: 'og:image', content: story.image })] : []),
    meta({ name: 'twitter:card', content: story.image ? 'summary_large_image' : 'summary' }),
    meta({ name: 'twitter:title', content: story.title }),
    meta({ name: 'twitter:description', content: story.description }),
    ...(story.image ? [meta({ name: 'twitter:image', content: story.image })] : []),
  ];
}

/**
 * The story plugin: `virtual:bundled-dataset` is the URL of the dataset file (always its own asset: a data:
 * URL, as Vite inlines small files, would be refused by the page's connect-src),
 * and index.html gets the story's title, description, language and preview tags.
 */
export function story(env: Record<string, string | undefined> = process.env, root = process.cwd()): Plugin {
  let current: Story | null = null;
  const load = () => (current ??= readStory(resolve(root, env.TIMELINE_DATASET || DEFAULT_DATASET), env.TIMELINE_SOCIAL_IMAGE || undefined));
  return {
    name: 'story',
    buildStart() {
      current = null;
      this.addWatchFile(load().file);
    },
    resolveId: (id) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : null),
    load: (id) => (id === `\0${VIRTUAL_ID}` ? `export { default } from ${JSON.stringify(`${load().file}?url&no-inline`)};` : null),
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => (/(^|[\\/])index\.html$/.test(ctx.filename) ? { html: applyStory(html, load()), tags: storyTags(load()) } : html),
    },
  };
}
