/** Query Projects and Get Users on Site. */
import type { Handler } from "../core/http";
import { isSiteAdmin } from "../core/lookup";
import { requireSession, SCOPES } from "./auth";
import { projectFieldDefs, userFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import { PROJECT_FIELDS, USER_FIELDS, wireProject, wireUser } from "./serialize";

export const queryProjects: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.contentRead);
  const admin = isSiteAdmin(identity.user);
  const page = listPage(req, ctx, {
    resource: "projects",
    all: ctx.site.projects,
    defs: projectFieldDefs(),
    fields: PROJECT_FIELDS,
    visibilityKey: admin ? "admin" : "user",
    visible: (p) => p.visibleTo === "all" || admin,
    serialize: (p) => wireProject(ctx, p),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    projects: page.items.length ? { project: page.items } : {},
  });
};

/** Site administrators see every user; others only themselves (the emulator's choice [?]). */
export const queryUsers: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.usersRead);
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
