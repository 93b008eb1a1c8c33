import { describe, expect, it, vi } from 'vitest';
import { checkUrl, parseAllowedHosts, UrlRefused, type UrlPolicy } from '../../src/http/url-guard.js';

// No test touches the network: every policy gets a resolver, and IP literals never reach it.
type Answer = { address: string; family: 4 | 6 };
function dns(table: Record<string, Answer[]>): NonNullable<UrlPolicy['resolve']> {
  return vi.fn(async (host: string) => {
    const answer = table[host];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answer;
  });
}
const noDns: NonNullable<UrlPolicy['resolve']> = async (host) => {
  throw new Error(`the resolver must not be called (asked for ${host})`);
};
const v4 = (address: string): Answer => ({ address, family: 4 });
const v6 = (address: string): Answer => ({ address, family: 6 });

async function refusal(url: string, policy: UrlPolicy = { resolve: noDns }): Promise<UrlRefused> {
  const error = await checkUrl(url, policy).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `${url} should be refused`).toBeInstanceOf(UrlRefused);
  return error as UrlRefused;
}

describe('checkUrl refuses IP literals in blocked ranges', () => {
  it.each([
    ['0.0.0.0', 'an unspecified address'],
    ['0.1.2.3', 'an unspecified address'],
    ['10.0.0.1', 'a private address'],
    ['10.255.255.255', 'a private address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['100.127.255.254', 'a shared (carrier-grade NAT) address'],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['169.254.169.254', 'a link-local or metadata address'],
    ['169.254.1.1', 'a link-local or metadata address'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.0.0.8', 'a reserved (IETF protocol assignment) address'],
    ['192.0.2.10', 'a reserved (documentation) address'],
    ['192.168.1.1', 'a private address'],
    ['198.18.0.1', 'a reserved (benchmarking) address'],
    ['198.19.255.255', 'a reserved (benchmarking) address'],
    ['198.51.100.7', 'a reserved (documentation) address'],
    ['203.0.113.99', 'a reserved (documentation) address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['240.0.0.1', 'a reserved address'],
    ['255.255.255.254', 'a reserved address'],
    ['255.255.255.255', 'a broadcast address'],
  ])('refuses http://%s/ as %s', async (address, words) => {
    const error = await refusal(`http://${address}/image.qcow2`);
    expect(error.reason).toBe(`${address} is ${words}`);
    expect(error.url).toBe(`http://${address}/image.qcow2`);
    expect(error.message).toBe(`http://${address}/image.qcow2 is refused: ${address} is ${words}`);
  });

  it.each([
    ['::', 'an unspecified address'],
    ['::1', 'a loopback address'],
    ['64:ff9b::a00:1', 'a NAT64 (IPv4-translated) address'],
    ['64:ff9b:1::a00:1', 'a NAT64 (IPv4-translated) address'],
    ['2002:a00:1::1', 'a 6to4 (IPv4-embedding) address'],
    ['fc00::1', 'a private (unique local) address'],
    ['fdff:ffff::1', 'a private (unique local) address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['fe80::1', 'a link-local address'],
    ['febf::1', 'a link-local address'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a reserved (documentation) address'],
    ['::7f00:1', 'a reserved (IPv4-compatible) address'],
  ])('refuses http://[%s]/ as %s', async (address, words) => {
    const error = await refusal(`http://[${address}]/`);
    expect(error.reason).toBe(`${address} is ${words}`);
  });

  it('accepts public IP literals, IPv4 and IPv6, without asking DNS', async () => {
    for (const [url, address, family] of [
      ['https://8.8.8.8/a.img', '8.8.8.8', 4],
      ['http://100.128.0.1/', '100.128.0.1', 4],
      ['http://172.32.0.1/', '172.32.0.1', 4],
      ['http://198.20.0.1/', '198.20.0.1', 4],
      ['http://223.255.255.255/', '223.255.255.255', 4],
      ['https://[2606:4700::1111]/a.img', '2606:4700::1111', 6],
      ['https://[fec0::1]/', 'fec0::1', 6],
    ] as const) {
      const checked = await checkUrl(url, { resolve: noDns });
      expect(checked.url.href).toBe(url);
      expect(checked.addresses).toEqual([{ address, family }]);
    }
  });
});

describe('checkUrl sees through other spellings of an address', () => {
  it.each([
    ['http://2130706433/', 'decimal'],
    ['http://0x7f000001/', 'hexadecimal'],
    ['http://0x7f.1/', 'hexadecimal, shortened'],
    ['http://017700000001/', 'octal'],
    ['http://0177.0.0.1/', 'octal, dotted'],
    ['http://127.1/', 'shortened'],
    ['http://127.0.0.1./', 'with a trailing dot'],
  ])('refuses %s (%s) as loopback 127.0.0.1', async (url) => {
    const error = await refusal(url);
    expect(error.reason).toBe('127.0.0.1 is a loopback address');
    expect(error.url).toBe('http://127.0.0.1/');
  });

  it('refuses http://0/ as the unspecified address', async () => {
    expect((await refusal('http://0/')).reason).toBe('0.0.0.0 is an unspecified address');
  });

  it('refuses the decimal form of the metadata address', async () => {
    expect((await refusal('http://2852039166/latest/meta-data/')).reason).toBe(
      '169.254.169.254 is a link-local or metadata address',
    );
  });

  it.each([
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 maps to 127.0.0.1, a loopback address'],
    ['http://[::ffff:7f00:1]/', '::ffff:7f00:1 maps to 127.0.0.1, a loopback address'],
    ['http://[::ffff:169.254.169.254]/', '::ffff:a9fe:a9fe maps to 169.254.169.254, a link-local or metadata address'],
    ['http://[0:0:0:0:0:ffff:10.1.2.3]/', '::ffff:a01:203 maps to 10.1.2.3, a private address'],
  ])('refuses the IPv4-mapped IPv6 address %s by its embedded IPv4 address', async (url, reason) => {
    expect((await refusal(url)).reason).toBe(reason);
  });

  it('accepts an IPv4-mapped IPv6 address whose embedded IPv4 address is public', async () => {
    const checked = await checkUrl('http://[::ffff:8.8.8.8]/', { resolve: noDns });
    expect(checked.addresses).toEqual([{ address: '::ffff:808:808', family: 6 }]);
  });
});

describe('checkUrl resolves host names and checks every address', () => {
  it('accepts a name resolving to a public address and returns the addresses to connect to', async () => {
    const resolve = dns({ 'images.example.com': [v4('93.184.216.34'), v6('2606:2800:220:1:248:1893:25c8:1946')] });
    const checked = await checkUrl('https://images.example.com/jammy.img', { resolve });
    expect(resolve).toHaveBeenCalledWith('images.example.com');
    expect(checked.url).toBeInstanceOf(URL);
    expect(checked.url.hostname).toBe('images.example.com');
    expect(checked.addresses).toEqual([v4('93.184.216.34'), v6('2606:2800:220:1:248:1893:25c8:1946')]);
  });

  it('refuses a name when any one of its addresses is private, not just the first', async () => {
    const resolve = dns({ 'mixed.example.com': [v4('93.184.216.34'), v6('2606:4700::1'), v4('10.0.0.5')] });
    const error = await refusal('https://mixed.example.com/x.img', { resolve });
    expect(error.reason).toBe('10.0.0.5 is a private address');
    expect(error.message).toBe('https://mixed.example.com/x.img is refused: 10.0.0.5 is a private address');
  });

  it('refuses a name resolving to an IPv4-mapped loopback address', async () => {
    const resolve = dns({ 'sneaky.example.com': [v6('::ffff:127.0.0.1')] });
    expect((await refusal('http://sneaky.example.com/', { resolve })).reason).toBe(
      '::ffff:127.0.0.1 maps to 127.0.0.1, a loopback address',
    );
  });

  it('refuses a name resolving to a scoped link-local IPv6 address', async () => {
    const resolve = dns({ 'scoped.example.com': [v6('fe80::1%eth0')] });
    expect((await refusal('http://scoped.example.com/', { resolve })).reason).toBe('fe80::1%eth0 is a link-local address');
  });

  it('judges the family by the address text, not by what the resolver claims', async () => {
    const resolve = dns({ 'liar.example.com': [{ address: '127.0.0.1', family: 6 }] });
    expect((await refusal('http://liar.example.com/', { resolve })).reason).toBe('127.0.0.1 is a loopback address');
  });

  it('refuses a resolver answer that is not an IP address', async () => {
    const resolve = dns({ 'odd.example.com': [v4('localhost')] });
    expect((await refusal('http://odd.example.com/', { resolve })).reason).toMatch(/not an IP address/);
  });

  it('refuses with "cannot be resolved" when DNS fails, keeping the DNS error as the cause', async () => {
    const error = await refusal('https://nowhere.invalid/x.img', { resolve: dns({}) });
    expect(error.reason).toBe('cannot be resolved');
    expect(error.message).toBe('https://nowhere.invalid/x.img is refused: cannot be resolved');
    expect((error.cause as { code?: string }).code).toBe('ENOTFOUND');
  });

  it('refuses with "cannot be resolved" when DNS returns no addresses', async () => {
    const error = await refusal('https://empty.example.com/', { resolve: dns({ 'empty.example.com': [] }) });
    expect(error.reason).toBe('cannot be resolved');
  });

  it('lists each address once even if the resolver repeats it', async () => {
    const resolve = dns({ 'twice.example.com': [v4('93.184.216.34'), v4('93.184.216.34')] });
    expect((await checkUrl('http://twice.example.com/', { resolve })).addresses).toEqual([v4('93.184.216.34')]);
  });
});

describe('checkUrl refuses cloud metadata host names whatever they resolve to', () => {
  it.each([
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://METADATA.google.internal./computeMetadata/v1/',
    'http://metadata/',
    'http://metadata./',
    'http://instance-data/latest/',
  ])('refuses %s', async (url) => {
    const resolve = dns({});
    const error = await refusal(url, { resolve });
    expect(error.reason).toMatch(/is a cloud metadata host name$/);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('still refuses a metadata name that resolves to a public address', async () => {
    const resolve = dns({ 'metadata.google.internal': [v4('8.8.8.8')] });
    expect((await refusal('http://metadata.google.internal/', { resolve })).reason).toBe(
      'metadata.google.internal is a cloud metadata host name',
    );
  });

  it('accepts a metadata name only if the operator allows that very name', async () => {
    const resolve = dns({ metadata: [v4('169.254.169.254')] });
    await expect(checkUrl('http://metadata/', { resolve, allowed: ['metadata'] })).resolves.toMatchObject({
      addresses: [v4('169.254.169.254')],
    });
    await refusal('http://metadata/', { resolve, allowed: ['169.254.0.0/16'] });
  });
});

describe('checkUrl honours operator allowances', () => {
  it('accepts a blocked address covered by an allowed CIDR', async () => {
    const resolve = dns({ 'mirror.lan': [v4('10.1.2.3')] });
    const checked = await checkUrl('http://mirror.lan/img.qcow2', { resolve, allowed: ['10.0.0.0/8'] });
    expect(checked.addresses).toEqual([v4('10.1.2.3')]);
    await expect(checkUrl('http://10.200.0.1/', { resolve: noDns, allowed: ['10.0.0.0/8'] })).resolves.toBeTruthy();
  });

  it('accepts loopback only as far as the allowed CIDR reaches', async () => {
    const policy = { resolve: noDns, allowed: ['127.0.0.1/32', '::1/128'] };
    await expect(checkUrl('http://127.0.0.1:8080/', policy)).resolves.toBeTruthy();
    await expect(checkUrl('http://[::1]:8080/', policy)).resolves.toBeTruthy();
    await expect(checkUrl('http://[::ffff:127.0.0.1]/', policy)).resolves.toBeTruthy();
    expect((await refusal('http://127.0.0.2/', policy)).reason).toBe('127.0.0.2 is a loopback address');
  });

  it('accepts a single allowed IP address', async () => {
    await expect(checkUrl('http://192.168.1.10/', { resolve: noDns, allowed: ['192.168.1.10'] })).resolves.toBeTruthy();
    await refusal('http://192.168.1.11/', { resolve: noDns, allowed: ['192.168.1.10'] });
  });

  it('refuses when only some of the blocked addresses are allowed', async () => {
    const resolve = dns({ 'two.lan': [v4('10.0.0.1'), v4('192.168.0.1')] });
    expect((await refusal('http://two.lan/', { resolve, allowed: ['10.0.0.0/8'] })).reason).toBe(
      '192.168.0.1 is a private address',
    );
  });

  it('accepts every address of an allowed host name, case- and trailing-dot-insensitively', async () => {
    const resolve = dns({
      'mirror.internal.': [v4('10.0.0.7'), v6('fd12::7')],
      'mirror.internal': [v4('10.0.0.7'), v6('fd12::7')],
    });
    const allowed = parseAllowedHosts('mirror.internal');
    for (const url of ['http://mirror.internal/a.img', 'http://Mirror.Internal./a.img']) {
      const checked = await checkUrl(url, { resolve, allowed });
      expect(checked.addresses).toEqual([v4('10.0.0.7'), v6('fd12::7')]);
    }
  });

  it('does not extend a host name allowance to other names with the same addresses', async () => {
    const resolve = dns({ 'other.internal': [v4('10.0.0.7')] });
    await refusal('http://other.internal/', { resolve, allowed: ['mirror.internal'] });
    await refusal('http://sub.mirror.internal/', { resolve: dns({ 'sub.mirror.internal': [v4('10.0.0.7')] }), allowed: ['mirror.internal'] });
  });

  it('still refuses an allowed host name that cannot be resolved', async () => {
    expect((await refusal('http://mirror.internal/', { resolve: dns({}), allowed: ['mirror.internal'] })).reason).toBe(
      'cannot be resolved',
    );
  });

  it('throws a plain Error, not a refusal, when the policy itself has a bad allowance', async () => {
    await expect(checkUrl('http://8.8.8.8/', { resolve: noDns, allowed: ['10.0.0.0/33'] })).rejects.toThrow(
      /IMPORT_ALLOWED_HOSTS: "10.0.0.0\/33"/,
    );
  });
});

describe('checkUrl refuses bad URLs before resolving anything', () => {
  it.each([
    ['ftp://files.example.com/a.img', 'ftp:'],
    ['file:///etc/passwd', 'file:'],
    ['gopher://example.com:70/1', 'gopher:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/plain,hello', 'data:'],
    ['ws://example.com/', 'ws:'],
  ])('refuses %s by its scheme', async (url, scheme) => {
    const error = await refusal(url);
    expect(error.reason).toBe(`the scheme ${scheme} is not allowed (allowed: http:, https:)`);
  });

  it('allows only the schemes the policy names', async () => {
    const resolve = dns({ 'example.com': [v4('93.184.216.34')] });
    expect((await refusal('http://example.com/', { resolve, schemes: ['https:'] })).reason).toBe(
      'the scheme http: is not allowed (allowed: https:)',
    );
    await expect(checkUrl('HTTPS://example.com/', { resolve, schemes: ['HTTPS'] })).resolves.toBeTruthy();
    await expect(checkUrl('ftp://example.com/', { resolve, schemes: ['ftp:'] })).resolves.toBeTruthy();
  });

  it.each(['https://user:secret@images.example.com/a.img', 'https://user@images.example.com/a.img', 'https://:secret@images.example.com/'])(
    'refuses credentials in %s without repeating them',
    async (url) => {
      const error = await refusal(url);
      expect(error.reason).toBe('URLs with a user name or password are not allowed');
      expect(error.message).not.toMatch(/secret|user@/);
      expect(error.url).toMatch(/^https:\/\/images\.example\.com\//);
    },
  );

  it.each(['not a url', '', 'http://', 'https://exa mple.com/', 'http://[::1/', 'http://256.256.256.256/', '//example.com/a.img'])(
    'refuses the unparsable input %j',
    async (url) => {
      expect((await refusal(url)).reason).toBe('it is not a valid URL');
    },
  );

  it('does not repeat credentials from an unparsable URL', async () => {
    const error = await refusal('http://user:secret@[::1/');
    expect(error.message).not.toMatch(/secret/);
  });

  it('refuses an allowed scheme with an empty host', async () => {
    expect((await refusal('custom:///x', { resolve: noDns, schemes: ['custom:'] })).reason).toBe('it has no host');
  });
});

describe('parseAllowedHosts', () => {
  it('reads nothing from an unset or blank variable', () => {
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(parseAllowedHosts('')).toEqual([]);
    expect(parseAllowedHosts(' , ,')).toEqual([]);
  });

  it('accepts host names, IPv4 and IPv6 addresses and CIDRs, trimmed and normalized', () => {
    expect(
      parseAllowedHosts(' Mirror.Internal. , 10.0.0.0/8,127.0.0.1/32, ::1/128 ,[fd00::1], 192.168.1.10,under_score.lan, bücher.example'),
    ).toEqual([
      'mirror.internal',
      '10.0.0.0/8',
      '127.0.0.1/32',
      '::1/128',
      'fd00::1',
      '192.168.1.10',
      'under_score.lan',
      'xn--bcher-kva.example',
    ]);
  });

  it.each([
    ['10.0.0.0/33', /prefix length "33" must be a whole number from 0 to 32/],
    ['::1/129', /from 0 to 128/],
    ['10.0.0.0/', /prefix length/],
    ['10.0.0.0/x', /prefix length/],
    ['mirror/8', /"mirror" before the "\/" is not an IP address/],
    ['http://mirror.internal', /no scheme, port, path or wildcard/],
    ['mirror.internal:8080', /no scheme, port, path or wildcard/],
    ['*.example.com', /no scheme, port, path or wildcard/],
    ['bad host', /no scheme, port, path or wildcard/],
    ['-bad.example', /not a valid host name/],
    ['a..b', /not a valid host name/],
    ['2130706433', /non-standard form/],
    ['0x7f.1', /non-standard form/],
  ])('rejects %j, naming the entry', (entry, detail) => {
    expect(() => parseAllowedHosts(`good.example, ${entry}`)).toThrow(
      new RegExp(`IMPORT_ALLOWED_HOSTS: "${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not a host name, IP address or CIDR`),
    );
    expect(() => parseAllowedHosts(entry)).toThrow(detail);
  });

  it('produces a list checkUrl accepts', async () => {
    const allowed = parseAllowedHosts('10.0.0.0/8,mirror.internal');
    const resolve = dns({ 'mirror.internal': [v4('192.168.5.5')] });
    await expect(checkUrl('http://10.9.9.9/', { resolve, allowed })).resolves.toBeTruthy();
    await expect(checkUrl('http://mirror.internal/', { resolve, allowed })).resolves.toBeTruthy();
  });
});
