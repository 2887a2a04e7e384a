/**
 * "Missed a narrative?" on Discord: the button opens the form as a modal at once (a modal must be
 * the first answer to the click); the modal's submission is checked by the conversation core
 * (answer-missed.ts) and answered with one ephemeral line: the thanks, or what is wrong.
 */
import {
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  ComponentType,
  MessageFlags,
  type ModalSubmitInteraction,
  TextInputStyle,
} from 'discord.js';
import { answerMissed, MAX_SENTENCE } from '../../conversation/answer-missed.js';
import { type MissedOffer, readOffer } from '../../conversation/missed-offer.js';
import { phrases } from '../../lang/phrases/index.js';
import type { Logger } from '../../model/ports.js';
import type { ReplyLang } from '../../model/types.js';
import type { DiscordContext } from './context.js';
import { truncate } from './limits.js';

export const MISSED_FORM_ID = 'cd:missed-form';
const FIELD = { link: 'link', entry: 'entry', sentence: 'sentence' } as const;

function field(
  id: string,
  label: string,
  opts: { value: string | null; hint?: string; paragraph?: boolean; required: boolean; max: number },
) {
  return {
    type: ComponentType.Label as const,
    label: truncate(label, 45),
    component: {
      type: ComponentType.TextInput as const,
      custom_id: id,
      style: opts.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: opts.required,
      max_length: opts.max,
      ...(opts.value ? { value: opts.value.slice(0, opts.max) } : {}),
      ...(opts.hint ? { placeholder: truncate(opts.hint, 100) } : {}),
    },
  };
}

export function missedForm(offer: MissedOffer, lang: ReplyLang): APIModalInteractionResponseCallbackData {
  const p = phrases(lang).missed;
  return {
    custom_id: MISSED_FORM_ID,
    title: truncate(p.title, 45),
    components: [
      field(FIELD.link, p.link, { value: offer.link, required: true, max: 2000 }),
      field(FIELD.entry, p.entry, { value: offer.entryId, hint: p.entryHint, required: true, max: 100 }),
      field(FIELD.sentence, p.sentence, {
        value: offer.sentence,
        hint: p.sentenceHint,
        paragraph: true,
        required: false,
        max: MAX_SENTENCE,
      }),
    ],
  };
}

export async function openMissedForm(
  i: ButtonInteraction,
  offerKey: string,
  ctx: DiscordContext,
  log: Logger,
): Promise<void> {
  const [{ language }, offer] = await Promise.all([
    ctx.settings.forChannel('discord', i.guildId, i.channelId),
    readOffer(ctx.store, offerKey),
  ]);
  await i.showModal(missedForm(offer, language));
  log.info({ userId: i.user.id }, 'missed-narrative form opened');
}

function value(i: ModalSubmitInteraction, id: string): string | null {
  try {
    return i.fields.getTextInputValue(id) || null;
  } catch {
    return null;
  }
}

export async function onMissedForm(
  i: ModalSubmitInteraction,
  ctx: DiscordContext,
  log: Logger,
): Promise<void> {
  const { language } = await ctx.settings.forChannel('discord', i.guildId, i.channelId ?? '');
  const a = await answerMissed(
    { link: value(i, FIELD.link), entryId: value(i, FIELD.entry), sentence: value(i, FIELD.sentence) },
    { platform: 'discord', teamId: i.guildId, channelId: i.channelId ?? '', userId: i.user.id },
    { service: ctx.service, store: ctx.store, clock: ctx.conversation.clock, logger: log },
    language,
  );
  await i.reply({ content: a.text, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  log.info({ ok: a.ok, ...(a.ok ? {} : { field: a.field }) }, 'missed-narrative form answered');
}
