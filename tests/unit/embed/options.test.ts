import { describe, expect, it } from 'vitest';
import { parseEmbedOptions, type EmbedOptions } from '../../../src/embed/options';

const DEFAULTS: EmbedOptions = { embed: false, theme: 'auto', height: null, parentOrigin: null };

/** Parses a query string and returns the options with every warning issued. */
function parse(search: string): { options: EmbedOptions; warnings: string[] } {
  const warnings: string[] = [];
  const options = parseEmbedOptions(search, (message) => warnings.push(message));
  return { options, warnings };
}

describe('parseEmbedOptions', () => {
  it('defaults to a normal page without warnings, with or without the leading ?', () => {
    expect(parse('')).toEqual({ options: DEFAULTS, warnings: [] });
    expect(parse('?')).toEqual({ options: DEFAULTS, warnings: [] });
    expect(parse('?event=biden-authorizes-kursk-strikes&actors=ukraine')).toEqual({ options: DEFAULTS, warnings: [] });
  });

  it('works without a warn callback', () => {
    expect(parseEmbedOptions('?embed=maybe&theme=pink&height=1&parentOrigin=nope')).toEqual(DEFAULTS);
  });

  describe('embed', () => {
    it.each(['1', 'true', ''])('embed=%s turns embed mode on', (value) => {
      expect(parse(`?embed=${value}`)).toEqual({ options: { ...DEFAULTS, embed: true }, warnings: [] });
    });

    it('a bare ?embed turns embed mode on', () => {
      expect(parse('?embed').options.embed).toBe(true);
    });

    it.each(['0', 'false'])('embed=%s leaves it off without a warning', (value) => {
      expect(parse(`?embed=${value}`)).toEqual({ options: DEFAULTS, warnings: [] });
    });

    it.each(['yes', '2', 'TRUE', 'on', ' 1'])('embed=%j is ignored with a warning', (value) => {
      const { options, warnings } = parse(`?${new URLSearchParams({ embed: value }).toString()}`);
      expect(options.embed).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('embed=');
    });
  });

  describe('theme', () => {
    it.each(['light', 'dark', 'auto'] as const)('theme=%s is accepted', (theme) => {
      expect(parse(`?embed=1&theme=${theme}`)).toEqual({ options: { ...DEFAULTS, embed: true, theme }, warnings: [] });
    });

    it.each(['Dark', 'pink', '', 'light dark'])('theme=%j falls back to auto with a warning', (theme) => {
      const { options, warnings } = parse(`?${new URLSearchParams({ theme }).toString()}`);
      expect(options.theme).toBe('auto');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/theme=/);
    });
  });

  describe('height', () => {
    it.each([200, 201, 480, 3999, 4000])('height=%i is accepted', (height) => {
      expect(parse(`?height=${height}`)).toEqual({ options: { ...DEFAULTS, height }, warnings: [] });
    });

    it.each(['199', '4001', '0', '-300', '480.5', '1e3x', 'abc', '', 'Infinity', 'NaN', '100000'])('height=%j is ignored with a warning', (height) => {
      const { options, warnings } = parse(`?${new URLSearchParams({ height }).toString()}`);
      expect(options.height).toBeNull();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(`height=${height}`);
    });
  });

  describe('parentOrigin', () => {
    it.each(['https://news.example.com', 'http://localhost:5173', 'http://127.0.0.1:8080', 'https://example.org:8443', 'https://xn--bcher-kva.example'])(
      'a bare http(s) origin %s is accepted',
      (origin) => {
        expect(parse(`?${new URLSearchParams({ parentOrigin: origin }).toString()}`)).toEqual({ options: { ...DEFAULTS, parentOrigin: origin }, warnings: [] });
      },
    );

    it.each([
      ['a trailing slash', 'https://news.example.com/'],
      ['a path', 'https://news.example.com/story'],
      ['a query', 'https://news.example.com?x=1'],
      ['a fragment', 'https://news.example.com#top'],
      ['credentials', 'https://user:pw@news.example.com'],
      ['the default port spelled out', 'https://news.example.com:443'],
      ['upper case', 'HTTPS://NEWS.EXAMPLE.COM'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a data: URL', 'data:text/html,hi'],
      ['a file: URL', 'file:///etc/passwd'],
      ['ftp', 'ftp://files.example.com'],
      ['the opaque origin "null"', 'null'],
      ['a wildcard', '*'],
      ['a bare host name', 'news.example.com'],
      ['a relative path', '/embed'],
      ['an empty value', ''],
    ])('%s (%j) is ignored with a warning', (_why, origin) => {
      const { options, warnings } = parse(`?${new URLSearchParams({ parentOrigin: origin }).toString()}`);
      expect(options.parentOrigin).toBeNull();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('parentOrigin=');
    });
  });

  it('reads every option at once and reports each invalid one separately', () => {
    expect(parse('?embed=1&theme=dark&height=640&parentOrigin=https%3A%2F%2Fnews.example.com&actors=ukraine')).toEqual({
      options: { embed: true, theme: 'dark', height: 640, parentOrigin: 'https://news.example.com' },
      warnings: [],
    });
    const { options, warnings } = parse('?embed=1&theme=neon&height=50&parentOrigin=https://evil.example/x');
    expect(options).toEqual({ ...DEFAULTS, embed: true });
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/theme=neon[\s\S]*height=50[\s\S]*parentOrigin=https:\/\/evil\.example\/x/);
  });

  it('uses the first value when a parameter is repeated', () => {
    expect(parse('?theme=dark&theme=light').options.theme).toBe('dark');
  });
});
