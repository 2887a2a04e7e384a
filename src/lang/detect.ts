/**
 * The guesser over the shipped languages (lang/): what fetching, the conversation and the command
 * line call. guess.ts builds it for any registry.
 */
import type { Language, ReplyLang } from '../model/types.js';
import { createGuesser, type Guesser } from './guess.js';
import { defaultRegistry } from './load.js';

let shipped: Guesser | null = null;

function guesser(): Guesser {
  shipped ??= createGuesser(defaultRegistry());
  return shipped;
}

/**
 * The language of an article's text; `declared` is the page's own claim (html lang, meta,
 * og:locale), or null. Null only when there is no text and nothing declared.
 */
export function detectLanguage(text: string, declared: string | null): Language | null {
  return guesser().article(text, declared);
}

/** Maps a BCP 47 tag or locale ('ru-RU', 'kk_KZ', 'kz', 'en') to a Language; null when absent. */
export function languageFromTag(tag: string | null | undefined): Language | null {
  return guesser().tag(tag);
}

/** The languages replies are written in (a phrase table each): a compile error when ReplyLang changes. */
const REPLY_LANGS: Readonly<Record<ReplyLang, true>> = { en: true, ru: true, kk: true };
const isReplyLang = (id: string): id is ReplyLang => Object.hasOwn(REPLY_LANGS, id);

/**
 * The language a few typed words are in (a catalogue query), as a language replies and catalogue
 * texts exist in: a marked language's letters → it (Kazakh), other Cyrillic → Russian, else English.
 */
export function wordsLanguage(words: string): ReplyLang {
  const id = guesser().words(words);
  return id !== null && isReplyLang(id) ? id : 'en';
}
