/** What a log line says about an error: Discord's status and code when it is an API error; never a token. */
import { DiscordAPIError, HTTPError } from 'discord.js';

export function errorInfo(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) {
    return { status: err.status, code: err.code, method: err.method, error: err.message };
  }
  // A 5xx that outlived discord.js's retries. (Its `url` may hold an interaction token: not logged.)
  if (err instanceof HTTPError) return { status: err.status, method: err.method, error: err.message };
  if (err instanceof Error) return { error: err.message, errorName: err.name, stack: err.stack };
  return { error: String(err) };
}
