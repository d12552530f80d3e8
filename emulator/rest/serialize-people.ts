/** Users and groups → Tableau's wire objects (see serialize.ts for the conventions). */
import type { SiteGroup, SiteUser } from "../core/site";

type Wire = Record<string, unknown>;

export function wireUser(u: SiteUser): Wire {
  return {
    id: u.id,
    name: u.name,
    siteRole: u.siteRole,
    fullName: u.fullName,
    email: u.email,
    authSetting: "ServerDefault",
    externalAuthUserId: "",
    domain: { name: "local" },
  };
}

export const USER_FIELDS = {
  defaults: ["id", "name", "siteRole", "fullName", "email", "authSetting", "externalAuthUserId"],
  all: ["id", "name", "siteRole", "fullName", "email", "authSetting", "externalAuthUserId", "domain.name"],
} as const;

/** Every emulated group is local (no Active Directory import); `userCount` counts its members. */
export function wireGroup(g: SiteGroup, userCount: number): Wire {
  return { domain: { name: "local" }, id: g.id, name: g.name, userCount: String(userCount) };
}

export const GROUP_FIELDS = {
  defaults: ["domain.name", "id", "name"],
  all: ["domain.name", "id", "name", "userCount"],
} as const;
