import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }) as unknown as IncomingMessage;

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever the client says", () => {
    const trust = trustedProxies({});
    expect(clientAddress(request("203.0.113.9"), trust)).toBe("203.0.113.9");
    expect(clientAddress(request("203.0.113.9", "198.51.100.1"), trust)).toBe("203.0.113.9");
    expect(clientAddress(request("127.0.0.1", "198.51.100.1"), trust)).toBe("127.0.0.1");
  });

  it("is the nearest untrusted hop behind trusted proxies", () => {
    const trust = trustedProxies({ TRUSTED_PROXIES: "loopback, 10.0.0.0/8" });
    expect(clientAddress(request("127.0.0.1", "198.51.100.1"), trust)).toBe("198.51.100.1");
    // A client that sends its own header only adds an address to the far end of the list.
    expect(clientAddress(request("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3"), trust)).toBe("198.51.100.1");
    expect(clientAddress(request("203.0.113.9", "1.2.3.4"), trust)).toBe("203.0.113.9");
  });
});
