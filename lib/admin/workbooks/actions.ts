"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { explainTableauError } from "@/lib/tableau/rest";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import { loadWorkbooksPage } from "./load";
import { workbookQuerySchema } from "./query";
import type { ListWorkbooksResult } from "./result";

/**
 * Lists the site's workbooks for an admin. Checks the role itself: the page's own check does not protect a
 * direct post to this action. Every call writes one audit line.
 */
export async function listWorkbooks(input: unknown): Promise<ListWorkbooksResult> {
  const user = await getCurrentUser();
  const requestId = await currentRequestId();
  if (!user) {
    return { ok: false, error: { code: "unauthenticated", message: "Sign in to list workbooks." } };
  }
  if (user.role !== "admin") {
    logEvent("admin.workbooks.list", { requestId, user: user.email, outcome: "forbidden" });
    return {
      ok: false,
      error: { code: "forbidden", message: "Only portal administrators can list workbooks." },
    };
  }
  const parsed = workbookQuerySchema.safeParse(input ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => i.message).join(" ");
    return { ok: false, error: { code: "invalid_input", message } };
  }
  const query = parsed.data;
  const username = await getRestUsername(user.email);
  if (!username) {
    const message = `Your portal account (${user.email}) is not linked to a Tableau user, so Vizport cannot sign in to Tableau for you. Add a Tableau username for it in the user directory.`;
    logEvent("admin.workbooks.list", { requestId, user: user.email, outcome: "unmapped" });
    return { ok: false, error: { code: "unmapped", message } };
  }

  const started = performance.now();
  const audit = {
    requestId,
    user: user.email,
    tableauUser: username,
    q: query.q,
    project: query.project,
    page: query.page,
  };
  try {
    const { rows, total, projects } = await loadWorkbooksPage(getTableauClient(), username, query);
    const ms = Math.round(performance.now() - started);
    logEvent("admin.workbooks.list", { ...audit, outcome: "ok", total, rows: rows.length, ms });
    return {
      ok: true,
      workbooks: rows,
      total,
      page: query.page,
      pageSize: query.pageSize,
      pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
      projects,
      query,
      fetchedAt: new Date().toISOString(),
    };
  } catch (err) {
    const { tableau } = getEnv();
    const error = explainTableauError(err, {
      tableauUsername: username,
      site: tableau.site,
      server: tableau.server,
    });
    const ms = Math.round(performance.now() - started);
    logEvent("admin.workbooks.list", { ...audit, outcome: "error", code: error.code, ms });
    return { ok: false, error };
  }
}
