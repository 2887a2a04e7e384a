/**
 * /claimcheck url:… | query:… | id:… | settings:… — deferred (ephemeral) at once, then stored as a
 * durable job under the interaction id; a worker on any replica edits in the answer (through the
 * interaction webhook). The conversation core decides the answer (answer-command.ts, run by
 * interaction-jobs.ts); this file translates the options and renders the answer. Results carry a
 * "Share in channel" button; alerts also carry the feedback buttons.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type ChatInputCommandInteraction,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord.js';
import type { CommandAnswer } from '../../conversation/answer-command.js';
import { type CommandRequest, parseCommand, parseSettings } from '../../conversation/parse-command.js';
import { parseMissed } from '../../conversation/parse-missed.js';
import { phrases } from '../../lang/phrases/index.js';
import type { StoredSettings } from '../../conversation/settings.js';
import { parseDigestCommand } from '../../conversation/parse-digest.js';
import type { Logger } from '../../model/ports.js';
import { feedbackButtons, missedButton, row, shareButton } from './components.js';
import type { DiscordContext } from './context.js';
import { deferOnce, interactionEvent } from './interaction-event.js';
import { escapeMd, truncate } from './limits.js';
import { renderCardEmbeds, renderReplyEmbeds } from './render-embeds.js';
import { renderDigestEmbed } from './render-digest.js';
import { alertEntryIds } from './reply-policy.js';

export const HELP = [
  '**/claimcheck** checks a link against the catalogue of known false claims and narratives, or looks the catalogue up.',
  '- `url:` a link to an article or a Telegram post',
  '- `query:` words in English, Russian or Kazakh',
  '- `id:` a catalogue entry (start typing to pick one)',
  '- `settings:` show this server’s settings; admins (Manage Server) change them: `notes on|off`, `unreadable on|off`, `language en|ru|kk`, `channel-language en|ru|kk|off`, `discord-notes thread|off`, `reset`',
  '- `missed:` `<link> <entry-id> [sentence]`: tell the catalogue editors an article should have matched an entry (or press “Missed a narrative?”)',
  '- `digest:` what the bot saw in this server in the last days (e.g. 7): checks, alerts and the entries that came up; admins post it every Monday with `settings:digest #channel weekly` (`digest off` stops it)',
  'Answers are visible only to you until you press “Share in channel”.',
].join('\n');

export interface Answer {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const LANGUAGE_NAMES = { en: 'English', ru: 'Russian', kk: 'Kazakh' } as const;

function quoted(s: string): string {
  return `“${escapeMd(truncate(s, 200))}”`;
}

function settingsText(s: StoredSettings, changed: boolean, channelId: string): string {
  const here = s.channelLanguages[channelId];
  const lines = [
    changed ? '**Settings saved for this server.**' : '**Settings for this server**',
    `- Articles that only report on or debunk a known narrative: ${s.nonAlertReply === 'note' ? '**a quiet note**' : '**silence**'} (\`notes ${s.nonAlertReply === 'note' ? 'on' : 'off'}\`)`,
    `- Pasted links that cannot be read: ${s.replyOnUnreadable ? '**a short line with the reason**' : '**silence**'} (\`unreadable ${s.replyOnUnreadable ? 'on' : 'off'}\`)`,
    `- Replies in **${LANGUAGE_NAMES[s.language]}** (\`language ${s.language}\`)${here ? `; in this channel **${LANGUAGE_NAMES[here]}**` : ''}`,
    `- Links the bot is unsure of (below the alert): ${s.unsureNotes === 'thread' ? '**a quiet note in the thread**' : '**nothing**'} (\`discord-notes ${s.unsureNotes ?? 'off'}\`)`,
  ];
  lines.push(
    s.digest
      ? `- Weekly digest: posted in ${/^\d{1,25}$/.test(s.digest.channelId) ? `<#${s.digest.channelId}>` : escapeMd(s.digest.channelId)} every Monday (\`digest off\` to stop it)`
      : '- Weekly digest: **off** (`digest #channel weekly` to post it every Monday)',
  );
  if (s.updatedAt) lines.push(`*Last changed ${s.updatedAt}${s.updatedBy ? ` by <@${s.updatedBy}>` : ''}.*`);
  return lines.join('\n');
}

/** The command's options as one request: url, then id, then query, then settings. */
export function requestOf(i: Pick<ChatInputCommandInteraction, 'options' | 'channelId'>): CommandRequest {
  const url = i.options.getString('url')?.trim();
  const id = i.options.getString('id')?.trim();
  const query = i.options.getString('query')?.trim();
  const settings = i.options.getString('settings');
  const missed = i.options.getString('missed');
  if (missed !== null) return parseMissed(missed);
  if (url) return parseCommand(url, i.channelId);
  if (id) return { kind: 'words', words: id, maybeId: id.toLowerCase() };
  if (query) {
    // A query is words to look up (autocomplete sends an entry id as the value: that entry).
    const single = query.split(/\s+/).length === 1 ? query.toLowerCase() : null;
    return { kind: 'words', words: query, maybeId: single };
  }
  if (settings !== null)
    return parseSettings(settings.trim() ? settings.trim().split(/\s+/) : [], i.channelId);
  const digest = i.options.getInteger('digest');
  if (digest !== null) return parseDigestCommand([String(digest)]);
  return { kind: 'help' };
}

export function render(a: CommandAnswer, channelId: string): Answer {
  const none = { embeds: [], components: [] };
  switch (a.kind) {
    case 'help':
      return { content: HELP, ...none };
    case 'notice':
    case 'refused':
      return { content: a.text, ...none };
    case 'settings':
      return { content: settingsText(a.settings, a.changed, channelId), ...none };
    case 'digest':
      return { content: '', embeds: [renderDigestEmbed(a.digest, a.lang)], components: [] };
    case 'cards': {
      if (a.cards.length === 0)
        return { content: `Nothing in the catalogue matches ${quoted(a.query ?? '')}.`, ...none };
      const n = a.cards.length;
      const content =
        a.query === null
          ? ''
          : `${n === 1 ? 'The catalogue entry' : `The top ${n} catalogue entries`} for ${quoted(a.query)}:`;
      return { content, embeds: renderCardEmbeds(a.cards, a.version), components: [row([shareButton()])] };
    }
    case 'reply': {
      const { content, embeds } = renderReplyEmbeds(a.reply);
      const missed = a.offer ? [missedButton(a.offer, phrases(a.reply.lang).missed.button)] : [];
      const buttons = a.reply.alert
        ? [...feedbackButtons(alertEntryIds(a.reply)), shareButton(), ...missed]
        : [shareButton(), ...missed];
      return { content, embeds, components: [row(buttons)] };
    }
  }
}

export async function runClaimcheck(
  i: ChatInputCommandInteraction,
  ctx: DiscordContext,
  log: Logger,
): Promise<void> {
  await deferOnce(() => i.deferReply({ flags: MessageFlags.Ephemeral }), log);
  const req = requestOf(i);
  // The member's permissions come with the interaction: the job carries the answer to "may they?".
  const admin = i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
  await ctx.interactions.accept(
    interactionEvent(i, { kind: 'command', request: req, admin }, new Date()),
    log,
  );
}
