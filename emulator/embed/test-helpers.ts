/**
 * Test helpers: an emulator on a free port and Connected App tokens minted with `jose` (an implementation
 * independent of the emulator's own verifier), the way Tableau's public samples mint them.
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { startEmulator, type RunningEmulator } from "../server";

export const DEMO_APP = {
  clientId: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  secretId: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
  secretValue: "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68",
};
export const PORTAL_ORIGIN = "http://localhost:3000";
export const SIGNIN_PATH = "/vizportal/api/web/v1/auth/embed/signin";

export interface MintOptions {
  scopes?: string[];
  claims?: Record<string, unknown>;
  secretValue?: string;
  kid?: string;
  expiresIn?: string;
  jti?: string;
}

export async function mint(sub: string, opts: MintOptions = {}): Promise<string> {
  return new SignJWT({ scp: opts.scopes ?? ["tableau:views:embed"], ...opts.claims })
    .setProtectedHeader({
      alg: "HS256",
      typ: "JWT",
      kid: opts.kid ?? DEMO_APP.secretId,
      iss: DEMO_APP.clientId,
    })
    .setIssuer(DEMO_APP.clientId)
    .setAudience("tableau")
    .setSubject(sub)
    .setJti(opts.jti ?? randomUUID())
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? "5m")
    .sign(new TextEncoder().encode(opts.secretValue ?? DEMO_APP.secretValue));
}

export function start(): Promise<RunningEmulator> {
  return startEmulator({ port: 0, quiet: true });
}

export function postSignin(
  emu: RunningEmulator,
  body: unknown,
  origin: string | null = PORTAL_ORIGIN,
): Promise<Response> {
  return fetch(`${emu.url}${SIGNIN_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(origin ? { origin } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Signs in and returns the `name=value` cookie pair for later requests. */
export async function signIn(
  emu: RunningEmulator,
  sub: string,
  claims?: Record<string, unknown>,
): Promise<string> {
  const res = await postSignin(emu, { siteName: "vizport-demo", jwt: await mint(sub, { claims }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

/** The dimension members drawn on a page or SVG (`data-key` of every mark). */
export function markKeys(markup: string): string[] {
  return [...markup.matchAll(/class="mark" data-key="([^"]+)"/g)].map((m) => m[1]!);
}
