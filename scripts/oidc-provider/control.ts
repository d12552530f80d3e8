/**
 * `/__control/` for tests: change a person's claims (a changed group takes effect at their next sign-in), reset,
 * and switch endpoints off to play "the provider is down". POSTs must be JSON: a web page cannot send that
 * cross-origin without a CORS preflight, which this server never grants.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { ROUTES } from "./config";
import { BodyError, readBody, sendJson } from "./http";
import { claimsPatchSchema, isLogin, type PeopleStore } from "./people";

export const ENDPOINTS = {
  discovery: "/.well-known/openid-configuration",
  ...ROUTES,
} as const;
export type EndpointName = keyof typeof ENDPOINTS;

export interface Outage {
  endpoints: Set<EndpointName>;
  /** "503": answer 503; "reset": drop the connection, as a crashed provider would; "hang": never answer. */
  mode: "503" | "reset" | "hang";
}

const outageSchema = z.strictObject({
  endpoints: z.array(z.enum(Object.keys(ENDPOINTS) as [EndpointName, ...EndpointName[]])),
  mode: z.enum(["503", "reset", "hang"]).default("503"),
});

/** The endpoint a request path belongs to, if the outage switch knows it. */
export function endpointOf(path: string): EndpointName | undefined {
  const entry = Object.entries(ENDPOINTS).find(([, route]) => path === route || path.startsWith(`${route}/`));
  return entry?.[0] as EndpointName | undefined;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
    throw new BodyError(415, "send Content-Type: application/json");
  }
  try {
    return JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, "the body is not JSON");
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new BodyError(400, result.error.issues.map((issue) => issue.message).join("; "));
  return result.data;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const view = (people: PeopleStore) => people.list().map(({ login, claims }) => ({ login, claims }));

async function route(people: PeopleStore, outage: Outage, req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? "").split("?")[0] ?? "";
  if (req.method === "GET" && path === "/__control/people")
    return sendJson(res, 200, { people: view(people) });
  if (req.method !== "POST") throw new BodyError(405, "use POST (GET only for /__control/people)");
  const personPath = /^\/__control\/people\/([^/]+)$/.exec(path);
  if (personPath) {
    const login = safeDecode(personPath[1] ?? "");
    if (login === undefined || !isLogin(login))
      throw new BodyError(400, "a login is 1-64 lower-case letters, digits, '.', '_' or '-'");
    const person = people.update(login, parsed(claimsPatchSchema, await jsonBody(req)));
    return sendJson(res, 200, { login: person.login, claims: person.claims });
  }
  if (path === "/__control/reset") {
    people.reset();
    outage.endpoints.clear();
    return sendJson(res, 200, { people: view(people) });
  }
  if (path === "/__control/outage") {
    const next = parsed(outageSchema, await jsonBody(req));
    outage.endpoints = new Set(next.endpoints);
    outage.mode = next.mode;
    return sendJson(res, 200, { endpoints: [...outage.endpoints], mode: outage.mode });
  }
  throw new BodyError(404, "no such control route");
}

export async function handleControl(
  people: PeopleStore,
  outage: Outage,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    await route(people, outage, req, res);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendJson(res, error.status, { error: { code: `control_${error.status}`, message: error.message } });
  }
}
