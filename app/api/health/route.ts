/** GET /api/health: the process is up. Also the benchmark's baseline for a trivial JSON route. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
