/** Builds the dependency graph from a validated Config: used by the server (main.ts) and the CLI. */
import { type Admission, createAdmission } from './analysis/admission.js';
import { createInlineAnalyzer } from './analysis/inline-analyzer.js';
import { createPoolAnalyzer } from './analysis/pool-analyzer.js';
import { loadCatalogue } from './claims/load.js';
import type { Catalogue } from './claims/schema.js';
import { createClassifier, PROMPT_VERSION } from './classify/index.js';
import type { Config } from './config.js';
import { createCheckService } from './core/check-service.js';
import type { CheckService } from './core/check-service.types.js';
import type { Analyzer, ArticleFetcher, KeyValueStore, Logger } from './core/ports.js';
import { createArticleFetcher } from './fetch/fetch-article.js';
import { createMetrics, type Metrics } from './metrics.js';
import { FeedbackStore } from './store/feedback.js';
import { openStore } from './store/keyv-store.js';

export interface App {
  config: Readonly<Config>;
  logger: Logger;
  catalogue: Catalogue;
  store: KeyValueStore;
  feedback: FeedbackStore;
  service: CheckService;
  analyzer: Analyzer;
  admission: Admission;
  metrics: Metrics;
  /** Stops the analysis workers and closes the store. */
  close(): Promise<void>;
}

export interface BuildOverrides {
  /** Tests inject a fetcher with a fake resolver, or a store. */
  fetcher?: ArticleFetcher;
  store?: KeyValueStore;
  /** The command line analyses inline: one short process needs no pool. */
  inlineAnalysis?: boolean;
}

export async function buildApp(
  config: Readonly<Config>,
  logger: Logger,
  overrides: BuildOverrides = {},
): Promise<App> {
  const catalogue = await loadCatalogue(config.claimsDir);
  const store = overrides.store ?? openStore(config.storeUrl, logger);
  const classifier = config.llm ? createClassifier(config.llm, { store, logger }) : null;
  const admission = createAdmission(config.analysis.queue);
  const metrics = createMetrics({ admission: () => admission.stats() });
  const analyzer =
    overrides.inlineAnalysis || config.analysis.threads === 0
      ? createInlineAnalyzer(catalogue)
      : createPoolAnalyzer({
          catalogue,
          threads: config.analysis.threads,
          timeoutMs: config.analysis.timeoutMs,
          logger,
          onTimeout: (op) => metrics.analysisTimeouts.inc({ op }),
        });
  const service = createCheckService({
    catalogue,
    analyzer,
    admission,
    fetcher:
      overrides.fetcher ??
      createArticleFetcher(config.fetch, {
        logger,
        extract: (page, signal) => analyzer.extract(page, signal),
      }),
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
  return {
    config,
    logger,
    catalogue,
    store,
    feedback: new FeedbackStore(store),
    service,
    analyzer,
    admission,
    metrics,
    close: async () => {
      await analyzer.close();
      await store.close();
    },
  };
}
