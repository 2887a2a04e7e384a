/** The catalogue in claims/ is valid, has the entries other tools refer to, and claims/schema.json is current. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryJsonSchemaText } from '../../src/claims/json-schema.js';
import { validateCatalogueDir } from '../../src/claims/load.js';

const REQUIRED = [
  'nato-peacekeeping-centre',
  'us-biolabs-in-kazakhstan',
  'kazakhstan-artificial-state',
  'russians-persecuted-in-kazakhstan',
  'ungrateful-for-csto-2022',
  'kazakhstan-turning-west',
  'brigades-on-russian-border',
  'immortal-regiment-deepfakes',
  'january-2022-foreign-plot',
];

describe('the shipped catalogue', () => {
  it('is valid', async () => {
    const { catalogue, issues } = await validateCatalogueDir('claims');
    expect(issues).toEqual([]);
    expect(catalogue).not.toBeNull();
  });

  it('has the required entries and at least five more', async () => {
    const { catalogue } = await validateCatalogueDir('claims');
    const ids = catalogue?.entries.map((e) => e.id) ?? [];
    for (const id of REQUIRED) expect(ids).toContain(id);
    expect(ids.length).toBeGreaterThanOrEqual(REQUIRED.length + 5);
  });

  it('points every file at the JSON Schema for editors', () => {
    for (const name of readdirSync('claims').filter((n) => n.endsWith('.yaml'))) {
      expect(readFileSync(`claims/${name}`, 'utf8').split('\n')[0], name).toBe(
        '# yaml-language-server: $schema=./schema.json',
      );
    }
  });

  it('has a claims/schema.json equal to what `npm run schema` generates', () => {
    expect(readFileSync('claims/schema.json', 'utf8')).toBe(entryJsonSchemaText());
  });
});
