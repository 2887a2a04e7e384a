/**
 * The local HTTP API and page. The same express app carries Slack's /slack/events when Slack runs
 * in HTTP mode, so one port serves everything.
 */
import { within } from '../../model/within.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { App } from '../../app.js';
import { entryCard } from '../../pipeline/entry-card.js';
import type { CheckDetails, CheckOutput } from '../../model/types.js';
import { mountDesk } from './desk-routes.js';
import { guard } from './guard.js';
import { replyLang as lang } from './query.js';
import { renderCardHtml, renderReplyHtml } from './render-html.js';
import { recordCheck, surfaceOf } from './surface.js';

const checkBody = z.union([
  z.strictObject({ url: z.string().min(1).max(4096), offline: z.boolean().optional() }),
  z.strictObject({
    text: z.string().min(1).max(1_000_000),
    title: z.string().max(1000).optional(),
    offline: z.boolean().optional(),
  }),
]);

const BAD_BODY =
  'Send JSON with either "url" (a link) or "text" (up to 1 MB), and optionally "offline": true.';

function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: { code: 'invalid_input', message } });
}

export function createHttpApp(app: App): express.Express {
  const { service, config } = app;
  const http = express();
  http.disable('x-powered-by');
  http.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  http.use('/api', guard(config));

  const json = express.json({ limit: '1100kb' });

  /**
   * Admission control, before the body is read: when every place for a check is taken, 429 with
   * Retry-After, counted in claimdesk_admission_refused_total.
   */
  const admit =
    (surface: 'api' | 'preview') =>
    (_req: Request, res: Response, next: NextFunction): void => {
      if (!app.admission.full()) {
        next();
        return;
      }
      app.metrics.admissionRefused.inc({ surface });
      res
        .status(429)
        .setHeader('Retry-After', String(app.admission.retryAfterSeconds()))
        .json({ error: { code: 'busy', message: 'Too many checks are running; try again in a moment.' } });
    };

  /** Runs the check in the body and records it in the history (surface api, or page for the page's script). */
  async function runCheck(req: Request): Promise<CheckDetails | null> {
    const parsed = checkBody.safeParse(req.body);
    if (!parsed.success) return null;
    const b = parsed.data;
    const opts = { offline: b.offline === true };
    const d = await ('url' in b
      ? service.checkUrl(b.url, opts)
      : service.checkText(b.text, 'text', { ...opts, title: b.title ?? null }));
    await recordCheck(app, d, surfaceOf(req));
    return d;
  }

  /**
   * Readiness, apart from liveness: 503 while the job queue's database (Redis, SQLite) does not
   * answer, so a load balancer sends no traffic to a replica that could not store the events.
   */
  http.get('/readyz', async (_req, res) => {
    const catalogue = { version: app.catalogue.version, entries: app.catalogue.entries.length };
    let queue: string = 'none';
    try {
      if (app.jobs) {
        const c = await within(app.jobs.counts(), 2_000, 'counting jobs');
        queue = `ok (${c.queued} queued, ${c.active} active, ${c.failed} failed)`;
      }
    } catch (err) {
      // The reason goes to the log only: /readyz is open, and a connection error may name hosts.
      app.logger.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'not ready: the job queue does not answer',
      );
      res.status(503).json({ ok: false, catalogue, queue: 'unavailable' });
      return;
    }
    res.json({ ok: true, catalogue, queue });
  });

  http.get('/healthz', (_req, res) => {
    res.json({
      ok: true,
      catalogue: { version: app.catalogue.version, entries: app.catalogue.entries.length },
    });
  });

  // The editor's desk: the page at /, the entry pages, /api/digest and /api/desk.
  mountDesk(http, app);

  /** Prometheus metrics, protected like the API (a scraper sends the bearer token). */
  http.get('/metrics', guard(config), async (_req, res) => {
    res.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });

  // Express 5 passes a rejected handler's error to the error boundary (finishHttpApp) by itself.
  http.post('/api/check', admit('api'), json, async (req, res) => {
    const d = await runCheck(req);
    if (!d) return badRequest(res, BAD_BODY);
    const out: CheckOutput = {
      catalogue: { version: app.catalogue.version, entries: app.catalogue.entries.length },
      results: [d.result],
    };
    res.json(out);
  });

  /**
   * The reply as the bot would post it (for the page): the Reply model and safe HTML, in `?lang=`
   * (en, ru, kk) like a chat set to that language.
   */
  http.post('/api/preview', admit('preview'), json, async (req, res) => {
    const d = await runCheck(req);
    if (!d) return badRequest(res, BAD_BODY);
    const reply = service.compose([d], { skipped: 0, lang: lang(req.query.lang) });
    res.json({ result: d.result, reply, llm: d.llm, html: renderReplyHtml(reply) });
  });

  http.get('/api/claims', (req, res) => {
    const cards = app.catalogue.entries.map((e) => entryCard(e, app.catalogue, lang(req.query.lang)));
    res.json({
      catalogue: { version: app.catalogue.version, entries: cards.length },
      claims: cards,
      ...(req.query.html ? { html: cards.map(renderCardHtml).join('') } : {}),
    });
  });

  http.get('/api/claims/:id', (req, res) => {
    const entry = service.entry(req.params.id);
    if (!entry) {
      res
        .status(404)
        .json({ error: { code: 'not_found', message: `No catalogue entry has the id "${req.params.id}".` } });
      return;
    }
    res.json({ card: entryCard(entry, app.catalogue, lang(req.query.lang)), entry });
  });

  http.get('/api/lookup', (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q.trim() : '';
    if (!q || q.length > 500)
      return badRequest(res, 'Give the words to look up as ?q= (at most 500 characters).');
    const hits = service
      .lookup(q, 10)
      .map((h) => ({ score: h.score, card: entryCard(h.entry, app.catalogue, lang(req.query.lang)) }));
    res.json({
      query: q,
      hits,
      ...(req.query.html ? { html: hits.map((h) => renderCardHtml(h.card)).join('') } : {}),
    });
  });

  http.get('/api/feedback', async (_req, res) => {
    res.json(await app.feedback.summary());
  });

  return http;
}

/** Added last (after Slack mounts its routes): 404s and one error boundary, never a stack trace. */
export function finishHttpApp(http: express.Express, app: App): void {
  http.use((_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'No such endpoint.' } });
  });
  http.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.';
      res.status(status).json({ error: { code: 'invalid_input', message } });
      return;
    }
    app.logger.error(
      { path: req.path, err: err instanceof Error ? err.stack : String(err) },
      'request failed',
    );
    res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
}
