// Checks a client-supplied URL before the server fetches anything from it (Lunanode image/fetch,
// Glance web-download, Danube manifest URLs). Modelled on Glance's import filtering: only allowed
// schemes, and every address the host resolves to must be public unless the operator allows it
// (IMPORT_ALLOWED_HOSTS). Callers must connect to exactly the returned addresses (so DNS cannot
// change its answer between check and connect) and must run checkUrl again on every redirect.
import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { domainToASCII } from 'node:url';

export interface UrlPolicy {
  /** Allowed URL schemes; default ['http:', 'https:']. */
  schemes?: string[];
  /** Operator allowances (IMPORT_ALLOWED_HOSTS): host names ("mirror.internal"), IPs, or CIDRs ("10.0.0.0/8", "127.0.0.1/32", "::1/128"). */
  allowed?: string[];
  /** Injected for tests; default uses dns.promises.lookup(host, { all: true, verbatim: true }). */
  resolve?: (host: string) => Promise<{ address: string; family: 4 | 6 }[]>;
}

export type ResolvedAddress = { address: string; family: 4 | 6 };

/** A URL the server will not fetch; `reason` is plain words, safe to show to the client. */
export class UrlRefused extends Error {
  override readonly name = 'UrlRefused';
  readonly reason: string;
  readonly url: string;
  /** The name could not be resolved for now (the resolver timed out or failed): trying later may work. */
  readonly temporary: boolean;

  constructor(url: string, reason: string, options?: { cause?: unknown; temporary?: boolean }) {
    super(`${url} is refused: ${reason}`, options);
    this.reason = reason;
    this.url = url;
    this.temporary = options?.temporary ?? false;
  }
}

/** Resolver answers that say "not now" rather than "no such name". */
const TEMPORARY_DNS_FAILURES = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED', 'ECANCELLED']);

// ---------------------------------------------------------------------------------------------
// Blocked addresses. The first matching category names the reason, so narrower ones come first.

type Category = { words: string; list: BlockList };

function category(words: string, v4: string[], v6: string[]): Category {
  const list = new BlockList();
  for (const cidr of v4) addCidr(list, cidr, 'ipv4');
  for (const cidr of v6) addCidr(list, cidr, 'ipv6');
  return { words, list };
}

function addCidr(list: BlockList, cidr: string, type: 'ipv4' | 'ipv6'): void {
  const [network, prefix] = cidr.split('/') as [string, string];
  list.addSubnet(network, Number(prefix), type);
}

