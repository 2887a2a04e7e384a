/** Catalogue cards, usage, settings and short notices as Block Kit. Pure; all text escaped. */
import type { EntryCard } from '../../pipeline/entry-card.js';
import { slackText } from '../../text/safe-text.js';
import { esc, truncate } from './mrkdwn.js';
import {
  type Block,
  context,
  denialSection,
  fitBlocks,
  type SlackMessage,
  section,
} from './render-blocks.js';
import type { StoredSettings } from '../../conversation/settings.js';

function cardBlocks(card: EntryCard): Block[] {
  const lines = [
    `*${slackText(truncate(card.title, 200))}* · ${card.kind}, rated *${slackText(card.rating)}*`,
    `*Claimed:* ${slackText(truncate(card.summary, 500))}`,
    `*Context:* ${slackText(truncate(card.context, 900))}`,
  ];
  if (card.parent) lines.push(`_Part of the narrative “${slackText(truncate(card.parent.title, 200))}”_`);
  const blocks: Block[] = [section(lines.join('\n'))];
  const denials = denialSection(card.denials, card.noOfficialDenial);
  if (denials) blocks.push(denials);
  blocks.push(
    context(`id \`${esc(card.id)}\` · first seen ${esc(card.firstSeen)} · updated ${esc(card.updated)}`),
  );
  return blocks;
}

function footer(catalogueVersion: string): Block {
  return context(`claimdesk · catalogue version ${esc(catalogueVersion)}`);
}

/** The top lookup hits as cards. */
export function renderCards(
  cards: readonly EntryCard[],
  query: string,
  catalogueVersion: string,
): SlackMessage {
  if (cards.length === 0) {
    const text = `No catalogue entry matches “${slackText(truncate(query, 200))}”. Try other words, in English, Russian or Kazakh.`;
    return { text, blocks: [section(text), footer(catalogueVersion)] };
  }
  const head = `Catalogue entries for “${slackText(truncate(query, 200))}”:`;
  const body: Block[] = [section(head)];
  cards.forEach((c, i) => {
    if (i > 0) body.push({ type: 'divider' });
    body.push(...cardBlocks(c));
  });
  const text = truncate(
    [head, ...cards.map((c) => `• ${slackText(c.title)} (${esc(c.id)})`)].join('\n'),
    3000,
  );
  return { text, blocks: fitBlocks(body, [footer(catalogueVersion)]) };
}

export function renderCard(card: EntryCard, catalogueVersion: string): SlackMessage {
  return {
    text: `${slackText(card.title)} (${esc(card.id)})`,
    blocks: [...cardBlocks(card), footer(catalogueVersion)],
  };
}

/** mrkdwn: the angle brackets are escaped, or Slack would read `<link>` as link markup. */
export const USAGE = [
  '*How to use /claimcheck* (only you see the answers)',
  '• `/claimcheck &lt;link&gt;` — check an article or a Telegram post against the catalogue; a button lets you share the result in the channel.',
  '• `/claimcheck &lt;words&gt;` — search the catalogue in English, Russian or Kazakh, e.g. `/claimcheck биолаборатории`.',
  '• `/claimcheck &lt;id&gt;` — show one catalogue entry, e.g. `/claimcheck nato-peacekeeping-centre`.',
  '• `/claimcheck settings` — what the bot does in this workspace. Admins can change it: `settings notes on|off` (a quiet note for articles that only report on or debunk a narrative), `settings unreadable on|off` (a line when a pasted link cannot be read), `settings language en|ru|kk` (the language of replies), `settings channel-language en|ru|kk|off` (this channel only), `settings reset`.',
  '• `/claimcheck missed &lt;link&gt; &lt;entry-id&gt; [sentence]` — tell the catalogue editors that an article should have matched an entry (the “Missed a narrative?” button does the same).',
  '• `/claimcheck digest [days]` — what the bot saw in this workspace in the last days (7 by default): checks, alerts and the entries that came up. Admins can have it posted every Monday: `settings digest #channel weekly` (or `settings digest weekly` in that channel), `settings digest off`.',
  '• `/claimcheck help` — this text.',
  'In channels the bot is invited to, it checks every pasted link and answers in the thread when an article repeats a known claim. When it is not sure, only the person who posted the link gets a private note.',
].join('\n');

export function renderHelp(prefix?: string): SlackMessage {
  const text = prefix ? `${esc(prefix)}\n\n${USAGE}` : USAGE;
  return { text, blocks: [section(text)] };
}

const LANGUAGE_NAMES = { en: 'English', ru: 'Russian', kk: 'Kazakh' } as const;

export function renderSettings(s: StoredSettings, changed: boolean, channelId: string): SlackMessage {
  const here = s.channelLanguages[channelId];
  const lines = [
    changed ? '*Settings saved for this workspace.*' : '*Settings for this workspace*',
    `• Articles that only report on or debunk a known narrative: ${s.nonAlertReply === 'note' ? '*a quiet note*' : '*silence*'} (\`notes ${s.nonAlertReply === 'note' ? 'on' : 'off'}\`)`,
    `• Pasted links that cannot be read: ${s.replyOnUnreadable ? '*a short line with the reason*' : '*silence*'} (\`unreadable ${s.replyOnUnreadable ? 'on' : 'off'}\`)`,
    `• Replies in *${LANGUAGE_NAMES[s.language]}* (\`language ${s.language}\`)${here ? `; in this channel *${LANGUAGE_NAMES[here]}* (\`channel-language ${here}\`)` : ''}`,
    '• Links the bot is unsure of (below the alert): *a private note to the person who posted it*',
    digestLine(s),
  ];
  if (s.updatedAt)
    lines.push(`_Last changed ${esc(s.updatedAt)}${s.updatedBy ? ` by user ${esc(s.updatedBy)}` : ''}._`);
  const text = lines.join('\n');
  return { text, blocks: [section(text)] };
}

function digestLine(s: StoredSettings): string {
  if (!s.digest) return '• Weekly digest: *off* (`digest #channel weekly` to post it every Monday)';
  const id = s.digest.channelId;
  const where = /^[A-Z0-9]{2,40}$/.test(id) ? `<#${id}>` : esc(id);
  return `• Weekly digest: posted in ${where} every Monday (\`digest off\` to stop it)`;
}

/** One short line (errors, confirmations). */
export function renderNotice(text: string): SlackMessage {
  return { text: esc(text), blocks: [section(esc(text))] };
}
