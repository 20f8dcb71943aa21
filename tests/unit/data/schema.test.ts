import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { actorSchema, anyDatasetSchema, datasetSchema, eventSchema, excerptSchema, idSchema, paragraphSchema, sourceSchema } from '../../../src/data/schema';
import { nth } from '../../fixtures/builders';
import { cloneBundled } from '../../fixtures/files';

const committedSchemaPath = new URL('../../../data/dataset.schema.json', import.meta.url);

describe('datasetSchema', () => {
  it('parses the bundled dataset as it is written', () => {
    expect(datasetSchema.safeParse(cloneBundled()).success).toBe(true);
  });

  it('defaults a paragraph kind to "body"', () => {
    expect(paragraphSchema.parse({ text: 'Some words.' })).toEqual({ text: 'Some words.', kind: 'body' });
    expect(paragraphSchema.parse({ text: 'A photo.', kind: 'caption' }).kind).toBe('caption');
  });

  it.each(['united-states', 'epoch-2024-11-18', 'f16', 'a'])('accepts the slug %s as an id', (id) => {
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  it.each(['United-States', 'united_states', 'united--states', '-united', 'united-', 'united states', '', 'é'])('rejects %j as an id', (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });

  it('rejects unknown fields at every level (strict objects)', () => {
    const d = cloneBundled();
    expect(datasetSchema.safeParse({ ...d, extra: 1 }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...nth(d.sources, 0), extra: 1 }).success).toBe(false);
    expect(actorSchema.safeParse({ ...nth(d.actors, 0), extra: 1 }).success).toBe(false);
    expect(eventSchema.safeParse({ ...nth(d.events, 0), extra: 1 }).success).toBe(false);
    expect(excerptSchema.safeParse({ source: 'a', quote: 'b', extra: 1 }).success).toBe(false);
    expect(actorSchema.safeParse({ ...nth(d.actors, 0), color: { light: '#000000', dark: '#ffffff', print: '#000000' } }).success).toBe(false);
  });

  it('requires colours as six-digit hex', () => {
    const base = nth(cloneBundled().actors, 0);
    expect(actorSchema.safeParse({ ...base, color: { light: '#1F5FA8', dark: '#6f9fdc' } }).success).toBe(true);
    for (const bad of ['#fff', 'red', '1f5fa8', '#1f5fa8ff', '#1g5fa8']) {
      expect(actorSchema.safeParse({ ...base, color: { light: bad, dark: '#6f9fdc' } }).success, bad).toBe(false);
    }
  });

  it('limits event titles to 120 characters', () => {
    const event = nth(cloneBundled().events, 0);
    expect(eventSchema.safeParse({ ...event, title: 'x'.repeat(120) }).success).toBe(true);
    expect(eventSchema.safeParse({ ...event, title: 'x'.repeat(121) }).success).toBe(false);
  });

  it('allows only the four actor kinds and four attribution kinds', () => {
    const d = cloneBundled();
    expect(actorSchema.safeParse({ ...nth(d.actors, 0), kind: 'country' }).success).toBe(false);
    expect(eventSchema.safeParse({ ...nth(d.events, 0), attribution: { kind: 'rumour', detail: 'x' } }).success).toBe(false);
  });
});

describe('data/dataset.schema.json', () => {
  // The same call scripts/write-json-schema.ts makes; the committed file must not drift from the zod schema.
  const generated = z.toJSONSchema(anyDatasetSchema, { io: 'input', target: 'draft-2020-12' });
  const committed = JSON.parse(readFileSync(committedSchemaPath, 'utf8')) as Record<string, unknown>;

  it('has the same alternatives (our own format, an imported one) as the schema the script would write (run `npm run schema` if this fails)', () => {
    expect(committed.anyOf).toEqual(generated.anyOf);
    expect(committed.anyOf).toHaveLength(2);
  });

  it('has the same draft as the generated schema', () => {
    expect(committed.$schema).toBe(generated.$schema);
  });

  it('carries the id, title and description the script adds', () => {
    expect(committed.$id).toBe('dataset.schema.json');
    expect(committed.title).toBe('Conflict timeline dataset');
    expect(typeof committed.description).toBe('string');
  });

  it('is the schema the bundled dataset points to', () => {
    expect(cloneBundled().$schema).toMatch(/dataset\.schema\.json$/);
  });
});
