// A zod schema's rules made into plain functions, for records that almost always pass. zod's own parse
// builds a copy of every record and a result for every field: at 100,000 events, about a quarter of the
// worker's time. Its compiled form needs `eval`, which the app's Content Security Policy forbids, in the
// worker too. The rules are read from the schema itself, so there is still one definition of the format.
import type * as z from 'zod/mini';
import { isObject } from './import/sniff';

/** True: the value passes the schema, and zod would give back a copy equal to it. False: ask zod. */
export type QuickCheck = (value: unknown) => boolean;

/** The parts of zod's definitions read here (zod 4's `_zod.def`). */
interface Definition {
  type: string;
  coerce?: boolean;
  checks?: readonly { _zod: { def: RuleDefinition } }[];
  shape?: Readonly<Record<string, Schema>>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  entries?: Readonly<Record<string, unknown>>;
  keyType?: Schema;
  valueType?: Schema;
}
interface RuleDefinition {
  check: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}
interface Schema {
  _zod: { def: Definition };
}

/** Thrown for a part of a schema these functions do not know: the whole schema is then left to zod. */
class Unknown extends Error {}

/**
 * The schema's rules as a function, or null when the schema uses something not known here (a transform, a
 * refinement): zod alone then checks it.
 */
export function quickCheck(schema: z.ZodMiniType): QuickCheck | null {
  try {
    return make(schema as unknown as Schema);
  } catch (error) {
    if (error instanceof Unknown) return null;
    throw error;
  }
}

function make(schema: Schema): QuickCheck {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      if (def.coerce) throw new Unknown('coerced');
      return withRules(def, (value) => typeof value === 'string');
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return withRules(def, (value) => allowed.has(value));
    }
    case 'default': {
      // Given, the value is kept as it is; missing, zod puts the default in its place: left to zod.
      const inner = make(required(def.innerType));
      return (value) => value !== undefined && inner(value);
    }
    case 'optional': {
      const inner = make(required(def.innerType));
      return (value) => value === undefined || inner(value);
    }
    case 'array': {
      const element = make(required(def.element));
      return withRules(def, (value) => {
        if (!Array.isArray(value)) return false;
        // By index, not `every`: a hole is an item zod checks (and refuses) where `every` would skip it.
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      });
    }
    case 'object':
      return withRules(def, objectCheck(def));
    case 'record': {
      const key = make(required(def.keyType));
      const entry = make(required(def.valueType));
      return withRules(def, (value) => {
        if (!isPlainObject(value)) return false;
        for (const name in value) if (!key(name) || !entry(value[name])) return false;
        return true;
      });
    }
    default:
      throw new Unknown(def.type);
  }
}

/**
 * A strict object: every field of the shape passes, and there is no other field. A field given as
 * undefined is left to zod (JSON has no undefined), as is every other field zod would drop or keep.
 */
function objectCheck(def: Definition): QuickCheck {
  if (def.catchall && def.catchall._zod.def.type !== 'never') throw new Unknown('catchall');
  const fields = Object.entries(def.shape ?? {}).map(([name, schema]) => ({ name, check: make(schema), optional: schema._zod.def.type === 'optional' }));
  const names = new Set(fields.map((field) => field.name));
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (const { name, check, optional } of fields) {
      const given = value[name];
      if (given === undefined ? !optional || name in value : !check(given)) return false;
    }
    for (const name in value) if (!names.has(name)) return false;
    return true;
  };
}

/** A type's own test followed by its rules: lengths, and patterns for strings. */
function withRules(def: Definition, test: QuickCheck): QuickCheck {
  const rules = (def.checks ?? []).map(({ _zod }) => rule(_zod.def));
  if (rules.length === 0) return test;
  return (value) => {
    if (!test(value)) return false;
    for (const passes of rules) if (!passes(value as string | readonly unknown[])) return false;
    return true;
  };
}

function rule(def: RuleDefinition): (value: string | readonly unknown[]) => boolean {
  const { minimum, maximum, pattern } = def;
  if (def.check === 'min_length' && minimum !== undefined) return (value) => value.length >= minimum;
  if (def.check === 'max_length' && maximum !== undefined) return (value) => value.length <= maximum;
  if (def.check === 'string_format' && def.format === 'regex' && pattern && !pattern.global && !pattern.sticky) {
    return (value) => typeof value === 'string' && pattern.test(value);
  }
  throw new Unknown(def.check);
}

const required = (schema: Schema | undefined): Schema => {
  if (!schema) throw new Unknown('a part without its schema');
  return schema;
};

/** An object as JSON.parse makes one; any other is left to zod. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
