/**
 * The catalogue as schema.org ClaimReview JSON-LD, for other fact-checking tools.
 *
 * One ClaimReview per entry of kind `claim`. Narratives are left out unless asked for: a narrative
 * is a recurring framing with many wordings, and ClaimReview consumers (search engines, fact-check
 * aggregators) read a ClaimReview as a verdict on one checkable statement.
 *
 * itemReviewed.appearance lists the entry's sources (reporting that quotes the claim). There is no
 * firstAppearance: none of the sources is the claim's first occurrence (that was usually a
 * Telegram post we do not link), and saying so would be false. Denials go in `citation`. A page
 * published by an outlet of the sources list names that outlet as publisher, with its kind.
 */
import type { Catalogue, Entry } from '../model/catalogue.js';
import { textOf } from './strings.js';

export interface ClaimReviewOptions {
  /**
   * Where entries are published: the entry id is appended ("https://desk.example/claims/" gives
   * "https://desk.example/claims/nato-peacekeeping-centre"). Without it, `url` is omitted.
   */
  baseUrl?: string;
  includeNarratives?: boolean;
  /** A listed outlet (sources/) that published this address, named as the appearance's publisher. */
  publisherFor?: (url: string) => { name: string; description: string } | null;
}

interface CreativeWorkRef {
  '@type': 'CreativeWork';
  url: string;
  name: string;
  datePublished?: string;
  publisher?: { '@type': 'Organization'; name: string; description?: string };
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url?: string;
  /** The claim in one sentence (the entry's English title). */
  claimReviewed: string;
  /** What is claimed, by whom and when (the entry's English summary). */
  description: string;
  datePublished: string;
  inLanguage: 'en';
  author: { '@type': 'Organization'; name: 'claimdesk catalogue' };
  reviewRating: { '@type': 'Rating'; alternateName: string; ratingExplanation: string };
  itemReviewed: { '@type': 'Claim'; datePublished: string; appearance: CreativeWorkRef[] };
  citation: CreativeWorkRef[];
  keywords?: string;
}

export function toClaimReviews(catalogue: Catalogue, options: ClaimReviewOptions = {}): ClaimReview[] {
  return catalogue.entries
    .filter((e) => e.kind === 'claim' || options.includeNarratives === true)
    .map((e) => toClaimReview(e, options.baseUrl, options.publisherFor));
}

export function toClaimReview(
  entry: Entry,
  baseUrl?: string,
  publisherFor?: ClaimReviewOptions['publisherFor'],
): ClaimReview {
  const review: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: textOf(entry.title.en),
    description: textOf(entry.summary.en),
    // The catalogue keeps one date per revision: this version of the review was published then.
    datePublished: entry.updated,
    inLanguage: 'en',
    author: { '@type': 'Organization', name: 'claimdesk catalogue' },
    reviewRating: {
      '@type': 'Rating',
      alternateName: entry.rating,
      ratingExplanation: textOf(entry.context.en),
    },
    itemReviewed: {
      '@type': 'Claim',
      datePublished: entry.first_seen,
      appearance: entry.sources.map((s) => listed(work(s.url, s.title, s.date, s.publisher), publisherFor)),
    },
    citation: entry.denials.map((d) =>
      listed(work(d.url, d.person ? `${d.body} (${d.person})` : d.body, d.date), publisherFor),
    ),
  };
  if (baseUrl) review.url = `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${entry.id}`;
  if (entry.tags.length > 0) review.keywords = entry.tags.join(', ');
  return review;
}

function work(url: string, name: string, date?: string, publisher?: string): CreativeWorkRef {
  const ref: CreativeWorkRef = { '@type': 'CreativeWork', url, name };
  if (date) ref.datePublished = date;
  if (publisher) ref.publisher = { '@type': 'Organization', name: publisher };
  return ref;
}

/** When a listed outlet (sources/) published the page, it is named as the publisher, with what it is. */
function listed(ref: CreativeWorkRef, publisherFor: ClaimReviewOptions['publisherFor']): CreativeWorkRef {
  const outlet = publisherFor?.(ref.url);
  if (outlet) ref.publisher = { '@type': 'Organization', name: outlet.name, description: outlet.description };
  return ref;
}
