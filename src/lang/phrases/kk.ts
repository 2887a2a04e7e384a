/** Kazakh phrases: written by the team, to be reviewed by a native speaker (see the README). */
import type { EntryKind } from '../../model/types.js';
import type { Phrases } from './types.js';

/** The accusative of the entry kind ("мәлімдемені", "нарративті"). */
const acc = (k: EntryKind): string => (k === 'narrative' ? 'нарративті' : 'мәлімдемені');

export const kk: Phrases = {
  kind: { claim: 'мәлімдеме', narrative: 'нарратив' },
  stance: {
    promotes: 'Мақала оны насихаттайды',
    unclear: 'Мақаланың ұстанымы анық емес',
    reports: 'Мақала ол туралы хабарлайды',
    debunks: 'Мақала оны теріске шығарады',
  },
  verdict: {
    repeatsClaim: (t) => `Мақала белгілі жалған мәлімдемені қайталайды: ${t}.`,
    pushesNarrative: (t) => `Мақала белгілі дезинформациялық нарративті насихаттайды: ${t}.`,
    mayRepeat: (k, t) => `Мақала белгілі ${acc(k)} қайталауы мүмкін: ${t}.`,
    debunks: (k, t) => `Мақала белгілі ${acc(k)} теріске шығарады: ${t}. Дабыл жоқ.`,
    reportsOn: (k, t) =>
      `Мақала белгілі ${k === 'narrative' ? 'нарратив' : 'мәлімдеме'} туралы хабарлайды: ${t}. Дабыл жоқ.`,
    weak: (k, t) => `Мақала белгілі ${acc(k)} тек шамалы қозғайды: ${t}. Дабыл жоқ.`,
    nothingFound: 'Каталогтағы белгілі мәлімдемелер мен нарративтер табылмады.',
    unreadable: (r) => `Бұл бетті оқу мүмкін болмады: ${r}`,
    moreAlerts: (n) => `(дабылы бар тағы ${n} сілтеме)`,
    noAlertFor: (n) => `${n} сілтеме бойынша дабыл жоқ.`,
  },
  label: {
    denials: 'Теріске шығарулар',
    noOfficialDenial: 'Ресми теріске шығару жоқ',
    evidence: 'Мақаладан үзінді',
    partOf: (t) => `«${t}» нарративінің бөлігі`,
    rated: (r) => `бағасы: ${r}`,
    confidence: (p) => `сенімділік ${p}%`,
    article: 'Мақала',
    note: 'Ескерту',
    skipped: (n) => `Тағы ${n} сілтеме тексерілмеді (бір хабарламаға шек).`,
    catalogueVersion: (v) => `каталог нұсқасы ${v}`,
    helpful: 'Пайдалы',
    wrong: 'Қате сәйкестік',
    share: 'Арнада бөлісу',
    leftOut: 'Кейбір мәліметтер бір хабарламаға сыймады; толық есеп: `/claimcheck <сілтеме>`.',
    whatIsTrue: 'Шын мәнінде не белгілі',
    alsoMatched: 'Сондай-ақ табылды',
    possiblyNew: (t) => `Каталогта жоқ жаңа нарратив болуы мүмкін: ${t}`,
  },
  neutralError:
    'Кешіріңіз, менде ақау болып, сілтемені тексере алмадым. Бір минуттан кейін қайталап көріңіз немесе /claimcheck пайдаланыңыз.',
  notAdmin:
    'Бұл баптауларды тек әкімшілер (немесе ADMIN_USERS тізіміндегі пайдаланушылар) өзгерте алады. Оларды `/claimcheck settings` арқылы көруге болады.',
};
