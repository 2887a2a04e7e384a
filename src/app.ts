/** Builds the dependency graph from a validated Config: used by the server (main.ts) and the CLI. */
import { loadCatalogue } from './claims/load.js';
import type { Catalogue } from './claims/schema.js';
import { createClassifier, PROMPT_VERSION } from './classify/index.js';
import type { Config } from './config.js';
import { createCheckService } from './core/check-service.js';
import type { CheckService } from './core/check-service.types.js';
import type { ArticleFetcher, KeyValueStore, Logger } from './core/ports.js';
import { createArticleFetcher } from './fetch/fetch-article.js';
import { createLexicalMatcher } from './match/index.js';
import { FeedbackStore } from './store/feedback.js';
import { openStore } from './store/keyv-store.js';

export interface App {
  config: Readonly<Config>;
  logger: Logger;
  catalogue: Catalogue;
  store: KeyValueStore;
  feedback: FeedbackStore;
  service: CheckService;
}

export interface BuildOverrides {
  /** Tests inject a fetcher with a fake resolver, or a store. */
  fetcher?: ArticleFetcher;
  store?: KeyValueStore;
}

export async function buildApp(
  config: Readonly<Config>,
  logger: Logger,
  overrides: BuildOverrides = {},
): Promise<App> {
  const catalogue = await loadCatalogue(config.claimsDir);
  const store = overrides.store ?? openStore(config.storeUrl, logger);
  const classifier = config.llm ? createClassifier(config.llm, { store, logger }) : null;
  const service = createCheckService({
    catalogue,
    matcher: createLexicalMatcher(catalogue),
    fetcher: overrides.fetcher ?? createArticleFetcher(config.fetch, { logger }),
    classifier,
    store,
    logger,
    settings: {
      alertThreshold: config.alertThreshold,
      maxLinksPerMessage: config.maxLinksPerMessage,
      cacheTtlMs: config.cacheTtlMs,
      llmLabel: config.llm ? `${config.llm.model}/${PROMPT_VERSION}` : null,
    },
  });
  return { config, logger, catalogue, store, feedback: new FeedbackStore(store), service };
}
