/**
 * Test support: a real emulator on a free port, a client wired to it with the demo Connected App, and the
 * control API calls the tests use. Imported by *.test.ts only.
 */
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { mintConnectedAppToken } from "../lib/tableau/jwt";
import {
  createTableauClient,
  type TableauClient,
  type TableauClientConfig,
} from "../lib/tableau/rest/client";

export const DEMO_APP = {
  clientId: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  secretId: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
  secretValue: "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68",
};
export const SITE = "vizport-demo";
export const API = "3.28";

export async function startTestEmulator(workbooks?: number): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true, ...(workbooks ? { workbooks } : {}) });
}

export function restMinter(app = DEMO_APP): (username: string) => Promise<string> {
  return async (username) =>
    (
      await mintConnectedAppToken(app, {
        sub: username,
        scopes: ["tableau:content:read", "tableau:views:download"],
        lifetimeSeconds: 120,
      })
    ).token;
}

export function testClient(
  emu: RunningEmulator,
  overrides: Partial<TableauClientConfig> = {},
): TableauClient {
  return createTableauClient({
    server: emu.url,
    apiVersion: API,
    site: SITE,
    mintToken: restMinter(),
    timeoutMs: 3_000,
    retries: 2,
    backoffMs: 20,
    ...overrides,
  });
}

export async function control(
  emu: RunningEmulator,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${emu.url}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path} → ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

/** REST sign-ins the emulator received (ok or rejected), for counting. */
type SigninRecord = { kind: string; outcome: string; user?: string; jti?: string };

export async function restSignins(emu: RunningEmulator): Promise<SigninRecord[]> {
  const body = (await control(emu, "GET", "signins")) as { signins: SigninRecord[] } | SigninRecord[];
  const list = Array.isArray(body) ? body : body.signins;
  return list.filter((s) => s.kind === "rest");
}

/** Counts every fetch the client makes (real fetch underneath), to see retries from the caller's side. */
export function countingFetch(): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
  };
}
