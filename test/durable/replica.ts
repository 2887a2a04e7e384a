/**
 * The real entry point (src/main.ts) as a child process, for crash and replica tests: started with
 * an environment, talked to over HTTP, killed with SIGKILL or stopped with SIGTERM.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type FakeSlack, postSigned } from '../helpers/fake-slack.js';

export const SECRET = 'test-signing-secret-durable';

export interface Replica {
  proc: ChildProcess;
  url: string;
  log(): string;
  exited: Promise<number | null>;
}

export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // REPLICA_LOG_DIR=dir keeps each replica's log in dir/replica-<pid>.log (for a failure's post-mortem).
  const logDir = process.env.REPLICA_LOG_DIR;
  const logFile = logDir ? join(logDir, `replica-${proc.pid}.log`) : null;
  proc.stdout?.on('data', (d: Buffer) => logFile && appendFileSync(logFile, d));
  proc.stderr?.on('data', (d: Buffer) => logFile && appendFileSync(logFile, d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const on = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/"url":"(http:\/\/127\.0\.0\.1:\d+\/)"/);
      if (m?.[1]) resolve(m[1]);
    };
    proc.stdout?.on('data', on);
    proc.stderr?.on('data', on);
    proc.once('exit', (code) => reject(new Error(`exited with ${code}: ${out.slice(-2000)}`)));
  });
  return { proc, url, log: () => out, exited };
}

export function slackEnv(fake: FakeSlack): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test-bot-token-0000',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
  };
}

const base = JSON.parse(
  readFileSync(new URL('../fixtures/slack/message-with-link.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { event: Record<string, unknown> };

/** A signed `message` event with one link, as Slack sends it. */
export function messageEvent(n: number, link: string): string {
  const ts = `1732196${String(n).padStart(3, '0')}.000100`;
  return JSON.stringify({
    ...base,
    event_id: `Ev0DUR${String(n).padStart(4, '0')}`,
    event: { ...base.event, ts, text: `See <${link}>`, blocks: [] },
  });
}

export function tsOf(n: number): string {
  return `1732196${String(n).padStart(3, '0')}.000100`;
}

/** Delivers an event as Slack does; like Slack, gives up on an answer after `timeoutMs` (status 0). */
export async function deliver(
  r: Replica,
  body: string,
  retryNum?: number,
  timeoutMs = 5_000,
): Promise<{ status: number }> {
  const res = await Promise.race([
    postSigned(`${r.url}slack/events`, body, { secret: SECRET, ...(retryNum ? { retryNum } : {}) }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref()),
  ]);
  return { status: res ? res.status : 0 };
}

/** Replies posted per thread, for the message numbers given. */
export function repliesPerThread(fake: FakeSlack, ns: number[]): number[] {
  return ns.map((n) => fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === tsOf(n)).length);
}

const form = (fields: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(fields).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  ).toString();

const command = JSON.parse(
  readFileSync(new URL('../fixtures/slack/slash-command-url.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const click = JSON.parse(
  readFileSync(new URL('../fixtures/slack/block-actions-wrong-match.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { actions: Array<Record<string, unknown>> };

/** A signed `/claimcheck <link>` (form-encoded, as Slack sends it), answered at the fake's /response/cmd<n>. */
export function commandBody(fake: FakeSlack, n: number, link: string): string {
  return form({
    ...command,
    text: link,
    trigger_id: `1111111111.${String(n).padStart(10, '0')}.0123456789abcdef`,
    response_url: fake.responseUrl(`cmd${n}`),
  });
}

/** A signed "Wrong match" click by user U0CLICK<n>, answered at the fake's /response/click<n>. */
export function clickBody(fake: FakeSlack, n: number): string {
  const payload = {
    ...click,
    user: { id: clickUser(n), name: 'reader' },
    actions: [{ ...click.actions[0], action_ts: `1732190${String(n).padStart(3, '0')}.123456` }],
    response_url: fake.responseUrl(`click${n}`),
  };
  return form({ payload });
}

export const clickUser = (n: number) => `U0CLICK${String(n).padStart(3, '0')}`;

/** Delivers a form-encoded command or click as Slack does (status 0: no answer within timeoutMs). */
export async function deliverForm(
  r: Replica,
  body: string,
  timeoutMs = 5_000,
): Promise<{ status: number; text: string }> {
  const res = await Promise.race([
    postSigned(`${r.url}slack/events`, body, {
      secret: SECRET,
      contentType: 'application/x-www-form-urlencoded',
    }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref()),
  ]);
  return res ? { status: res.status, text: await res.text() } : { status: 0, text: '' };
}

/** Answers each command got at its response_url, for the numbers given. */
export function answersPerCommand(fake: FakeSlack, ns: number[]): number[] {
  return ns.map((n) => fake.responses.filter((x) => x.id === `cmd${n}`).length);
}
