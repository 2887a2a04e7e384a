/**
 * Button clicks: "Helpful" / "Wrong match" are stored with who and when (FeedbackStore) and
 * answered ephemerally; "Share in channel" posts an ephemeral /claimcheck answer publicly.
 */
import { type APIEmbed, type ButtonInteraction, MessageFlags } from 'discord.js';
import type { Logger } from '../../model/ports.js';
import { feedbackButtons, parseFeedbackId, parseMissedId, row, SHARE_ID } from './components.js';
import { openMissedForm } from './missed.js';
import { answerFeedback } from '../../conversation/answer-button.js';
import type { DiscordContext } from './context.js';

/** Every custom_id in a message's components, however they are nested. */
export function customIds(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(customIds);
  if (typeof json !== 'object' || json === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(json)) {
    if (k === 'custom_id' && typeof v === 'string') out.push(v);
    else if (typeof v === 'object') out.push(...customIds(v));
  }
  return out;
}

async function recordFeedback(i: ButtonInteraction, ctx: DiscordContext, log: Logger): Promise<void> {
  const parsed = parseFeedbackId(i.customId);
  if (!parsed) {
    await i.reply({ content: 'This button no longer does anything.', flags: MessageFlags.Ephemeral });
    log.warn({ customId: i.customId }, 'unknown button');
    return;
  }
  const { language } = await ctx.settings.forChannel('discord', i.guildId, i.channelId);
  const { text, entryIds } = await answerFeedback(
    {
      platform: 'discord',
      teamId: i.guildId,
      channelId: i.channelId,
      messageId: i.message.id,
      entryIds: parsed.entryIds,
      verdict: parsed.verdict,
      userId: i.user.id,
    },
    ctx,
    language,
  );
  await i.reply({ content: text, flags: MessageFlags.Ephemeral });
  log.info({ verdict: parsed.verdict, entryIds }, 'feedback recorded');
}

async function share(i: ButtonInteraction, log: Logger): Promise<void> {
  const embeds: APIEmbed[] = i.message.embeds.map((e) => e.toJSON());
  if (embeds.length === 0) {
    await i.reply({ content: 'There is nothing to share here.', flags: MessageFlags.Ephemeral });
    return;
  }
  const ids = customIds(i.message.components.map((c) => c.toJSON()));
  const feedback = ids.map(parseFeedbackId).find((f) => f !== null);
  const feedbackRow = feedback ? [row(feedbackButtons(feedback.entryIds))] : [];
  // The private answer loses its share button (one share per answer), then the public copy is posted.
  await i.update({ components: feedbackRow });
  await i.followUp({
    content: i.message.content,
    embeds,
    components: feedbackRow,
    allowedMentions: { parse: [] },
  });
  log.info({ embeds: embeds.length }, 'answer shared in channel');
}

export async function onButton(i: ButtonInteraction, ctx: DiscordContext, log: Logger): Promise<void> {
  if (i.customId === SHARE_ID) return share(i, log);
  const missed = parseMissedId(i.customId);
  if (missed !== null) return openMissedForm(i, missed, ctx, log);
  return recordFeedback(i, ctx, log);
}
