/** Discord locales ("ru", "en-US", …) to the catalogue's reply languages. */
import type { ReplyLang } from '../../pipeline/entry-card.js';

/** Russian and Kazakh titles when the user's (or guild's) locale asks for them; English otherwise. */
export function replyLang(locale: string | null | undefined): ReplyLang {
  const base = (locale ?? '').toLowerCase().split('-')[0];
  if (base === 'ru') return 'ru';
  if (base === 'kk') return 'kk';
  return 'en';
}
