/**
 * `/claimcheck` on every platform: the adapter parses its own command shape into a CommandRequest
 * (parse-command.ts), this decides the answer, and the adapter renders it. Settings change only
 * for admins (the adapter tells how to ask the platform; ADMIN_USERS always counts), and every
 * change is logged with who and when.
 */
import type { CheckService } from '../model/check-service.js';
import { type EntryCard, entryCard, type ReplyLang } from '../pipeline/entry-card.js';
import type { Clock, KeyValueStore, Logger } from '../model/ports.js';
import type { Reply } from '../model/reply.js';
import { phrases } from '../lang/phrases/index.js';
import { answerMissed } from './answer-missed.js';
import { offerOf, saveOffer } from './missed-offer.js';
import type { CommandRequest } from './parse-command.js';
import { answerDigest, type DigestAnswer } from './answer-digest.js';
import type { DigestSource } from '../pipeline/digest-service.js';
import { queryLanguage } from './parse-command.js';
import type { Platform, SettingsStore, StoredSettings } from './settings.js';

/** Catalogue entries shown for a lookup, on every platform. */
export const LOOKUP_LIMIT = 5;

export interface CommandContext {
  platform: Platform;
  teamId: string | null;
  channelId: string;
  userId: string;
  /** Asks the platform whether this user administers the workspace or guild. */
  isPlatformAdmin(): Promise<boolean>;
}

export type CommandAnswer =
  | { kind: 'help'; lang: ReplyLang }
  | { kind: 'notice'; text: string }
  /** `offer`: the key the "Missed a narrative?" button carries (when a store is at hand). */
  | { kind: 'reply'; reply: Reply; offer?: string }
  | { kind: 'cards'; cards: EntryCard[]; query: string | null; version: string; lang: ReplyLang }
  | { kind: 'settings'; settings: StoredSettings; changed: boolean }
  | { kind: 'refused'; text: string }
  | Extract<DigestAnswer, { kind: 'digest' }>;

export interface CommandDeps {
  service: CheckService;
  settings: SettingsStore;
  logger: Logger;
  clock: Clock;
  /** User ids that may always change settings (ADMIN_USERS). */
  adminUsers: ReadonlyArray<string>;
  /** Where "Missed a narrative?" offers and reports are kept; without it, no such button or command. */
  store?: KeyValueStore;
  /** The digest of a window of history (`/claimcheck digest`); without it the command says so. */
  digest?: DigestSource | undefined;
}

export async function mayChangeSettings(
  ctx: CommandContext,
  adminUsers: ReadonlyArray<string>,
): Promise<boolean> {
  if (adminUsers.includes(ctx.userId)) return true;
  return ctx.isPlatformAdmin();
}

export async function answerCommand(
  req: CommandRequest,
  ctx: CommandContext,
  deps: CommandDeps,
): Promise<CommandAnswer> {
  const { service } = deps;
  const here = await deps.settings.forChannel(ctx.platform, ctx.teamId, ctx.channelId);
  switch (req.kind) {
    case 'help':
      return { kind: 'help', lang: here.language };
    case 'invalid':
      return { kind: 'notice', text: req.message };
    case 'digest':
      return answerDigest(req, ctx.teamId, deps.digest, here.language);
    case 'check': {
      // The user asked: every result is shown, unreadable pages and "nothing found" included.
      const check = await service.checkMessage({
        platform: ctx.platform,
        text: req.text,
        extraLinks: [],
        channelId: ctx.channelId,
        messageId: `command:${ctx.userId}`,
        threadId: null,
        authorId: ctx.userId,
        teamId: ctx.teamId,
      });
      const reply = service.compose(check.details, { skipped: check.skipped, lang: here.language });
      if (!deps.store) return { kind: 'reply', reply };
      return { kind: 'reply', reply, offer: await saveOffer(deps.store, offerOf(reply, false)) };
    }
    case 'missed': {
      if (!deps.store) return { kind: 'notice', text: phrases(here.language).neutralError };
      const a = await answerMissed(
        req,
        { platform: ctx.platform, teamId: ctx.teamId, channelId: ctx.channelId, userId: ctx.userId },
        { service, store: deps.store, clock: deps.clock, logger: deps.logger },
        here.language,
      );
      return { kind: 'notice', text: a.text };
    }
    case 'settings': {
      if (!req.change)
        return {
          kind: 'settings',
          settings: await deps.settings.read(ctx.platform, ctx.teamId),
          changed: false,
        };
      if (!(await mayChangeSettings(ctx, deps.adminUsers))) {
        deps.logger.info(
          { platform: ctx.platform, teamId: ctx.teamId, userId: ctx.userId },
          'settings change refused: not an admin',
        );
        return { kind: 'refused', text: phrases(here.language).notAdmin };
      }
      const patch = 'patch' in req.change ? req.change.patch : null;
      const at = deps.clock.now();
      const saved = await deps.settings.write(ctx.platform, ctx.teamId, patch, { userId: ctx.userId, at });
      deps.logger.info(
        {
          platform: ctx.platform,
          teamId: ctx.teamId,
          userId: ctx.userId,
          at: at.toISOString(),
          change: patch ?? 'reset',
          settings: saved,
        },
        'settings changed',
      );
      return { kind: 'settings', settings: saved, changed: true };
    }
    case 'words': {
      const catalogue = service.catalogue();
      const lang = queryLanguage(req.words);
      const exact = req.maybeId ? service.entry(req.maybeId) : undefined;
      if (exact)
        return {
          kind: 'cards',
          cards: [entryCard(exact, catalogue, lang)],
          query: null,
          version: catalogue.version,
          lang,
        };
      const hits = service.lookup(req.words, LOOKUP_LIMIT);
      return {
        kind: 'cards',
        cards: hits.map((h) => entryCard(h.entry, catalogue, lang)),
        query: req.words,
        version: catalogue.version,
        lang,
      };
    }
  }
}
