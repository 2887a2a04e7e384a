/**
 * readConfig(env): the one place the environment is read, through one zod schema (env-schema.ts).
 * Validated, frozen; fails fast with a
 * one-line ConfigError that names the variable.
 */
import { envSchema, redact } from './env-schema.js';
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
  /**
   * A promotes/unclear match at or above this, but below alertThreshold, gets a private note to the
   * poster (NOTE_THRESHOLD, default 0.35); equal to alertThreshold means no private notes.
   */
  noteThreshold: number;
  /** What to post for articles that only report on or debunk a narrative: nothing, or a quiet note. */
  nonAlertReply: 'silent' | 'note';
  /** Post a short line when a pasted link could not be read (slash commands always answer). */
  replyOnUnreadable: boolean;
  cacheTtlMs: number;
  /** Check history (the digest, the editor's desk) is kept this many days, then deleted (HISTORY_DAYS). */
  historyDays: number;
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

type RawEnv = Readonly<Record<string, string | undefined>>;

export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';
export const DEFAULT_NOTE_THRESHOLD = 0.35;
const VERSION = '0.1.0';

export { redact };

export function readConfig(raw: RawEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    // One line a person can act on: the first problem, in the schema's order.
    throw new ConfigError(parsed.error.issues[0]?.message ?? 'the environment is invalid');
  }
  const env = parsed.data;
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP events) is',
    );
  }
  if (env.NOTE_THRESHOLD !== null && env.NOTE_THRESHOLD >= env.ALERT_THRESHOLD) {
    throw new ConfigError(
      `NOTE_THRESHOLD (${env.NOTE_THRESHOLD}) must be below ALERT_THRESHOLD (${env.ALERT_THRESHOLD}): a private note is for matches under the alert`,
    );
  }
  const llmOn = env.LLM_ENABLED && (env.OPENAI_API_KEY !== null || env.OPENAI_BASE_URL !== null);

  const config: Config = {
    port: env.PORT,
    host: env.HOST ?? '127.0.0.1',
    apiToken: env.API_TOKEN,
    adminUsers: Object.freeze(env.ADMIN_USERS),
    claimsDir: env.CLAIMS_DIR ?? './claims',
    claimsRefreshS: env.CLAIMS_REFRESH_S,
    storeUrl: env.STORE_URL,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    queue: { concurrency: env.QUEUE_CONCURRENCY },
    logLevel: env.LOG_LEVEL,
    maxLinksPerMessage: env.MAX_LINKS_PER_MESSAGE,
    alertThreshold: env.ALERT_THRESHOLD,
    // Unset and the alert threshold at or below the default: the band is empty, no private notes.
    noteThreshold: env.NOTE_THRESHOLD ?? Math.min(DEFAULT_NOTE_THRESHOLD, env.ALERT_THRESHOLD),
    nonAlertReply: env.NON_ALERT_REPLY,
    replyOnUnreadable: env.REPLY_ON_UNREADABLE,
    cacheTtlMs: env.CACHE_TTL_HOURS * 3_600_000,
    historyDays: env.HISTORY_DAYS,
    analysis: {
      threads: env.ANALYSIS_THREADS,
      timeoutMs: env.ANALYSIS_TIMEOUT_MS,
      queue: env.ANALYSIS_QUEUE,
    },
    fetch: {
      allowHosts: Object.freeze(env.FETCH_ALLOW_HOSTS),
      timeoutMs: env.FETCH_TIMEOUT_MS,
      connectTimeoutMs: env.FETCH_CONNECT_TIMEOUT_MS,
      maxBytes: env.FETCH_MAX_BYTES,
      maxRedirects: 5,
      // Sites see who is reading: the bot's name, and the newsroom's contact when FETCH_CONTACT is set.
      userAgent: `claimdesk/${VERSION} (newsroom fact-check bot${env.FETCH_CONTACT})`,
    },
    slack: env.SLACK_BOT_TOKEN
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET,
          appToken: env.SLACK_APP_TOKEN,
          apiUrl: env.SLACK_API_URL,
        }
      : null,
    discord: env.DISCORD_TOKEN
      ? {
          token: env.DISCORD_TOKEN,
          applicationId: env.DISCORD_APPLICATION_ID,
          apiUrl: env.DISCORD_API_URL,
          channels: Object.freeze(env.DISCORD_CHANNELS),
        }
      : null,
    llm: llmOn
      ? {
          apiKey: env.OPENAI_API_KEY,
          baseUrl: env.OPENAI_BASE_URL,
          model: env.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL,
          timeoutMs: env.OPENAI_TIMEOUT_MS,
          maxRetries: env.OPENAI_MAX_RETRIES,
          inputTokenBudget: env.LLM_INPUT_TOKENS,
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
