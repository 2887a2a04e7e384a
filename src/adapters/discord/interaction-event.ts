/**
 * A Discord interaction as the core's InteractionEvent: who asked where, and where the answer goes
 * (the application id and the interaction token: any replica can edit the deferred answer through
 * the interaction webhook for 15 minutes). The interaction is deferred first (Discord wants an
 * answer within 3 s and never delivers it again); a replica that finds it already deferred by
 * another (both got it) goes on, and the job's key makes the second enqueue a duplicate.
 */
import { DiscordAPIError, type Interaction } from 'discord.js';
import type { Ask, InteractionEvent } from '../../conversation/interaction-jobs.js';
import type { Logger } from '../../model/ports.js';

/** How long an interaction token takes answers. */
export const TOKEN_MS = 15 * 60_000;
/** Discord's "Interaction has already been acknowledged". */
const ALREADY_ACKNOWLEDGED = 40060;

export interface DiscordReplyTo {
  applicationId: string;
  token: string;
}

export function interactionEvent(
  i: Pick<
    Interaction,
    'id' | 'guildId' | 'channelId' | 'user' | 'applicationId' | 'token' | 'createdTimestamp'
  >,
  ask: Ask,
  now: Date,
): InteractionEvent {
  const since = Math.min(i.createdTimestamp, now.getTime());
  return {
    platform: 'discord',
    id: i.id,
    teamId: i.guildId,
    channelId: i.channelId ?? '-',
    userId: i.user.id,
    ask,
    reply: { applicationId: i.applicationId, token: i.token } satisfies DiscordReplyTo,
    answerBy: new Date(since + TOKEN_MS).toISOString(),
  };
}

/** Runs the deferral; an interaction another replica deferred already is not an error here. */
export async function deferOnce(defer: () => Promise<unknown>, log: Logger): Promise<void> {
  try {
    await defer();
  } catch (err) {
    if (!(err instanceof DiscordAPIError && err.code === ALREADY_ACKNOWLEDGED)) throw err;
    log.info({ outcome: 'deferred-elsewhere' }, 'interaction already deferred (by another replica)');
  }
}
