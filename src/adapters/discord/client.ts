/** The discord.js client: the three intents the bot needs, REST pointed at DISCORD_API_URL when set. */
import { Client, GatewayIntentBits, Partials, PermissionFlagsBits } from 'discord.js';
import type { Config } from '../../model/config.js';

/** Message Content is privileged: enable it in the Developer Portal (Bot → Privileged Gateway Intents). */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/** What the bot needs in the channels it reads; README's invite link carries this number. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks;

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${encodeURIComponent(applicationId)}&scope=bot+applications.commands&permissions=${BOT_PERMISSIONS}`;
}

export function createDiscordClient(discord: NonNullable<Config['discord']>): Client {
  return new Client({
    intents: INTENTS,
    // Edits of messages posted before a restart arrive uncached: take them as partials.
    partials: [Partials.Message],
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: discord.apiUrl ? { api: discord.apiUrl } : {},
  });
}
