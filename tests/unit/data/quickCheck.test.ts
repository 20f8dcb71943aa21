import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { quickCheck } from '../../../src/data/quickCheck';
import { eventSchema, importedEventSchema, paragraphSchema, sourceSchema } from '../../../src/data/schema';
import { cloneBundled } from '../../fixtures/files';

type Json = Record<string, unknown>;

/** Ways a record can be wrong, or right in a way that is easy to get wrong, each applied to a copy. */
const mutations: [string, (event: Json) => void][] = [
  ['as given', () => undefined],
  ['no id', (e) => delete e.id],
  ['an id that is not a slug', (e) => (e.id = 'Not A Slug')],
  ['a numeric id', (e) => (e.id = 7)],
  ['an empty title', (e) => (e.title = '')],
  ['a title of 120 characters', (e) => (e.title = 't'.repeat(120))],
  ['a title of 121 characters', (e) => (e.title = 't'.repeat(121))],
  ['an unknown field', (e) => (e.colour = 'red')],
  ['a field given as undefined', (e) => (e.summary = undefined)],
  ['null where an object goes', (e) => (e.dateBasis = null)],
  ['an array where an object goes', (e) => (e.attribution = [])],
  ['an unknown attribution kind', (e) => ((e.attribution as Json).kind = 'rumour')],
  ['an extra field in the attribution', (e) => ((e.attribution as Json).note = 'x')],
  ['no actors', (e) => (e.actors = [])],
  ['an actor that is not a slug', (e) => (e.actors = ['ukraine', 'Kyiv'])],
  ['a hole among the actors', (e) => (e.actors = Object.assign(new Array(2), { 0: 'ukraine' }))],
  ['no excerpts', (e) => (e.excerpts = [])],
  ['an excerpt without a quote', (e) => (e.excerpts = [{ source: 'x' }])],
  ['an excerpt with an extra field', (e) => (e.excerpts = [{ source: 'x', quote: 'q', page: 3 }])],
  ['a translation', (e) => (e.translations = { uk: { title: 'Заголовок' }, 'pt-BR': { summary: 'Resumo' } })],
  ['a translation under a bad tag', (e) => (e.translations = { 'not a tag': { title: 'x' } })],
  ['a translation with an unknown field', (e) => (e.translations = { uk: { title: 'x', note: 'y' } })],
  ['translations given as an array', (e) => (e.translations = [])],
  ['no date basis', (e) => delete e.dateBasis],
  ['a record with another prototype', (e) => Object.setPrototypeOf(e, Object.create(null))],
];

describe('quickCheck', () => {
  for (const [name, schema] of [
    ['our events', eventSchema],
    ['imported events', importedEventSchema],
  ] as const) {
    it(`passes only what zod passes, and then exactly what zod gives back (${name})`, () => {
      const check = quickCheck(schema);
      expect(check).not.toBeNull();
      const events = cloneBundled().events as unknown as Json[];
      let passed = 0;
      for (const [what, mutate] of mutations) {
        for (const event of events.slice(0, 12)) {
          const value = structuredClone(event);
          mutate(value);
          const parsed = schema.safeParse(value);
          const quick = check?.(value);
          if (quick) {
            passed++;
            expect(parsed.success, what).toBe(true);
            expect(parsed.data, what).toStrictEqual(value);
          }
          // What zod passes, the quick check passes too, unless it is a kind of record it leaves to zod.
          if (parsed.success && !['a record with another prototype'].includes(what)) expect(quick, what).toBe(true);
        }
      }
      // At least the records as given, with a 120-character title and with translations.
      expect(passed).toBeGreaterThanOrEqual(12 * 3);
    });
  }

  it('passes a source whose paragraphs give their kind, and leaves one that does not to zod, which fills it in', () => {
    const check = quickCheck(sourceSchema);
    const source = cloneBundled().sources[0] as unknown as { paragraphs: Json[] };
    expect(check?.(source)).toBe(true);
    expect(sourceSchema.safeParse(source).data).toStrictEqual(source);
    delete source.paragraphs[1]?.kind;
    expect(check?.(source)).toBe(false);
    expect(sourceSchema.safeParse(source).data?.paragraphs[1]?.kind).toBe('body');
    expect(quickCheck(paragraphSchema)?.({ text: 'Words.', kind: 'footnote' })).toBe(false);
  });

  it('leaves to zod a schema with what it does not know: a refinement, a transform', () => {
    expect(quickCheck(z.string().check(z.refine((s) => s.length > 2)))).toBeNull();
    expect(quickCheck(z.pipe(z.string(), z.transform((s) => s.length)))).toBeNull();
  });
});
