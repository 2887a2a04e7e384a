/**
 * The teaching loop, end to end: "Missed a narrative?" reports and "Wrong match" votes kept in a
 * SQLite store (as the bot keeps them) → `claimdesk claims suggest` → its blocks pasted into a copy
 * of claims/ under the lists they name → `claims lint` (the validator) finds no problem, and the
 * ready examples are in the entries while the placeholders (comments) are not.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, validateCatalogueDir } from '../../src/claims/load.js';
import { silentLogger } from '../../src/logger.js';
import type { Catalogue } from '../../src/model/catalogue.js';
import type { CheckDetails } from '../../src/model/types.js';
import type { EntrySuggestions, Suggestions } from '../../src/pipeline/suggest-examples.js';

type Printed = EntrySuggestions & { yaml: { match: string; no_match: string } };
import { FeedbackStore } from '../../src/store/feedback.js';
import { openStore } from '../../src/store/keyv-store.js';
import { type MissedReport, MissedStore } from '../../src/store/missed.js';
import { ReplyFactsStore } from '../../src/store/reply-facts.js';
import { cli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'claimdesk-suggest-'));
const storeUrl = `sqlite://${join(tmp, 'claimdesk.sqlite')}`;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const NATO = 'nato-peacekeeping-centre';
const BIOLABS = 'us-biolabs-in-kazakhstan';
const DRONES = 'drones-launched-from-kazakhstan';

const RU_MISSED = 'Говорят, в Алматы уже тайно работает учебный центр НАТО для казахстанских военных.';
const HOSTILE = `- "Drones": launched # from 'Kazakhstan' & more: yes, {they say} | really`;
const NAMES_ACTOR = 'Tokayev admitted that the drones were launched from Kazakh soil, a channel wrote.';
const NAMES_ACTOR_NO_SOURCE = 'Tokayev quietly allowed American labs to work near Almaty, a blogger claims.';
const UKRAINIAN = 'Це речення написане українською мовою і говорить про якісь лабораторії.';
const STEPPE = 'Kazakh and partner officers ran the Steppe Eagle staff exercise near Almaty this week.';

let catalogue: Catalogue;
let existing: string;

const where = { platform: 'slack' as const, teamId: 'T1', channelId: 'C1' };

function alertDetails(url: string, entryId: string, quote: string): CheckDetails {
  return {
    result: {
      input: url,
      url,
      title: 'An article',
      language: 'en',
      status: 'ok',
      error: null,
      alert: true,
      matches: [
        {
          id: entryId,
          kind: 'claim',
          stance: 'promotes',
          confidence: 0.8,
          method: 'lexical',
          evidence: [{ quote }],
        },
      ],
    },
    article: null,
    notes: [],
    possiblyNewNarrative: null,
    llm: null,
  };
}

/** Fills the store the way the bot does while journalists use the buttons and the command. */
async function seed(): Promise<void> {
  let day = 0;
  const clock = { now: () => new Date(Date.UTC(2026, 10, 20 + day)) };
  const store = openStore(storeUrl, silentLogger);
  const missed = new MissedStore(store, clock);
  const feedback = new FeedbackStore(store, clock);
  const report = async (r: Partial<MissedReport> & Pick<MissedReport, 'link' | 'entryId'>) => {
    day += 1;
    await missed.record({ ...where, userId: 'U1', sentence: null, ...r });
  };
  await report({ link: 'https://news.example/almaty-centre', entryId: NATO, sentence: RU_MISSED });
  await report({
    link: 'https://news.example/almaty-centre',
    entryId: NATO,
    sentence: RU_MISSED,
    userId: 'U2',
  });
  await report({ link: 'https://news.example/labs', entryId: BIOLABS });
  await report({ link: 'http://10.0.0.5/labs', entryId: BIOLABS, sentence: NAMES_ACTOR_NO_SOURCE });
  await report({ link: 'https://news.example/drones', entryId: DRONES, sentence: NAMES_ACTOR });
  await report({ link: 'https://news.example/drones-2', entryId: DRONES, sentence: HOSTILE });
  await report({ link: 'https://news.example/ua', entryId: BIOLABS, sentence: UKRAINIAN });
  await report({ link: 'https://news.example/gone', entryId: 'an-entry-removed-since' });
  await report({ link: 'https://news.example/known', entryId: DRONES, sentence: existing });

  // A "Wrong match" on an alert whose text was kept, one on an alert that was not, and a "Helpful".
  const facts = new ReplyFactsStore(store);
  await facts.remember({ platform: 'slack', channelId: 'C1', replyId: '1732190501.000100' }, [
    alertDetails('https://news.example/steppe-eagle', NATO, STEPPE),
  ]);
  const vote = { ...where, entryIds: [NATO], userId: 'U3' };
  await feedback.record({ ...vote, messageId: '1732190501.000100', verdict: 'wrong' });
  await feedback.record({ ...vote, messageId: '1732190999.000100', verdict: 'wrong' });
  await feedback.record({ ...vote, messageId: '1732191000.000100', verdict: 'helpful' });
  await store.close();
}

