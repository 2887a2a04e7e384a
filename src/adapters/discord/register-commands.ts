/**
 * Registers /claimcheck with Discord: guild-scoped (instant, for testing) or global (production).
 * CLI: `claimdesk discord register-commands [--guild ID]`.
 */
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import { type Config, readConfig } from '../../model/config.js';
import { ConfigError } from '../../model/errors.js';
import type { CliCommand } from '../cli/io.js';
import { claimcheckCommand } from './command-definition.js';

const SNOWFLAKE = /^\d{5,25}$/;
const currentApplication = z.object({ id: z.string().regex(SNOWFLAKE) });

const USAGE = 'Usage: claimdesk discord register-commands [--guild ID]\n';

function restFor(discord: NonNullable<Config['discord']>): REST {
  return new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
}

/** PUTs the command list (overwriting: registering twice is harmless). Throws DiscordAPIError on refusal. */
export async function registerCommands(
  config: Readonly<Config>,
  opts: { guildId?: string } = {},
): Promise<void> {
  const discord = config.discord;
  if (!discord) throw new ConfigError('DISCORD_TOKEN is not set');
  if (opts.guildId !== undefined && !SNOWFLAKE.test(opts.guildId)) {
    throw new ConfigError(`--guild must be a Discord server id (digits), got "${opts.guildId}"`);
  }
  const rest = restFor(discord);
  // Without DISCORD_APPLICATION_ID, the token's own application is asked for its id.
  const appId =
    discord.applicationId ?? currentApplication.parse(await rest.get(Routes.currentApplication())).id;
  const route = opts.guildId
    ? Routes.applicationGuildCommands(appId, opts.guildId)
    : Routes.applicationCommands(appId);
  await rest.put(route, { body: [claimcheckCommand()] });
}

export const discordRegisterCommands: CliCommand = async (args, io) => {
  let guild: string | undefined;
  try {
    const parsed = parseArgs({ args, options: { guild: { type: 'string' } }, allowPositionals: false });
    guild = parsed.values.guild;
  } catch (err) {
    io.stderr.write(
      `claimdesk discord register-commands: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`,
    );
    return 2;
  }
  let config: Readonly<Config>;
  try {
    config = readConfig(io.env);
    if (!config.discord)
      throw new ConfigError('DISCORD_TOKEN is not set: put the bot token in the environment');
    if (guild !== undefined && !SNOWFLAKE.test(guild)) {
      throw new ConfigError(`--guild must be a Discord server id (digits), got "${guild}"`);
    }
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr.write(`claimdesk discord register-commands: ${err.message}\n${USAGE}`);
    return 2;
  }
  try {
    await registerCommands(config, guild ? { guildId: guild } : {});
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    io.stderr.write(`claimdesk discord register-commands: Discord refused: ${reason}\n`);
    return 1;
  }
  io.stdout.write(
    guild
      ? `Registered /claimcheck in the server ${guild}; it is available there now.\n`
      : 'Registered /claimcheck globally, in every server the bot is in.\n',
  );
  return 0;
};
