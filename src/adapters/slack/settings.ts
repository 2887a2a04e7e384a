/**
 * Per-workspace settings, stored under `settings:slack:<team_id>`. Defaults come from the config
 * (NON_ALERT_REPLY, REPLY_ON_UNREADABLE); `/claimcheck settings …` changes them (see USAGE).
 */
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { KeyValueStore } from '../../core/ports.js';

export interface WorkspaceSettings {
  /** What to post for articles that only report on or debunk a narrative. */
  nonAlertReply: 'silent' | 'note';
  /** Post a short line when a pasted link could not be read. */
  replyOnUnreadable: boolean;
}

export type StoredSettings = WorkspaceSettings & { updatedBy: string | null; updatedAt: string | null };

const stored = z.object({
  nonAlertReply: z.enum(['silent', 'note']).optional(),
  replyOnUnreadable: z.boolean().optional(),
  updatedBy: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
});

export function settingsKey(teamId: string | null): string {
  return `settings:slack:${teamId ?? 'default'}`;
}

export function defaultSettings(
  config: Pick<Config, 'nonAlertReply' | 'replyOnUnreadable'>,
): WorkspaceSettings {
  return { nonAlertReply: config.nonAlertReply, replyOnUnreadable: config.replyOnUnreadable };
}

export async function readSettings(
  store: KeyValueStore,
  teamId: string | null,
  defaults: WorkspaceSettings,
): Promise<StoredSettings> {
  const parsed = stored.safeParse(await store.get<unknown>(settingsKey(teamId)));
  const s = parsed.success ? parsed.data : {};
  return {
    nonAlertReply: s.nonAlertReply ?? defaults.nonAlertReply,
    replyOnUnreadable: s.replyOnUnreadable ?? defaults.replyOnUnreadable,
    updatedBy: s.updatedBy ?? null,
    updatedAt: s.updatedAt ?? null,
  };
}

/** Applies a change (or a reset, with `patch` null) and returns the settings now in force. */
export async function writeSettings(
  store: KeyValueStore,
  teamId: string | null,
  defaults: WorkspaceSettings,
  patch: Partial<WorkspaceSettings> | null,
  by: { userId: string; at: Date },
): Promise<StoredSettings> {
  const current = patch ? await readSettings(store, teamId, defaults) : { ...defaults };
  const next: StoredSettings = {
    nonAlertReply: patch?.nonAlertReply ?? current.nonAlertReply,
    replyOnUnreadable: patch?.replyOnUnreadable ?? current.replyOnUnreadable,
    updatedBy: by.userId,
    updatedAt: by.at.toISOString(),
  };
  await store.set(settingsKey(teamId), next);
  return next;
}
