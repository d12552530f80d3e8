import type { Router } from "../core/http";

/** Registers the embedding surface (sign-in, view pages, the viz script). Filled in by the embedding work. */
export function registerEmbedRoutes(_router: Router): void {}
