/** GET /api/health: the process is up. Also the benchmark's baseline for a trivial JSON route. */
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

export const GET = apiRoute(() =>
  jsonResponse({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
