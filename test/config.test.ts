import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/model/config.js';
import { ConfigError } from '../src/model/errors.js';

describe('readConfig', () => {
  it('gives local defaults with no variables set', () => {
    const c = readConfig({});
    expect(c.port).toBe(3000);
    expect(c.claimsDir).toBe('./claims');
    expect(c.storeUrl).toBe('sqlite://data/claimdesk.sqlite');
    expect(c.slack).toBeNull();
    expect(c.discord).toBeNull();
    expect(c.llm).toBeNull();
    expect(c.maxLinksPerMessage).toBe(5);
    expect(c.fetch.allowHosts).toEqual([]);
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.fetch)).toBe(true);
  });

  it('enables the LLM with a key or a keyless base URL, and not when switched off', () => {
    expect(readConfig({ OPENAI_API_KEY: 'sk-test' }).llm?.model).toBe('gpt-4.1-mini');
    expect(
      readConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3' }).llm?.model,
    ).toBe('llama3');
    expect(readConfig({ OPENAI_API_KEY: 'sk-test', LLM_ENABLED: 'false' }).llm).toBeNull();
  });

  it('reads Slack and Discord settings', () => {
    const c = readConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      DISCORD_TOKEN: 't',
      DISCORD_CHANNELS: '1, 2,,3',
    });
    expect(c.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      appToken: null,
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(c.discord?.channels).toEqual(['1', '2', '3']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ STORE_URL: 'postgres://x' }, 'STORE_URL must start with sqlite://, redis://, rediss:// or memory://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [
      { FETCH_ALLOW_HOSTS: '127.0.0.1' },
      'FETCH_ALLOW_HOSTS entries must be exact host:port pairs, got "127.0.0.1"',
    ],
    [{ ALERT_THRESHOLD: '2' }, 'ALERT_THRESHOLD must be a number between 0 and 1'],
    [{ OPENAI_BASE_URL: 'ftp://x' }, 'OPENAI_BASE_URL must be an http(s) URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN'],
    [{ NON_ALERT_REPLY: 'loud' }, 'NON_ALERT_REPLY must be "silent" or "note"'],
  ])('rejects %j with a one-line message', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('never shows a store password in its error', () => {
    expect(() => readConfig({ STORE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/user:\*\*\*@db/);
  });
});

describe('the fetcher User-Agent', () => {
  it('names the bot, and the newsroom contact when given', () => {
    expect(readConfig({}).fetch.userAgent).toMatch(/^claimdesk\/\d+\.\d+\.\d+ \(newsroom fact-check bot\)$/);
    expect(readConfig({ FETCH_CONTACT: 'desk@newsroom.example' }).fetch.userAgent).toContain(
      '; +desk@newsroom.example)',
    );
    expect(() => readConfig({ FETCH_CONTACT: 'x\r\nInjected: 1' })).toThrow('FETCH_CONTACT must be');
  });
});
