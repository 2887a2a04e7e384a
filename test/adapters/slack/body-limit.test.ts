/** Real Bolt behind the size cap on /slack/events: oversized bodies get 413 before anyone buffers them. */
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_BODY_LIMIT } from '../../../src/adapters/slack/body-limit.js';
import { slackSignature } from '../../helpers/fake-slack.js';
import { eventFixture, fixture, type Harness, SECRET, startHarness } from './harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function signedHeaders(body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(SECRET, ts, body),
  };
}

interface Sent {
  status: number;
  /** Bytes of the body written before the answer came. */
  written: number;
}

/**
 * POSTs `total` bytes (of which `body` first, then padding) in 16 KB chunks, stopping as soon as
 * the server answers; gives up after two seconds.
 */
function stream(headers: Record<string, string>, body: string, total: number): Promise<Sent> {
  const url = new URL(h.eventsUrl);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer after ${written} bytes`));
    }, 2_000);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
      (res) => {
        answered = true;
        clearTimeout(timer);
        res.resume();
        resolve({ status: res.statusCode ?? 0, written });
        req.destroy();
      },
    );
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const pump = (): void => {
      while (!answered && written < total) {
        const piece =
          written === 0 ? Buffer.from(body) : chunk.subarray(0, Math.min(chunk.length, total - written));
        written += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && written >= total && !headers['content-length']) req.end();
    };
    pump();
  });
}

describe('the size cap on Slack HTTP events', () => {
  it('refuses at once a body whose Content-Length is over the cap, without waiting for it', async () => {
    const body = JSON.stringify(fixture('message-with-link.json'));
    const res = await stream(
      { ...signedHeaders(body), 'content-length': String(SLACK_BODY_LIMIT + 1) },
      body,
      body.length,
    );
    expect(res.status).toBe(413);
    expect(h.service.checks.length).toBe(0);
  });

  it('refuses a streamed (chunked) body once it passes the cap, signed or not', async () => {
    // Valid JSON with a valid signature, padded with spaces past the cap: only its size is wrong.
    const event = JSON.stringify(eventFixture('message-with-link.json', { event_id: 'Ev-big' }));
    const padded = event + ' '.repeat(4 * SLACK_BODY_LIMIT);
    const signed = await stream(
      { ...signedHeaders(padded), 'transfer-encoding': 'chunked' },
      event,
      padded.length,
    );
    expect(signed.status).toBe(413);
    const sockets: Socket[] = [];
    h.server.on('connection', (s: Socket) => sockets.push(s));
    const unsigned = await stream(
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      event,
      64 * SLACK_BODY_LIMIT,
    );
    expect(unsigned.status).toBe(413);
    // The server stopped reading near the cap (4 MB were sent).
    expect(sockets.length).toBe(1);
    expect(sockets[0]?.bytesRead).toBeLessThan(4 * SLACK_BODY_LIMIT);
    await h.slack.idle();
    expect(h.service.checks.length).toBe(0);
  });

  it('still serves a signed event under the cap, and still refuses a bad signature', async () => {
    const ok = await h.sendEvent(fixture('message-with-link.json'));
    expect(ok.status).toBe(200);
    await h.slack.idle();
    expect(h.service.checks.length).toBeGreaterThan(0);
    const forged = await h.sendEvent(fixture('message-with-link.json'), { signWith: 'wrong-secret' });
    expect(forged.status).toBe(401);
  });
});
