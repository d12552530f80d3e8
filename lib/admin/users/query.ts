/** The user list's state as it lives in the URL (`?q=ann&page=2`): untrusted, cut down to bounded values. */
import { z } from "zod";

export const USERS_PAGE_SIZE = 25;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const schema = z.object({
  q: z.preprocess(first, z.string().optional()).transform((v) => (v ?? "").trim().slice(0, 100)),
  page: z.preprocess(first, z.string().optional()).transform((v) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
  }),
});

export interface UsersQuery {
  q: string;
  page: number;
}

export function parseUsersQuery(params: Record<string, string | string[] | undefined>): UsersQuery {
  const parsed = schema.safeParse(params);
  return parsed.success ? parsed.data : { q: "", page: 1 };
}

export function usersHref({ q, page }: UsersQuery): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return `/admin/users${search ? `?${search}` : ""}`;
}
