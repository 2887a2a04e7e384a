/** `npm run schema`: writes claims/schema.json and sources/schema.json from the zod schemas. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { entryJsonSchemaText } from '../src/claims/json-schema.js';
import { sourceJsonSchemaText } from '../src/sources/json-schema.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../claims/schema.json', import.meta.url));
export const SOURCES_SCHEMA_PATH = fileURLToPath(new URL('../sources/schema.json', import.meta.url));

await writeFile(SCHEMA_PATH, entryJsonSchemaText(), 'utf8');
process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
await writeFile(SOURCES_SCHEMA_PATH, sourceJsonSchemaText(), 'utf8');
process.stdout.write(`wrote ${SOURCES_SCHEMA_PATH}\n`);
