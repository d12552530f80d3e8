/**
 * Check 2: mint a REST token for TABLEAU_USERNAME and show what Tableau will read: the decoded header and
 * claims. The signature, the token itself and the secret are never part of the result.
 */
import { decodeJwt, decodeProtectedHeader } from "jose";
import { mintConnectedAppToken, type ConnectedApp } from "../tableau/jwt";
import { REST_SCOPES, REST_TOKEN_LIFETIME_SECONDS } from "../tableau/rest/scopes";
import type { TableauConfig } from "./config";
import type { CheckResult } from "./types";

export function connectedApp(config: TableauConfig): ConnectedApp {
  return { clientId: config.clientId, secretId: config.secretId, secretValue: config.secretValue };
}

/** Mints the token the sign-in will spend; `now` is the local clock in ms. */
export async function mintRestToken(config: TableauConfig, now: number): Promise<string> {
  const { token } = await mintConnectedAppToken(connectedApp(config), {
    sub: config.username,
    scopes: [...REST_SCOPES],
    lifetimeSeconds: REST_TOKEN_LIFETIME_SECONDS,
    now: new Date(now),
  });
  return token;
}

export async function checkToken(config: TableauConfig, now: number): Promise<CheckResult> {
  const title = "REST token";
  try {
    const token = await mintRestToken(config, now);
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token);
    return {
      id: "token",
      title,
      status: "pass",
      summary: `minted for ${config.username} with scopes ${REST_SCOPES.join(", ")}, valid ${REST_TOKEN_LIFETIME_SECONDS} s`,
      details: { header, claims },
    };
  } catch (err) {
    return {
      id: "token",
      title,
      status: "fail",
      summary: `could not mint a token: ${err instanceof Error ? err.message : "unknown error"}`,
      reason: "token_mint_failed",
      fix: ["TABLEAU_USERNAME", "TABLEAU_CA_CLIENT", "TABLEAU_CA_SECRET_ID", "TABLEAU_CA_SECRET_VALUE"],
    };
  }
}
