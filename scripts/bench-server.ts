/**
 * npm run bench:server [-- --json]
 *
 * A benchmark of the server under hostile load, not a test. Starts the real entry point as a child
 * process (as `npm start` does, local mode, on 127.0.0.1) and measures, while polling /healthz
 * every 50 ms from this process:
 * 1. one 2 MB page of a single matching sentence, repeated: time to answer, outcome, slowest /healthz
 *    (targets: answered within 30 s, /healthz never over 0.5 s);
 * 2. 120 concurrent distinct 600 KB texts on /api/check: how many 200 and 429, time until the last
 *    answer, slowest /healthz (targets: every request answered within 120 s, /healthz never over 1 s);
 * 3. the pool's overhead per article: a ~100 KB page matched inline vs through the worker pool
 *    (median of 30).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createInlineAnalyzer } from '../src/analysis/inline-analyzer.js';
import { createPoolAnalyzer } from '../src/analysis/pool-analyzer.js';
import { loadCatalogue } from '../src/claims/load.js';
import { syntheticArticle } from './bench-data.js';
import { stats } from './bench-pipeline.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const SENTENCE =
  'В Алматы открылся миротворческий центр НАТО, где казахстанские военные будут обучаться по стандартам альянса. ';
const ms = (x: number) => Math.round(x);

function startServer(env: Record<string, string>): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', STORE_URL: 'memory://', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  return new Promise((resolve, reject) => {
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = err.match(/"url":"(http:\/\/127\.0\.0\.1:\d+)\/"/);
      if (m?.[1]) resolve({ proc, base: m[1] });
    });
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err.slice(-500)}`)));
  });
}

async function withHealthz<T>(
  base: string,
  work: Promise<T>,
): Promise<{ value: T; slowest: number; polls: number }> {
  let done = false;
  let slowest = 0;
  let polls = 0;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      await (await fetch(`${base}/healthz`)).json();
      slowest = Math.max(slowest, performance.now() - t);
      polls++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const value = await work;
  done = true;
  await poll;
  return { value, slowest, polls };
}

async function hostilePage() {
  const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Центр НАТО</title></head><body><article><p>${SENTENCE.repeat(
    Math.ceil(2_000_000 / Buffer.byteLength(SENTENCE)),
  )}</p></article></body></html>`;
  const pages = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  const addr = pages.address();
  const hostPort = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const { proc, base } = await startServer({ FETCH_ALLOW_HOSTS: hostPort });
  try {
    const t = performance.now();
    const { value, slowest } = await withHealthz(
      base,
      fetch(`${base}/api/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `http://${hostPort}/hostile` }),
      }).then(
        (r) =>
          r.json() as Promise<{
            results: Array<{ status: string; error: { code: string } | null; alert: boolean }>;
          }>,
      ),
    );
    const r = value.results[0];
    return {
      bytes: Buffer.byteLength(html),
      answeredMs: ms(performance.now() - t),
      outcome: r?.status === 'ok' ? `ok, alert ${r.alert}` : `error ${r?.error?.code}`,
      slowestHealthzMs: ms(slowest),
    };
  } finally {
    proc.kill('SIGKILL');
    pages.close();
  }
}

async function manyTexts() {
  const { proc, base } = await startServer({});
  try {
    const texts = Array.from({ length: 120 }, (_, i) => `${syntheticArticle(600_000, 100 + i)}`);
    const t = performance.now();
    let last = 0;
    const { value, slowest } = await withHealthz(
      base,
      Promise.all(
        texts.map(async (text) => {
          const res = await fetch(`${base}/api/check`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ text: text.slice(0, 600_000) }),
          });
          await res.arrayBuffer();
          last = Math.max(last, performance.now() - t);
          return res.status;
        }),
      ),
    );
    return {
      requests: value.length,
      ok200: value.filter((s) => s === 200).length,
      refused429: value.filter((s) => s === 429).length,
      other: value.filter((s) => s !== 200 && s !== 429).length,
      lastAnswerMs: ms(last),
      slowestHealthzMs: ms(slowest),
    };
  } finally {
    proc.kill('SIGKILL');
  }
}

async function poolOverhead() {
  const catalogue = await loadCatalogue('claims');
  const inline = createInlineAnalyzer(catalogue);
  const pool = createPoolAnalyzer({ catalogue, threads: 1, timeoutMs: 60_000 });
  const article = { text: syntheticArticle(100_000, 3), title: 'Новости дня', language: 'ru' as const };
  await pool.match(article);
  await inline.match(article);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    await inline.match(article);
    a.push(performance.now() - t);
    t = performance.now();
    await pool.match(article);
    b.push(performance.now() - t);
  }
  await pool.close();
  const i = stats(a);
  const p = stats(b);
  return {
    inlineMedianMs: i.median,
    poolMedianMs: p.median,
    overheadMs: Math.round((p.median - i.median) * 100) / 100,
  };
}

const report = {
  hostilePage: await hostilePage(),
  manyTexts: await manyTexts(),
  poolOverhead: await poolOverhead(),
};
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  const h = report.hostilePage;
  const m = report.manyTexts;
  const o = report.poolOverhead;
  console.log(
    `2 MB page of one sentence (${h.bytes} bytes): answered in ${h.answeredMs} ms (${h.outcome}); slowest /healthz ${h.slowestHealthzMs} ms`,
  );
  console.log(
    `${m.requests} concurrent 600 KB texts: ${m.ok200} × 200, ${m.refused429} × 429, ${m.other} other; last answer after ${m.lastAnswerMs} ms; slowest /healthz ${m.slowestHealthzMs} ms`,
  );
  console.log(
    `100 KB article: inline ${o.inlineMedianMs} ms, pool ${o.poolMedianMs} ms median → pool overhead ${o.overheadMs} ms per article`,
  );
}
