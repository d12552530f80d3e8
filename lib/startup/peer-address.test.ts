import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "../http/client-address";
import { stampPeerAddresses } from "./peer-address";

function get(port: number, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("stampPeerAddresses", () => {
  it("overwrites a caller's own peer header with the socket's address, on servers made before and after", async () => {
    const before = createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    stampPeerAddresses();
    stampPeerAddresses(); // a second call changes nothing
    const after = createServer((req, res) => res.end(String(req.headers[PEER_ADDRESS_HEADER])));
    for (const server of [before, after]) {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      expect(await get(port, { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" })).toBe(
        "127.0.0.1",
      );
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
