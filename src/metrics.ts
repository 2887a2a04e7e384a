/**
 * Prometheus metrics (prom-client), one registry per running app so that tests and several apps in
 * one process never share counters. Served at GET /metrics, protected like the API.
 */
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

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
}

export interface MetricsSources {
  /** Default process metrics (memory, event-loop lag, …); off in tests that count series. */
  defaults?: boolean;
  admission?: () => { active: number; waiting: number };
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
    queueFallback: new Counter({
      name: 'claimdesk_queue_fallback_total',
      help: 'Chat messages answered in this process, not durably, because the job queue was unavailable',
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
