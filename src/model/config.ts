/**
 * readConfig(env): the one place the environment is read. Validated, frozen; fails fast with a
 * one-line ConfigError that names the variable.
 */
import { availableParallelism } from 'node:os';
import { ConfigError } from './errors.js';

export interface Config {
  port: number;
  host: string;
  /** User ids (Slack or Discord) that may change chat settings besides the platform's admins. */
  adminUsers: ReadonlyArray<string>;
  /** When set, the HTTP API and page require `Authorization: Bearer <token>` (or ?token= for the page). */
  apiToken: string | null;
  claimsDir: string;
  /** How often the running process re-reads CLAIMS_DIR (seconds); 0 = never. */
  claimsRefreshS: number;
  /** sqlite://path, redis://host:port, or memory:// */
  storeUrl: string;
  /** SIGTERM: how long jobs in flight may finish before they are handed back (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** Durable chat jobs (src/queue): jobs run at once by this process (QUEUE_CONCURRENCY). */
  queue: { concurrency: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  maxLinksPerMessage: number;
  /** A promotes/unclear match at or above this confidence raises an alert. */
  alertThreshold: number;
  /** What to post for articles that only report on or debunk a narrative: nothing, or a quiet note. */
  nonAlertReply: 'silent' | 'note';
  /** Post a short line when a pasted link could not be read (slash commands always answer). */
  replyOnUnreadable: boolean;
  cacheTtlMs: number;
  analysis: {
    /** Worker threads for extraction and matching; 0 runs them on the main thread (no time budget). */
    threads: number;
    /** Budget of one analysis step of an article; over it the outcome is `too_complex`. */
    timeoutMs: number;
    /** Checks admitted at once; beyond it the API answers 429 and chat events wait. */
    queue: number;
  };
  fetch: {
    allowHosts: ReadonlyArray<string>;
    timeoutMs: number;
    connectTimeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    userAgent: string;
  };
  slack: {
    botToken: string;
    signingSecret: string | null;
    appToken: string | null;
    apiUrl: string | null;
  } | null;
  discord: {
    token: string;
    applicationId: string | null;
    apiUrl: string | null;
    /** Channel ids the bot reads; empty = every channel it can see. */
    channels: ReadonlyArray<string>;
  } | null;
  llm: {
    apiKey: string | null;
    baseUrl: string | null;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    inputTokenBudget: number;
  } | null;
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';
const VERSION = '0.1.0';

function str(env: Env, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${shown(raw)}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function num(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got "${shown(raw)}"`);
  }
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name)?.toLowerCase();
  if (raw === undefined || raw === null) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${shown(raw)}"`);
}

function httpUrl(env: Env, name: string): string | null {
  const raw = str(env, name);
  if (raw === null) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${shown(raw)}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${shown(raw)}"`);
  }
  return raw;
}

function list(env: Env, name: string): string[] {
  return (str(env, name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function storeUrl(env: Env): string {
  const raw = str(env, 'STORE_URL') ?? 'sqlite://data/claimdesk.sqlite';
  if (!/^(sqlite|redis|rediss|memory):\/\//.test(raw)) {
    throw new ConfigError(
      `STORE_URL must start with sqlite://, redis://, rediss:// or memory://, got "${shown(raw)}"`,
    );
  }
  if (/^rediss?:/.test(raw)) {
    let u: URL | null = null;
    try {
      u = new URL(raw);
    } catch {}
    if (!u?.hostname || !/^(\/\d*)?$/.test(u.pathname)) {
      throw new ConfigError(
        `STORE_URL must look like redis://[user:password@]host:6379/0 (a database number), got "${shown(raw)}"`,
      );
    }
  }
  return raw;
}

const USERINFO = /(^|\/\/)([^/?#:\s]*)(:[^/?#\s]*)?@/;
const SECRET_PARAM = /([?&;][^=&#;]*(?:token|key|pass|secret|pwd|auth|sig)[^=&#;]*=)[^&#;]*/gi;

/**
 * Hides credentials in a URL (or any value that may hold one) before it is shown anywhere: the
 * password of `user:pass@`, a bare `token@` user, and query parameters such as token, key, password
 * or secret.
 */
export function redact(url: string): string {
  return url
    .replace(USERINFO, (_all, start: string, user: string, pass: string | undefined) =>
      pass === undefined ? `${start}***@` : `${start}${user}:***@`,
    )
    .replace(SECRET_PARAM, '$1***');
}

/** A value as echoed in an error message: credentials redacted, at most 200 characters. */
function shown(raw: string): string {
  const r = redact(raw);
  return r.length > 200 ? `${r.slice(0, 199)}…` : r;
}

function contact(env: Env): string {
  const c = str(env, 'FETCH_CONTACT');
  if (c === null) return '';
  if (!/^[\x20-\x7e]{1,200}$/.test(c) || /[()]/.test(c)) {
    throw new ConfigError('FETCH_CONTACT must be a short plain-ASCII address or URL, without parentheses');
  }
  return `; +${c}`;
}

export function readConfig(env: Env = process.env): Readonly<Config> {
  const allowHosts = list(env, 'FETCH_ALLOW_HOSTS');
  for (const h of allowHosts) {
    if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/.test(h)) {
      throw new ConfigError(`FETCH_ALLOW_HOSTS entries must be exact host:port pairs, got "${shown(h)}"`);
    }
  }
  const logLevel = (str(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${shown(logLevel)}"`);
  }
  const nonAlert = (str(env, 'NON_ALERT_REPLY') ?? 'silent').toLowerCase();
  if (nonAlert !== 'silent' && nonAlert !== 'note') {
    throw new ConfigError(`NON_ALERT_REPLY must be "silent" or "note", got "${shown(nonAlert)}"`);
  }

  const slackToken = str(env, 'SLACK_BOT_TOKEN');
  const slackAppToken = str(env, 'SLACK_APP_TOKEN');
  const slackSecret = str(env, 'SLACK_SIGNING_SECRET');
  if (slackToken && !slackAppToken && !slackSecret) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP events) is',
    );
  }
  const discordToken = str(env, 'DISCORD_TOKEN');
  const openaiKey = str(env, 'OPENAI_API_KEY');
  const openaiBase = httpUrl(env, 'OPENAI_BASE_URL');
  const llmOn = bool(env, 'LLM_ENABLED', true) && (openaiKey !== null || openaiBase !== null);

  const config: Config = {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST') ?? '127.0.0.1',
    apiToken: str(env, 'API_TOKEN'),
    adminUsers: Object.freeze(list(env, 'ADMIN_USERS')),
    claimsDir: str(env, 'CLAIMS_DIR') ?? './claims',
    claimsRefreshS: int(env, 'CLAIMS_REFRESH_S', 2, 0, 86_400),
    storeUrl: storeUrl(env),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 20_000, 0, 600_000),
    queue: { concurrency: int(env, 'QUEUE_CONCURRENCY', 4, 1, 256) },
    logLevel: logLevel as Config['logLevel'],
    maxLinksPerMessage: int(env, 'MAX_LINKS_PER_MESSAGE', 5, 1, 50),
    alertThreshold: num(env, 'ALERT_THRESHOLD', 0.5, 0, 1),
    nonAlertReply: nonAlert,
    replyOnUnreadable: bool(env, 'REPLY_ON_UNREADABLE', false),
    cacheTtlMs: int(env, 'CACHE_TTL_HOURS', 24, 0, 24 * 365) * 3_600_000,
    analysis: {
      threads: int(env, 'ANALYSIS_THREADS', Math.max(1, availableParallelism() - 1), 0, 64),
      timeoutMs: int(env, 'ANALYSIS_TIMEOUT_MS', 10_000, 50, 600_000),
      queue: int(env, 'ANALYSIS_QUEUE', 32, 1, 10_000),
    },
    fetch: {
      allowHosts: Object.freeze(allowHosts.map((h) => h.toLowerCase())),
      timeoutMs: int(env, 'FETCH_TIMEOUT_MS', 15_000, 100, 120_000),
      connectTimeoutMs: int(env, 'FETCH_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
      maxBytes: int(env, 'FETCH_MAX_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxRedirects: 5,
      // Sites see who is reading: the bot's name, and the newsroom's contact when FETCH_CONTACT is set.
      userAgent: `claimdesk/${VERSION} (newsroom fact-check bot${contact(env)})`,
    },
    slack: slackToken
      ? {
          botToken: slackToken,
          signingSecret: slackSecret,
          appToken: slackAppToken,
          apiUrl: httpUrl(env, 'SLACK_API_URL'),
        }
      : null,
    discord: discordToken
      ? {
          token: discordToken,
          applicationId: str(env, 'DISCORD_APPLICATION_ID'),
          apiUrl: httpUrl(env, 'DISCORD_API_URL'),
          channels: Object.freeze(list(env, 'DISCORD_CHANNELS')),
        }
      : null,
    llm: llmOn
      ? {
          apiKey: openaiKey,
          baseUrl: openaiBase,
          model: str(env, 'OPENAI_MODEL') ?? DEFAULT_OPENAI_MODEL,
          timeoutMs: int(env, 'OPENAI_TIMEOUT_MS', 30_000, 1_000, 300_000),
          maxRetries: int(env, 'OPENAI_MAX_RETRIES', 2, 0, 10),
          inputTokenBudget: int(env, 'LLM_INPUT_TOKENS', 3_000, 2_000, 100_000),
        }
      : null,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

export const APP_VERSION = VERSION;
