/**
 * Wraps every REST route: checks the API version in the path, then turns a thrown {@link TableauRestError}
 * into Tableau's error body (JSON or XML by `Accept`). Other exceptions reach the server's 500.
 */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest, EmuResponse, Handler } from "../core/http";
import { restErrors, TableauRestError } from "./errors";

export function restRoute(handler: Handler): Handler {
  return async (req, ctx) => {
    try {
      checkVersion(req, ctx);
      return await handler(req, ctx);
    } catch (err) {
      if (err instanceof TableauRestError) return err.toResponse(req);
      throw err;
    }
  };
}

function checkVersion(req: EmuRequest, ctx: EmulatorContext): void {
  const version = req.params.version ?? "";
  const { minApiVersion, maxApiVersion } = ctx.config;
  if (
    !/^\d+\.\d+$/.test(version) ||
    compare(version, minApiVersion) < 0 ||
    compare(version, maxApiVersion) > 0
  )
    throw restErrors.badVersion(version, minApiVersion, maxApiVersion);
}

/** Compares "3.9" < "3.17" numerically, part by part. */
export function compare(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am !== bm ? am - bm : an - bn;
}

export type { EmuResponse };
