/**
 * The digest words of `/claimcheck`, on every platform. Pure.
 *   digest [days]                          → this workspace's (guild's) digest of the last days (7)
 *   settings digest <#channel> weekly      → post the digest in that channel every week (admins)
 *   settings digest weekly                 → the same, in the channel where the command was given
 *   settings digest off                    → no scheduled digest
 * A channel is a mention as the platform sends it (Slack `<#C123|name>`, Discord `<#123>`), a bare
 * channel id, or `here`.
 */
import { DIGEST_MAX_DAYS, parseDigestDays } from '../pipeline/digest-service.js';
import type { SettingsPatch } from './settings.js';

export type DigestCommand = { kind: 'digest'; days: number };
type Invalid = { kind: 'invalid'; message: string };

export const DIGEST_USAGE = `Use \`/claimcheck digest [days]\` (1 to ${DIGEST_MAX_DAYS}, default 7).`;
export const DIGEST_SETTINGS_USAGE =
  'Use `/claimcheck settings digest #channel weekly` (or `settings digest weekly` in that channel) or `settings digest off`.';

const SLACK_MENTION = /^<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>$/;
const DISCORD_MENTION = /^<#(\d{15,21})>$/;
const BARE_ID = /^(?:[CG][A-Z0-9]{2,30}|\d{15,21})$/;

/** The channel id a word names, `here` for the current channel, or null. */
export function channelOf(word: string, here: string): string | null {
  const w = word.trim();
  if (/^(here|this)$/i.test(w)) return here;
  const m = SLACK_MENTION.exec(w) ?? DISCORD_MENTION.exec(w);
  if (m?.[1]) return m[1];
  return BARE_ID.test(w) ? w : null;
}

/** The words after `digest`. */
export function parseDigestCommand(args: readonly string[]): DigestCommand | Invalid {
  if (args.length > 1) return { kind: 'invalid', message: DIGEST_USAGE };
  const days = parseDigestDays(args[0]);
  return 'days' in days ? { kind: 'digest', days: days.days } : { kind: 'invalid', message: DIGEST_USAGE };
}

/** The words after `settings digest`; `channelId` is where the command was given. */
export function parseDigestSettings(
  args: readonly string[],
  channelId: string,
): { kind: 'settings'; change: { patch: SettingsPatch } } | Invalid {
  const invalid: Invalid = { kind: 'invalid', message: DIGEST_SETTINGS_USAGE };
  const last = args.at(-1)?.toLowerCase();
  if (args.length === 0 || args.length > 2 || last === undefined) return invalid;
  if (last === 'off' || last === 'stop' || last === 'none') {
    if (args.length === 2 && channelOf(args[0] ?? '', channelId) === null) return invalid;
    return { kind: 'settings', change: { patch: { digest: null } } };
  }
  if (last !== 'weekly' && last !== 'on') return invalid;
  const target = args.length === 2 ? channelOf(args[0] ?? '', channelId) : channelId;
  if (target === null) return invalid;
  return { kind: 'settings', change: { patch: { digest: { channelId: target, every: 'weekly' } } } };
}
