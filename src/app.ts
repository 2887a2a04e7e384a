/** Builds the dependency graph from a validated Config: used by the server (main.ts) and the CLI. */
import { type Admission, createAdmission } from './analysis/admission.js';
import { createInlineAnalyzer } from './analysis/inline-analyzer.js';
import { createPoolAnalyzer } from './analysis/pool-analyzer.js';
import { type RefreshOutcome, watchCatalogue } from './claims/live-catalogue.js';
import { type ChatJobs, createChatJobs } from './conversation/chat-jobs.js';
import { createQueueMetrics } from './queue/metrics.js';
import { openQueue } from './queue/open-queue.js';
import { DEFAULT_QUEUE_OPTIONS } from './queue/options.js';
import type { QueueOptions } from './queue/types.js';
import { loadCatalogue } from './claims/load.js';
import { loadSources, sourcesDirFrom } from './sources/load.js';
import type { Source } from './sources/schema.js';
import type { Catalogue } from './model/catalogue.js';
import { createClassifier, PROMPT_VERSION } from './classify/index.js';
import type { Config } from './model/config.js';
import { defaultSettings, SettingsStore } from './conversation/settings.js';
import { createCheckService } from './pipeline/check-service.js';
import type { CheckService } from './model/check-service.js';
import {
  type Analyzer,
  type ArticleFetcher,
  type Clock,
  type KeyValueStore,
  type Logger,
  systemClock,
} from './model/ports.js';
import { createArticleFetcher } from './fetch/fetch-article.js';
import { createMetrics, type Metrics } from './metrics.js';
import { isAlerting } from './model/alert.js';
import type { CheckDetails } from './model/types.js';
import { FeedbackStore } from './store/feedback.js';
import type { HistoryStore } from './model/history.js';
import { openStore } from './store/keyv-store.js';
import { within } from './model/within.js';
import { openHistory } from './store/open-history.js';
import { type DigestSource, digestFor } from './pipeline/digest-service.js';
import { createDigestSchedule, type DigestSchedule } from './conversation/digest-schedule.js';

export interface App {
  config: Readonly<Config>;
  logger: Logger;
  /** The catalogue in use now (it changes when CLAIMS_DIR changes; read it, don't keep it). */
  readonly catalogue: Catalogue;
  store: KeyValueStore;
  feedback: FeedbackStore;
  /** Every check from every surface, for the digest and the editor's desk (#15). */
  history: HistoryStore;
  /** The digest of a window of history (`digestFor` over this app's history and feedback). */
  digest: DigestSource;
  /** The weekly digest posts (adapters register how they post); null for one-shot commands. */
  digests: DigestSchedule | null;
  /** Deletes history older than HISTORY_DAYS now (done at start and every hour); how many went. */
  pruneHistory(): Promise<number>;
  /** Chat settings per workspace or guild (and a channel's reply language). */
  settings: SettingsStore;
  /** Always the check service of the catalogue in use; checks already running finish on theirs. */
  service: CheckService;
  admission: Admission;
  metrics: Metrics;
  /**
   * Chat events as durable jobs (SQLite, or Redis for several replicas); null for one-shot
   * commands. The server's adapters enqueue before they acknowledge, and start() runs the workers.
   */
  jobs: ChatJobs | null;
  /** Checks CLAIMS_DIR now (the server also does it every CLAIMS_REFRESH_S). */
  refreshCatalogue(): Promise<RefreshOutcome>;
  /**
   * Stops taking jobs (those in flight get SHUTDOWN_TIMEOUT_MS, the rest are handed back), stops
   * watching the catalogue and the analysis workers, and closes the store.
   */
  close(): Promise<void>;
}

export interface BuildOverrides {
  /** Tests inject a fetcher with a fake resolver, or a store. */
  fetcher?: ArticleFetcher;
  store?: KeyValueStore;
  /** The command line analyses inline, never watches the catalogue and runs no jobs: one short process. */
  oneShot?: boolean;
  /** Tests make the queue fast (short leases, quick retries). */
  queueOptions?: Partial<QueueOptions>;
  /** Tests: a fake clock (history expiry, digest windows, chat jobs). */
  clock?: Clock;
  /** Tests: the history store, how often it is pruned, and the digest tick's cron pattern. */
  history?: HistoryStore;
  historyPruneMs?: number;
  digestCron?: string;
}

