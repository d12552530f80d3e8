import type { Router } from "../core/http";

export function registerControlRoutes(_router: Router): void {}
