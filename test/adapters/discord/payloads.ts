/** Gateway payloads for tests, built from the Discord-shaped fixtures in test/fixtures/discord/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextSnowflake } from '../../helpers/fake-discord.js';

const dir = join(import.meta.dirname, '../../fixtures/discord');

type Json = Record<string, unknown>;

function load(name: string): Json {
  const parsed: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${name} is not an object`);
  return parsed as Json;
}

export const IDS = {
  guild: '1100000000000000001',
  newsroom: '1100000000000000010',
  offTopic: '1100000000000000011',
  thread: '1100000000000000020',
  bot: '1200000000000000001',
  app: '1200000000000000001',
  human: '1300000000000000001',
} as const;

export const SESSION_ID = '9f1c2d3e4b5a69788796a5b4c3d2e1f0';

export function readyPayload(): Json {
  return load('ready.json');
}

export function guildPayload(over: Json = {}): Json {
  return { ...load('guild-create.json'), ...over };
}

export interface MessageOver {
  id?: string;
  content?: string;
  channelId?: string;
  channelType?: number;
  author?: Json;
  webhookId?: string;
  type?: number;
  extra?: Json;
}

export function messagePayload(o: MessageOver = {}): Json {
  const base = load('message-create.json');
  const author = { ...(base.author as Json), ...(o.author ?? {}) };
  return {
    ...base,
    id: o.id ?? nextSnowflake(),
    content: o.content ?? base.content,
    channel_id: o.channelId ?? base.channel_id,
    channel_type: o.channelType ?? base.channel_type,
    type: o.type ?? base.type,
    author,
    ...(o.webhookId ? { webhook_id: o.webhookId } : {}),
    ...(o.extra ?? {}),
  };
}

export const otherBot: Json = {
  id: '1300000000000000002',
  username: 'rss-feed',
  global_name: null,
  discriminator: '0',
  bot: true,
  avatar: null,
  public_flags: 0,
};

export const selfUser: Json = {
  id: IDS.bot,
  username: 'claimdesk',
  discriminator: '0',
  bot: true,
  avatar: null,
};

export interface CommandOption {
  name: string;
  value: string | boolean | number;
  type?: number;
  focused?: boolean;
}

export function commandPayload(options: CommandOption[], locale = 'en-US'): Json {
  const base = load('interaction-command.json');
  const data = base.data as Json;
  return {
    ...base,
    id: nextSnowflake(),
    locale,
    data: {
      ...data,
      options: options.map((o) => ({
        type: o.type ?? (typeof o.value === 'boolean' ? 5 : 3),
        name: o.name,
        value: o.value,
      })),
    },
  };
}

export function autocompletePayload(option: string, value: string, locale = 'ru'): Json {
  const base = load('interaction-autocomplete.json');
  const data = base.data as Json;
  return {
    ...base,
    id: nextSnowflake(),
    locale,
    data: { ...data, options: [{ type: 3, name: option, value, focused: true }] },
  };
}

/** A button click on a message; `message` replaces fields of the fixture's message. */
export function buttonPayload(customId: string, message: Json = {}): Json {
  const base = load('interaction-button.json');
  return {
    ...base,
    id: nextSnowflake(),
    data: { component_type: 2, custom_id: customId },
    message: { ...(base.message as Json), ...message },
  };
}
