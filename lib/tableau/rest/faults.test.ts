import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { TableauError, TableauUnavailableError } from "../errors";
import {
  API,
  control,
  countingFetch,
  restMinter,
  startTestEmulator,
  testClient,
} from "../../../test/emulator-fixture";
import type { SignInEvent } from "./sessions";

const ALICE = "alice@example.com";
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "DELETE", "faults");
  await control(emu, "POST", "reset");
});

const sitesPrefix = `/api/${API}/sites/`;

describe("retries, timeouts and outages", () => {
  it("retries a GET through 503s and succeeds once Tableau recovers", async () => {
    const counter = countingFetch();
    const client = testClient(emu, { fetch: counter.fetch, retries: 3, backoffMs: 150 });
    await client.signIn(ALICE);
    await control(emu, "POST", "faults", { prefix: sitesPrefix, status: 503 });
    const listing = client.listWorkbooks(ALICE);
    setTimeout(() => void control(emu, "DELETE", "faults"), 60);
    expect((await listing).totalAvailable).toBe(4);
    const gets = counter.calls.filter((c) => c.startsWith("GET"));
    expect(gets.length).toBeGreaterThanOrEqual(2);
    expect(gets.length).toBeLessThanOrEqual(4);
  });

  it("gives up after the bounded retries with a 5xx error", async () => {
    const counter = countingFetch();
    const client = testClient(emu, { fetch: counter.fetch, retries: 2, backoffMs: 10 });
    await client.signIn(ALICE);
    await control(emu, "POST", "faults", { prefix: sitesPrefix, status: 503 });
    const err = await client.listWorkbooks(ALICE).catch((e: unknown) => e);
    expect(err instanceof TableauUnavailableError || err instanceof TableauError).toBe(true);
    expect((err as { status?: number }).status).toBe(503);
    expect(counter.calls.filter((c) => c.startsWith("GET"))).toHaveLength(3);
  });

  it("never retries a 4xx, nor a sign-in refused with a 4xx", async () => {
    const counter = countingFetch();
    const client = testClient(emu, { fetch: counter.fetch, retries: 3, backoffMs: 10 });
    await client.getView(ALICE, "00000000-0000-4000-8000-000000000000").catch(() => undefined);
    expect(counter.calls.filter((c) => c.startsWith("GET"))).toHaveLength(1);
    await client.signOut(ALICE);
    counter.calls.length = 0;
    await control(emu, "POST", "faults", { prefix: `/api/${API}/auth/signin`, status: 401 });
    await expect(client.signIn(ALICE)).rejects.toMatchObject({ status: 401 });
    expect(counter.calls).toEqual([`POST /api/${API}/auth/signin`]);
  });

  it("tries a sign-in answered 503 once more with a fresh token, and reports each attempt", async () => {
    const tokens: string[] = [];
    const mint = restMinter();
    const events: SignInEvent[] = [];
    let faulted = true;
    const client = testClient(emu, {
      mintToken: async (username) => {
        tokens.push(await mint(username));
        return tokens.at(-1)!;
      },
      // Tableau recovers as soon as it has refused the first attempt.
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (faulted && String(input).endsWith("/auth/signin")) {
          faulted = false;
          await control(emu, "DELETE", "faults");
        }
        return response;
      },
      onSignIn: (event) => events.push(event),
    });
    await control(emu, "POST", "faults", { prefix: `/api/${API}/auth/signin`, status: 503 });
    const session = await client.signIn(ALICE);
    expect(session.username).toBe(ALICE);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(events.map(({ outcome, attempt, status }) => ({ outcome, attempt, status }))).toEqual([
      { outcome: "failure", attempt: 1, status: 503 },
      { outcome: "success", attempt: 2, status: undefined },
    ]);
    expect(JSON.stringify(events)).not.toContain(tokens[1]!.slice(0, 20));
  });

  it("gives up after the second 503, with both attempts reported as failures", async () => {
    const events: SignInEvent[] = [];
    const client = testClient(emu, { onSignIn: (event) => events.push(event) });
    await control(emu, "POST", "faults", { prefix: `/api/${API}/auth/signin`, status: 503 });
    await expect(client.signIn(ALICE)).rejects.toMatchObject({ status: 503 });
    expect(events.map((e) => [e.outcome, e.attempt])).toEqual([
      ["failure", 1],
      ["failure", 2],
    ]);
  });

  it("retries a sign-in once when the connection fails before any answer", async () => {
    const counter = countingFetch();
    const client = testClient(emu, { fetch: counter.fetch, retries: 3, backoffMs: 10 });
    await control(emu, "POST", "faults", { prefix: `/api/${API}/auth/signin`, down: true });
    const err = await client.signIn(ALICE).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "tableau_unreachable" });
    expect(counter.calls).toEqual([`POST /api/${API}/auth/signin`, `POST /api/${API}/auth/signin`]);
  });

  it("times out a slow answer with a typed error, without waiting for it", async () => {
    const client = testClient(emu, { timeoutMs: 300, retries: 2 });
    await client.signIn(ALICE);
    await control(emu, "POST", "faults", { prefix: sitesPrefix, latencyMs: 3_000 });
    const started = Date.now();
    const err = await client.listWorkbooks(ALICE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableauUnavailableError);
    expect((err as TableauUnavailableError).code).toBe("tableau_timeout");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("reports Tableau down as unreachable after retrying", async () => {
    const counter = countingFetch();
    const client = testClient(emu, { fetch: counter.fetch, retries: 2, backoffMs: 10 });
    await client.signIn(ALICE);
    await control(emu, "POST", "faults", { prefix: "/api/", down: true });
    const err = await client.listWorkbooks(ALICE).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableauUnavailableError);
    expect((err as TableauUnavailableError).code).toBe("tableau_unreachable");
    expect(counter.calls.filter((c) => c.startsWith("GET"))).toHaveLength(3);
    await control(emu, "DELETE", "faults");
    expect((await client.listWorkbooks(ALICE)).totalAvailable).toBe(4);
  });
});
