/** pino logger with secrets redacted by path and by value. Logs go to stderr (stdout is for CLI output). */
import { pino } from 'pino';
import type { Config } from './model/config.js';
import type { Logger } from './model/ports.js';

const SECRET_PATHS = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.apiKey',
  '*.authorization',
  '*.headers.authorization',
  'config.slack',
  'config.discord.token',
  'config.llm.apiKey',
];

/** Values of secret env vars, so a secret that slips into a message is masked too. */
function secretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  return [
    'SLACK_BOT_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_APP_TOKEN',
    'DISCORD_TOKEN',
    'OPENAI_API_KEY',
    'API_TOKEN',
  ]
    .map((k) => env[k]?.trim())
    .filter((v): v is string => typeof v === 'string' && v.length >= 6);
}

export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

export function createLogger(
  level: Config['logLevel'],
  env: Readonly<Record<string, string | undefined>> = process.env,
  destination: NodeJS.WritableStream = process.stderr,
): Logger {
  const secrets = secretValues(env);
  const stream = {
    write(line: string) {
      destination.write(secrets.length ? maskSecrets(line, secrets) : line);
    },
  };
  return pino(
    { level, redact: { paths: SECRET_PATHS, censor: '[redacted]' }, base: { app: 'claimdesk' } },
    stream,
  );
}

/** A logger that drops everything (CLI default, tests). */
export const silentLogger: Logger = pino({ level: 'silent' });
