/**
 * The sign-in log the control API lists (`GET /__emulator/signins`): who, which scopes and attributes, the
 * jti and the outcome, read from the token's payload (unverified when rejected, for diagnosis). Never the token.
 */
import { attributeClaims } from "../jwt/claims";
import { decodeJwt } from "../jwt/decode";
import type { EmulatorContext, SigninRecord } from "./context";

const KEEP = 1000;

export function recordSignin(
  ctx: EmulatorContext,
  kind: SigninRecord["kind"],
  jwt: string,
  outcome: Pick<SigninRecord, "outcome" | "code" | "connectedAppCode" | "origin">,
): void {
  const payload = decodeJwt(jwt)?.payload ?? {};
  const scp = payload.scp;
  ctx.state.signins.push({
    at: new Date(ctx.now()).toISOString(),
    kind,
    ...outcome,
    user: typeof payload.sub === "string" ? payload.sub : undefined,
    scopes: Array.isArray(scp) ? scp.filter((s): s is string => typeof s === "string") : undefined,
    attributes: attributeClaims(payload),
    jti: typeof payload.jti === "string" ? payload.jti : undefined,
  });
  if (ctx.state.signins.length > KEEP) ctx.state.signins.splice(0, ctx.state.signins.length - KEEP);
}
