/** Builds the dependency graph from a validated Config: used by the server (main.ts) and the CLI. */
import { type Admission, createAdmission } from './analysis/admission.js';
import { createInlineAnalyzer } from './analysis/inline-analyzer.js';
import { createPoolAnalyzer } from './analysis/pool-analyzer.js';
import { type RefreshOutcome, watchCatalogue } from './claims/live-catalogue.js';
import { loadCatalogue } from './claims/load.js';
import { loadSources, sourcesDirFrom } from './sources/load.js';
import type { Source } from './sources/schema.js';
import type { Catalogue } from './claims/schema.js';
import { createClassifier, PROMPT_VERSION } from './classify/index.js';
import type { Config } from './config.js';
import { defaultSettings, SettingsStore } from './conversation/settings.js';
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
  /** The catalogue in use now (it changes when CLAIMS_DIR changes; read it, don't keep it). */
  readonly catalogue: Catalogue;
  store: KeyValueStore;
  feedback: FeedbackStore;
  /** Chat settings per workspace or guild (and a channel's reply language). */
  settings: SettingsStore;
  /** Always the check service of the catalogue in use; checks already running finish on theirs. */
  service: CheckService;
  admission: Admission;
  metrics: Metrics;
  /** Checks CLAIMS_DIR now (the server also does it every CLAIMS_REFRESH_S). */
  refreshCatalogue(): Promise<RefreshOutcome>;
  /** Stops watching the catalogue and the analysis workers, and closes the store. */
  close(): Promise<void>;
}

export interface BuildOverrides {
  /** Tests inject a fetcher with a fake resolver, or a store. */
  fetcher?: ArticleFetcher;
  store?: KeyValueStore;
  /** The command line analyses inline and never watches the catalogue: one short process. */
  oneShot?: boolean;
}

/** What depends on one catalogue version: its analysis workers and its check service. */
interface Generation {
  catalogue: Catalogue;
  analyzer: Analyzer;
  service: CheckService;
  /** Checks running on this generation; a retired one stops its workers when the last ends. */
  running: number;
  retired: boolean;
}

export async function buildApp(
  config: Readonly<Config>,
  logger: Logger,
  overrides: BuildOverrides = {},
): Promise<App> {
  const initial = await loadCatalogue(config.claimsDir);
  const sources = await listedSources(config.claimsDir, logger);
  const store = overrides.store ?? openStore(config.storeUrl, logger);
  const classifier = config.llm ? createClassifier(config.llm, { store, logger }) : null;
  const admission = createAdmission(config.analysis.queue);
  const metrics = createMetrics({ admission: () => admission.stats() });
  const fetcher =
    overrides.fetcher ??
    createArticleFetcher(config.fetch, {
      logger,
      // Extraction does not depend on the catalogue: whichever workers are current do it.
      extract: (page, signal) => current.analyzer.extract(page, signal),
    });

  function generation(catalogue: Catalogue): Generation {
    const analyzer =
      overrides.oneShot || config.analysis.threads === 0
        ? createInlineAnalyzer(catalogue, undefined, sources)
        : createPoolAnalyzer({
            catalogue,
            threads: config.analysis.threads,
            timeoutMs: config.analysis.timeoutMs,
            logger,
            onTimeout: (op) => metrics.analysisTimeouts.inc({ op }),
            sources,
          });
    const service = createCheckService({
      catalogue,
      analyzer,
      admission,
      fetcher,
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
    return { catalogue, analyzer, service, running: 0, retired: false };
  }

  function retire(g: Generation): void {
    g.retired = true;
    if (g.running === 0) void g.analyzer.close().catch(() => {});
  }

  /** Runs a check on the generation in use when it starts, holding that generation until it ends. */
  async function onCurrent<T>(work: (s: CheckService) => Promise<T>): Promise<T> {
    const g = current;
    g.running++;
    try {
      return await work(g.service);
    } finally {
      g.running--;
      if (g.retired && g.running === 0) void g.analyzer.close().catch(() => {});
    }
  }

  let current = generation(initial);
  const watcher = watchCatalogue({
    dir: config.claimsDir,
    current: initial,
    intervalMs: overrides.oneShot ? 0 : config.claimsRefreshS * 1000,
    logger,
    swap: async (next) => {
      const old = current;
      current = generation(next);
      // Checks already running on the old catalogue finish there; then its workers stop.
      retire(old);
    },
  });

  /** Every call goes to the service of the catalogue in use at the moment of the call. */
  const service: CheckService = {
    catalogue: () => current.catalogue,
    checkUrl: (url, opts) => onCurrent((s) => s.checkUrl(url, opts)),
    checkText: (text, input, opts) => onCurrent((s) => s.checkText(text, input, opts)),
    checkMessage: (msg, opts) => onCurrent((s) => s.checkMessage(msg, opts)),
    checkLinks: (links, opts) => onCurrent((s) => s.checkLinks(links, opts)),
    compose: (details, opts) => current.service.compose(details, opts),
    maxLinksPerMessage: config.maxLinksPerMessage,
    lookup: (query, limit) => current.service.lookup(query, limit),
    entry: (id) => current.service.entry(id),
  };

  return {
    config,
    logger,
    get catalogue() {
      return current.catalogue;
    },
    store,
    feedback: new FeedbackStore(store),
    settings: new SettingsStore(store, defaultSettings(config)),
    service,
    admission,
    metrics,
    refreshCatalogue: () => watcher.refresh(),
    close: async () => {
      watcher.stop();
      await current.analyzer.close();
      await store.close();
    },
  };
}

/** The outlets list beside the catalogue (./claims → ./sources), for source signals; none if unreadable. */
async function listedSources(claimsDir: string, logger: Logger): Promise<ReadonlyArray<Source>> {
  try {
    return (await loadSources(sourcesDirFrom(claimsDir, {}))).sources;
  } catch (err) {
    logger.warn(
      { err: String(err) },
      'the sources list could not be loaded; matching without source signals',
    );
    return [];
  }
}
