/**
 * Get Users on Site, Query User On Site, Get Groups for a User, and Query Workbooks for User (which Connected
 * App sessions cannot use). Site administrators see every user; anyone else only themselves, and another
 * user's id answers 404 as if it named no one (the emulator's choice [?]).
 */
import type { EmulatorContext, Session } from "../core/context";
import type { EmuRequest } from "../core/http";
import { isSiteAdmin } from "../core/lookup";
import type { SiteUser } from "../core/site";
import { siteIndex } from "../core/site-index";
import { groupMembers } from "../core/lookup";
import { SCOPES } from "./auth";
import { restErrors, TableauRestError } from "./errors";
import { groupFieldDefs, userFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";
import { GROUP_FIELDS, USER_FIELDS, wireGroup, wireUser } from "./serialize-people";

export const queryUsers: SessionHandler = (req, ctx, { identity }) => {
  const admin = isSiteAdmin(identity.user);
  const page = listPage(req, ctx, {
    resource: "users",
    all: ctx.site.users,
    defs: userFieldDefs(),
    fields: USER_FIELDS,
    visibilityKey: admin ? "admin" : `self:${identity.user.id}`,
    visible: (u) => admin || u.id === identity.user.id,
    serialize: wireUser,
  });
  return respond(req, 200, {
    pagination: page.pagination,
    users: page.items.length ? { user: page.items } : {},
  });
};

/** The user in the path, if the caller may see them. */
function visibleUser(req: EmuRequest, ctx: EmulatorContext, session: Session): SiteUser {
  const id = req.params.userId ?? "";
  const user = siteIndex(ctx.site).usersById.get(id);
  const me = session.identity.user;
  if (!user || (!isSiteAdmin(me) && user.id !== me.id)) throw restErrors.userNotFound(id);
  return user;
}

export const queryUser: SessionHandler = (req, ctx, session) =>
  respond(req, 200, { user: wireUser(visibleUser(req, ctx, session)) });

export const queryUserGroups: SessionHandler = (req, ctx, session) => {
  const user = visibleUser(req, ctx, session);
  const groups = siteIndex(ctx.site).groupsByUser.get(user.id) ?? [];
  const page = listPage(req, ctx, {
    resource: `user-groups:${user.id}`,
    all: groups,
    defs: groupFieldDefs(ctx),
    fields: GROUP_FIELDS,
    visibilityKey: "member",
    visible: () => true,
    serialize: (g) => wireGroup(g, groupMembers(ctx, g).length),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    groups: page.items.length ? { group: page.items } : {},
  });
};

/**
 * Reported to fail under JWT sessions (tableau-reference.md §3), so the emulator refuses it the same way
 * ([?] the emulator's reading): clients should use Query Workbooks for Site as the signed-in user.
 */
export const queryUserWorkbooks: SessionHandler = () => {
  throw new TableauRestError(
    "401002",
    "Unauthorized Access",
    "Query Workbooks for User is not available to Connected App sessions; use Query Workbooks for Site.",
  );
};

const users = SCOPES.usersRead;
export const userRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/users",
    since: "2.0",
    name: "Get Users on Site",
    auth: users,
    handler: queryUsers,
  },
  {
    method: "GET",
    path: "sites/:siteId/users/:userId",
    since: "2.0",
    name: "Query User On Site",
    auth: users,
    handler: queryUser,
  },
  {
    method: "GET",
    path: "sites/:siteId/users/:userId/groups",
    since: "3.7",
    name: "Get Groups for a User",
    auth: SCOPES.groupsRead,
    handler: queryUserGroups,
  },
  {
    method: "GET",
    path: "sites/:siteId/users/:userId/workbooks",
    since: "2.0",
    name: "Query Workbooks for User",
    auth: SCOPES.contentRead,
    handler: queryUserWorkbooks,
  },
];
