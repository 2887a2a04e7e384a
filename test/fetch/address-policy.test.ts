import { describe, expect, it } from 'vitest';
import { ipLiteral, isLocalName, judgeAddress } from '../../src/fetch/address-policy.js';

describe('judgeAddress', () => {
  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '1.1.1.1',
    '2a00:1450:4001:80b::200e',
    '2606:4700:4700::1111',
    '::ffff:93.184.215.14',
    '64:ff9b::8.8.8.8',
  ])('allows the public address %s', (address) => {
    expect(judgeAddress(address)).toEqual({ ok: true });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'global unicast'],
    ['::a00:1', 'global unicast'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['2002:7f00:1::', '6to4'],
    ['2002:5db8:d70e::', '6to4'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo'],
    ['2001:db8::1', 'reserved'],
    ['[::1]', 'loopback'],
  ])('refuses %s (%s)', (address, why) => {
    const verdict = judgeAddress(address);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(why);
  });

  it('refuses things that are not IP addresses', () => {
    expect(judgeAddress('localhost').ok).toBe(false);
    expect(judgeAddress('127.1').ok).toBe(false);
    expect(judgeAddress('').ok).toBe(false);
  });
});

describe('ipLiteral', () => {
  it('recognizes the literals the WHATWG URL parser produces', () => {
    expect(ipLiteral(new URL('http://0x7f.1/').hostname)).toEqual({ address: '127.0.0.1', family: 4 });
    expect(ipLiteral(new URL('http://[::ffff:127.0.0.1]/').hostname)).toEqual({
      address: '::ffff:7f00:1',
      family: 6,
    });
    expect(ipLiteral('news.example')).toBeNull();
  });
});

describe('isLocalName', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'localhost.',
    'sub.localhost',
    'a.b.localhost..',
    'localhost.localdomain',
  ])('%s is local', (name) => {
    expect(isLocalName(name)).toBe(true);
  });

  it.each(['localhost.news.example', 'notlocalhost', 'news.example'])('%s is not', (name) => {
    expect(isLocalName(name)).toBe(false);
  });
});
