/**
 * INTERACTION_CREATE: /claimcheck, its autocomplete, buttons, and the "Missed a narrative?" form. This is the error boundary for
 * interactions: it logs with the interaction id, and answers the waiting user with a short neutral
 * line (never a stack trace); autocomplete gets an empty list.
 */
import { type Interaction, MessageFlags } from 'discord.js';
import type { Logger } from '../../model/ports.js';
import { neutralError } from '../../lang/phrases/index.js';
import { answerAutocomplete } from './autocomplete.js';
import { onButton } from './buttons.js';
import { runClaimcheck } from './claimcheck.js';
import { COMMAND_NAME } from './command-definition.js';
import type { DiscordContext } from './context.js';
import { errorInfo } from './error-info.js';
import { MISSED_FORM_ID, onMissedForm } from './missed.js';

/** The one neutral line of every platform. */
export const SORRY = neutralError();

async function apologize(i: Interaction, log: Logger): Promise<void> {
  try {
    if (i.isAutocomplete()) {
      if (!i.responded) await i.respond([]);
    } else if (i.isRepliable()) {
      if (i.deferred || i.replied) await i.editReply({ content: SORRY, embeds: [], components: [] });
      else await i.reply({ content: SORRY, flags: MessageFlags.Ephemeral });
    }
  } catch (err) {
    log.warn({ ...errorInfo(err) }, 'could not tell the user about the failure');
  }
}

export async function handleInteraction(i: Interaction, ctx: DiscordContext): Promise<void> {
  const log = ctx.logger.child({
    interactionId: i.id,
    interactionType: i.type,
    guildId: i.guildId,
    channelId: i.channelId,
  });
  try {
    if (i.isAutocomplete()) {
      if (i.commandName === COMMAND_NAME) await answerAutocomplete(i, ctx, log);
    } else if (i.isChatInputCommand()) {
      if (i.commandName === COMMAND_NAME) await runClaimcheck(i, ctx, log);
    } else if (i.isButton()) {
      await onButton(i, ctx, log);
    } else if (i.isModalSubmit()) {
      if (i.customId === MISSED_FORM_ID) await onMissedForm(i, ctx, log);
    }
  } catch (err) {
    log.error({ ...errorInfo(err) }, 'interaction failed');
    await apologize(i, log);
  }
}
