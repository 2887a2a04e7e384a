/**
 * /claimcheck url:… | query:… | id:… — deferred (ephemeral) at once, then edited with the result.
 * Results carry a "Share in channel" button; alerts also carry the feedback buttons.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type ChatInputCommandInteraction,
  MessageFlags,
} from 'discord.js';
import { composeReply } from '../../core/compose-reply.js';
import { entryCard, type ReplyLang } from '../../core/entry-card.js';
import type { Logger } from '../../core/ports.js';
import { feedbackButtons, row, shareButton } from './components.js';
import type { DiscordContext } from './context.js';
import { escapeMd, LIMITS, truncate } from './limits.js';
import { replyLang } from './locale.js';
import { renderCardEmbeds, renderReplyEmbeds } from './render-embeds.js';
import { alertEntryIds } from './reply-policy.js';

export const HELP = [
  '**/claimcheck** checks a link against the catalogue of known false claims and narratives, or looks the catalogue up.',
  '- `url:` a link to an article or a Telegram post',
  '- `query:` words in English, Russian or Kazakh',
  '- `id:` a catalogue entry (start typing to pick one)',
  'Answers are visible only to you until you press “Share in channel”.',
].join('\n');

export interface Answer {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const LOOKUP_LIMIT = 5;

function quoted(s: string): string {
  return `“${escapeMd(truncate(s, 200))}”`;
}

export async function answerUrl(url: string, ctx: DiscordContext, lang: ReplyLang): Promise<Answer> {
  const details = await ctx.service.checkUrl(url);
  const reply = composeReply([details], {
    catalogue: ctx.service.catalogue(),
    alertThreshold: ctx.config.alertThreshold,
    skipped: 0,
    lang,
  });
  const { content, embeds } = renderReplyEmbeds(reply);
  const buttons = reply.alert ? [...feedbackButtons(alertEntryIds(reply)), shareButton()] : [shareButton()];
  return { content, embeds, components: [row(buttons)] };
}

function cardsAnswer(content: string, ids: string[], ctx: DiscordContext, lang: ReplyLang): Answer {
  const catalogue = ctx.service.catalogue();
  const cards = ids.flatMap((id) => {
    const e = ctx.service.entry(id);
    return e ? [entryCard(e, catalogue, lang)] : [];
  });
  return { content, embeds: renderCardEmbeds(cards, catalogue.version), components: [row([shareButton()])] };
}

export function answerId(id: string, ctx: DiscordContext, lang: ReplyLang): Answer {
  if (!ctx.service.entry(id)) {
    return {
      content: `There is no catalogue entry with the id ${quoted(id)}. Start typing in the \`id\` option to pick one, or use \`query\`.`,
      embeds: [],
      components: [],
    };
  }
  return cardsAnswer('', [id], ctx, lang);
}

export function answerQuery(query: string, ctx: DiscordContext, lang: ReplyLang): Answer {
  // Autocomplete sends the entry id as the value: treat an exact id as that entry.
  if (ctx.service.entry(query)) return cardsAnswer('', [query], ctx, lang);
  const hits = ctx.service.lookup(query, LOOKUP_LIMIT);
  if (hits.length === 0) {
    return { content: `Nothing in the catalogue matches ${quoted(query)}.`, embeds: [], components: [] };
  }
  const n = hits.length;
  return cardsAnswer(
    `${n === 1 ? 'The catalogue entry' : `The top ${n} catalogue entries`} for ${quoted(query)}:`,
    hits.map((h) => h.entry.id),
    ctx,
    lang,
  );
}

export async function runClaimcheck(
  i: ChatInputCommandInteraction,
  ctx: DiscordContext,
  log: Logger,
): Promise<void> {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const lang = replyLang(i.locale);
  const url = i.options.getString('url')?.trim();
  const id = i.options.getString('id')?.trim();
  const query = i.options.getString('query')?.trim();
  let answer: Answer;
  let form: 'url' | 'id' | 'query' | 'help';
  if (url) {
    form = 'url';
    answer = await answerUrl(url, ctx, lang);
  } else if (id) {
    form = 'id';
    answer = answerId(id, ctx, lang);
  } else if (query) {
    form = 'query';
    answer = answerQuery(query, ctx, lang);
  } else {
    form = 'help';
    answer = { content: HELP, embeds: [], components: [] };
  }
  await i.editReply({
    content: truncate(answer.content, LIMITS.content),
    embeds: answer.embeds,
    components: answer.components,
    allowedMentions: { parse: [] },
  });
  log.info({ form, lang, embeds: answer.embeds.length }, '/claimcheck answered');
}
