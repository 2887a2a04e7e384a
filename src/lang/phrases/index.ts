/** The reply's fixed phrases in the newsroom's language (English where a language has none). */
import type { ReplyLang } from '../../model/types.js';
import { en } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';
import type { Phrases } from './types.js';

const TABLES: Record<ReplyLang, Phrases> = { en, ru, kk };

export function phrases(lang: ReplyLang = 'en'): Phrases {
  return TABLES[lang] ?? en;
}

export function neutralError(lang: ReplyLang = 'en'): string {
  return phrases(lang).neutralError;
}
