/** Config errors name the variable and echo the value, but never the credentials inside it. */
import { describe, expect, it } from 'vitest';
import { readConfig, redact } from '../src/model/config.js';
import { ConfigError } from '../src/model/errors.js';

function errorOf(env: Record<string, string>): string {
  try {
    readConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

describe('credentials in config errors', () => {
  it.each([
    [{ STORE_URL: 'redis://user:s3cr3t-pw@host:6379/x' }, 'STORE_URL', 'redis://user:***@host:6379/x'],
    [{ STORE_URL: 'rediss://:s3cr3t-pw@host:6380/db' }, 'STORE_URL', 'rediss://:***@host:6380/db'],
    [{ STORE_URL: 'mysql://user:s3cr3t-pw@db/x' }, 'STORE_URL', 'mysql://user:***@db/x'],
    [{ STORE_URL: 'postgres://s3cr3t-pw@db/x' }, 'STORE_URL', 'postgres://***@db/x'],
    [
      { OPENAI_BASE_URL: 'ftp://k:s3cr3t-pw@llm.example/v1' },
      'OPENAI_BASE_URL',
      'ftp://k:***@llm.example/v1',
    ],
    [
      { OPENAI_BASE_URL: 'ftp://llm.example/v1?api_key=s3cr3t-pw&x=1' },
      'OPENAI_BASE_URL',
      'ftp://llm.example/v1?api_key=***&x=1',
    ],
    [
      { DISCORD_TOKEN: 't', DISCORD_API_URL: 'gopher://proxy.example/?token=s3cr3t-pw' },
      'DISCORD_API_URL',
      'gopher://proxy.example/?token=***',
    ],
    [
      { SLACK_BOT_TOKEN: 'x', SLACK_APP_TOKEN: 'y', SLACK_API_URL: 'ws://a:s3cr3t-pw@slack.example/api' },
      'SLACK_API_URL',
      'ws://a:***@slack.example/api',
    ],
    [
      { OPENAI_BASE_URL: 'http://u:s3cr3t-pw@llm example/?password=s3cr3t-pw' },
      'OPENAI_BASE_URL',
      'http://u:***@llm example/?password=***',
    ],
    [{ FETCH_ALLOW_HOSTS: 'u:s3cr3t-pw@127.0.0.1' }, 'FETCH_ALLOW_HOSTS', 'u:***@127.0.0.1'],
    [{ PORT: 'http://u:s3cr3t-pw@x' }, 'PORT', 'http://u:***@x'],
  ])('%j: names %s, shows %s, hides the secret', (env, name, shown) => {
    const message = errorOf(env);
    expect(message).not.toContain('s3cr3t-pw');
    expect(message.startsWith(name)).toBe(true);
    expect(message).toContain(`"${shown}"`);
    expect(message).not.toContain('\n');
  });

  it('rejects a Redis URL whose database is not a number, before anything connects', () => {
    expect(errorOf({ STORE_URL: 'redis://user:pw@host:6379/x' })).toBe(
      'STORE_URL must look like redis://[user:password@]host:6379/0 (a database number), got "redis://user:***@host:6379/x"',
    );
    expect(readConfig({ STORE_URL: 'redis://user:pw@host:6379/2' }).storeUrl).toBe(
      'redis://user:pw@host:6379/2',
    );
    expect(readConfig({ STORE_URL: 'redis://127.0.0.1:6379' }).storeUrl).toBe('redis://127.0.0.1:6379');
  });

  it('redact keeps what is not a secret', () => {
    expect(redact('redis://host:6379/0')).toBe('redis://host:6379/0');
    expect(redact('https://api.example/v1?model=x&keep=1')).toBe('https://api.example/v1?model=x&keep=1');
    expect(redact('https://api.example/v1?access_token=a&Secret=b&pwd=c')).toBe(
      'https://api.example/v1?access_token=***&Secret=***&pwd=***',
    );
  });

  it('shortens a very long value', () => {
    const message = errorOf({ LOG_LEVEL: 'x'.repeat(5000) });
    expect(message.length).toBeLessThan(400);
  });
});
