/** The sources validator: valid files load; every mistake comes back as path:line:col: message. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/claims/issues.js';
import { loadSources, sourcesDirFrom, validateSourcesDir } from '../../src/sources/load.js';
import { validateSourceFiles } from '../../src/sources/validate.js';

const VALID = 'test/fixtures/sources/valid';
const BAD = 'test/fixtures/sources/bad';

function run(name: string, lines: string[]) {
  return validateSourceFiles([{ path: `sources/${name}`, name, text: `${lines.join('\n')}\n` }]).issues.map(
    formatIssue,
  );
}

const GOOD = [
  'id: x-agency',
  'name: X Agency',
  'domains: [x-agency.example]',
  'kind: state_media',
  'classified_by:',
  '  - who: Someone',
  '    url: https://example.org/a',
];

describe('validateSourcesDir', () => {
  it('loads valid files, sorted by id, with defaults filled in', async () => {
    const list = await loadSources(VALID);
    expect(list.sources.map((s) => s.id)).toEqual(['example-agency', 'example-channel']);
    expect(list.sources[1]).toMatchObject({
      domains: [],
      telegram: ['example_channel'],
      kind: 'anonymous_channel',
    });
    expect(list.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('reports every problem of a bad directory as path:line:col: message, sorted', async () => {
    const { list, issues } = await validateSourcesDir(BAD, true);
    expect(list).toBeNull();
    expect(issues.map(formatIssue)).toEqual([
      `${join(BAD, 'bad-yaml.yaml')}:3:1: malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${join(BAD, 'citation-without-url.yaml')}:6:5: missing required field 'classified_by[0].url'`,
      `${join(BAD, 'dup-second.yaml')}:5:5: domain 'shared.example' is also listed by ${join(BAD, 'dup-first.yaml')}`,
      `${join(BAD, 'no-citation.yaml')}:1:1: missing required field 'classified_by'`,
      `${join(BAD, 'unknown-kind.yaml')}:4:7: kind: must be one of state_media, affiliated, anonymous_channel; got 'state-media' (did you mean 'state_media'?)`,
    ]);
  });

  it('treats a missing directory as no list unless it was asked for', async () => {
    expect(await validateSourcesDir('no/such/dir', false)).toEqual({
      list: { version: 'none', sources: [] },
      issues: [],
      present: false,
    });
    const asked = await validateSourcesDir('no/such/dir', true);
    expect(asked.list).toBeNull();
    expect(asked.issues.map(formatIssue)).toEqual([
      'no/such/dir:1:1: cannot read the sources list: no such directory',
    ]);
    await expect(loadSources('no/such/dir', true)).rejects.toThrow(
      /sources list in no\/such\/dir has 1 problem/,
    );
  });

  it('finds the sources beside the catalogue, or SOURCES_DIR', () => {
    expect(sourcesDirFrom('./claims', {})).toBe('sources');
    expect(sourcesDirFrom('data/claims/', {})).toBe(join('data', 'sources'));
    expect(sourcesDirFrom('claims', {})).toBe('sources');
    expect(sourcesDirFrom('claims', { SOURCES_DIR: ' /srv/sources ' })).toBe('/srv/sources');
  });
});

describe('validateSourceFiles messages', () => {
  it('accepts a minimal good file', () => {
    expect(run('x-agency.yaml', GOOD)).toEqual([]);
  });

  it('asks for a citation when classified_by is empty', () => {
    const lines = [...GOOD.slice(0, 4), 'classified_by: []'];
    expect(run('x-agency.yaml', lines)).toEqual([
      'sources/x-agency.yaml:5:16: classified_by: needs at least one classification: who classified it, and the url of the citation',
    ]);
  });

  it('suggests source fields, not catalogue fields, for a typo', () => {
    const lines = GOOD.map((l) => l.replace('name:', 'nmae:'));
    expect(run('x-agency.yaml', lines)).toEqual([
      "sources/x-agency.yaml:1:1: missing required field 'name'",
      "sources/x-agency.yaml:2:1: unknown field 'nmae' (typo? did you mean 'name'?)",
    ]);
  });

  it('refuses addresses instead of host names, and handles written with @', () => {
    const lines = [...GOOD];
    lines[2] = 'domains: [https://x-agency.example/news]';
    lines.splice(3, 0, "telegram: ['@x_agency']");
    expect(run('x-agency.yaml', lines)).toEqual([
      "sources/x-agency.yaml:3:11: domains[0]: must be a lower-case host name like ria.ru: no https://, no path, no capitals, got 'https://x-agency.example/news'",
      "sources/x-agency.yaml:4:12: telegram[0]: must be a Telegram handle (5-32 letters, digits or _), written without @ or t.me/, got '@x_agency'",
    ]);
  });

  it('wants the id to be the file name, and a domain or handle to match by', () => {
    const lines = GOOD.filter((l) => !l.startsWith('domains'));
    expect(run('other-name.yaml', lines)).toEqual([
      'sources/other-name.yaml:1:1: needs at least one domain or Telegram handle, or links can never match it',
      "sources/other-name.yaml:1:5: id 'x-agency' must equal the file name without extension ('other-name')",
    ]);
  });

  it('refuses a citation on a pre-production mirror and a handle listed twice (any case)', () => {
    const lines = [...GOOD, 'telegram: [x_agency, X_Agency]'];
    lines[6] = '    url: https://euvsdisinfo-preprod.euvsd.info/report/x/';
    expect(run('x-agency.yaml', lines)).toEqual([
      'sources/x-agency.yaml:7:10: euvsdisinfo-preprod.euvsd.info is a pre-production mirror: cite euvsdisinfo.eu',
      "sources/x-agency.yaml:8:22: Telegram handle 'X_Agency' is listed twice",
    ]);
  });

  it('refuses a date that is not real and a url that is not https', () => {
    const lines = [...GOOD.slice(0, 6), '    url: http://example.org/a', "    date: '2024-02-30'"];
    expect(run('x-agency.yaml', lines)).toEqual([
      "sources/x-agency.yaml:7:10: classified_by[0].url: must be an absolute https:// address, got 'http://example.org/a'",
      'sources/x-agency.yaml:8:11: classified_by[0].date: 2024-02-30 is not a real calendar date',
    ]);
  });
});
