/** Checks 4–6: sign in with a Connected App JWT, list the first page of workbooks, sign out. */
import { createTableauClient } from "../tableau/rest/client";
import { failedRestCheck } from "./advice";
import type { TableauConfig } from "./config";
import { mintRestToken } from "./token";
import { skipped, type CheckResult } from "./types";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export async function restChecks(
  config: TableauConfig,
  opts: { fetch: Fetch; now: () => number; timeoutMs: number; listWorkbooks: boolean },
): Promise<CheckResult[]> {
  const client = createTableauClient({
    server: config.server,
    apiVersion: config.apiVersion,
    site: config.site,
    mintToken: () => mintRestToken(config, opts.now()),
    fetch: opts.fetch,
    now: opts.now,
    timeoutMs: opts.timeoutMs,
    retries: 1,
    backoffMs: 100,
  });
  const user = config.username;
  const results: CheckResult[] = [];

  try {
    const session = await client.signIn(user);
    results.push({
      id: "signin",
      title: "REST sign-in",
      status: "pass",
      summary: `signed in as ${user} (user id ${session.userId}, site id ${session.siteId})`,
      details: { userId: session.userId, siteId: session.siteId },
    });
  } catch (err) {
    results.push(failedRestCheck("signin", "REST sign-in", "sign-in", err, config));
    if (opts.listWorkbooks) results.push(skipped("workbooks", "Workbooks", "sign-in failed"));
    results.push(skipped("signout", "Sign-out", "sign-in failed"));
    return results;
  }

  if (opts.listWorkbooks) {
    try {
      const page = await client.listWorkbooks(user, { pageSize: 100, pageNumber: 1 });
      const first = page.items[0]?.name;
      results.push({
        id: "workbooks",
        title: "Workbooks",
        status: "pass",
        summary: `${page.items.length} on the first page (${page.totalAvailable} in all)${first ? `; first: ${first}` : ""}`,
        details: {
          count: page.items.length,
          totalAvailable: page.totalAvailable,
          ...(first ? { first } : {}),
        },
      });
    } catch (err) {
      results.push(failedRestCheck("workbooks", "Workbooks", "listing workbooks", err, config));
    }
  }

  // signOut never throws (a session that cannot be signed out expires anyway); true means one was open.
  const signedOut = await client.signOut(user);
  results.push(
    signedOut
      ? { id: "signout", title: "Sign-out", status: "pass", summary: "signed out" }
      : {
          id: "signout",
          title: "Sign-out",
          status: "fail",
          summary: "no session to sign out",
          reason: "no_session",
        },
  );
  return results;
}
