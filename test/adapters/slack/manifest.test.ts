/** The app manifest asks for what the adapter uses, and no more. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { COMMAND } from '../../../src/adapters/slack/on-command.js';

const manifest = z.object({
  display_information: z.object({ name: z.string(), long_description: z.string().min(175).max(4000) }),
  features: z.object({
    bot_user: z.object({ display_name: z.string() }),
    slash_commands: z.array(
      z.object({
        command: z.string(),
        description: z.string(),
        should_escape: z.boolean(),
        url: z.string().optional(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ bot_events: z.array(z.string()), request_url: z.string().optional() }),
    interactivity: z.object({ is_enabled: z.boolean(), request_url: z.string().optional() }),
    socket_mode_enabled: z.boolean(),
  }),
});

const m = manifest.parse(
  parse(readFileSync(new URL('../../../slack/manifest.yaml', import.meta.url), 'utf8')),
);

describe('slack/manifest.yaml', () => {
  it('declares the slash command the adapter listens to', () => {
    expect(m.features.slash_commands.map((c) => c.command)).toEqual([COMMAND]);
  });

  it('asks for the minimal bot scopes', () => {
    expect([...m.oauth_config.scopes.bot].sort()).toEqual([
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'users:read',
    ]);
  });

  it('subscribes to messages in public and private channels, with interactivity on', () => {
    expect(m.settings.event_subscriptions.bot_events).toEqual(['message.channels', 'message.groups']);
    expect(m.settings.interactivity.is_enabled).toBe(true);
  });

  it('uses Socket Mode, so no request URL is set', () => {
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.event_subscriptions.request_url).toBeUndefined();
    expect(m.settings.interactivity.request_url).toBeUndefined();
    expect(m.features.slash_commands[0]?.url).toBeUndefined();
  });
});
