import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * The header the front server (`scripts/server.ts`) sets to the address of the client it decided
 * the request came from. Whatever a client sends under this name is replaced first.
 */
export const CLIENT_ADDRESS_HEADER = "x-palimpsest-client-address";

/**
 * Which proxies may say whom they forward for (`X-Forwarded-For`): `TRUSTED_PROXIES`, a comma-separated
 * list of addresses, ranges (`10.0.0.0/8`) and proxy-addr's names (`loopback`, `linklocal`,
 * `uniquelocal`). None by default: the address is then the socket's, and forwarded headers are ignored.
 */
export function trustedProxies(env: Record<string, string | undefined> = process.env): (address: string, hop: number) => boolean {
  const list = (env.TRUSTED_PROXIES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return proxyaddr.compile(list);
}

/**
 * The address a request came from: the socket's peer, or, when that peer is a trusted proxy, the
 * nearest address in `X-Forwarded-For` that is not one (so a client cannot choose its own address by
 * sending the header itself).
 */
export function clientAddress(req: Pick<IncomingMessage, "headers" | "socket">, trust: (address: string, hop: number) => boolean): string | null {
  if (!req.socket.remoteAddress) return null;
  return proxyaddr(req as IncomingMessage, trust);
}
