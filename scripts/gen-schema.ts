/** `npm run schema`: writes claims/schema.json from the zod entry schema (src/claims/schema.ts). */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { entryJsonSchemaText } from '../src/claims/json-schema.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../claims/schema.json', import.meta.url));

await writeFile(SCHEMA_PATH, entryJsonSchemaText(), 'utf8');
process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
