/** Reading an entry in a language: localized text with English fallback, and its newest official denial. */
import type { Denial, Entry, Localized } from '../model/catalogue.js';
import type { ReplyLang } from '../model/types.js';
import { isUnverified, textOf } from './strings.js';

export type CatalogueLang = ReplyLang;

/**
 * The text in `lang`, or the English text when the entry has no translation in `lang` or only an
 * unverified one (`{ text, unverified: true }`): a reader never sees an unchecked translation.
 */
export function pick(text: Localized, lang: CatalogueLang = 'en'): string {
  const wanted = text[lang];
  return wanted !== undefined && !isUnverified(wanted) ? textOf(wanted) : textOf(text.en);
}

/**
 * The official denial with the latest date, or null. Dates may be partial ("2022-12"); a partial
 * date sorts before the full dates of its month, and the first listed wins a tie.
 */
export function newestOfficialDenial(entry: Entry): Denial | null {
  let newest: Denial | null = null;
  for (const d of entry.denials) {
    if (d.type === 'official' && (newest === null || d.date > newest.date)) newest = d;
  }
  return newest;
}
