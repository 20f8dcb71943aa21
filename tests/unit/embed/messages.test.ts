import { describe, expect, it } from 'vitest';
import { acceptHostCommand, embedMessage, MESSAGE_SOURCE, parseHostCommand } from '../../../src/embed/messages';

const source = MESSAGE_SOURCE;

describe('parseHostCommand', () => {
  describe('accepts well-formed commands', () => {
    it('select with an event id', () => {
      expect(parseHostCommand({ source, type: 'select', id: 'biden-authorizes-kursk-strikes' })).toEqual({ type: 'select', id: 'biden-authorizes-kursk-strikes' });
      expect(parseHostCommand({ source, type: 'select', id: 'a' })).toEqual({ type: 'select', id: 'a' });
      expect(parseHostCommand({ source, type: 'select', id: 'event-2024' })).toEqual({ type: 'select', id: 'event-2024' });
    });

    it('select with null clears the selection', () => {
      expect(parseHostCommand({ source, type: 'select', id: null })).toEqual({ type: 'select', id: null });
    });

    it('setFilters with actors, query, both or neither', () => {
      expect(parseHostCommand({ source, type: 'setFilters', actors: ['united-states', 'ukraine'] })).toEqual({ type: 'setFilters', actors: ['united-states', 'ukraine'] });
      expect(parseHostCommand({ source, type: 'setFilters', actors: null })).toEqual({ type: 'setFilters', actors: null });
      expect(parseHostCommand({ source, type: 'setFilters', actors: [] })).toEqual({ type: 'setFilters', actors: [] });
      expect(parseHostCommand({ source, type: 'setFilters', query: 'ATACMS' })).toEqual({ type: 'setFilters', query: 'ATACMS' });
      expect(parseHostCommand({ source, type: 'setFilters', query: '' })).toEqual({ type: 'setFilters', query: '' });
      expect(parseHostCommand({ source, type: 'setFilters', actors: ['russia'], query: 'Kursk' })).toEqual({ type: 'setFilters', actors: ['russia'], query: 'Kursk' });
      expect(parseHostCommand({ source, type: 'setFilters' })).toEqual({ type: 'setFilters' });
    });

    it('a query of exactly 500 characters, and 500 actors', () => {
      const query = 'q'.repeat(500);
      expect(parseHostCommand({ source, type: 'setFilters', query })).toEqual({ type: 'setFilters', query });
      const actors = Array.from({ length: 500 }, (_, i) => `actor-${i}`);
      expect(parseHostCommand({ source, type: 'setFilters', actors })).toEqual({ type: 'setFilters', actors });
    });

    it('keeps only the fields it knows, dropping extras', () => {
      const command = parseHostCommand({ source, type: 'select', id: 'x', title: '<img src=x onerror=alert(1)>', html: '<b>' });
      expect(command).toEqual({ type: 'select', id: 'x' });
      expect(Object.keys(command ?? {}).sort()).toEqual(['id', 'type']);
      const filters = parseHostCommand({ source, type: 'setFilters', query: 'a', extra: 1 });
      expect(Object.keys(filters ?? {}).sort()).toEqual(['query', 'type']);
    });
  });

  describe('rejects malformed messages', () => {
    it.each([
      ['null', null],
      ['undefined', undefined],
      ['a string', 'conflict-timeline select x'],
      ['a number', 42],
      ['an array', [source, 'select', 'x']],
      ['an empty object', {}],
    ])('%s', (_why, data) => {
      expect(parseHostCommand(data)).toBeNull();
    });

    it.each([
      ['no source', { type: 'select', id: 'x' }],
      ['another source', { source: 'other-widget', type: 'select', id: 'x' }],
      ['a source in another case', { source: 'Conflict-Timeline', type: 'select', id: 'x' }],
      ['a source that is not a string', { source: ['conflict-timeline'], type: 'select', id: 'x' }],
    ])('wrong source: %s', (_why, data) => {
      expect(parseHostCommand(data)).toBeNull();
    });

    it.each(['ready', 'resize', 'navigate', 'eval', 'SELECT', '', undefined, null, 1])('unknown type %j', (type) => {
      expect(parseHostCommand({ source, type, id: 'x', height: 300 })).toBeNull();
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['upper case', 'Biden-Authorizes'],
      ['spaces', 'biden authorizes'],
      ['a leading hyphen', '-biden'],
      ['a trailing hyphen', 'biden-'],
      ['a double hyphen', 'biden--authorizes'],
      ['an underscore', 'biden_authorizes'],
      ['a path', '../admin'],
      ['markup', '<img src=x onerror=alert(1)>'],
      ['a URL', 'javascript:alert(1)'],
      ['a trailing newline', 'biden\n'],
      ['accented letters', 'zelenskyy-é'],
      ['a number', 42],
      ['an array', ['biden']],
      ['an object', { id: 'biden' }],
      ['a boolean', true],
    ])('select with a non-slug id: %s', (_why, id) => {
      expect(parseHostCommand({ source, type: 'select', id })).toBeNull();
    });

    it.each([
      ['a string', 'united-states,ukraine'],
      ['an object', { 0: 'ukraine', length: 1 }],
      ['a number', 1],
      ['undefined given explicitly', undefined],
      ['an array with a non-slug', ['ukraine', 'North Korea']],
      ['an array with a number', ['ukraine', 7]],
      ['an array with null', [null]],
      ['an array with a nested array', [['ukraine']]],
      ['too many actors', Array.from({ length: 501 }, (_, i) => `actor-${i}`)],
    ])('setFilters with bad actors: %s', (_why, actors) => {
      expect(parseHostCommand({ source, type: 'setFilters', actors })).toBeNull();
    });

    it.each([
      ['over 500 characters', 'q'.repeat(501)],
      ['a number', 5],
      ['null', null],
      ['an array', ['Kursk']],
      ['an object', { toString: () => 'Kursk' }],
    ])('setFilters with a bad query: %s', (_why, query) => {
      expect(parseHostCommand({ source, type: 'setFilters', query })).toBeNull();
    });

    it('a bad field spoils the whole setFilters command', () => {
      expect(parseHostCommand({ source, type: 'setFilters', actors: ['ukraine'], query: 'q'.repeat(501) })).toBeNull();
      expect(parseHostCommand({ source, type: 'setFilters', actors: 'ukraine', query: 'Kursk' })).toBeNull();
    });
  });

  describe('prototype tricks', () => {
    it('a "__proto__" key from JSON is an own property, not the message', () => {
      const data: unknown = JSON.parse('{"__proto__": {"source": "conflict-timeline", "type": "select", "id": "x"}}');
      expect(parseHostCommand(data)).toBeNull();
    });

    it('fields inherited through __proto__ are not the message', () => {
      // postMessage's structured clone drops prototypes, so this can only come from a same-window caller; still, only own fields count.
      expect(parseHostCommand({ __proto__: { source, type: 'select', id: 'x' } })).toBeNull();
      expect(parseHostCommand(Object.create({ source, type: 'setFilters', query: 'x' }))).toBeNull();
    });

    it('an inherited actors or query field is not applied', () => {
      const command = parseHostCommand({ source, type: 'setFilters', __proto__: { actors: ['ukraine'], query: 'Kursk' } });
      expect(command === null || (!('actors' in command) && !('query' in command))).toBe(true);
    });

    it('does not pollute Object.prototype', () => {
      parseHostCommand(JSON.parse('{"source": "conflict-timeline", "type": "setFilters", "__proto__": {"polluted": true}, "actors": ["ukraine"]}'));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
});

describe('acceptHostCommand', () => {
  const parent = { name: 'parent window' };
  const self = { name: 'the embed itself' };
  const sibling = { name: 'another frame' };
  const select = { source, type: 'select', id: 'biden-authorizes-kursk-strikes' };
  const parentOrigin = 'https://news.example.com';

  it('accepts a command from the parent at parentOrigin', () => {
    expect(acceptHostCommand({ source: parent, origin: parentOrigin, data: select }, parent, parentOrigin)).toEqual({ type: 'select', id: 'biden-authorizes-kursk-strikes' });
  });

  it('accepts a command from the parent at any origin when no parentOrigin is given', () => {
    expect(acceptHostCommand({ source: parent, origin: 'https://anywhere.example', data: select }, parent, null)).toEqual({ type: 'select', id: 'biden-authorizes-kursk-strikes' });
    expect(acceptHostCommand({ source: parent, origin: 'null', data: select }, parent, null)).not.toBeNull();
  });

  it.each([
    ['the embed itself', self],
    ['a sibling frame', sibling],
    ['no source', null],
    ['undefined', undefined],
  ])('rejects a message whose source is %s, not the parent', (_why, from) => {
    expect(acceptHostCommand({ source: from, origin: parentOrigin, data: select }, parent, parentOrigin)).toBeNull();
    expect(acceptHostCommand({ source: from, origin: parentOrigin, data: select }, parent, null)).toBeNull();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another scheme', 'http://news.example.com'],
    ['another port', 'https://news.example.com:8443'],
    ['a subdomain', 'https://www.news.example.com'],
    ['the opaque origin', 'null'],
    ['an empty origin', ''],
    ['the origin with a trailing slash', 'https://news.example.com/'],
  ])('rejects a message from the parent at %s when parentOrigin is set', (_why, origin) => {
    expect(acceptHostCommand({ source: parent, origin, data: select }, parent, parentOrigin)).toBeNull();
  });

  it('rejects everything when there is no parent (a top-level page)', () => {
    expect(acceptHostCommand({ source: null, origin: parentOrigin, data: select }, null, null)).toBeNull();
    expect(acceptHostCommand({ source: null, origin: parentOrigin, data: select }, null, parentOrigin)).toBeNull();
  });

  it('rejects a malformed message even from the parent at parentOrigin', () => {
    expect(acceptHostCommand({ source: parent, origin: parentOrigin, data: { ...select, source: 'other' } }, parent, parentOrigin)).toBeNull();
    expect(acceptHostCommand({ source: parent, origin: parentOrigin, data: { source, type: 'select', id: '<b>' } }, parent, parentOrigin)).toBeNull();
    expect(acceptHostCommand({ source: parent, origin: parentOrigin, data: 'select' }, parent, parentOrigin)).toBeNull();
  });
});

describe('embedMessage', () => {
  it('stamps each message with the source', () => {
    expect(embedMessage({ type: 'ready' })).toEqual({ source, type: 'ready' });
    expect(embedMessage({ type: 'resize', height: 612 })).toEqual({ source, type: 'resize', height: 612 });
    expect(embedMessage({ type: 'select', id: 'x', title: 'X' })).toEqual({ source, type: 'select', id: 'x', title: 'X' });
    expect(embedMessage({ type: 'select', id: null, title: null })).toEqual({ source, type: 'select', id: null, title: null });
  });

  it('the source cannot be overridden by the body', () => {
    const body = { type: 'ready', source: 'spoofed' } as unknown as Parameters<typeof embedMessage>[0];
    expect(embedMessage(body).source).toBe(source);
  });

  it('messages survive structured cloning (what postMessage does) unchanged', () => {
    const message = embedMessage({ type: 'select', id: 'x', title: 'A “quoted” title' });
    expect(structuredClone(message)).toEqual(message);
  });
});
