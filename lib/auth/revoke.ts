/** Ends a session before its cookie does: its id is refused until its absolute lifetime would have ended it. */
import "server-only";
import { getEnv } from "@/lib/env";
import { getRevocationStore } from "@/lib/store";

export async function revokeSession(token: Record<string, unknown>): Promise<void> {
  if (typeof token.sid !== "string") return;
  const authTime = typeof token.authTime === "number" ? token.authTime : Date.now() / 1000;
  // Not the cookie's expiry: proxy.ts may have pushed a copy's expiry forward, up to the absolute lifetime.
  const until = (authTime + getEnv().session.maxAgeSeconds) * 1000;
  await getRevocationStore().revoke(token.sid, until);
}
