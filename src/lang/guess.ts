/**
 * The one language guesser, over any registry: articles (franc's trigram models with the script
 * evidence of guess-script.ts), declared tags (html lang, og:locale), and short typed text (a
 * catalogue query: letters only).
 *
 * - article: a sample's dominant script decides which evidence counts. A declared language decides
 *   when the text is too short (below SHORT letters). Null only with no text and nothing declared.
 * - tag: 'ru-RU', 'kk_KZ', 'kz' → the language listing that primary subtag; 'other' for any other.
 * - words: a marked language's letters (any case) → it; else the default language of the first
 *   script the text has a letter of; else null.
 */
import { franc } from 'franc';
import { cyrillicVerdict, latinVerdict, type ScriptEvidence, scriptEvidence } from './guess-script.js';
import type { LanguageId, LanguageRegistry } from './registry.js';
import { letterClass, SCRIPT_FACTS, SCRIPTS } from './scripts.js';

export interface Guesser {
  article(text: string, declared: string | null): LanguageId | null;
  tag(tag: string | null | undefined): LanguageId | null;
  words(text: string): LanguageId | null;
}

const SAMPLE = 20_000;
/** Below this many letters, a declared language outweighs franc. */
const SHORT = 200;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function createGuesser(registry: LanguageRegistry): Guesser {
  const byTag = new Map<string, string>();
  for (const l of registry.languages) for (const t of l.tags) byTag.set(t, l.id);
  const evidence = new Map<string, ScriptEvidence>(SCRIPTS.map((s) => [s, scriptEvidence(registry, s)]));
  const marking = registry.languages.flatMap((l) => {
    const letters = SCRIPTS.map((s) => l.scripts[s]?.letters ?? '').join('');
    return letters ? [{ id: l.id, re: letterClass(letters, 'iu') }] : [];
  });

  const tag = (t: string | null | undefined): LanguageId | null => {
    if (!t) return null;
    const primary = t.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (primary === '') return null;
    return byTag.get(primary) ?? 'other';
  };

  const article = (text: string, declared: string | null): LanguageId | null => {
    const declaredLang = tag(declared);
    const sample = text.slice(0, SAMPLE);
    const cyr = count(sample, SCRIPT_FACTS.cyrillic.sample);
    const lat = count(sample, SCRIPT_FACTS.latin.sample);
    if (cyr + lat < 3) return declaredLang ?? (sample.trim() === '' ? null : 'other');
    const input = {
      sample,
      letters: cyr >= lat ? cyr : lat,
      shortText: cyr + lat < SHORT,
      declared: declaredLang,
      guess: () => franc(sample, { minLength: 10 }),
    };
    return cyr >= lat
      ? cyrillicVerdict(evidence.get('cyrillic') as ScriptEvidence, input)
      : latinVerdict(evidence.get('latin') as ScriptEvidence, input);
  };

  const words = (text: string): LanguageId | null => {
    for (const m of marking) if (m.re.test(text)) return m.id;
    for (const s of SCRIPTS) {
      const d = registry.defaultOf(s);
      if (d && SCRIPT_FACTS[s].word.test(text)) return d.id;
    }
    return null;
  };

  return { article, tag, words };
}
