/** The JSON Schema of a catalogue entry, generated from the zod schema, for editors (claims/schema.json). */
import { z } from 'zod';
import { entrySchema } from '../model/catalogue.js';

/**
 * The input side of the schema (fields with defaults are optional), as draft-07 JSON Schema,
 * which the YAML language server and most editors understand. Stable text: 2-space JSON plus a
 * final newline, so the committed file can be compared byte for byte.
 */
export function entryJsonSchemaText(): string {
  const generated = z.toJSONSchema(entrySchema, { io: 'input', target: 'draft-7' });
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    title: 'claimdesk catalogue entry',
    description:
      'One known claim or narrative. Generated from src/claims/schema.ts by `npm run schema`: do not edit by hand. See claims/README.md.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
