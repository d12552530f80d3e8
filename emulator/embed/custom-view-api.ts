/**
 * `POST /vizportal/api/web/v1/customviews`: the view page's own calls behind the Embedding API's custom view
 * methods (the message format in README.md). Only the page itself may call it: the embed session's cookie and
 * a same-origin `Origin` are both required, and every body is parsed. Errors answer
 * `{ error: { errorCode, message } }` with the Embedding API's codes, which the page passes on.
 */
import { z } from "zod";
import {
  canSeeCustomView,
  cleanCustomViewName,
  customViewsOfView,
  MAX_CUSTOM_VIEW_NAME,
  removeCustomView,
  saveCustomView,
  setDefaultCustomView,
  updateCustomView,
  type StoredCustomView,
} from "../core/custom-views";
import type { EmulatorContext } from "../core/context";
import type { EmuRequest, EmuResponse } from "../core/http";
import { canSee, findViewBySheetUrl, findWorkbookByContentUrl } from "../core/lookup";
import { getSession } from "../core/sessions";
import type { SiteUser } from "../core/site";
import { pageCustomView } from "./custom-view-info";
import { SESSION_COOKIE } from "./signin";

export const CUSTOM_VIEW_API = "/vizportal/api/web/v1/customviews";

const where = { workbook: z.string().max(500), sheet: z.string().max(500) };
const bodySchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("list"), ...where }),
  z.object({
    action: z.literal("save"),
    ...where,
    name: z.string(),
    filters: z.record(z.string().max(200), z.array(z.string().max(500)).max(500)),
    parameters: z.record(z.string().max(200), z.union([z.string().max(500), z.number()])),
  }),
  z.object({ action: z.literal("remove"), id: z.string().max(100) }),
  z.object({ action: z.literal("setDefault"), id: z.string().max(100) }),
  z.object({
    action: z.literal("update"),
    id: z.string().max(100),
    name: z.string().optional(),
    shared: z.boolean().optional(),
  }),
]);

class PageApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown): EmuResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  body: JSON.stringify(body),
});

function viewOf(ctx: EmulatorContext, user: SiteUser, workbookUrl: string, sheetUrl: string) {
  const workbook = findWorkbookByContentUrl(ctx, workbookUrl);
  const view = workbook ? findViewBySheetUrl(workbook, sheetUrl) : null;
  if (!workbook || !view || !canSee(ctx, user, workbook))
    throw new PageApiError(404, "sheet-not-in-workbook", `"${sheetUrl}" is not a view you may see.`);
  return view;
}

function ownCustomView(ctx: EmulatorContext, user: SiteUser, id: string, owner: boolean): StoredCustomView {
  const cv = ctx.state.customViews.byId.get(id);
  if (!cv || !canSeeCustomView(ctx, user, cv))
    throw new PageApiError(404, "invalid-custom-view-name", "That custom view does not exist.");
  if (owner && cv.ownerId !== user.id)
    throw new PageApiError(403, "invalid-custom-view-name", "Only its owner can change that custom view.");
  return cv;
}

function name(raw: string): string {
  const cleaned = cleanCustomViewName(raw);
  if (cleaned === null)
    throw new PageApiError(
      400,
      "invalid-custom-view-name",
      `A custom view needs a name of 1 to ${MAX_CUSTOM_VIEW_NAME} characters.`,
    );
  return cleaned;
}

function run(ctx: EmulatorContext, user: SiteUser, body: z.infer<typeof bodySchema>): unknown {
  const info = (cv: StoredCustomView) => pageCustomView(ctx, user, cv);
  switch (body.action) {
    case "list":
      return customViewsOfView(ctx, user, viewOf(ctx, user, body.workbook, body.sheet).id).map(info);
    case "save": {
      const view = viewOf(ctx, user, body.workbook, body.sheet);
      const input = { viewId: view.id, name: name(body.name), filters: body.filters };
      return info(saveCustomView(ctx, user, { ...input, parameters: body.parameters }));
    }
    case "remove": {
      const cv = ownCustomView(ctx, user, body.id, true);
      const gone = info(cv);
      removeCustomView(ctx, cv.id);
      return { ...gone, default: false };
    }
    case "setDefault": {
      const cv = ownCustomView(ctx, user, body.id, false);
      setDefaultCustomView(ctx, user, cv);
      return info(cv);
    }
    case "update": {
      const cv = ownCustomView(ctx, user, body.id, true);
      const change = { name: body.name === undefined ? undefined : name(body.name), shared: body.shared };
      if (!updateCustomView(ctx, cv, change))
        throw new PageApiError(
          409,
          "invalid-custom-view-name",
          `You already have a custom view named "${change.name}".`,
        );
      return info(cv);
    }
  }
}

export function handleCustomViewApi(req: EmuRequest, ctx: EmulatorContext): EmuResponse {
  if (req.headers.origin !== req.url.origin)
    return json(403, { error: { errorCode: "auth-failed", message: "Only the view page may call this." } });
  const cookie = req.cookies[SESSION_COOKIE];
  const session = cookie ? getSession(ctx, cookie, "embed") : null;
  if (!session)
    return json(401, { error: { errorCode: "auth-failed", message: "Sign in to Tableau first." } });
  if (!String(req.headers["content-type"] ?? "").startsWith("application/json"))
    return json(415, { error: { errorCode: "invalid-parameter", message: "Send JSON." } });
  let raw: unknown;
  try {
    raw = JSON.parse(req.body.toString("utf8"));
  } catch {
    return json(400, { error: { errorCode: "invalid-parameter", message: "The body is not JSON." } });
  }
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success)
    return json(400, { error: { errorCode: "invalid-parameter", message: "The request is not valid." } });
  try {
    return json(200, { result: run(ctx, session.identity.user, parsed.data) });
  } catch (err) {
    if (err instanceof PageApiError)
      return json(err.status, { error: { errorCode: err.errorCode, message: err.message } });
    throw err;
  }
}
