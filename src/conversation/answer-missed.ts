/**
 * A "Missed a narrative?" report on every platform (the form behind the button, or `/claimcheck
 * missed <link> <entry-id> [sentence]`): the link must be an http(s) address (stored as text,
 * never fetched), the entry must be in the catalogue (else one line with the close ids), the
 * sentence is optional. Stored with who, where and when for `claimdesk claims suggest`.
 */
import { distance } from '../claims/closest.js';
import { phrases } from '../lang/phrases/index.js';
import { extractLinks } from '../links/extract-links.js';
import type { CheckService } from '../model/check-service.js';
import type { Clock, KeyValueStore, Logger } from '../model/ports.js';
import type { ReplyLang } from '../model/types.js';
import { MissedStore } from '../store/missed.js';

export const MAX_SENTENCE = 1000;
const CLOSE_IDS = 3;

export interface MissedInput {
  link: string | null;
  entryId: string | null;
  sentence: string | null;
}

export interface MissedContext {
  platform: 'slack' | 'discord' | 'http';
  teamId: string | null;
  channelId: string;
  userId: string;
}

export interface MissedDeps {
  service: Pick<CheckService, 'entry' | 'catalogue' | 'lookup'>;
  store: KeyValueStore;
  clock: Clock;
  logger: Logger;
}

export type MissedAnswer =
  | { ok: true; text: string }
  /** `field` says which input is wrong, so a form can show the line beside it. */
  | { ok: false; field: 'link' | 'entry' | 'sentence'; text: string };

/** Up to three catalogue ids close to a mistyped one: by spelling first, then by its words. */
export function closeIds(wrong: string, deps: Pick<MissedDeps, 'service'>): string[] {
  const ids = deps.service.catalogue().entries.map((e) => e.id);
  const limit = Math.max(2, Math.floor(wrong.length / 3));
  const bySpelling = ids
    .map((id) => ({ id, d: distance(wrong, id) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .map((x) => x.id);
  const byWords = deps.service.lookup(wrong.replace(/[-_]+/g, ' '), CLOSE_IDS).map((h) => h.entry.id);
  return [...new Set([...bySpelling, ...byWords])].slice(0, CLOSE_IDS);
}

/** The first http(s) link of what the user typed (Slack `<url|label>` and Discord `<url>` too). */
export function linkOf(text: string | null): string | null {
  if (!text?.trim()) return null;
  return extractLinks(text, [], 1).links[0] ?? null;
}

export async function answerMissed(
  input: MissedInput,
  ctx: MissedContext,
  deps: MissedDeps,
  lang: ReplyLang = 'en',
): Promise<MissedAnswer> {
  const p = phrases(lang).missed;
  const link = linkOf(input.link);
  if (!link) return { ok: false, field: 'link', text: p.noLink };
  const entryId = input.entryId?.trim().toLowerCase().replace(/^`|`$/g, '') ?? '';
  if (!entryId) return { ok: false, field: 'entry', text: p.noEntry };
  if (!deps.service.entry(entryId)) {
    const shown = entryId.length > 80 ? `${entryId.slice(0, 79)}…` : entryId;
    return { ok: false, field: 'entry', text: p.unknownEntry(shown, closeIds(entryId.slice(0, 80), deps)) };
  }
  const sentence = input.sentence?.replace(/\s+/g, ' ').trim() || null;
  if (sentence && sentence.length > MAX_SENTENCE)
    return { ok: false, field: 'sentence', text: p.tooLong(MAX_SENTENCE) };
  const stored = await new MissedStore(deps.store, deps.clock).record({ ...ctx, link, entryId, sentence });
  deps.logger.info(
    {
      platform: ctx.platform,
      teamId: ctx.teamId,
      channelId: ctx.channelId,
      userId: ctx.userId,
      entryId,
      withSentence: sentence !== null,
      at: stored.at,
    },
    'missed narrative reported',
  );
  return { ok: true, text: p.thanks(entryId, sentence !== null) };
}
