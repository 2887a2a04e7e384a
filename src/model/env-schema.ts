/**
 * The environment as a zod schema: every variable claimdesk reads, with its default, its range and
 * the one-line message a person gets when it is wrong (naming the variable, echoing the value with
 * credentials redacted). readConfig (config.ts) parses it once and builds the frozen Config.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

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
export function shown(raw: string): string {
  const r = redact(raw);
  return r.length > 200 ? `${r.slice(0, 199)}…` : r;
}

/** A variable as given: trimmed, and absent when empty. */
const given = z
  .string()
  .optional()
  .transform((v) => {
    const t = v?.trim();
    return t ? t : null;
  });

const fail = (ctx: z.RefinementCtx, message: string): never => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

const text = () => given;

function whole(name: string, fallback: number, min: number, max: number) {
  return given.transform((raw, ctx) => {
    if (raw === null) return fallback;
    if (!/^\d+$/.test(raw)) return fail(ctx, `${name} must be a whole number, got "${shown(raw)}"`);
    const n = Number(raw);
    if (n < min || n > max) return fail(ctx, `${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  });
}

function decimal(name: string, fallback: number, min: number, max: number) {
  return given.transform((raw, ctx) => {
    if (raw === null) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      return fail(ctx, `${name} must be a number between ${min} and ${max}, got "${shown(raw)}"`);
    return n;
  });
}

function flag(name: string, fallback: boolean) {
  return given.transform((raw, ctx) => {
    const v = raw?.toLowerCase() ?? null;
    if (v === null) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    return fail(ctx, `${name} must be true or false, got "${shown(v)}"`);
  });
}

function httpUrl(name: string) {
  return given.transform((raw, ctx) => {
    if (raw === null) return null;
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return fail(ctx, `${name} must be an absolute http(s) URL, got "${shown(raw)}"`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      return fail(ctx, `${name} must be an http(s) URL, got "${shown(raw)}"`);
    return raw;
  });
}

function oneOf<T extends string>(name: string, values: readonly T[], fallback: T, quoted = false) {
  return given.transform((raw, ctx) => {
    const v = (raw ?? fallback).toLowerCase();
    if ((values as readonly string[]).includes(v)) return v as T;
    const list = quoted ? values.map((x) => `"${x}"`).join(' or ') : `one of ${values.join(', ')}`;
    return fail(ctx, `${name} must be ${list}, got "${shown(v)}"`);
  });
}

const list = given.transform((raw) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const allowHosts = list.transform((hosts, ctx) => {
  for (const h of hosts) {
    if (!/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/.test(h))
      return fail(ctx, `FETCH_ALLOW_HOSTS entries must be exact host:port pairs, got "${shown(h)}"`);
  }
  return hosts.map((h) => h.toLowerCase());
});

const storeUrl = given.transform((value, ctx) => {
  const raw = value ?? 'sqlite://data/claimdesk.sqlite';
  if (!/^(sqlite|redis|rediss|memory):\/\//.test(raw))
    return fail(
      ctx,
      `STORE_URL must start with sqlite://, redis://, rediss:// or memory://, got "${shown(raw)}"`,
    );
  if (/^rediss?:/.test(raw)) {
    let u: URL | null = null;
    try {
      u = new URL(raw);
    } catch {}
    if (!u?.hostname || !/^(\/\d*)?$/.test(u.pathname))
      return fail(
        ctx,
        `STORE_URL must look like redis://[user:password@]host:6379/0 (a database number), got "${shown(raw)}"`,
      );
  }
  return raw;
});

const contact = given.transform((c, ctx) => {
  if (c === null) return '';
  if (!/^[\x20-\x7e]{1,200}$/.test(c) || /[()]/.test(c))
    return fail(ctx, 'FETCH_CONTACT must be a short plain-ASCII address or URL, without parentheses');
  return `; +${c}`;
});

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every variable, in the order its problems are reported. */
export const envSchema = z.object({
  FETCH_ALLOW_HOSTS: allowHosts,
  LOG_LEVEL: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
  NON_ALERT_REPLY: oneOf('NON_ALERT_REPLY', ['silent', 'note'] as const, 'silent', true),
  SLACK_BOT_TOKEN: text(),
  SLACK_APP_TOKEN: text(),
  SLACK_SIGNING_SECRET: text(),
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  DISCORD_TOKEN: text(),
  DISCORD_APPLICATION_ID: text(),
  DISCORD_API_URL: httpUrl('DISCORD_API_URL'),
  DISCORD_CHANNELS: list,
  OPENAI_API_KEY: text(),
  OPENAI_BASE_URL: httpUrl('OPENAI_BASE_URL'),
  OPENAI_MODEL: text(),
  OPENAI_TIMEOUT_MS: whole('OPENAI_TIMEOUT_MS', 30_000, 1_000, 300_000),
  OPENAI_MAX_RETRIES: whole('OPENAI_MAX_RETRIES', 2, 0, 10),
  LLM_INPUT_TOKENS: whole('LLM_INPUT_TOKENS', 3_000, 2_000, 100_000),
  LLM_ENABLED: flag('LLM_ENABLED', true),
  PORT: whole('PORT', 3000, 0, 65535),
  HOST: text(),
  API_TOKEN: text(),
  ADMIN_USERS: list,
  CLAIMS_DIR: text(),
  CLAIMS_REFRESH_S: whole('CLAIMS_REFRESH_S', 2, 0, 86_400),
  STORE_URL: storeUrl,
  SHUTDOWN_TIMEOUT_MS: whole('SHUTDOWN_TIMEOUT_MS', 20_000, 0, 600_000),
  QUEUE_CONCURRENCY: whole('QUEUE_CONCURRENCY', 4, 1, 256),
  MAX_LINKS_PER_MESSAGE: whole('MAX_LINKS_PER_MESSAGE', 5, 1, 50),
  ALERT_THRESHOLD: decimal('ALERT_THRESHOLD', 0.5, 0, 1),
  /** Unset: the default (0.35), or no private notes when ALERT_THRESHOLD is that low (see config.ts). */
  NOTE_THRESHOLD: given.transform((raw, ctx) => {
    if (raw === null) return null;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 1)
      return fail(ctx, `NOTE_THRESHOLD must be a number between 0 and 1, got "${shown(raw)}"`);
    return n;
  }),
  REPLY_ON_UNREADABLE: flag('REPLY_ON_UNREADABLE', false),
  CACHE_TTL_HOURS: whole('CACHE_TTL_HOURS', 24, 0, 24 * 365),
  HISTORY_DAYS: whole('HISTORY_DAYS', 90, 1, 3_650),
  ANALYSIS_THREADS: whole('ANALYSIS_THREADS', Math.max(1, availableParallelism() - 1), 0, 64),
  ANALYSIS_TIMEOUT_MS: whole('ANALYSIS_TIMEOUT_MS', 10_000, 50, 600_000),
  ANALYSIS_QUEUE: whole('ANALYSIS_QUEUE', 32, 1, 10_000),
  FETCH_TIMEOUT_MS: whole('FETCH_TIMEOUT_MS', 15_000, 100, 120_000),
  FETCH_CONNECT_TIMEOUT_MS: whole('FETCH_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
  FETCH_MAX_BYTES: whole('FETCH_MAX_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  FETCH_CONTACT: contact,
});

export type Env = z.output<typeof envSchema>;
