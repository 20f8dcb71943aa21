import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyStory, readStory, storyTags, type Story } from '../../../build/story';

const dir = mkdtempSync(join(tmpdir(), 'story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const tagsOf = (story: Story) => storyTags(story).map((t) => t.attrs);

describe('the story a build ships', () => {
  it('takes the page title, description and language from the dataset', () => {
    const story = readStory(file('uk.json', '\uFEFF{"title": "Хронологія <війни>", "description": "Події  з\\nджерелами", "language": "uk", "events": []}'));
    expect(story).toEqual(expect.objectContaining({ title: 'Хронологія <війни>', description: 'Події з джерелами', language: 'uk' }));
    const html = applyStory('<html lang="en"><head><title>Conflict timeline</title></head></html>', story);
    expect(html).toBe('<html lang="uk"><head><title>Хронологія &lt;війни&gt;</title></head></html>');
  });

  it('writes Open Graph and Twitter tags, with no image unless one is given', () => {
    const story = readStory(file('plain.json', '{"title": "A story"}'));
    const tags = tagsOf(story);
    expect(tags).toContainEqual({ property: 'og:title', content: 'A story' });
    expect(tags).toContainEqual({ name: 'twitter:card', content: 'summary' });
    expect(tags.some((t) => t?.property === 'og:image' || t?.property === 'og:url')).toBe(false);
    // A dataset without a description gets the app's own, not an invented one.
    expect(tags).toContainEqual({ name: 'description', content: 'An interactive timeline of events, each linked to the exact words of its source.' });

    const withImage = tagsOf(readStory(story.file, 'https://news.example/preview.png'));
    expect(withImage).toContainEqual({ property: 'og:image', content: 'https://news.example/preview.png' });
    expect(withImage).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' });
  });

  it('names the file and what is wrong when the dataset cannot be used', () => {
    expect(() => readStory(join(dir, 'missing.json'))).toThrow(/^TIMELINE_DATASET .*missing\.json: cannot be read as JSON/);
    expect(() => readStory(file('untitled.json', '{"events": []}'))).toThrow(/has no "title"/);
    expect(() => readStory(file('ok.json', '{"title": "t"}'), 'preview.png')).toThrow('TIMELINE_SOCIAL_IMAGE must be an absolute http(s) URL, got "preview.png"');
  });
});
