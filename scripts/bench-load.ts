/**
 * npm run bench:load [-- --events 1000 --json]
 *
 * A load benchmark of the whole bot, not a test: the real entry point as a child process (Slack over
 * HTTP events, SQLite store and job queue, the LLM on) against local fakes on 127.0.0.1: Slack's Web
 * API, an OpenAI-compatible server that answers 429 or 500 to one call in five, and a page server
 * where one page in ten fails (HTTP 500, or a connection that hangs up). 1,000 message events, each
 * with its own link, are delivered as Slack would (signed, 20 at a time). Every message must get an
 * answer in its thread (an alert, a note, or the line explaining an unreadable page) and the process
 * must not crash. Reports peak RSS of the bot, throughput, and event-to-reply latency (p50, p95).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROMOTING_RU, DEBUNKING_EN } from '../test/helpers/articles.js';
import { completion, rateLimited, serverError, startFakeOpenAI } from '../test/helpers/fake-openai.js';
import { FakeSlack } from '../test/helpers/fake-slack.js';
import { deliver, messageEvent, slackEnv, startReplica, tsOf } from '../test/durable/replica.js';

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000' }, json: { type: 'boolean', default: false } },
});
const EVENTS = Math.max(10, Number(values.events) || 1000);

const pages = createServer((req, res) => {
  const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('n') ?? 0);
  if (n % 20 === 7) {
    res.writeHead(500).end('server error');
    return;
  }
  if (n % 20 === 13) {
    req.socket.destroy();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(n % 3 === 0 ? DEBUNKING_EN : PROMOTING_RU);
});
await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
const addr = pages.address();
const hostPort = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

const llm = await startFakeOpenAI();
let calls = 0;
llm.setFallback(() => {
  calls++;
  if (calls % 10 === 3) return rateLimited('1');
  if (calls % 10 === 6) return serverError(500);
  return completion(JSON.stringify({ findings: [], possibly_new_narrative: null }));
});
const fake = await FakeSlack.start();
const data = mkdtempSync(join(tmpdir(), 'claimdesk-load-'));
const bot = await startReplica({
  ...slackEnv(fake),
  STORE_URL: `sqlite://${join(data, 'load.sqlite')}`,
  FETCH_ALLOW_HOSTS: hostPort,
  OPENAI_BASE_URL: `${llm.baseUrl}`,
  OPENAI_API_KEY: 'sk-load-test',
  OPENAI_MAX_RETRIES: '1',
  REPLY_ON_UNREADABLE: 'true',
  NON_ALERT_REPLY: 'note',
});

let peakRss = 0;
const rssTimer = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${bot.proc.pid}/status`, 'utf8');
    const hwm = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) * 1024;
    peakRss = Math.max(peakRss, hwm);
  } catch {}
}, 250);

const sentAt = new Map<string, number>();
const started = performance.now();
const ns = Array.from({ length: EVENTS }, (_, i) => i + 1);
let refused = 0;
for (let i = 0; i < ns.length; i += 20) {
  await Promise.all(
    ns.slice(i, i + 20).map(async (n) => {
      const body = messageEvent(n, `http://${hostPort}/page?n=${n}`);
      sentAt.set(tsOf(n), performance.now());
      let r = await deliver(bot, body);
      for (let retry = 1; r.status !== 200 && retry <= 3; retry++) {
        refused++;
        r = await deliver(bot, body, retry);
      }
    }),
  );
}
const answeredAt = new Map<string, number>();
const deadline = Date.now() + 10 * 60_000;
while (answeredAt.size < EVENTS && Date.now() < deadline && bot.proc.exitCode === null) {
  for (const c of fake.callsTo('chat.postMessage')) {
    const ts = c.params.thread_ts;
    if (ts && sentAt.has(ts) && !answeredAt.has(ts)) answeredAt.set(ts, performance.now());
  }
  await new Promise((r) => setTimeout(r, 100));
}
const elapsed = (performance.now() - started) / 1000;
clearInterval(rssTimer);
const latencies = [...answeredAt.entries()]
  .map(([ts, at]) => at - (sentAt.get(ts) ?? at))
  .sort((a, b) => a - b);
const q = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
const perThread = new Map<string, number>();
for (const c of fake.callsTo('chat.postMessage')) {
  const ts = c.params.thread_ts ?? '';
  perThread.set(ts, (perThread.get(ts) ?? 0) + 1);
}
const report = {
  events: EVENTS,
  answered: answeredAt.size,
  answeredTwice: [...perThread.values()].filter((v) => v > 1).length,
  crashed: bot.proc.exitCode !== null,
  refusedDeliveries: refused,
  llmCalls: calls,
  seconds: Math.round(elapsed),
  throughputPerSecond: Math.round((answeredAt.size / elapsed) * 10) / 10,
  latencyMs: { p50: q(0.5), p95: q(0.95), max: q(1) },
  peakRssMb: Math.round(peakRss / 1e6),
};
bot.proc.kill('SIGTERM');
await bot.exited;
await fake.close();
await llm.close();
pages.close();
rmSync(data, { recursive: true, force: true });
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `${report.answered}/${report.events} messages answered (${report.answeredTwice} twice), crashed: ${report.crashed}; ` +
      `${report.refusedDeliveries} deliveries refused and re-delivered; ${report.llmCalls} LLM calls`,
  );
  console.log(
    `${report.seconds} s, ${report.throughputPerSecond} messages/s; event→reply p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, max ${report.latencyMs.max} ms; peak RSS ${report.peakRssMb} MB`,
  );
}
process.exit(report.answered === report.events && !report.crashed && report.answeredTwice === 0 ? 0 : 1);