let json: Omit<Suggestions, 'entries'> & { entries: Printed[] };
let text: string;

beforeAll(async () => {
  catalogue = await loadCatalogue('claims');
  existing = catalogue.byId.get(DRONES)?.examples.match[0]?.text ?? '';
  expect(existing).not.toBe('');
  await seed();
  const env = { STORE_URL: storeUrl, CLAIMS_DIR: 'claims' };
  const j = await cli(['claims', 'suggest', '--json'], env);
  expect(j.stderr).toBe('');
  expect(j.code).toBe(0);
  json = JSON.parse(j.stdout);
  const t = await cli(['claims', 'suggest'], env);
  expect(t.code).toBe(0);
  text = t.stdout;
}, 60_000);

function entry(id: string): Printed {
  const e = json.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no suggestions for ${id}`);
  return e;
}

/** A copy of claims/ (and sources/ beside it, which lint checks too) with blocks pasted in. */
function pasted(blocks: ReadonlyArray<{ file: string; list: 'match' | 'no_match'; block: string }>): string {
  const root = mkdtempSync(join(tmp, 'copy-'));
  cpSync('claims', join(root, 'claims'), { recursive: true });
  cpSync('sources', join(root, 'sources'), { recursive: true });
  for (const b of blocks) {
    const path = join(root, 'claims', b.file);
    const lines = readFileSync(path, 'utf8').split('\n');
    const examples = lines.indexOf('examples:');
    const at = lines.indexOf(`  ${b.list}:`, examples);
    expect(examples).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(examples);
    lines.splice(at + 1, 0, ...b.block.trimEnd().split('\n'));
    writeFileSync(path, lines.join('\n'));
  }
  return join(root, 'claims');
}

function allBlocks() {
  return json.entries.flatMap((e) =>
    (['match', 'no_match'] as const)
      .filter((l) => e.yaml[l])
      .map((list) => ({ file: e.file, list, block: e.yaml[list] })),
  );
}

describe('claimdesk claims suggest', () => {
  it('pasted into a copy of the catalogue, its blocks pass claims lint', async () => {
    const dir = pasted(allBlocks());
    const { issues } = await validateCatalogueDir(dir);
    expect(issues).toEqual([]);
    const lint = await cli(['claims', 'lint', dir]);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(0);

    // The ready examples are now in the entries; the placeholders, being comments, are not.
    const after = await loadCatalogue(dir);
    const nato = after.byId.get(NATO)?.examples;
    expect(nato?.match.find((x) => x.text === RU_MISSED)).toMatchObject({
      lang: 'ru',
      source: 'https://news.example/almaty-centre',
      note: 'reported missed in chat 2 times, 2026-11-21 to 2026-11-22',
    });
    expect(nato?.no_match.find((x) => x.text === STEPPE)).toMatchObject({
      lang: 'en',
      source: 'https://news.example/steppe-eagle',
    });
    const drones = after.byId.get(DRONES)?.examples.match ?? [];
    expect(drones.find((x) => x.text === HOSTILE)).toMatchObject({
      lang: 'en',
      source: 'https://news.example/drones-2',
    });
    expect(drones.find((x) => x.text === NAMES_ACTOR)?.source).toBe('https://news.example/drones');
    const before = catalogue.byId.get(BIOLABS)?.examples;
    expect(after.byId.get(BIOLABS)?.examples.match).toHaveLength(before?.match.length ?? -1);
    expect(after.byId.get(NATO)?.examples.match).toHaveLength(
      (catalogue.byId.get(NATO)?.examples.match.length ?? 0) + 1,
    );
    expect(after.byId.get(NATO)?.examples.no_match).toHaveLength(
      (catalogue.byId.get(NATO)?.examples.no_match.length ?? 0) + 1,
    );
  });

  it('placeholders say what is missing; one uncommented as it is would fail lint (so the test can fail)', async () => {
    const labs = entry(BIOLABS);
    expect(labs.match.map((s) => s.todo)).toEqual([
      'no sentence was given: write the sentence of the article that should have matched',
      'names Kassym-Jomart Tokayev: add an https source where these words were seen, or write it without the name',
      'set lang to en, ru or kk (the language was not recognised)',
    ]);
    expect(labs.yaml.match).toContain('# seen at: http://10.0.0.5/labs');
    // The Tokayev placeholder, uncommented without completing it: the provenance rule refuses it.
    const lines = labs.yaml.match.split('\n');
    const start = lines.findIndex((l) => l.includes('names Kassym-Jomart Tokayev'));
    const item = lines
      .slice(start + 2, start + 5)
      .map((l) => l.replace(/^(\s*)# /, '$1'))
      .join('\n');
    expect(item).toContain(NAMES_ACTOR_NO_SOURCE);
    const dir = pasted([{ file: labs.file, list: 'match', block: item }]);
    const { issues } = await validateCatalogueDir(dir);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('names Kassym-Jomart Tokayev (a person): add source: <https url>'),
    ]);
  });

  it('merges repeated reports, leaves out unknown entries and texts the entry already has, ignores "Helpful"', () => {
    expect(json.catalogue).toEqual({ version: catalogue.version, entries: catalogue.entries.length });
    expect(json.skipped).toEqual({ unknownEntry: 1, alreadyInCatalogue: 1 });
    const nato = entry(NATO);
    expect(nato.match).toEqual([
      expect.objectContaining({
        text: RU_MISSED,
        reports: 2,
        first: '2026-11-21',
        last: '2026-11-22',
        todo: null,
      }),
    ]);
    expect(nato.no_match).toEqual([
      expect.objectContaining({ text: STEPPE, lang: 'en', todo: null, reports: 1 }),
      expect.objectContaining({
        text: null,
        link: null,
        todo: 'the alert’s quote was not kept (slack message 1732190999.000100 in channel C1): write the sentence that was wrongly matched',
      }),
    ]);
    expect(json.entries.map((e) => e.id)).toEqual(
      catalogue.entries.map((e) => e.id).filter((id) => [NATO, BIOLABS, DRONES].includes(id)),
    );
  });

  it('prints the same blocks as text, with where each goes and the review reminder', () => {
    expect(text).toContain('# Paste each block under the list it names');
    expect(text).toContain('rephrase a quoted sentence before you commit it');
    expect(text).toContain(`# ── ${NATO}: 2 missed, 2 wrong match`);
    for (const e of json.entries) {
      for (const list of ['match', 'no_match'] as const)
        if (e.yaml[list]) expect(text).toContain(e.yaml[list].trimEnd());
    }
    expect(text).toContain(`    # add under examples.match in ${NATO}.yaml:`);
  });

  it('says so when there is nothing to suggest, and refuses unknown options', async () => {
    const empty = await cli(['claims', 'suggest'], { STORE_URL: 'memory://', CLAIMS_DIR: 'claims' });
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout).toMatch(/^# No suggestions: /);
    const bad = await cli(['claims', 'suggest', '--yaml'], { STORE_URL: 'memory://' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: claimdesk claims suggest [--json]');
  });
});
