/**
 * SSRF: every spelling of a local address, directly and through redirects from the allowed fixture
 * server, is refused; the canary server (127.0.0.1, not allowed) must never see a connection.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticleFetcher } from '../../src/fetch/fetch-article.js';
import { checkHop, type Resolver } from '../../src/fetch/hop-policy.js';
import { pinnedLookup } from '../../src/fetch/pinned-agent.js';
import {
  type FixtureServer,
  redirectTo,
  startCanaryServer,
  startFixtureServer,
} from '../helpers/fixture-server.js';
import { failure } from './failure.js';

const ARTICLE = `<html><head><title>Fixture</title></head><body><article><p>${'A fixture paragraph with enough words to read. '.repeat(12)}</p></article></body></html>`;

/** DNS as the tests see it: a few names mapped, everything else unknown. Nothing leaves the machine. */
const names: Record<string, Array<{ address: string; family: 4 | 6 }>> = {
  'canary.test': [{ address: '127.0.0.1', family: 4 }],
  '127.0.0.1.nip.io': [{ address: '127.0.0.1', family: 4 }],
  'ten.test': [{ address: '10.1.2.3', family: 4 }],
  'v6local.test': [{ address: '::1', family: 6 }],
  'mapped.test': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'metadata.google.internal': [{ address: '169.254.169.254', family: 4 }],
  'mixed.test': [
    { address: '93.184.215.14', family: 4 },
    { address: '127.0.0.1', family: 4 },
  ],
  'public.test': [{ address: '93.184.215.14', family: 4 }],
};
const fakeResolve: Resolver = async (host) => {
  const answer = names[host];
  if (answer) return answer;
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

let fixture: FixtureServer;
let canary: FixtureServer;

function fetcherFor(allowHosts: string[], resolve: Resolver = fakeResolve) {
  return createArticleFetcher(
    {
      allowHosts,
      timeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      maxBytes: 1024 * 1024,
      maxRedirects: 5,
      userAgent: 'claimdesk-test',
    },
    { resolve },
  );
}

beforeAll(async () => {
  fixture = await startFixtureServer({ '/redirect': redirectTo, '/ok': { body: ARTICLE } });
  canary = await startCanaryServer();
});

afterAll(async () => {
  await fixture.close();
  await canary.close();
});

/** Spellings of the canary's address (127.0.0.1) or of other local/private addresses, with the canary's port. */
function spellings(port: number): string[] {
  return [
    `http://127.0.0.1:${port}/`,
    `http://localhost:${port}/`,
    `http://LOCALHOST:${port}/`,
    `http://localhost.:${port}/`,
    `http://sub.localhost:${port}/`,
    `http://2130706433:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://127.1:${port}/`,
    `http://127.0.1:${port}/`,
    `http://127.000.000.001:${port}/`,
    `http://127.0.0.1.:${port}/`,
    `http://%31%32%37.0.0.1:${port}/`,
    `http://１２７.０.０.１:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://0:${port}/`,
    `http://[::1]:${port}/`,
    `http://[::]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${port}/`,
    `http://[::127.0.0.1]:${port}/`,
    `http://[64:ff9b::127.0.0.1]:${port}/`,
    `http://[2002:7f00:1::]:${port}/`,
    `http://[fe80::1]:${port}/`,
    `http://example.com@127.0.0.1:${port}/`,
    `http://user:pass@0x7f.1:${port}/`,
    `https://127.0.0.1:${port}/`,
    `http://canary.test:${port}/`,
    `http://127.0.0.1.nip.io:${port}/`,
    `http://v6local.test:${port}/`,
    `http://mapped.test:${port}/`,
    `http://mixed.test:${port}/`,
  ];
}

/** Other private, reserved and metadata addresses on the default port. */
const PRIVATE_ELSEWHERE = [
  'http://169.254.169.254/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://100.100.100.200/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://168.63.129.16/machine?comp=goalstate',
  'http://10.0.0.1/',
  'http://ten.test/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://0300.0250.0.1/',
  'http://100.64.0.1/',
  'http://224.0.0.1/',
  'http://255.255.255.255/',
  'http://240.0.0.1/',
  'http://192.0.2.10/',
  'http://[fc00::1]/',
  'http://[ff02::1]/',
  'http://[2001:db8::1]/',
  'http://[2001::1]/',
];

describe('SSRF: refused spellings', () => {
  const directCases = () => [...spellings(canary.port), ...PRIVATE_ELSEWHERE];

  it('has a table of at least 30 direct spellings', () => {
    expect(directCases().length).toBeGreaterThanOrEqual(30);
  });

  it('refuses every direct spelling with blocked_address', async () => {
    const fetcher = fetcherFor([fixture.hostPort]);
    const results: Array<[string, string, string]> = [];
    for (const url of directCases()) {
      const err = await failure(fetcher.fetchArticle(url));
      results.push([url, err.code, err.message]);
    }
    for (const [url, code, message] of results) {
      expect({ url, code }).toEqual({ url, code: 'blocked_address' });
      expect(message).toBe('This link points to a private or local network address, which I do not visit.');
    }
    expect(canary.connections).toBe(0);
  });

  it('refuses every spelling reached through a redirect from the allowed server', async () => {
    const fetcher = fetcherFor([fixture.hostPort]);
    const targets = [
      ...spellings(canary.port),
      ...PRIVATE_ELSEWHERE,
      `//127.0.0.1:${canary.port}/`,
      `//[::1]:${canary.port}/`,
    ];
    const statuses = [301, 302, 303, 307, 308];
    const results: Array<[string, string, string]> = [];
    let i = 0;
    for (const target of targets) {
      const status = statuses[i % statuses.length] ?? 302;
      i += 1;
      const url = fixture.url(`/redirect?status=${status}&to=${encodeURIComponent(target)}`);
      const err = await failure(fetcher.fetchArticle(url));
      results.push([target, err.code, err.message]);
    }
    for (const [target, code, message] of results) {
      expect({ target, code }).toEqual({ target, code: 'blocked_address' });
      expect(message).toBe(
        'The link redirected to a private or local network address, which I do not visit.',
      );
      expect(message).not.toContain(String(canary.port));
    }
    expect(fixture.requests.filter((r) => r.path === '/redirect').length).toBeGreaterThanOrEqual(
      targets.length,
    );
    expect(canary.connections).toBe(0);
  });

  it('refuses a redirect chain that reaches the canary on the second hop', async () => {
    const inner = `/redirect?to=${encodeURIComponent(`http://0x7f.0.0.1:${canary.port}/`)}`;
    const err = await failure(
      fetcherFor([fixture.hostPort]).fetchArticle(fixture.url(`/redirect?to=${encodeURIComponent(inner)}`)),
    );
    expect(err.code).toBe('blocked_address');
    expect(canary.connections).toBe(0);
  });

  it.each([
    'gopher://127.0.0.1:70/_GET',
    'file:///etc/passwd',
    'ftp://127.0.0.1/',
    'data:text/html,<p>x</p>',
  ])('refuses a redirect to another scheme: %s', async (target) => {
    const err = await failure(
      fetcherFor([fixture.hostPort]).fetchArticle(fixture.url(`/redirect?to=${encodeURIComponent(target)}`)),
    );
    expect(err.code).toBe('blocked_address');
    expect(err.message).toMatch(/not a web page/);
  });

  it.each([
    'file:///etc/passwd',
    'gopher://127.0.0.1/',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s as invalid input', async (url) => {
    const err = await failure(fetcherFor([fixture.hostPort]).fetchArticle(url));
    expect(err.code).toBe('invalid_input');
  });

  it('refuses unusual ports on public addresses without connecting', async () => {
    const err = await failure(fetcherFor([]).fetchArticle('http://public.test:25/'));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toBe(
      'This link uses network port 25; I only read pages on the standard web ports (80 and 443).',
    );
  });

  it('the canary received no connection from any of the above', () => {
    expect(canary.connections).toBe(0);
    expect(canary.requests).toEqual([]);
  });
});

describe('SSRF: FETCH_ALLOW_HOSTS allows exactly one host:port', () => {
  it('reads the allowed fixture server', async () => {
    const article = await fetcherFor([fixture.hostPort]).fetchArticle(fixture.url('/ok'));
    expect(article.text).toContain('A fixture paragraph');
  });

  it('treats the canonical spelling of the same address and port as the same entry', async () => {
    const article = await fetcherFor([fixture.hostPort]).fetchArticle(`http://2130706433:${fixture.port}/ok`);
    expect(article.url).toBe(fixture.url('/ok'));
  });

  it.each([
    ['another name for the same address', (p: number) => `http://localhost:${p}/ok`],
    ['the IPv4-mapped IPv6 spelling', (p: number) => `http://[::ffff:127.0.0.1]:${p}/ok`],
    ['a neighbouring loopback address', (p: number) => `http://127.0.0.2:${p}/ok`],
    ['the same address on another port', (p: number) => `http://127.0.0.1:${p + 1}/ok`],
  ])('does not allow %s', async (_name, url) => {
    const err = await failure(fetcherFor([fixture.hostPort]).fetchArticle(url(fixture.port)));
    expect(err.code).toBe('blocked_address');
  });

  it('matches IPv6 entries in brackets and names with a trailing dot, exactly', async () => {
    const allow = new Set(['[::1]:8080', 'intranet.test:8443']);
    const resolve: Resolver = async () => [{ address: '10.0.0.7', family: 4 }];
    expect(await checkHop(new URL('http://[::1]:8080/x'), allow, resolve, false)).toMatchObject({
      address: '::1',
      family: 6,
      allowlisted: true,
    });
    expect(await checkHop(new URL('https://intranet.test.:8443/'), allow, resolve, false)).toMatchObject({
      address: '10.0.0.7',
      allowlisted: true,
    });
    await expect(checkHop(new URL('http://[::1]:8081/x'), allow, resolve, false)).rejects.toMatchObject({
      code: 'blocked_address',
    });
    await expect(checkHop(new URL('https://intranet.test/'), allow, resolve, false)).rejects.toMatchObject({
      code: 'blocked_address',
    });
  });

  it('a positive control: the canary does count a connection when it is allowed', async () => {
    const control = await startCanaryServer();
    try {
      const err = await failure(fetcherFor([control.hostPort]).fetchArticle(control.url('/anything')));
      // The canary answers with a tiny page: reached, but with too little text to be an article.
      expect(err.code).toBe('unreadable');
      expect(control.connections).toBe(1);
    } finally {
      await control.close();
    }
  });
});

describe('SSRF: DNS answers are checked and pinned', () => {
  it('refuses a public-looking name that resolves to 127.0.0.1 unless that name and port are allowed', async () => {
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const refused = await failure(
      fetcherFor([fixture.hostPort], resolve).fetchArticle(`http://news.example:${fixture.port}/ok`),
    );
    expect(refused.code).toBe('blocked_address');
    const allowed = await fetcherFor([`news.example:${fixture.port}`], resolve).fetchArticle(
      `http://news.example:${fixture.port}/ok`,
    );
    expect(allowed.text).toContain('A fixture paragraph');
    expect(fixture.requests.at(-1)?.headers.host).toBe(`news.example:${fixture.port}`);
  });

  it('connects to the address it checked, never to a later DNS answer (rebinding)', async () => {
    let calls = 0;
    // First answer: the fixture's address. Every later answer: an address where nothing listens.
    const rebinding: Resolver = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    };
    const article = await fetcherFor([`rebind.test:${fixture.port}`], rebinding).fetchArticle(
      `http://rebind.test:${fixture.port}/ok`,
    );
    expect(article.text).toContain('A fixture paragraph');
    expect(calls).toBe(1);
  });

  it('pins a public first answer: the check returns it, and the connection lookup answers only it', async () => {
    let calls = 0;
    const rebinding: Resolver = async () => {
      calls += 1;
      return [{ address: calls === 1 ? '93.184.215.14' : '127.0.0.1', family: 4 }];
    };
    const hop = await checkHop(new URL('https://rebind.test/'), new Set(), rebinding, false);
    expect(hop.address).toBe('93.184.215.14');
    expect(calls).toBe(1);
    const answer = await new Promise<unknown>((resolve) => {
      pinnedLookup(hop.address, hop.family)('rebind.test', { all: true }, (_err, address) =>
        resolve(address),
      );
    });
    expect(answer).toEqual([{ address: '93.184.215.14', family: 4 }]);
    expect(calls).toBe(1);
  });

  it('pinnedLookup sends a socket to the pinned address whatever name it was given', async () => {
    const before = fixture.connections;
    await new Promise<void>((resolve, reject) => {
      const socket = connect({
        host: 'no-such-name.invalid',
        port: fixture.port,
        lookup: pinnedLookup('127.0.0.1', 4),
      });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', reject);
    });
    expect(fixture.connections).toBe(before + 1);
  });

  it('reports a name that does not resolve as not_found, without connecting', async () => {
    const err = await failure(fetcherFor([]).fetchArticle('https://no-such-site.test/'));
    expect(err.code).toBe('not_found');
    expect(canary.connections).toBe(0);
  });
});
