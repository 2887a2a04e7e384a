/**
 * A name with several checked answers: when the first cannot be reached (an IPv6 answer on an
 * IPv4-only host, a dead server), the connection falls back to the next checked answer, and never
 * to an address that was not checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetch } from '../../src/fetch/safe-fetch.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { failure } from './failure.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({
    '/page': { headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<p>hello</p>' },
  });
});
afterAll(() => server?.close());

function fetcherFor(answers: Array<{ address: string; family: 4 | 6 }>) {
  const name = `multi.test:${server.port}`;
  return createSafeFetch(
    {
      allowHosts: [name],
      timeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      maxBytes: 1024 * 1024,
      maxRedirects: 5,
      userAgent: 'claimdesk/test',
    },
    { resolve: async () => answers },
  );
}

describe('several DNS answers', () => {
  it('falls back to the next checked answer when the first refuses the connection', async () => {
    // Nothing listens on 127.0.0.2 at this port; the fixture server is on 127.0.0.1.
    const fetchPage = fetcherFor([
      { address: '127.0.0.2', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    const page = await fetchPage(`http://multi.test:${server.port}/page`);
    expect(page.text).toContain('hello');
  });

  it('fails cleanly when no checked answer can be reached', async () => {
    const fetchPage = fetcherFor([{ address: '127.0.0.2', family: 4 }]);
    const err = await failure(fetchPage(`http://multi.test:${server.port}/page`));
    expect(err.code).not.toBe('blocked_address');
    expect(err.message.length).toBeGreaterThan(10);
  });
});
