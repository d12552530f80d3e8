import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, signIn, type Signed } from "../testing/rest-client";

let emu: RunningEmulator;
let alice: Signed;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url);
});
afterAll(() => emu.close());

const ODD = [
  "",
  "%",
  "%E0%A4%A",
  "[",
  "]",
  ",",
  ":",
  "::",
  "a:b:c:d",
  "name:in:[",
  "%00",
  "x".repeat(5000),
  "name:eq:%FF",
];

describe("bad input never gives a 500", () => {
  it("survives odd query parameters on every list", async () => {
    const statuses = new Set<number>();
    for (const list of ["workbooks", "views", "projects", "users"]) {
      for (const param of ["filter", "sort", "fields", "pageSize", "pageNumber"]) {
        for (const value of ODD) {
          const res = await fetch(`${emu.url}${API}/sites/${alice.siteId}/${list}?${param}=${value}`, {
            headers: { "x-tableau-auth": alice.token, accept: "application/json" },
          });
          await res.arrayBuffer();
          statuses.add(res.status);
          expect(res.status, `${list}?${param}=${value}`).toBeLessThan(500);
        }
      }
    }
    expect(statuses.has(400)).toBe(true);
  });

  it("survives odd paths, methods and headers", async () => {
    const cases: [string, RequestInit][] = [
      [`${API}/sites/%ZZ/workbooks`, {}],
      [`${API}/sites/${alice.siteId}/workbooks/%E0%A4%A/views`, {}],
      [`${API}/sites/${alice.siteId}/views/../../serverinfo`, {}],
      [
        `${API}/auth/signin`,
        { method: "POST", body: "null", headers: { "content-type": "application/json" } },
      ],
      [
        `${API}/auth/signin`,
        { method: "POST", body: "[1,2]", headers: { "content-type": "application/json" } },
      ],
      [
        `${API}/auth/signin`,
        { method: "POST", body: "<tsRequest", headers: { "content-type": "application/xml" } },
      ],
      [`${API}/auth/signout`, { method: "POST", headers: { "x-tableau-auth": "a|b|c" } }],
      [`${API}/sites/${alice.siteId}/workbooks`, { method: "DELETE" }],
      [`/__emulator/faults`, { method: "POST", body: "[]" }],
      [`/__emulator/clock`, { method: "POST", body: '{"offsetSeconds":1e400}' }],
    ];
    for (const [path, init] of cases) {
      const res = await fetch(`${emu.url}${path}`, {
        ...init,
        headers: { accept: "application/json", ...init.headers },
      });
      await res.arrayBuffer();
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
