/**
 * Query Groups and Get Users in Group. Site administrators see every group and member; anyone else sees the
 * groups they belong to and, in them, only themselves (as Get Users on Site shows them only themselves).
 */
import { groupMembers, isSiteAdmin } from "../core/lookup";
import { siteIndex } from "../core/site-index";
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { groupFieldDefs, userFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";
import { GROUP_FIELDS, USER_FIELDS, wireGroup, wireUser } from "./serialize-people";

export const queryGroups: SessionHandler = (req, ctx, { identity }) => {
  const me = identity.user;
  const admin = isSiteAdmin(me);
  const mine = new Set((siteIndex(ctx.site).groupsByUser.get(me.id) ?? []).map((g) => g.id));
  const page = listPage(req, ctx, {
    resource: "groups",
    all: ctx.site.groups,
    defs: groupFieldDefs(ctx),
    fields: GROUP_FIELDS,
    visibilityKey: admin ? "admin" : `member:${me.id}`,
    visible: (g) => admin || mine.has(g.id),
    serialize: (g) => wireGroup(g, groupMembers(ctx, g).length),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    groups: page.items.length ? { group: page.items } : {},
  });
};

export const queryGroupUsers: SessionHandler = (req, ctx, { identity }) => {
  const me = identity.user;
  const admin = isSiteAdmin(me);
  const id = req.params.groupId ?? "";
  const group = siteIndex(ctx.site).groupsById.get(id);
  const members = group ? groupMembers(ctx, group) : [];
  if (!group || (!admin && !members.some((u) => u.id === me.id))) throw restErrors.groupNotFound(id);
  const page = listPage(req, ctx, {
    resource: `group-users:${group.id}`,
    all: members,
    defs: userFieldDefs(),
    fields: USER_FIELDS,
    visibilityKey: admin ? "admin" : `self:${me.id}`,
    visible: (u) => admin || u.id === me.id,
    serialize: wireUser,
  });
  return respond(req, 200, {
    pagination: page.pagination,
    users: page.items.length ? { user: page.items } : {},
  });
};

export const groupRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/groups",
    since: "2.0",
    name: "Query Groups",
    auth: SCOPES.groupsRead,
    handler: queryGroups,
  },
  {
    method: "GET",
    path: "sites/:siteId/groups/:groupId/users",
    since: "2.0",
    name: "Get Users in Group",
    auth: SCOPES.groupsRead,
    handler: queryGroupUsers,
  },
];
