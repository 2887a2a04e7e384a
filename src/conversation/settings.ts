/**
 * Per-workspace (Slack) or per-guild (Discord) settings, one scheme for every platform, stored
 * under `settings:<platform>:<scope>`. Defaults come from the config (NON_ALERT_REPLY,
 * REPLY_ON_UNREADABLE; replies in English). The reply language may also be set for one channel.
 * Only admins change them (see admin.ts); every change records who and when.
 */
import { z } from 'zod';
import type { Config } from '../model/config.js';
import type { KeyValueStore } from '../model/ports.js';
import type { ReplyLang } from '../pipeline/entry-card.js';

export type Platform = 'slack' | 'discord';

export interface ReplySettings {
  /** What to post for articles that only report on or debunk a narrative. */
  nonAlertReply: 'silent' | 'note';
  /** Post a short line when a pasted link could not be read. */
  replyOnUnreadable: boolean;
  /** The language of replies in this workspace or guild. */
  language: ReplyLang;
  /**
   * Where a platform cannot post to one user (Discord): the private note for an unsure match goes
   * in the thread as a quiet note ('thread'), or nowhere ('off', the default when absent).
   */
  unsureNotes?: 'thread' | 'off';
}

/** Where and how often the digest is posted (`settings digest #channel weekly`). */
export interface DigestSubscription {
  channelId: string;
  every: 'weekly';
}

export type StoredSettings = ReplySettings & {
  /** Channel id → reply language, where a channel differs from its workspace. */
  channelLanguages: Record<string, ReplyLang>;
  /** The scheduled digest, or null (off). */
  digest: DigestSubscription | null;
  updatedBy: string | null;
  updatedAt: string | null;
};

export type SettingsPatch = Partial<ReplySettings> & {
  channelLanguage?: { channelId: string; language: ReplyLang | null };
  /** A channel for the scheduled digest, or null to stop it. */
  digest?: DigestSubscription | null;
};

/** A workspace or guild with a scheduled digest (settings:digests lists them). */
export interface DigestTarget {
  platform: Platform;
  scope: string | null;
}

const LANGS = ['en', 'ru', 'kk'] as const;
const stored = z.object({
  nonAlertReply: z.enum(['silent', 'note']).optional(),
  replyOnUnreadable: z.boolean().optional(),
  language: z.enum(LANGS).optional(),
  unsureNotes: z.enum(['thread', 'off']).optional(),
  channelLanguages: z.record(z.string(), z.enum(LANGS)).optional(),
  digest: z
    .object({ channelId: z.string().min(1), every: z.literal('weekly') })
    .nullable()
    .optional(),
  updatedBy: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
});

const targets = z.array(z.object({ platform: z.enum(['slack', 'discord']), scope: z.string().nullable() }));
/** The workspaces and guilds that asked for a scheduled digest. */
export const DIGEST_TARGETS_KEY = 'settings:digests';

export function settingsKey(platform: Platform, scope: string | null): string {
  return `settings:${platform}:${scope ?? 'default'}`;
}

export function defaultSettings(config: Pick<Config, 'nonAlertReply' | 'replyOnUnreadable'>): ReplySettings {
  return { nonAlertReply: config.nonAlertReply, replyOnUnreadable: config.replyOnUnreadable, language: 'en' };
}

/** The unsure-notes setting as a field, only when it is set (absent reads as 'off'). */
function unsureNotes(v: 'thread' | 'off' | undefined): Pick<ReplySettings, 'unsureNotes'> {
  return v ? { unsureNotes: v } : {};
}

export class SettingsStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly defaults: ReplySettings,
  ) {}

  async read(platform: Platform, scope: string | null): Promise<StoredSettings> {
    const parsed = stored.safeParse(await this.store.get<unknown>(settingsKey(platform, scope)));
    const s = parsed.success ? parsed.data : {};
    return {
      nonAlertReply: s.nonAlertReply ?? this.defaults.nonAlertReply,
      replyOnUnreadable: s.replyOnUnreadable ?? this.defaults.replyOnUnreadable,
      language: s.language ?? this.defaults.language,
      ...unsureNotes(s.unsureNotes ?? this.defaults.unsureNotes),
      channelLanguages: s.channelLanguages ?? {},
      digest: s.digest ?? null,
      updatedBy: s.updatedBy ?? null,
      updatedAt: s.updatedAt ?? null,
    };
  }

  /** The settings that apply in one channel: the channel's language wins over the workspace's. */
  async forChannel(platform: Platform, scope: string | null, channelId: string): Promise<ReplySettings> {
    const s = await this.read(platform, scope);
    return {
      nonAlertReply: s.nonAlertReply,
      replyOnUnreadable: s.replyOnUnreadable,
      language: s.channelLanguages[channelId] ?? s.language,
      ...unsureNotes(s.unsureNotes),
    };
  }

  /** Applies a change (or a reset, with `patch` null) and returns the settings now in force. */
  async write(
    platform: Platform,
    scope: string | null,
    patch: SettingsPatch | null,
    by: { userId: string; at: Date },
  ): Promise<StoredSettings> {
    const current = patch
      ? await this.read(platform, scope)
      : { ...this.defaults, channelLanguages: {}, digest: null, updatedBy: null, updatedAt: null };
    const channelLanguages = { ...current.channelLanguages };
    if (patch?.channelLanguage) {
      const { channelId, language } = patch.channelLanguage;
      if (language) channelLanguages[channelId] = language;
      else delete channelLanguages[channelId];
    }
    const next: StoredSettings = {
      nonAlertReply: patch?.nonAlertReply ?? current.nonAlertReply,
      replyOnUnreadable: patch?.replyOnUnreadable ?? current.replyOnUnreadable,
      language: patch?.language ?? current.language,
      ...unsureNotes(patch?.unsureNotes ?? current.unsureNotes),
      channelLanguages,
      digest: patch?.digest === undefined ? current.digest : patch.digest,
      updatedBy: by.userId,
      updatedAt: by.at.toISOString(),
    };
    await this.store.set(settingsKey(platform, scope), next);
    if (!patch || patch.digest !== undefined)
      await this.listDigest({ platform, scope }, next.digest !== null);
    return next;
  }

  /** The workspaces and guilds with a scheduled digest (each one's settings say where). */
  async digestTargets(): Promise<DigestTarget[]> {
    const parsed = targets.safeParse(await this.store.get<unknown>(DIGEST_TARGETS_KEY));
    return parsed.success ? parsed.data : [];
  }

  /**
   * Adds or removes a workspace in the list. A read-modify-write: two admins of two workspaces
   * saving in the same instant on two replicas could lose one entry (saving the digest setting
   * again lists it again); the scheduler skips listed workspaces whose settings no longer ask.
   */
  private async listDigest(t: DigestTarget, on: boolean): Promise<void> {
    const rest = (await this.digestTargets()).filter(
      (x) => !(x.platform === t.platform && x.scope === t.scope),
    );
    await this.store.set(DIGEST_TARGETS_KEY, on ? [...rest, t] : rest);
  }
}
