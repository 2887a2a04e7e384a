/**
 * The editor's desk: the page at `/` (checker, digest, chart, recent checks, catalogue), one page
 * per catalogue entry at `/entries/:id`, and the digest as JSON at `GET /api/digest`. The pages are
 * guarded like the API (`?token=` opens them); `/api/*` is guarded by the server's `/api` guard.
 */
import type express from 'express';
import type { Response } from 'express';
import type { App } from '../../app.js';
import { toClaimReview } from '../../claims/export-claimreview.js';
import { entryCard } from '../../pipeline/entry-card.js';
import { type PublisherFor, publisherLookup } from '../../sources/publisher.js';
import { renderDeskPage } from './desk-page.js';
import { LINKS_SCRIPT } from './desk-script.js';
import { guard } from './guard.js';
import { sendPage } from './page.js';
import { parseDays, parseTeam, replyLang } from './query.js';
import { countByDay } from './render-chart.js';
import { type DeskView, renderDesk } from './render-desk.js';
import { renderEntryPage } from './render-entry.js';
import { esc, renderCardHtml } from './render-html.js';

const HIT_LIMIT = 200;
const RECENT_LIMIT = 20;
const DAY_MS = 86_400_000;

const BAD_DAYS = 'Give ?days= as a whole number of days from 1 to 365.';
const BAD_TEAM = 'Give ?team= as a workspace or guild id (letters, digits, . : _ -; at most 100).';

type Query = { days: number; teamId?: string } | { error: string };

function windowQuery(q: Record<string, unknown>): Query {
  const days = parseDays(q.days);
  if (days === null) return { error: BAD_DAYS };
  const team = parseTeam(q.team);
  if (team === null) return { error: BAD_TEAM };
  return team === undefined ? { days } : { days, teamId: team };
}

function errorPage(res: Response, status: number, message: string): void {
  sendPage(
    res,
    {
      title: 'claimdesk',
      main: `<h1>${esc(message)}</h1><p><a href="/">Back to the desk</a></p>`,
      script: LINKS_SCRIPT,
    },
    status,
  );
}

export function mountDesk(http: express.Express, app: App): void {
  const protect = guard(app.config);
  let publishers: Promise<PublisherFor | null> | null = null;
  /** The sources list as ClaimReview publishers, read once; without it reviews name no publisher. */
  function publisherFor(): Promise<PublisherFor | null> {
    publishers ??= publisherLookup(app.config.claimsDir, {}).then(
      (p) => {
        if (typeof p !== 'string') return p;
        app.logger.warn(
          { issues: p.split('\n').length },
          'the sources list is invalid; reviews name no publisher',
        );
        return null;
      },
      () => null,
    );
    return publishers;
  }

  async function deskView(days: number, teamId: string | undefined): Promise<DeskView> {
    const team = teamId !== undefined ? { teamId } : {};
    const digest = await app.digest({ days, ...team });
    const from = new Date(digest.from);
    const to = new Date(digest.to);
    const records = await app.history.list({ from, to, ...team });
    const recent = await app.history.list({ from: new Date(0), to, limit: RECENT_LIMIT, ...team });
    return { digest, days, byDay: countByDay(records, from, to), recent, catalogue: app.catalogue, ...team };
  }

  http.get('/', protect, async (req, res) => {
    const q = windowQuery(req.query);
    if ('error' in q) return errorPage(res, 400, q.error);
    const lang = replyLang(req.query.lang);
    const cards = app.catalogue.entries
      .map((e) => renderCardHtml(entryCard(e, app.catalogue, lang)))
      .join('');
    sendPage(res, renderDeskPage(await deskView(q.days, q.teamId), lang, cards));
  });

  http.get('/entries/:id', protect, async (req, res) => {
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    const entry = app.catalogue.byId.get(id);
    if (!entry) return errorPage(res, 404, `No catalogue entry has the id “${id.slice(0, 100)}”.`);
    const now = Date.now();
    const hits = await app.history.list({
      from: new Date(now - app.config.historyDays * DAY_MS),
      to: new Date(now + 1),
      entryId: entry.id,
      limit: HIT_LIMIT,
    });
    const publisher = await publisherFor();
    const review = entry.kind === 'claim' ? toClaimReview(entry, undefined, publisher ?? undefined) : null;
    const lang = replyLang(req.query.lang);
    const shell = renderEntryPage({
      entry,
      catalogue: app.catalogue,
      lang,
      hits,
      hitDays: app.config.historyDays,
      review,
    });
    sendPage(res, { ...shell, script: LINKS_SCRIPT });
  });

  /** The digest JSON (src/model/digest.ts) for the last `days` UTC days, optionally one workspace or guild. */
  http.get('/api/digest', async (req, res) => {
    const q = windowQuery(req.query);
    if ('error' in q) {
      res.status(400).json({ error: { code: 'invalid_input', message: q.error } });
      return;
    }
    res.json(await app.digest({ days: q.days, ...(q.teamId !== undefined ? { teamId: q.teamId } : {}) }));
  });

  /** The desk's live part as HTML, for the page's script after each check. */
  http.get('/api/desk', async (req, res) => {
    const q = windowQuery(req.query);
    if ('error' in q) {
      res.status(400).json({ error: { code: 'invalid_input', message: q.error } });
      return;
    }
    const view = await deskView(q.days, q.teamId);
    res.json({ digest: view.digest, html: renderDesk(view) });
  });
}
