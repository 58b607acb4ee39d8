/**
 * TRUST_PROXY: which reverse proxies may tell us the client's address. Unset,
 * the address is the TCP peer's and X-Forwarded-For is ignored (a visitor
 * cannot choose the address its sign-in attempts are counted under). Behind a
 * proxy, every visitor would otherwise share the proxy's address — one
 * visitor's failed sign-ins would slow everyone — so name the proxy: its
 * addresses or networks (`10.0.0.5`, `10.0.0.0/8`, proxy-addr's `loopback`,
 * `uniquelocal`), or the number of proxies in front (`1`). Fastify then takes
 * request.ip from X-Forwarded-For, trusting only those hops.
 */
import { isIP } from 'node:net';

export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrNetwork(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((entry) => entry.trim().toLowerCase());
  const bad = entries.find((entry) => !isAddressOrNetwork(entry));
  if (bad !== undefined)
    throw new Error(
      `TRUST_PROXY must be the number of proxies in front, or their addresses/networks (e.g. 10.0.0.0/8, loopback), got "${bad}"`,
    );
  return entries;
}

/** Fastify's form: a hop count as proxy-addr's "trust the nearest N hops" function. */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return (_address, hop) => hop < trust;
}
