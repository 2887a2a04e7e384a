/**
 * `claimdesk claims suggest [--json]`: what journalists taught the catalogue in chat ("Missed a
 * narrative?" reports, "Wrong match" votes, from STORE_URL), as ready-to-paste YAML example blocks
 * per entry for an admin's pull request (`--json`: the same as data, with each block's text).
 * Exit 0 when the report was printed (whatever it holds), 1/2 when the set-up fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readActors } from '../../claims/load.js';
import { suggestExamples, type Suggestions, type WrongVote } from '../../pipeline/suggest-examples.js';
import { blockOf, renderSuggestions } from '../../pipeline/suggest-yaml.js';
import { MissedStore } from '../../store/missed.js';
import { ReplyFactsStore } from '../../store/reply-facts.js';
import type { App } from '../../app.js';
import type { CliCommand } from './io.js';
import { cliApp } from './setup.js';

const USAGE =
  'Usage: claimdesk claims suggest [--json]   (reads STORE_URL; the catalogue in $CLAIMS_DIR or ./claims)\n';

/** Everything the store holds for suggestions, against the app's catalogue. */
export async function gatherSuggestions(app: App): Promise<Suggestions> {
  const facts = new ReplyFactsStore(app.store);
  const wrong: WrongVote[] = [];
  for (const vote of await app.feedback.votes()) {
    if (vote.verdict !== 'wrong') continue;
    const ref = { platform: vote.platform, channelId: vote.channelId, replyId: vote.messageId };
    wrong.push({ vote, facts: await facts.read(ref) });
  }
  const meta = await readActors(app.config.claimsDir);
  return suggestExamples({
    catalogue: app.catalogue,
    missed: await new MissedStore(app.store).list(),
    wrong,
    actors: meta.actors,
  });
}

export const claimsSuggest: CliCommand = async (args, io) => {
  let json = false;
  try {
    json = parseArgs({ args, options: { json: { type: 'boolean' } } }).values.json === true;
  } catch (err) {
    io.stderr.write(
      `claimdesk claims suggest: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`,
    );
    return 2;
  }
  // Reports and votes live in the shared store: read the configured one, not a fresh in-memory one.
  const env = { ...io.env, STORE_URL: io.env.STORE_URL ?? 'sqlite://data/claimdesk.sqlite' };
  const app = await cliApp({ ...io, env }, { offline: true });
  if (typeof app === 'number') return app;
  try {
    const s = await gatherSuggestions(app);
    const dir = app.config.claimsDir;
    for (const e of s.entries) {
      // Entries may be written as .yml; name the file that is there.
      if (!existsSync(join(dir, e.file)) && existsSync(join(dir, `${e.id}.yml`))) e.file = `${e.id}.yml`;
    }
    if (json) {
      const entries = s.entries.map((e) => ({
        ...e,
        yaml: { match: blockOf(e, 'match'), no_match: blockOf(e, 'no_match') },
      }));
      io.stdout.write(`${JSON.stringify({ ...s, entries }, null, 2)}\n`);
    } else {
      io.stdout.write(renderSuggestions(s, dir));
    }
    return 0;
  } finally {
    await app.close();
  }
};
