/**
 * The `/__emulator/` control API for tests: reset, clock, session expiry, faults, sign-in log, stats.
 * Bodies are JSON validated with zod; a bad body is a 400 that says which field is wrong.
 */
import { z } from "zod";
import type { EmulatorContext } from "../core/context";
import { resetState } from "../core/create-context";
import { json, type EmuRequest, type EmuResponse, type Handler, type Router } from "../core/http";
import { defaultFaultSeed } from "../core/faults";
import { expireAllSessions } from "../core/sessions";

const clockSchema = z.object({ offsetSeconds: z.number().finite() }).strict();
const faultSchema = z
  .object({
    prefix: z.string().startsWith("/", "prefix must start with /"),
    status: z.number().int().min(400).max(599).optional(),
    rate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    down: z.boolean().optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  })
  .strict()
  .refine((f) => f.status !== undefined || f.latencyMs !== undefined || f.down === true, {
    message: "give at least one of status, latencyMs or down",
  });

class BadControlBody extends Error {
  readonly code = "BAD_CONTROL_BODY";
}

function parseBody<T>(req: EmuRequest, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(req.body.toString("utf8") || "{}");
  } catch {
    throw new BadControlBody("the body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new BadControlBody(
      parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  return parsed.data;
}

function control(handler: (req: EmuRequest, ctx: EmulatorContext) => EmuResponse): Handler {
  return (req, ctx) => {
    try {
      return handler(req, ctx);
    } catch (err) {
      if (err instanceof BadControlBody)
        return json(400, { error: { code: err.code, message: err.message } });
      throw err;
    }
  };
}

export function registerControlRoutes(router: Router): void {
  const base = "/__emulator";
  router
    .add("GET", `${base}/health`, (_req, ctx) =>
      json(200, {
        ok: true,
        site: ctx.site.site.contentUrl,
        workbooks: ctx.site.workbooks.length,
        now: new Date(ctx.now()).toISOString(),
      }),
    )
    .add("POST", `${base}/reset`, (_req, ctx) => {
      resetState(ctx);
      return json(200, { ok: true });
    })
    .add(
      "POST",
      `${base}/clock`,
      control((req, ctx) => {
        const { offsetSeconds } = parseBody(req, clockSchema);
        ctx.state.clockOffsetMs += offsetSeconds * 1000;
        return json(200, {
          offsetSeconds: ctx.state.clockOffsetMs / 1000,
          now: new Date(ctx.now()).toISOString(),
        });
      }),
    )
    .add("POST", `${base}/sessions/expire`, (_req, ctx) => json(200, { expired: expireAllSessions(ctx) }))
    .add(
      "POST",
      `${base}/faults`,
      control((req, ctx) => {
        const input = parseBody(req, faultSchema);
        const fault = { ...input, seed: input.seed ?? defaultFaultSeed(ctx) };
        ctx.state.faults = [fault, ...ctx.state.faults.filter((f) => f.prefix !== fault.prefix)];
        return json(200, { faults: ctx.state.faults });
      }),
    )
    .add("GET", `${base}/faults`, (_req, ctx) => json(200, { faults: ctx.state.faults }))
    .add("DELETE", `${base}/faults`, (_req, ctx) => {
      ctx.state.faults = [];
      return json(200, { faults: [] });
    })
    .add("GET", `${base}/signins`, (_req, ctx) => json(200, { signins: ctx.state.signins }))
    .add("GET", `${base}/stats`, (_req, ctx) =>
      json(200, {
        requests: ctx.state.requestCount,
        byPrefix: ctx.state.requestsByPrefix,
        faulted: ctx.state.faultedCount,
      }),
    );
}
