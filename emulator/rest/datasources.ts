/** Query Data Sources and Query Data Source: the site's published data sources, as their projects allow. */
import type { EmulatorContext } from "../core/context";
import { canSeeProject, visibilityClass } from "../core/lookup";
import type { SiteDatasource } from "../core/site";
import { siteIndex } from "../core/site-index";
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { datasourceFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";
import { wireTags } from "./serialize";

export function wireDatasource(ctx: EmulatorContext, d: SiteDatasource): Record<string, unknown> {
  const index = siteIndex(ctx.site);
  const project = index.projectsById.get(d.projectId);
  const owner = index.usersById.get(d.ownerId);
  const site = ctx.site.site.contentUrl;
  return {
    project: { id: d.projectId, name: project?.name ?? "" },
    owner: { id: d.ownerId, name: owner?.name ?? "", email: owner?.email ?? "" },
    tags: wireTags(d.tags),
    id: d.id,
    name: d.name,
    description: d.description,
    contentUrl: d.contentUrl,
    type: d.type,
    webpageUrl: `${ctx.config.publicUrl}/#/${site ? `site/${site}/` : ""}datasources/${d.contentUrl}`,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    encryptExtracts: "false",
    hasExtracts: String(d.hasExtracts),
    isCertified: String(d.isCertified),
    useRemoteQueryAgent: "false",
  };
}

const DEFAULTS = [
  "project.id",
  "project.name",
  "owner.id",
  "tags",
  "id",
  "name",
  "description",
  "contentUrl",
  "type",
  "webpageUrl",
  "createdAt",
  "updatedAt",
  "encryptExtracts",
  "hasExtracts",
  "isCertified",
  "useRemoteQueryAgent",
] as const;
export const DATASOURCE_FIELDS = { defaults: DEFAULTS, all: [...DEFAULTS, "owner.name", "owner.email"] };

export const queryDatasources: SessionHandler = (req, ctx, { identity }) => {
  const page = listPage(req, ctx, {
    resource: "datasources",
    all: ctx.site.datasources,
    defs: datasourceFieldDefs(ctx),
    fields: DATASOURCE_FIELDS,
    visibilityKey: visibilityClass(identity.user),
    visible: (d) => canSeeProject(ctx, identity.user, d.projectId),
    serialize: (d) => wireDatasource(ctx, d),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    datasources: page.items.length ? { datasource: page.items } : {},
  });
};

export const queryDatasource: SessionHandler = (req, ctx, { identity }) => {
  const id = req.params.datasourceId ?? "";
  const ds = siteIndex(ctx.site).datasourcesById.get(id);
  if (!ds || !canSeeProject(ctx, identity.user, ds.projectId)) throw restErrors.datasourceNotFound(id);
  return respond(req, 200, { datasource: wireDatasource(ctx, ds) });
};

export const datasourceRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/datasources",
    since: "2.0",
    name: "Query Data Sources",
    auth: SCOPES.contentRead,
    handler: queryDatasources,
  },
  {
    method: "GET",
    path: "sites/:siteId/datasources/:datasourceId",
    since: "2.0",
    name: "Query Data Source",
    auth: SCOPES.contentRead,
    handler: queryDatasource,
  },
];
