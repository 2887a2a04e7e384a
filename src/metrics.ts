/**
 * Prometheus metrics (prom-client), one registry per running app so that tests and several apps in
 * one process never share counters. Served at GET /metrics, protected like the API.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** Requests refused by admission control, by surface (api, preview). */
  admissionRefused: Counter<'surface'>;
  /** Analysis steps that ran over ANALYSIS_TIMEOUT_MS, by step. */
  analysisTimeouts: Counter<'op'>;
  /** Checks admitted and not yet finished, and those waiting for a place. */
  checksActive: Gauge;
  checksWaiting: Gauge;
  /** Chat messages answered in-process because the job queue could not store them (Discord). */
  queueFallback: Counter;
  /** Checks by outcome (ok, or the error code). */
  checks: Counter<'outcome'>;
  /** Alerting matches by catalogue entry. */
  alerts: Counter<'entry'>;
  /** Result cache lookups (hit or miss). */
  cache: Counter<'result'>;
  fetchSeconds: Histogram;
  /** LLM classifications (called, or answered from its cache) and the tokens they used. */
  llmCalls: Counter<'cached'>;
  llmTokens: Counter<'kind'>;
  /** From the platform event's arrival to the reply posted in the thread. */
  replySeconds: Histogram;
  /** 1 for the catalogue version in use (label `version`). */
  catalogue: Gauge<'version'>;
}

export interface MetricsSources {
  /** Default process metrics (memory, event-loop lag, …); off in tests that count series. */
  defaults?: boolean;
  admission?: () => { active: number; waiting: number };
  catalogueVersion?: () => string;
}

export function createMetrics(opts: MetricsSources = {}): Metrics {
  const admission = opts.admission;
  const registry = new Registry();
  if (opts.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'claimdesk_' });
  return {
    registry,
    admissionRefused: new Counter({
      name: 'claimdesk_admission_refused_total',
      help: 'Check requests refused because the analysis queue was full',
      labelNames: ['surface'],
      registers: [registry],
    }),
    analysisTimeouts: new Counter({
      name: 'claimdesk_analysis_timeouts_total',
      help: 'Analysis steps stopped at ANALYSIS_TIMEOUT_MS (outcome too_complex)',
      labelNames: ['op'],
      registers: [registry],
    }),
    checksActive: new Gauge({
      name: 'claimdesk_checks_active',
      help: 'Checks admitted and not yet finished',
      registers: [registry],
      collect() {
        if (admission) this.set(admission().active);
      },
    }),
    checks: new Counter({
      name: 'claimdesk_checks_total',
      help: 'Checked links and texts by outcome: ok, or the error code',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    alerts: new Counter({
      name: 'claimdesk_alerts_total',
      help: 'Alerting matches by catalogue entry',
      labelNames: ['entry'],
      registers: [registry],
    }),
    cache: new Counter({
      name: 'claimdesk_cache_lookups_total',
      help: 'Result cache lookups (the hit ratio is hit / (hit + miss))',
      labelNames: ['result'],
      registers: [registry],
    }),
    fetchSeconds: new Histogram({
      name: 'claimdesk_fetch_seconds',
      help: 'Reading one page (fetch and extraction), successful or not',
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
      registers: [registry],
    }),
    llmCalls: new Counter({
      name: 'claimdesk_llm_classifications_total',
      help: 'LLM classifications, by whether the answer came from its cache',
      labelNames: ['cached'],
      registers: [registry],
    }),
    llmTokens: new Counter({
      name: 'claimdesk_llm_tokens_total',
      help: 'LLM tokens used, by kind (input, output)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    replySeconds: new Histogram({
      name: 'claimdesk_reply_seconds',
      help: 'From the chat event’s arrival to the reply posted in the thread',
      buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers: [registry],
    }),
    catalogue: new Gauge({
      name: 'claimdesk_catalogue_info',
      help: 'The catalogue version in use (value 1)',
      labelNames: ['version'],
      registers: [registry],
      collect() {
        this.reset();
        if (opts.catalogueVersion) this.set({ version: opts.catalogueVersion() }, 1);
      },
    }),
    queueFallback: new Counter({
      name: 'claimdesk_queue_fallback_total',
      help: 'Chat events (Discord messages, commands and clicks) answered in this process, not durably, because the job queue was unavailable',
      registers: [registry],
    }),
    checksWaiting: new Gauge({
      name: 'claimdesk_checks_waiting',
      help: 'Checks waiting for admission (chat events)',
      registers: [registry],
      collect() {
        if (admission) this.set(admission().waiting);
      },
    }),
  };
}