const HOUR_MS = 3_600_000;

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
  const metrics = createMetrics({
    admission: () => admission.stats(),
    catalogueVersion: () => current.catalogue.version,
  });
  const realFetcher =
    overrides.fetcher ??
    createArticleFetcher(config.fetch, {
      logger,
      // Extraction does not depend on the catalogue: whichever workers are current do it.
      extract: (page, signal) => current.analyzer.extract(page, signal),
    });
  const fetcher: ArticleFetcher = {
    async fetchArticle(url, signal) {
      const end = metrics.fetchSeconds.startTimer();
      try {
        return await realFetcher.fetchArticle(url, signal);
      } finally {
        end();
      }
    },
  };

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
      onCacheLookup: (hit) => metrics.cache.inc({ result: hit ? 'hit' : 'miss' }),
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

  /** Counts a result in the metrics: its outcome, the entries it alerts on, the LLM's tokens. */
  function observe(d: CheckDetails): CheckDetails {
    metrics.checks.inc({ outcome: d.result.error?.code ?? 'ok' });
    for (const m of d.result.matches) {
      if (isAlerting(m, config.alertThreshold)) metrics.alerts.inc({ entry: m.id });
    }
    if (d.llm) {
      metrics.llmCalls.inc({ cached: String(d.llm.cached) });
      if (!d.llm.cached) {
        metrics.llmTokens.inc({ kind: 'input' }, d.llm.inputTokens);
        metrics.llmTokens.inc({ kind: 'output' }, d.llm.outputTokens);
      }
    }
    return d;
  }

  /** Every call goes to the service of the catalogue in use at the moment of the call. */
  const service: CheckService = {
    catalogue: () => current.catalogue,
    checkUrl: (url, opts) => onCurrent((s) => s.checkUrl(url, opts)).then(observe),
    checkText: (text, input, opts) => onCurrent((s) => s.checkText(text, input, opts)).then(observe),
    checkMessage: (msg, opts) =>
      onCurrent((s) => s.checkMessage(msg, opts)).then((m) => ({ ...m, details: m.details.map(observe) })),
    checkLinks: (links, opts) => onCurrent((s) => s.checkLinks(links, opts)).then((ds) => ds.map(observe)),
    compose: (details, opts) => current.service.compose(details, opts),
    maxLinksPerMessage: config.maxLinksPerMessage,
    lookup: (query, limit) => current.service.lookup(query, limit),
    entry: (id) => current.service.entry(id),
  };

  const clock = overrides.clock ?? systemClock;
  const history = overrides.history ?? (await openHistory(config.storeUrl, logger));
  const feedback = new FeedbackStore(store, clock);
  const digest: DigestSource = (req) =>
    digestFor(
      {
        history,
        feedback,
        get catalogue() {
          return current.catalogue;
        },
        config,
      },
      { now: clock.now(), ...req },
    );
  const pruneHistory = async (): Promise<number> => {
    const before = new Date(clock.now().getTime() - config.historyDays * 24 * HOUR_MS);
    try {
      const gone = await history.prune(before);
      if (gone > 0) logger.info({ deleted: gone, before: before.toISOString() }, 'old check history deleted');
      return gone;
    } catch (err) {
      logger.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'could not prune the check history',
      );
      return 0;
    }
  };
  // At start (not awaited: a store that is away must not hold the start up), then every hour.
  const startupPrune = pruneHistory();
  const pruner = overrides.oneShot
    ? null
    : setInterval(() => void pruneHistory(), overrides.historyPruneMs ?? HOUR_MS);
  pruner?.unref();

  const settings = new SettingsStore(store, defaultSettings(config));
  const digests = overrides.oneShot
    ? null
    : createDigestSchedule(
        { store, settings, digest, logger, clock },
        overrides.digestCron ? { cron: overrides.digestCron } : {},
      );
  let jobs: ChatJobs | null = null;
  if (!overrides.oneShot) {
    const queueMetrics = createQueueMetrics(metrics.registry);
    const queue = await openQueue(config.storeUrl, {
      options: { concurrency: config.queue.concurrency, ...overrides.queueOptions },
      logger,
      observer: queueMetrics.observer,
    });
    queueMetrics.watch(queue);
    jobs = createChatJobs(
      queue,
      {
        service,
        store,
        settings,
        logger,
        clock,
        feedback,
        adminUsers: config.adminUsers,
        noteThreshold: config.noteThreshold,
        history,
        digest,
      },
      {
        attempts: overrides.queueOptions?.attempts ?? DEFAULT_QUEUE_OPTIONS.attempts,
        onReplied: (ms) => metrics.replySeconds.observe(ms / 1000),
      },
    );
  }

  return {
    config,
    logger,
    jobs,
    get catalogue() {
      return current.catalogue;
    },
    store,
    feedback,
    history,
    digest,
    digests,
    pruneHistory,
    settings,
    service,
    admission,
    metrics,
    refreshCatalogue: () => watcher.refresh(),
    close: async () => {
      await jobs?.stop(config.shutdownTimeoutMs);
      digests?.stop();
      if (pruner) clearInterval(pruner);
      await within(startupPrune, 2_000, 'history prune').catch(() => undefined);
      watcher.stop();
      await current.analyzer.close();
      await history.close?.().catch(() => undefined);
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
