/**
 * Cross-references zod cannot check field by field: unique ids and URLs, owners and projects that exist,
 * dashboards naming worksheets of their own workbook. A hand-edited site file fails at start-up, listing each
 * problem, instead of answering oddly later.
 */
import type { SiteData } from "./site";

export function siteIntegrityIssues(site: SiteData): string[] {
  const issues: string[] = [];
  const duplicates = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) issues.push(`duplicate ${what} '${v}'`);
      seen.add(v);
    }
  };
  duplicates(
    "user name",
    site.users.map((u) => u.name),
  );
  duplicates(
    "user id",
    site.users.map((u) => u.id),
  );
  duplicates(
    "project id",
    site.projects.map((p) => p.id),
  );
  duplicates(
    "workbook id",
    site.workbooks.map((w) => w.id),
  );
  duplicates(
    "workbook contentUrl",
    site.workbooks.map((w) => w.contentUrl),
  );
  duplicates(
    "view id",
    site.workbooks.flatMap((w) => w.views.map((v) => v.id)),
  );
  duplicates(
    "connected app secret id",
    site.connectedApps.flatMap((a) => a.secrets.map((s) => s.id)),
  );

  duplicates(
    "group id",
    site.groups.map((g) => g.id),
  );
  duplicates(
    "group name",
    site.groups.map((g) => g.name),
  );
  duplicates(
    "data source id",
    site.datasources.map((d) => d.id),
  );
  duplicates(
    "data source contentUrl",
    site.datasources.map((d) => d.contentUrl),
  );
  duplicates(
    "connection id",
    site.workbooks.flatMap((w) => w.connections.map((c) => c.id)),
  );

  const users = new Set(site.users.map((u) => u.id));
  const projects = new Set(site.projects.map((p) => p.id));
  const datasources = new Set(site.datasources.map((d) => d.id));
  for (const g of site.groups)
    for (const id of g.memberIds)
      if (!users.has(id)) issues.push(`group '${g.name}': member ${id} is not a user`);
  for (const d of site.datasources) {
    if (!users.has(d.ownerId)) issues.push(`data source '${d.contentUrl}': owner ${d.ownerId} is not a user`);
    if (!projects.has(d.projectId))
      issues.push(`data source '${d.contentUrl}': project ${d.projectId} does not exist`);
  }
  for (const w of site.workbooks) {
    if (!users.has(w.ownerId)) issues.push(`workbook '${w.contentUrl}': owner ${w.ownerId} is not a user`);
    if (!projects.has(w.projectId))
      issues.push(`workbook '${w.contentUrl}': project ${w.projectId} does not exist`);
    duplicates(
      `sheetUrl in '${w.contentUrl}'`,
      w.views.map((v) => v.sheetUrl),
    );
    for (const c of w.connections)
      if (!datasources.has(c.datasourceId))
        issues.push(`workbook '${w.contentUrl}': connection ${c.id} names no data source`);
    const names = new Set(w.views.map((v) => v.name));
    for (const v of w.views) {
      if (v.sheetType === "worksheet" && !v.chart)
        issues.push(`view '${w.contentUrl}/${v.sheetUrl}': a worksheet needs a chart`);
      for (const ws of v.worksheets)
        if (!names.has(ws))
          issues.push(`view '${w.contentUrl}/${v.sheetUrl}': worksheet '${ws}' is not in the workbook`);
    }
  }
  return issues;
}