const CATEGORIES: Category[] = [
  // Well-known metadata endpoints outside 169.254.0.0/16 (Alibaba Cloud; AWS over IPv6).
  category('a cloud metadata address', ['100.100.100.200/32'], ['fd00:ec2::254/128']),
  category('a link-local or metadata address', ['169.254.0.0/16'], []),
  category('a link-local address', [], ['fe80::/10']),
  category('a loopback address', ['127.0.0.0/8'], ['::1/128']),
  category('an unspecified address', ['0.0.0.0/8'], ['::/128']),
  category('a private address', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'], []),
  category('a private (unique local) address', [], ['fc00::/7']),
  category('a shared (carrier-grade NAT) address', ['100.64.0.0/10'], []),
  category('a reserved (IETF protocol assignment) address', ['192.0.0.0/24'], []),
  category('a reserved (documentation) address', ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'], ['2001:db8::/32']),
  category('a reserved (benchmarking) address', ['198.18.0.0/15'], []),
  category('a multicast address', ['224.0.0.0/4'], ['ff00::/8']),
  category('a broadcast address', ['255.255.255.255/32'], []),
  category('a reserved address', ['240.0.0.0/4'], []),
  category('a NAT64 (IPv4-translated) address', [], ['64:ff9b::/96', '64:ff9b:1::/48']),
  // 6to4 carries an IPv4 address inside; a relay may reach it wherever it points.
  category('a 6to4 (IPv4-embedding) address', [], ['2002::/16']),
  // Deprecated IPv4-compatible IPv6 (::a.b.c.d); nothing legitimate lives there.
  category('a reserved (IPv4-compatible) address', [], ['::/96']),
];

/** Expands a valid IPv6 address (no zone) into its eight 16-bit words. */
function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((word) => parseInt(word, 16)) : []);
  const headWords = parse(head);
  if (rest === undefined) return headWords;
  const restWords = parse(rest);
  return [...headWords, ...new Array<number>(8 - headWords.length - restWords.length).fill(0), ...restWords];
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:a.b.c.d), if it is one. */
function mappedIPv4(address: string): string | undefined {
  const words = ipv6Words(address);
  if (words.length !== 8 || words.slice(0, 5).some((word) => word !== 0) || words[5] !== 0xffff) return undefined;
  const high = words[6]!;
  const low = words[7]!;
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** Why an address is blocked, in plain words ("169.254.169.254 is a link-local or metadata address"), or undefined if it is public. */
function blockedBecause(address: string, family: 4 | 6): string | undefined {
  if (family === 6) {
    const v4 = mappedIPv4(withoutZone(address));
    if (v4 !== undefined) {
      const inner = categoryOf(v4, 4);
      return inner === undefined ? undefined : `${address} maps to ${v4}, ${inner}`;
    }
  }
  const words = categoryOf(withoutZone(address), family);
  return words === undefined ? undefined : `${address} is ${words}`;
}

function withoutZone(address: string): string {
  return address.replace(/%.*$/, '');
}

function categoryOf(address: string, family: 4 | 6): string | undefined {
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return CATEGORIES.find((c) => c.list.check(address, type))?.words;
}

/** Host names refused whatever they resolve to (unless allowed by name). */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata', 'instance-data']);

// ---------------------------------------------------------------------------------------------
// Operator allowances.

type Allowance = { names: Set<string>; addresses: BlockList };

/** Validates one IMPORT_ALLOWED_HOSTS entry; returns its normalized form or a description of what is wrong. */
function normalizeAllowance(raw: string): { value: string } | { error: string } {
  const entry = raw.trim();
  const unsupported = 'write a bare host name, IP address or CIDR (no scheme, port, path or wildcard)';
  if (/[\s@?#\\*]|:\/\//.test(entry)) return { error: unsupported };
  if (entry.includes('/')) {
    const slash = entry.indexOf('/');
    const network = unbracket(entry.slice(0, slash));
    const prefix = entry.slice(slash + 1);
    const family = isIP(network);
    if (family === 0) return { error: `"${network}" before the "/" is not an IP address` };
    const max = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
      return { error: `the prefix length "${prefix}" must be a whole number from 0 to ${max}` };
    }
    return { value: `${network.toLowerCase()}/${Number(prefix)}` };
  }
  const bare = unbracket(entry);
  if (isIP(bare) !== 0) return { value: bare.toLowerCase() };
  if (entry.includes(':')) return { error: unsupported };
  const ascii = domainToASCII(entry.replace(/\.$/, ''));
  if (ascii === '' || ascii.length > 253 || !ascii.split('.').every((label) => /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/.test(label))) {
    return { error: 'not a valid host name' };
  }
  // URLs normalize "2130706433" or "0x7f.1" to 127.0.0.1, so such a name would never match.
  if (isIP(new URL(`http://${ascii}/`).hostname) !== 0) {
    return { error: 'looks like an IPv4 address in a non-standard form; write it as dotted decimal (or a CIDR)' };
  }
  return { value: ascii };
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Parses IMPORT_ALLOWED_HOSTS (comma-separated) into the `allowed` list, throwing a clear Error naming a bad entry. */
export function parseAllowedHosts(value: string | undefined): string[] {
  if (value === undefined) return [];
  const allowed: string[] = [];
  for (const entry of value.split(',')) {
    if (entry.trim() === '') continue;
    const result = normalizeAllowance(entry);
    if ('error' in result) {
      throw new Error(`IMPORT_ALLOWED_HOSTS: "${entry.trim()}" is not a host name, IP address or CIDR: ${result.error}`);
    }
    allowed.push(result.value);
  }
  return allowed;
}

function compileAllowance(allowed: string[] | undefined): Allowance {
  const allowance: Allowance = { names: new Set(), addresses: new BlockList() };
  for (const value of parseAllowedHosts((allowed ?? []).join(','))) {
    if (value.includes('/')) addCidr(allowance.addresses, value, isIP(value.split('/')[0]!) === 4 ? 'ipv4' : 'ipv6');
    else if (isIP(value) === 4) allowance.addresses.addAddress(value, 'ipv4');
    else if (isIP(value) === 6) allowance.addresses.addAddress(value, 'ipv6');
    else allowance.names.add(value);
  }
  return allowance;
}

function addressAllowed(allowance: Allowance, zoned: string, family: 4 | 6): boolean {
  const address = withoutZone(zoned);
  if (allowance.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
  const v4 = family === 6 ? mappedIPv4(address) : undefined;
  return v4 !== undefined && allowance.addresses.check(v4, 'ipv4');
}

// ---------------------------------------------------------------------------------------------

const DEFAULT_SCHEMES = ['http:', 'https:'];

async function defaultResolve(host: string): Promise<ResolvedAddress[]> {
  const results = await lookup(host, { all: true, verbatim: true });
  return results.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

/** What to print for a URL: no credentials, no query (it may hold a signature), not unboundedly long. */
export function displayUrl(url: URL): string {
  return truncated(`${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`);
}

const truncated = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** Parses and checks a URL before anything is fetched; returns the URL and the addresses it may connect to (so the caller connects to exactly those, defeating DNS rebinding between check and connect). */
export async function checkUrl(
  url: string,
  policy: UrlPolicy = {},
): Promise<{ url: URL; addresses: ResolvedAddress[] }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UrlRefused(truncated(String(url).replace(/\/\/[^/@]*@/, '//').replace(/\?.*/s, '?…')), 'it is not a valid URL');
  }

  const credentials = parsed.username !== '' || parsed.password !== '';
  const refuse = (reason: string, cause?: unknown) =>
    new UrlRefused(displayUrl(parsed), reason, cause === undefined ? undefined : {
      cause,
      temporary: TEMPORARY_DNS_FAILURES.has((cause as NodeJS.ErrnoException | null)?.code ?? ''),
    });

  const schemes = (policy.schemes ?? DEFAULT_SCHEMES).map((s) => (s.endsWith(':') ? s : `${s}:`).toLowerCase());
  if (!schemes.includes(parsed.protocol)) {
    throw refuse(`the scheme ${parsed.protocol} is not allowed (allowed: ${schemes.join(', ') || 'none'})`);
  }
  if (credentials) throw refuse('URLs with a user name or password are not allowed');

  const host = unbracket(parsed.hostname);
  if (host === '') throw refuse('it has no host');

  const allowance = compileAllowance(policy.allowed);
  const name = host.toLowerCase().replace(/\.+$/, '');
  const nameAllowed = allowance.names.has(name);
  if (METADATA_NAMES.has(name) && !nameAllowed) throw refuse(`${host} is a cloud metadata host name`);

  let addresses: ResolvedAddress[];
  const literal = isIP(host);
  if (literal !== 0) {
    addresses = [{ address: host, family: literal as 4 | 6 }];
  } else {
    let resolved: ResolvedAddress[];
    try {
      resolved = await (policy.resolve ?? defaultResolve)(host);
    } catch (error) {
      throw refuse('cannot be resolved', error);
    }
    if (resolved.length === 0) throw refuse('cannot be resolved');
    addresses = [];
    for (const { address } of resolved) {
      // Trust the text, not the reported family; a zone ("%eth0") never names a public address anyway.
      const family = isIP(address);
      if (family === 0) throw refuse(`${host} resolved to "${address}", which is not an IP address`);
      if (!addresses.some((a) => a.address === address)) addresses.push({ address, family: family as 4 | 6 });
    }
  }

  if (!nameAllowed) {
    for (const { address, family } of addresses) {
      const because = blockedBecause(address, family);
      if (because !== undefined && !addressAllowed(allowance, address, family)) throw refuse(because);
    }
  }
  return { url: parsed, addresses };
}
