import type { Phrases } from './types.js';

export const en: Phrases = {
  kind: { claim: 'claim', narrative: 'narrative' },
  stance: {
    promotes: 'The article promotes it',
    unclear: 'Stance unclear',
    reports: 'The article reports on it',
    debunks: 'The article debunks it',
  },
  verdict: {
    repeatsClaim: (t) => `This article repeats a known false claim: ${t}.`,
    pushesNarrative: (t) => `This article pushes a known disinformation narrative: ${t}.`,
    mayRepeat: (k, t) => `This article may repeat a known ${k}: ${t}.`,
    debunks: (k, t) => `This article debunks a known ${k}: ${t}. No alert.`,
    reportsOn: (k, t) => `This article reports on a known ${k}: ${t}. No alert.`,
    weak: (k, t) => `This article touches a known ${k} only weakly: ${t}. No alert.`,
    nothingFound: 'No known claim or narrative from the catalogue was found.',
    unreadable: (r) => `I could not read this page: ${r}`,
    moreAlerts: (n) => `(and ${n} more link${n > 1 ? 's' : ''} with alerts)`,
    noAlertFor: (n) => `No alert for ${n} links.`,
  },
  label: {
    denials: 'Denials',
    noOfficialDenial: 'No official denial',
    evidence: 'Evidence from the article',
    partOf: (t) => `Part of the narrative “${t}”`,
    rated: (r) => `rated ${r}`,
    confidence: (p) => `confidence ${p}%`,
    article: 'Article',
    note: 'Note',
    skipped: (n) => `${n} more link${n > 1 ? 's were' : ' was'} not checked (limit per message).`,
    catalogueVersion: (v) => `catalogue version ${v}`,
    helpful: 'Helpful',
    wrong: 'Wrong match',
    share: 'Share in channel',
    leftOut: 'Some details were left out to fit in one message; `/claimcheck <link>` shows the full report.',
    whatIsTrue: 'What is true',
    alsoMatched: 'Also matched',
    possiblyNew: (t) => `Possibly a new narrative, not in the catalogue: ${t}`,
  },
  thanks: {
    helpful: 'Thank you: noted as helpful. The catalogue editors see these counts.',
    wrong: 'Thank you: noted as a wrong match. The catalogue editors review every one of these.',
  },
  neutralError:
    'Sorry, something went wrong on my side and I could not check this link. Please try again in a minute, or use /claimcheck.',
  notAdmin:
    'Only workspace admins (or the users in ADMIN_USERS) can change these settings. You can still read them with `/claimcheck settings`.',
  unsure: {
    privateIntro:
      'Only you can see this. I am not sure about this link, so there is no alert in the channel.',
    threadIntro: 'I am not sure about this link, so there is no alert:',
    line: (k, t, p) => `Possibly the known ${k} “${t}” (confidence ${p}%)`,
    ask: 'If it is this entry or another one, tell the catalogue editors: they add such sentences as examples.',
  },
  missed: {
    button: 'Missed a narrative?',
    title: 'Missed a narrative?',
    submit: 'Send',
    link: 'Link to the article',
    entry: 'Catalogue entry id',
    entryHint: 'e.g. nato-peacekeeping-centre (find ids with /claimcheck <words>)',
    sentence: 'The sentence that should have matched',
    sentenceHint: 'Optional: the words of the article that repeat the claim',
    thanks: (id, s) =>
      `Thank you: noted that this link should have matched ${id}${s ? ', with your sentence' : ''}. The catalogue editors review every report.`,
    noLink: 'Give the link of the article: `/claimcheck missed <link> <entry-id> [sentence]`.',
    noEntry:
      'Give the id of the catalogue entry that should have matched: `/claimcheck missed <link> <entry-id> [sentence]`.',
    unknownEntry: (id, close) =>
      close.length > 0
        ? `There is no catalogue entry "${id}". Did you mean ${close.join(', ')}?`
        : `There is no catalogue entry "${id}". Find the id with \`/claimcheck <words>\`.`,
    tooLong: (n) => `That sentence is too long: at most ${n} characters, please.`,
  },
};
