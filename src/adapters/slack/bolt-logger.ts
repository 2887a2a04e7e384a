/** Our pino-like Logger as the Logger interface Bolt and @slack/web-api expect. */
import { type Logger as SlackLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../model/ports.js';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

function show(part: unknown): string {
  if (part instanceof Error) return part.message;
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part)?.slice(0, 500) ?? String(part);
  } catch {
    return String(part);
  }
}

export function boltLogger(logger: Logger, initial: LogLevel = LogLevel.INFO): SlackLogger {
  let level = initial;
  let name = 'bolt';
  const write = (at: LogLevel, parts: unknown[]) => {
    if (ORDER[at] < ORDER[level]) return;
    logger[at]({ component: name }, parts.map(show).join(' '));
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
