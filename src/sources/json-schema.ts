/** The JSON Schema of a sources file, generated from the zod schema, for editors (sources/schema.json). */
import { z } from 'zod';
import { sourceSchema } from './schema.js';

/** Draft-07, input side (defaults optional), stable text as claims/schema.json is. */
export function sourceJsonSchemaText(): string {
  const { $schema, ...rest } = z.toJSONSchema(sourceSchema, { io: 'input', target: 'draft-7' });
  const schema = {
    $schema,
    title: 'claimdesk sources list: one outlet or channel',
    description:
      'Who classified an outlet or channel, with the citation. Generated from src/sources/schema.ts by `npm run schema`: do not edit by hand. See sources/README.md.',
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
