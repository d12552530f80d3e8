/**
 * What the query modules (workbooks, views, projects, images) share: the transport and `withSession`, which runs
 * a call with a cached session and signs in again once if Tableau rejects it (401000 expired, 401002 refused).
 */
import type { z } from "zod";
import { TableauUnavailableError } from "../errors";
import { send, sendJson, type RestRequest, type TransportConfig } from "./http";
import { isSessionRejected, type RestSession, type SessionCache } from "./sessions";

export interface RestContext {
  http: TransportConfig;
  sessions: SessionCache;
  /** REST requests sent other than sign-ins (each retry attempt counts once per logical call). */
  counters: { requests: number };
}

/** Runs `fn` with a session for `username`; on a rejected session, drops it, signs in again and retries once. */
export async function withSession<T>(
  ctx: RestContext,
  username: string,
  fn: (session: RestSession) => Promise<T>,
): Promise<T> {
  const session = await ctx.sessions.get(username);
  try {
    const result = await fn(session);
    ctx.sessions.touch(session);
    return result;
  } catch (err) {
    if (!isSessionRejected(err)) throw err;
    await ctx.sessions.invalidate(session);
    const fresh = await ctx.sessions.get(username);
    const result = await fn(fresh);
    ctx.sessions.touch(fresh);
    return result;
  }
}

/** A signed-in GET under `/sites/{siteId}` whose JSON body is validated with `schema`. */
export function getJson<S extends z.ZodType>(
  ctx: RestContext,
  username: string,
  path: string,
  query: RestRequest["query"],
  schema: S,
): Promise<z.infer<S>> {
  return withSession(ctx, username, async (s) => {
    ctx.counters.requests++;
    const body = await sendJson(ctx.http, {
      method: "GET",
      path: `/sites/${s.siteId}${path}`,
      query,
      token: s.token,
    });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new TableauUnavailableError(
        "tableau_bad_response",
        `Tableau's answer to GET ${path.split("?")[0]} did not have the expected shape.`,
        { cause: parsed.error },
      );
    }
    return parsed.data;
  });
}

/** A signed-in GET under `/sites/{siteId}` returning the raw bytes and content type (images). */
export function getBytes(
  ctx: RestContext,
  username: string,
  path: string,
  query: RestRequest["query"],
): Promise<{ bytes: Uint8Array; contentType: string }> {
  return withSession(ctx, username, async (s) => {
    ctx.counters.requests++;
    const res = await send(ctx.http, {
      method: "GET",
      path: `/sites/${s.siteId}${path}`,
      query,
      token: s.token,
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { bytes, contentType: res.headers.get("content-type") ?? "application/octet-stream" };
  });
}
