import type { Router } from "../core/http";

export function registerRestRoutes(_router: Router): void {}
