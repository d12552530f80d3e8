/**
 * The reasons come from real failures: oauth4webapi (what Auth.js uses) against a closed port, a server that
 * answers 503 or hangs, and the real local provider with a wrong issuer or a wrong client secret, each wrapped
 * the way Auth.js wraps it before its logger sees it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CallbackRouteError, InvalidCheck, OAuthCallbackError } from "@auth/core/errors";
import * as o from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider, type RunningOidcProvider } from "@/scripts/oidc-provider/server";
import { classifySsoError } from "./classify-error";

const CLIENT = { clientId: "vizport-test", clientSecret: "a-test-client-secret-0123" };
let op: RunningOidcProvider;
let slow: Server;
let slowUrl: string;

beforeAll(async () => {
  op = await startOidcProvider({
    port: 0,
    ...CLIENT,
    redirectUris: ["http://localhost:9/api/auth/callback/oidc"],
    postLogoutRedirectUris: ["http://localhost:9/login"],
  });
  // 503 for /down/…, no answer at all for /hang/….
  slow = createServer((req, res) => {
    if (req.url?.startsWith("/down")) res.writeHead(503).end("unavailable");
  });
  await new Promise<void>((resolve) => slow.listen(0, "localhost", resolve));
  slowUrl = `http://localhost:${(slow.address() as AddressInfo).port}`;
});
afterAll(async () => {
  slow.closeAllConnections();
  slow.close();
  await op.close();
});

/**
 * What Auth.js's logger receives for an error thrown inside its callback route: Auth.js passes the error itself
 * as the message (its typings allow only a string), and nests it as `cause.err`.
 */
const asCallbackError = (error: unknown) =>
  new CallbackRouteError(error as string, { provider: "oidc" } as ErrorOptions);

async function discover(issuer: string, timeoutMs?: number): Promise<unknown> {
  try {
    const url = new URL(issuer);
    const response = await o.discoveryRequest(url, {
      [o.allowInsecureRequests]: true,
      ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    });
    await o.processDiscoveryResponse(url, response);
  } catch (error) {
    return error;
  }
  throw new Error("discovery succeeded");
}

describe("classifySsoError", () => {
  it("calls a provider that refuses connections, answers 503 or hangs unreachable", async () => {
    const closed = await discover("http://localhost:9");
    expect(classifySsoError(closed)).toBe("provider_unreachable");
    expect(classifySsoError(asCallbackError(closed))).toBe("provider_unreachable");
    expect(classifySsoError(asCallbackError(await discover(`${slowUrl}/down`)))).toBe("provider_unreachable");
    expect(classifySsoError(asCallbackError(await discover(`${slowUrl}/hang`, 200)))).toBe(
      "provider_unreachable",
    );
  });

  it("calls a wrong issuer or a wrong client secret a set-up problem", async () => {
    const wrongIssuer = await discover(op.issuer.replace("localhost", "127.0.0.1"));
    expect(classifySsoError(wrongIssuer)).toBe("misconfigured");

    const issuer = new URL(op.issuer);
    const as = await o.processDiscoveryResponse(
      issuer,
      await o.discoveryRequest(issuer, { [o.allowInsecureRequests]: true }),
    );
    const client = { client_id: CLIENT.clientId };
    const params = o.validateAuthResponse(
      as,
      client,
      new URLSearchParams({ code: "not-a-code", iss: op.issuer }),
      o.skipStateCheck,
    );
    const response = await o.authorizationCodeGrantRequest(
      as,
      client,
      o.ClientSecretBasic("not-the-secret-at-all"),
      params,
      "http://localhost:9/api/auth/callback/oidc",
      "verifier-verifier-verifier-verifier-verifier-000",
      { [o.allowInsecureRequests]: true },
    );
    const refused = await o.processAuthorizationCodeResponse(as, client, response).catch((e: unknown) => e);
    expect(classifySsoError(asCallbackError(refused))).toBe("misconfigured");
  });

  it("tells a missing state from a nonce that does not match", () => {
    expect(classifySsoError(new InvalidCheck("state value could not be parsed"))).toBe("state_mismatch");
    expect(classifySsoError(new InvalidCheck("pkceCodeVerifier cookie was missing"))).toBe("state_mismatch");
    expect(classifySsoError(new InvalidCheck("nonce cookie was missing"))).toBe("nonce_mismatch");
  });

  it("reads the provider's error parameter for an error response", () => {
    const error = new OAuthCallbackError("OAuth Provider returned an error", {
      cause: { providerId: "oidc" },
    });
    expect(classifySsoError(error, "access_denied")).toBe("access_denied");
    expect(classifySsoError(error, "server_error")).toBe("provider_error");
    expect(classifySsoError(error)).toBe("provider_error");
  });

  it("calls anything else unknown", () => {
    expect(classifySsoError(new Error("something else"))).toBe("unknown");
    expect(classifySsoError(undefined)).toBe("unknown");
    expect(classifySsoError("a string")).toBe("unknown");
  });
});
