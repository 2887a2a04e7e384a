/** `claimdesk discord register-commands [--guild ID]` against the fake Discord REST API. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimcheckCommand } from '../../../src/adapters/discord/command-definition.js';
import { discordRegisterCommands } from '../../../src/adapters/discord/register-commands.js';
import type { CliIO } from '../../../src/adapters/cli/io.js';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { guildPayload, IDS, readyPayload } from './payloads.js';

const TOKEN = 'register-token-123456';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({ ready: readyPayload(), guilds: [guildPayload()] });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.clearOverrides();
});

function io(env: Record<string, string>): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: new PassThrough(),
    env: { STORE_URL: 'memory://', ...env },
    out: () => out,
    err: () => err,
  };
}

function env(over: Record<string, string> = {}): Record<string, string> {
  return { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: IDS.app, DISCORD_API_URL: fake.apiUrl, ...over };
}

describe('discord register-commands', () => {
  it('registers /claimcheck in one server with --guild', async () => {
    const x = io(env());
    expect(await discordRegisterCommands(['--guild', IDS.guild], x)).toBe(0);
    expect(x.out()).toBe(`Registered /claimcheck in the server ${IDS.guild}; it is available there now.\n`);
    const put = fake.requestsTo('PUT', /commands$/);
    expect(put).toHaveLength(1);
    expect(put[0]?.path).toBe(`/applications/${IDS.app}/guilds/${IDS.guild}/commands`);
    expect(put[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(put[0]?.body).toEqual([claimcheckCommand()]);
  });

  it('registers globally, asking Discord for the application id when it is not configured', async () => {
    const x = io(env({ DISCORD_APPLICATION_ID: '' }));
    expect(await discordRegisterCommands([], x)).toBe(0);
    expect(x.out()).toBe('Registered /claimcheck globally, in every server the bot is in.\n');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${IDS.app}/commands`,
    ]);
  });

  it('exits 2 without a token, with a bad --guild, or with an unknown option', async () => {
    const noToken = io({ DISCORD_API_URL: fake.apiUrl });
    expect(await discordRegisterCommands([], noToken)).toBe(2);
    expect(noToken.err()).toContain('DISCORD_TOKEN is not set');
    const badGuild = io(env());
    expect(await discordRegisterCommands(['--guild', 'newsroom'], badGuild)).toBe(2);
    expect(badGuild.err()).toContain('--guild must be a Discord server id');
    const unknown = io(env());
    expect(await discordRegisterCommands(['--global'], unknown)).toBe(2);
    expect(unknown.err()).toContain('Usage: claimdesk discord register-commands [--guild ID]');
    expect(fake.requests).toHaveLength(0);
  });

  it('exits 1 with Discord’s reason when it refuses, without printing the token', async () => {
    fake.override({
      method: 'PUT',
      path: /commands$/,
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const x = io(env());
    expect(await discordRegisterCommands(['--guild', IDS.guild], x)).toBe(1);
    expect(x.err()).toBe('claimdesk discord register-commands: Discord refused: 401: Unauthorized\n');
    expect(x.err()).not.toContain(TOKEN);
  });
});
