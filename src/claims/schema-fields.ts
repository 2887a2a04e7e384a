/** The field names the entry schema allows at a path: for "unknown field … did you mean …?". */
import { z } from 'zod';
import { entrySchema } from '../model/catalogue.js';

/** Follows a data path through the schema (the entry schema unless given); the allowed keys there, or []. */
export function knownFieldsAt(path: ReadonlyArray<PropertyKey>, root: unknown = entrySchema): string[] {
  let schema: unknown = root;
  for (const seg of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) schema = schema.shape[String(seg)];
    else if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType;
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodUnion) {
      // text or { text, unverified }: the mapping is the side with fields
      const object = s.options.find((o) => o instanceof z.ZodObject);
      if (object === undefined) return s;
      s = object;
    } else return s;
  }
}
