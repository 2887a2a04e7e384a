/**
 * An LLM finding must be tied to the entry it names: the model's quote, verified in the article, must
 * also name a distinctive concept of that entry (match/entry-vocabulary.ts). Otherwise it is a note
 * (confidence capped), never an alert. The real matcher, the real `openai` client against the fake
 * server, and mergeFindings, as the pipeline runs them.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, mergeFindings } from '../../src/classify/index.js';
import { tieFindings, UNTIED_MAX_CONFIDENCE } from '../../src/classify/tie-to-entry.js';
import type { ClassifyRequest } from '../../src/model/ports.js';
import type { Article, Match } from '../../src/model/types.js';
import { isAlert, isAlerting } from '../../src/model/alert.js';
import { createLexicalMatcher } from '../../src/match/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { jsonCompletion } from '../helpers/fake-openai.js';
import {
  answer,
  article,
  BIOLABS_SENTENCE,
  biolabsArticle,
  captureLogger,
  catalogue,
  fakeOpenAIPerTest,
  llmConfig,
} from './setup.js';

const fake = fakeOpenAIPerTest();
const THRESHOLD = 0.5;
const matcher = createLexicalMatcher(catalogue);

const NATO_SENTENCE = 'NATO will open a peacekeeping centre near Almaty next year, officials said.';
// Shares words with the Immortal Regiment entry, so retrieval makes it a candidate.
const CONSULTED = 'Veterans’ groups and Kazakh officials say nobody consulted them.';
const VETERANS_SENTENCE = 'Veterans of the Immortal Regiment gathered in Astana on Victory Day.';
const PARAPHRASE =
  'Pentagon money pays for germ-warfare research at a sealed site near Almaty, residents claim.';

function make() {
  const logger = captureLogger();
  const classifier = createClassifier(llmConfig(fake.baseUrl), { store: new MemoryStore(), logger });
  return { classifier, logger };
}

function requestFor(a: Article): ClassifyRequest {
  return { article: a, lexical: matcher.match(a), catalogue };
}

const byId = (list: Match[], id: string): Match | undefined => list.find((m) => m.id === id);

describe('an LLM-only finding is tied to its entry by its own quote', () => {
  it('keeps an unrelated entry attached to a sentence about NATO as a note, not an alert (cached answers too)', async () => {
    const req = requestFor(article(`${NATO_SENTENCE}\n\n${CONSULTED}`));
    expect(req.lexical.map((m) => m.id)).toEqual(['nato-peacekeeping-centre']);
    fake.enqueue(
      jsonCompletion(
        answer([
          { id: 'nato-peacekeeping-centre', stance: 'promotes', confidence: 0.9, quote: NATO_SENTENCE },
          { id: 'immortal-regiment-deepfakes', stance: 'promotes', confidence: 1, quote: NATO_SENTENCE },
        ]),
      ),
    );
    const { classifier, logger } = make();
    for (const cached of [false, true]) {
      const res = await classifier.classify(req);
      expect(res.cached).toBe(cached);
      const immortal = byId(res.matches, 'immortal-regiment-deepfakes');
      // kept with the model's stance and the article's sentence, at a note's confidence
      expect(immortal).toMatchObject({
        stance: 'promotes',
        method: 'llm',
        evidence: [{ quote: NATO_SENTENCE }],
      });
      expect(immortal?.confidence).toBe(UNTIED_MAX_CONFIDENCE);
      const merged = mergeFindings(req.lexical, res.matches);
      const note = byId(merged, 'immortal-regiment-deepfakes');
      expect(note && isAlerting(note, THRESHOLD)).toBe(false);
      // the entry the sentence is about still alerts, confirmed by the model
      expect(byId(merged, 'nato-peacekeeping-centre')).toMatchObject({
        method: 'lexical+llm',
        stance: 'promotes',
      });
      expect(isAlert(merged, THRESHOLD)).toBe(true);
    }
    expect(fake.calls()).toBe(1);
    const untied = logger.lines.filter((l) => l.msg === 'llm findings untied: notes only');
    expect(untied.map((l) => l.obj)).toEqual([
      expect.objectContaining({ untied: ['immortal-regiment-deepfakes'], cached: false }),
      expect.objectContaining({ untied: ['immortal-regiment-deepfakes'], cached: true }),
    ]);
  });

  it('lets a paraphrase the matcher misses alert when its quote names the entry’s subject', async () => {
    const req = requestFor(article(`${PARAPHRASE}\n\nNobody answered our questions.`));
    expect(req.lexical).toEqual([]);
    fake.enqueue(
      jsonCompletion(
        answer([{ id: 'us-biolabs-in-kazakhstan', stance: 'promotes', confidence: 0.85, quote: PARAPHRASE }]),
      ),
    );
    const res = await make().classifier.classify(req);
    const merged = mergeFindings(req.lexical, res.matches);
    expect(merged).toEqual([
      expect.objectContaining({ id: 'us-biolabs-in-kazakhstan', method: 'llm', confidence: 0.85 }),
    ]);
    expect(isAlert(merged, THRESHOLD)).toBe(true);
  });

  it('reads only the quoted sentence: the entry’s words in another sentence do not tie it', async () => {
    const text = `${VETERANS_SENTENCE}\n\n${NATO_SENTENCE}`;
    const req = requestFor(article(text));
    expect(req.lexical.map((m) => m.id)).not.toContain('immortal-regiment-deepfakes');
    const confidenceFor = async (quote: string): Promise<number | undefined> => {
      fake.enqueue(
        jsonCompletion(
          answer([{ id: 'immortal-regiment-deepfakes', stance: 'promotes', confidence: 0.95, quote }]),
        ),
      );
      const res = await make().classifier.classify(req);
      return byId(mergeFindings(req.lexical, res.matches), 'immortal-regiment-deepfakes')?.confidence;
    };
    expect(await confidenceFor(NATO_SENTENCE)).toBe(UNTIED_MAX_CONFIDENCE);
    // the same finding quoting the sentence that names the Immortal Regiment is tied
    expect(await confidenceFor(VETERANS_SENTENCE)).toBe(0.95);
  });
});

describe('findings the lexical matcher made are left to mergeFindings', () => {
  it('a lexical alert stays an alert when the model says the article debunks it', async () => {
    const req = requestFor(biolabsArticle);
    const lexical = byId(req.lexical, 'us-biolabs-in-kazakhstan');
    expect(lexical && isAlerting(lexical, THRESHOLD)).toBe(true);
    fake.enqueue(
      jsonCompletion(
        answer([
          { id: 'us-biolabs-in-kazakhstan', stance: 'debunks', confidence: 0.95, quote: BIOLABS_SENTENCE },
        ]),
      ),
    );
    const res = await make().classifier.classify(req);
    const merged = mergeFindings(req.lexical, res.matches);
    expect(byId(merged, 'us-biolabs-in-kazakhstan')).toMatchObject({
      stance: 'unclear',
      method: 'lexical+llm',
      confidence: lexical?.confidence,
    });
    expect(isAlert(merged, THRESHOLD)).toBe(true);
  });

  it('the model cannot turn a lexical debunk into an alert', async () => {
    const sentence = 'Fact-checkers debunked the claim that American biolabs in Kazakhstan develop weapons.';
    const req = requestFor(article(sentence));
    expect(req.lexical).toEqual([
      expect.objectContaining({ id: 'us-biolabs-in-kazakhstan', stance: 'debunks' }),
    ]);
    fake.enqueue(
      jsonCompletion(
        answer([{ id: 'us-biolabs-in-kazakhstan', stance: 'promotes', confidence: 0.95, quote: sentence }]),
      ),
    );
    const res = await make().classifier.classify(req);
    const merged = mergeFindings(req.lexical, res.matches);
    expect(byId(merged, 'us-biolabs-in-kazakhstan')).toMatchObject({
      stance: 'unclear',
      method: 'lexical+llm',
    });
    expect(isAlert(merged, THRESHOLD)).toBe(false);
  });
});

describe('tieFindings', () => {
  const llm = (id: string, confidence: number, quotes: string[]): Match => ({
    id,
    kind: 'claim',
    stance: 'unclear',
    confidence,
    method: 'llm',
    evidence: quotes.map((quote) => ({ quote })),
  });
  const vocabulary = (_id: string, text: string) => ({
    concepts: [],
    distinctive: [],
    carries: text.includes('Orsk'),
  });

  it('skips lexical ids, ties on any quote, and never raises a confidence', () => {
    const out = tieFindings(
      [
        llm('lexical-one', 0.9, ['A sentence about NATO.']),
        llm('tied', 0.8, ['A sentence about NATO.', 'Drones over Orsk.']),
        llm('untied', 0.9, ['A sentence about NATO.']),
        llm('weak', 0.1, ['A sentence about NATO.']),
      ],
      { lexicalIds: new Set(['lexical-one']), vocabulary, language: 'en' },
    );
    expect(out.matches.map((m) => [m.id, m.stance, m.confidence])).toEqual([
      ['lexical-one', 'unclear', 0.9],
      ['tied', 'unclear', 0.8],
      ['untied', 'unclear', UNTIED_MAX_CONFIDENCE],
      ['weak', 'unclear', 0.1],
    ]);
    expect(out.untied).toEqual(['untied', 'weak']);
  });
});
