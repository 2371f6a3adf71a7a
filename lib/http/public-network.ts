import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent } from "undici";

// What ipaddr.js calls "unicast" but is still no place a look-up may go on a user's say-so:
// IPv4-compatible IPv6 (::7f00:1) and NAT64's local-use prefix.
const NOT_PUBLIC = new BlockList();
NOT_PUBLIC.addSubnet("::", 96, "ipv6");
NOT_PUBLIC.addSubnet("64:ff9b:1::", 48, "ipv6");

/**
 * Whether an address is on the public internet: ipaddr.js's classification says "unicast" (not
 * loopback, private, link-local, shared, reserved, TEST-NET, documentation, multicast, 6to4, Teredo
 * or NAT64, among others), for IPv4-mapped IPv6 that of the IPv4 address it maps.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.range() !== "unicast") return false;
  return !(parsed.kind() === "ipv6" && NOT_PUBLIC.check(parsed.toString(), "ipv6"));
}

/** The error a connection refused by {@link publicOnlyLookup} fails with. */
export class PrivateAddressError extends Error {
  readonly code = "EPRIVATEADDRESS";
  constructor(host: string) {
    super(`${host} resolves to an address off the public internet`);
  }
}

/**
 * A DNS look-up for sockets that refuses names resolving to any address off the public internet.
 * It runs when the connection is made, so a name that resolved to a public address when checked
 * cannot answer with a private one when connected to (DNS rebinding).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    if (!addresses.length || addresses.some((a) => !isPublicAddress(a.address))) return callback(new PrivateAddressError(hostname), "", 0);
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

let agent: Agent | null = null;

/** An HTTP agent (for undici's fetch) that connects only to public addresses, by name or by number. */
export function publicAgent(): Agent {
  // A literal address is never looked up: callers check it themselves (it cannot change).
  agent ??= new Agent({ connect: { lookup: publicOnlyLookup }, connections: 16 });
  return agent;
}

/** Whether a host (a name or an address, IPv6 in brackets or not) is given as a literal address. */
export function literalAddress(host: string): string | null {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  return isIP(bare) ? bare : null;
}
