/**
 * The weekly digest into a Discord channel, as one embed, mentioning nobody. The channel must be in
 * the guild whose digest it is: an admin of one server cannot send its digest into another's.
 */
import type { Client } from 'discord.js';
import type { DigestPoster } from '../../conversation/digest-schedule.js';
import { NO_MENTIONS } from './post-reply.js';
import { renderDigestEmbed } from './render-digest.js';

export function discordDigestPoster(client: Client): DigestPoster {
  return async ({ teamId, channelId }, digest, lang) => {
    const channel = await client.channels.fetch(channelId);
    if (!channel?.isTextBased() || !('guildId' in channel) || channel.guildId !== teamId)
      throw new Error(`channel ${channelId} is not a text channel of guild ${teamId}`);
    if (!('send' in channel)) throw new Error(`channel ${channelId} does not take messages`);
    await channel.send({ embeds: [renderDigestEmbed(digest, lang)], allowedMentions: NO_MENTIONS });
  };
}
