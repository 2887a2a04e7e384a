/**
 * `/claimcheck` text → what the user asked for, on every platform. Pure.
 *   (empty) | help                         → usage
 *   <link> [<link>…]                       → check the links
 *   settings                               → show this workspace's (guild's) settings
 *   settings notes on|off                  → quiet note (on) or silence (off) for reporting/debunking articles
 *   settings unreadable on|off             → a short line (on) or silence (off) for links that cannot be read
 *   settings language en|ru|kk             → the language of replies in this workspace
 *   settings channel-language en|ru|kk|off → the language of replies in this channel only (off: as the workspace)
 *   settings discord-notes thread|off      → Discord: a note in the thread (thread) or nothing (off) for unsure matches
 *   settings reset                         → back to the server's defaults
 *   missed <link> <entry-id> [sentence]    → "Missed a narrative?": what should have matched (parse-missed.ts)
 *   <id>                                   → that catalogue entry's card (falls back to a lookup)
 *   <words>                                → catalogue lookup in en / ru / kk
 */
import type { ReplyLang } from '../pipeline/entry-card.js';
import { wordsLanguage } from '../lang/detect.js';
import { extractLinks } from '../links/extract-links.js';
import { isMissed, type MissedRequest, missedText, parseMissed } from './parse-missed.js';
import type { SettingsPatch } from './settings.js';
import { type DigestCommand, parseDigestCommand, parseDigestSettings } from './parse-digest.js';

export type SettingsChange = { patch: SettingsPatch } | { reset: true };

export type CommandRequest =
  | { kind: 'help' }
  | { kind: 'check'; text: string }
  | { kind: 'settings'; change: SettingsChange | null }
  | { kind: 'words'; words: string; maybeId: string | null }
  | MissedRequest
  | { kind: 'invalid'; message: string }
  | DigestCommand;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_WORDS = 500;
const LANGS: ReadonlySet<string> = new Set(['en', 'ru', 'kk']);

function onOff(v: string | undefined): boolean | null {
  if (v === 'on' || v === 'yes' || v === 'true') return true;
  if (v === 'off' || v === 'no' || v === 'false') return false;
  return null;
}

export const SETTINGS_USAGE =
  'Use `/claimcheck settings`, `settings notes on|off`, `settings unreadable on|off`, `settings language en|ru|kk`, `settings channel-language en|ru|kk|off`, `settings discord-notes thread|off` or `settings reset`.';

/** The settings words (after "settings"); `channelId` is where the command was given. */
export function parseSettings(args: string[], channelId: string): CommandRequest {
  // Channel ids are case-sensitive: the digest words are read before anything is lower-cased.
  if (args[0]?.toLowerCase() === 'digest') return parseDigestSettings(args.slice(1), channelId);
  const [what, value, ...rest] = args.map((a) => a.toLowerCase());
  const invalid: CommandRequest = { kind: 'invalid', message: SETTINGS_USAGE };
  if (what === undefined) return { kind: 'settings', change: null };
  if (rest.length > 0) return invalid;
  if (what === 'reset') return value === undefined ? { kind: 'settings', change: { reset: true } } : invalid;
  if (what === 'language' || what === 'lang') {
    if (!value || !LANGS.has(value)) return invalid;
    return { kind: 'settings', change: { patch: { language: value as ReplyLang } } };
  }
  if (what === 'channel-language' || what === 'channel') {
    if (!value) return invalid;
    if (value === 'off' || value === 'reset')
      return { kind: 'settings', change: { patch: { channelLanguage: { channelId, language: null } } } };
    if (!LANGS.has(value)) return invalid;
    return {
      kind: 'settings',
      change: { patch: { channelLanguage: { channelId, language: value as ReplyLang } } },
    };
  }
  if (what === 'discord-notes' || what === 'unsure-notes') {
    if (value !== 'thread' && value !== 'off') return invalid;
    return { kind: 'settings', change: { patch: { unsureNotes: value } } };
  }
  const flag = onOff(value);
  if (flag === null) return invalid;
  if (what === 'notes' || what === 'note')
    return { kind: 'settings', change: { patch: { nonAlertReply: flag ? 'note' : 'silent' } } };
  if (what === 'unreadable') return { kind: 'settings', change: { patch: { replyOnUnreadable: flag } } };
  return invalid;
}

export function hasLinks(text: string): boolean {
  return extractLinks(text, [], 1).links.length > 0;
}

export function parseCommand(raw: string, channelId: string): CommandRequest {
  const text = raw.trim();
  if (!text || /^(help|\?|помощь|көмек)$/i.test(text)) return { kind: 'help' };
  if (isMissed(text)) return parseMissed(missedText(text));
  if (hasLinks(text)) return { kind: 'check', text };
  const args = text.split(/\s+/);
  if (args[0]?.toLowerCase() === 'settings') return parseSettings(args.slice(1), channelId);
  if (args[0]?.toLowerCase() === 'digest') return parseDigestCommand(args.slice(1));
  if (text.length > MAX_WORDS)
    return { kind: 'invalid', message: `That is too long to look up (at most ${MAX_WORDS} characters).` };
  const single = args.length === 1 ? text.toLowerCase() : null;
  return { kind: 'words', words: text, maybeId: single && ID.test(single) ? single : null };
}

/** The language to show cards in: the language guesser's reading of the words (lang/detect.ts). */
export function queryLanguage(words: string): ReplyLang {
  return wordsLanguage(words);
}
