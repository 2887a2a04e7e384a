/**
 * Autocomplete for /claimcheck `id` and `query`: catalogue entries whose id or title (in any
 * language) contains what was typed, then the catalogue lookup's hits. Names are titles in the
 * user's language when the catalogue has them; values are entry ids. At most 25, ≤ 100 characters.
 */
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Entry } from '../../model/catalogue.js';
import { textOf } from '../../claims/strings.js';
import type { CheckService } from '../../model/check-service.js';
import { localized, type ReplyLang } from '../../pipeline/entry-card.js';
import type { Logger } from '../../model/ports.js';
import type { DiscordContext } from './context.js';
import { errorInfo } from './error-info.js';
import { LIMITS, truncate } from './limits.js';
import { replyLang } from './locale.js';

export function suggestEntries(
  service: Pick<CheckService, 'catalogue' | 'lookup'>,
  typed: string,
  lang: ReplyLang,
  logger?: Logger,
): ApplicationCommandOptionChoiceData<string>[] {
  const entries = service.catalogue().entries;
  const q = typed.trim().toLowerCase();
  const picked = new Map<string, Entry>();
  const add = (e: Entry) => {
    if (picked.size < LIMITS.choices && e.id.length <= LIMITS.choiceValue) picked.set(e.id, e);
  };
  if (!q) {
    [...entries]
      .sort((a, b) => localized(a.title, lang).localeCompare(localized(b.title, lang)))
      .forEach(add);
  } else {
    const titles = (e: Entry) =>
      [e.id, e.title.en, e.title.ru, e.title.kk].map((t) => (t === undefined ? '' : textOf(t).toLowerCase()));
    for (const e of entries) if (titles(e).some((t) => t.startsWith(q))) add(e);
    try {
      for (const hit of service.lookup(typed, LIMITS.choices)) add(hit.entry);
    } catch (err) {
      logger?.warn({ ...errorInfo(err) }, 'catalogue lookup failed during autocomplete');
    }
    for (const e of entries) if (titles(e).some((t) => t.includes(q))) add(e);
  }
  return [...picked.values()].map((e) => ({
    name: truncate(localized(e.title, lang), LIMITS.choiceName),
    value: e.id,
  }));
}

export async function answerAutocomplete(
  i: AutocompleteInteraction,
  ctx: DiscordContext,
  log: Logger,
): Promise<void> {
  const focused = i.options.getFocused(true);
  const choices =
    focused.name === 'id' || focused.name === 'query'
      ? suggestEntries(ctx.service, String(focused.value), replyLang(i.locale), log)
      : [];
  await i.respond(choices);
  log.debug({ option: focused.name, choices: choices.length }, 'autocomplete answered');
}
