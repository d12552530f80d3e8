/** GET /api/health: the process is up (load balancers poll it; it needs no session and touches nothing). */
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

export const GET = apiRoute(() =>
  jsonResponse({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
