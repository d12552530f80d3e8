import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "./client-address";

const headers = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("ignores X-Forwarded-For when no proxy is trusted: the TCP peer's address counts", () => {
    const h = headers({ [PEER_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(h, 0)).toBe("203.0.113.7");
  });

  it("takes the Nth entry from the right with N trusted proxies", () => {
    const h = headers({
      [PEER_ADDRESS_HEADER]: "10.0.0.2",
      "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.1",
    });
    expect(clientAddress(h, 1)).toBe("10.0.0.1");
    expect(clientAddress(h, 2)).toBe("203.0.113.7");
  });

  it("a client's own made-up entries, left of what the proxy appended, change nothing", () => {
    const forged = (fake: string) =>
      clientAddress(
        headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": `${fake}, 203.0.113.7` }),
        1,
      );
    expect(new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map(forged))).toEqual(new Set(["203.0.113.7"]));
  });

  it("falls back to the peer when fewer entries than proxies arrived, and to one bucket when no peer", () => {
    expect(
      clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "1.2.3.4" }), 2),
    ).toBe("10.0.0.2");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe(UNKNOWN_ADDRESS);
  });
});
