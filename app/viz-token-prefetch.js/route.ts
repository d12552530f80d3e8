/** GET /viz-token-prefetch.js: the view page's early token-request script (see components/viz). Static. */
import { TOKEN_PREFETCH_SCRIPT } from "@/components/viz/token-prefetch-script";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(TOKEN_PREFETCH_SCRIPT, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
