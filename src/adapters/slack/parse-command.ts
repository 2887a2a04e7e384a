/**
 * `/claimcheck` text → what the user asked for. Pure.
 *   (empty) | help                      → usage
 *   <link> [<link>…]                    → check the links
 *   settings                            → show this workspace's settings
 *   settings notes on|off               → quiet note (on) or silence (off) for reporting/debunking articles
 *   settings unreadable on|off          → a short line (on) or silence (off) for links that cannot be read
 *   settings reset                      → back to the server's defaults
 *   <id>                                → that catalogue entry's card (falls back to a lookup)
 *   <words>                             → catalogue lookup in en / ru / kk
 */
import type { ReplyLang } from '../../core/entry-card.js';
import type { WorkspaceSettings } from './settings.js';
import { hasLinks } from './slack-links.js';

export type SlashRequest =
  | { kind: 'help' }
  | { kind: 'check'; text: string }
  | { kind: 'settings'; change: { patch: Partial<WorkspaceSettings> } | { reset: true } | null }
  | { kind: 'words'; words: string; maybeId: string | null }
  | { kind: 'invalid'; message: string };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_WORDS = 500;

function onOff(v: string | undefined): boolean | null {
  if (v === 'on' || v === 'yes' || v === 'true') return true;
  if (v === 'off' || v === 'no' || v === 'false') return false;
  return null;
}

const SETTINGS_USAGE =
  'Use `/claimcheck settings`, `/claimcheck settings notes on|off`, `/claimcheck settings unreadable on|off` or `/claimcheck settings reset`.';

function parseSettings(args: string[]): SlashRequest {
  const [what, value, ...rest] = args.map((a) => a.toLowerCase());
  if (what === undefined) return { kind: 'settings', change: null };
  if (what === 'reset' && value === undefined) return { kind: 'settings', change: { reset: true } };
  const flag = onOff(value);
  if (flag === null || rest.length > 0) return { kind: 'invalid', message: SETTINGS_USAGE };
  if (what === 'notes' || what === 'note')
    return { kind: 'settings', change: { patch: { nonAlertReply: flag ? 'note' : 'silent' } } };
  if (what === 'unreadable') return { kind: 'settings', change: { patch: { replyOnUnreadable: flag } } };
  return { kind: 'invalid', message: SETTINGS_USAGE };
}

export function parseCommand(raw: string): SlashRequest {
  const text = raw.trim();
  if (!text || /^(help|\?|помощь|көмек)$/i.test(text)) return { kind: 'help' };
  if (hasLinks(text)) return { kind: 'check', text };
  const args = text.split(/\s+/);
  if (args[0]?.toLowerCase() === 'settings') return parseSettings(args.slice(1));
  if (text.length > MAX_WORDS)
    return { kind: 'invalid', message: `That is too long to look up (at most ${MAX_WORDS} characters).` };
  const single = args.length === 1 ? text.toLowerCase() : null;
  return { kind: 'words', words: text, maybeId: single && ID.test(single) ? single : null };
}

/** The language to show cards in: Kazakh letters → kk, other Cyrillic → ru, else en. */
export function queryLanguage(words: string): ReplyLang {
  if (/[әғқңөұүһі]/iu.test(words)) return 'kk';
  if (/[а-яё]/iu.test(words)) return 'ru';
  return 'en';
}
