/**
 * The digest's fixed phrases (`/claimcheck digest`, the weekly post, `claimdesk digest`), one
 * table per language. Counts are written as "label: n" so no language needs plural forms.
 */
import type { ReplyLang } from '../../model/types.js';

export interface DigestPhrases {
  heading(days: number, from: string, to: string): string;
  totals(checks: number, alerts: number, unreadable: number): string;
  feedback(helpful: number, wrong: number): string;
  entry(checks: number, alerts: number, reports: number, debunks: number): string;
  none: string;
  moreEntries(n: number): string;
  unavailable: string;
  noTeam: string;
}

const en: DigestPhrases = {
  heading: (d, f, t) => `Digest of the last ${d} day${d === 1 ? '' : 's'} (${f} – ${t})`,
  totals: (c, a, u) => `Checks: ${c} · alerts: ${a} · unreadable: ${u}`,
  feedback: (h, w) => `Feedback: helpful ${h} · wrong match ${w}`,
  entry: (c, a, r, d) => `checks ${c} · alerts ${a} · reports ${r} · debunks ${d}`,
  none: 'No catalogue entry came up in these checks.',
  moreEntries: (n) => `…and ${n} more entr${n === 1 ? 'y' : 'ies'} (\`claimdesk digest\` lists them all).`,
  unavailable: 'The digest is not available here.',
  noTeam: 'The digest is kept per workspace or server: ask for it in one of its channels.',
};

const ru: DigestPhrases = {
  heading: (d, f, t) => `Сводка за последние ${d} дн. (${f} – ${t})`,
  totals: (c, a, u) => `Проверок: ${c} · предупреждений: ${a} · не прочитано: ${u}`,
  feedback: (h, w) => `Оценки: «полезно» — ${h} · «ошибочное совпадение» — ${w}`,
  entry: (c, a, r, d) => `проверок: ${c} · предупреждений: ${a} · сообщают: ${r} · опровергают: ${d}`,
  none: 'В этих проверках не встретилась ни одна запись каталога.',
  moreEntries: (n) => `…и ещё записей: ${n} (полный список — \`claimdesk digest\`).`,
  unavailable: 'Сводка здесь недоступна.',
  noTeam:
    'Сводка ведётся отдельно для каждого рабочего пространства или сервера: запросите её в одном из его каналов.',
};

const kk: DigestPhrases = {
  heading: (d, f, t) => `Соңғы ${d} күндегі шолу (${f} – ${t})`,
  totals: (c, a, u) => `Тексеру: ${c} · ескерту: ${a} · оқылмады: ${u}`,
  feedback: (h, w) => `Бағалар: «пайдалы» — ${h} · «қате сәйкестік» — ${w}`,
  entry: (c, a, r, d) => `тексеру: ${c} · ескерту: ${a} · хабарлайды: ${r} · теріске шығарады: ${d}`,
  none: 'Бұл тексерулерде каталогтың бірде-бір жазбасы кездеспеді.',
  moreEntries: (n) => `…тағы ${n} жазба (толық тізім — \`claimdesk digest\`).`,
  unavailable: 'Шолу бұл жерде қолжетімсіз.',
  noTeam:
    'Шолу әр жұмыс кеңістігі немесе сервер үшін бөлек жүргізіледі: оны сол кеңістіктің арналарының бірінде сұраңыз.',
};

const TABLES: Record<ReplyLang, DigestPhrases> = { en, ru, kk };

export function digestPhrases(lang: ReplyLang = 'en'): DigestPhrases {
  return TABLES[lang] ?? en;
}
