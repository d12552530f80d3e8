/** The HTML of a view as the embedded iframe shows it: caption, optional tabs and toolbar, the chart. */
import { formatParameterValue, type ParameterValue } from "../core/parameters";
import type { SiteUser, SiteView, SiteWorkbook } from "../core/site";
import { esc, FIELDS, type FilterSet } from "../render";
import type { PageCustomView } from "./custom-view-info";
import { documentShell } from "./pages";
import type { PageOptions } from "./query";
import type { EmuResponse } from "../core/http";

export interface ViewPageInput {
  workbook: SiteWorkbook;
  view: SiteView;
  user: SiteUser;
  /** `/t/{site}/views/{workbook}` (or `/views/{workbook}` on the default site). */
  basePath: string;
  publicUrl: string;
  svg: string;
  filters: FilterSet;
  parameters: Record<string, ParameterValue>;
  security: FilterSet;
  domains: Record<string, string[]>;
  options: PageOptions;
  allowedOrigins: string[];
  frameAncestors: string;
  /** The custom view this page opened with (named by the URL, or the user's default), if any. */
  customView?: PageCustomView | null;
}

function chips(filters: FilterSet): string {
  return FIELDS.filter((f) => filters[f]?.length)
    .map((f) => `<span class="vz-chip">${esc(`${f}: ${filters[f]!.join(", ")}`)}</span>`)
    .join("");
}

function parameterChips(input: ViewPageInput): string {
  return input.workbook.parameters
    .map((p) => {
      const text = `${p.name}: ${formatParameterValue(p, input.parameters[p.name] ?? p.value)}`;
      return `<span class="vz-chip">${esc(text)}</span>`;
    })
    .join("");
}

function securityNote(security: FilterSet): string {
  const parts = FIELDS.filter((f) => security[f]).map((f) => `${f} ${security[f]!.join(", ") || "(none)"}`);
  return parts.length ? `Your data is limited to ${esc(parts.join("; "))}.` : "";
}

function tabs(input: ViewPageInput): string {
  if (!input.options.tabs) return "";
  const buttons = input.workbook.views
    .map(
      (v) =>
        `<button type="button" role="tab" data-tab="${esc(v.sheetUrl)}" aria-selected="${v.id === input.view.id}">${esc(v.name)}</button>`,
    )
    .join("");
  return `<nav class="vz-tabs" role="tablist" aria-label="Sheets">${buttons}</nav>`;
}

function toolbar(options: PageOptions): string {
  if (options.toolbar === "hidden") return "";
  return (
    `<div class="vz-toolbar ${options.toolbar}" role="toolbar" aria-label="View toolbar">` +
    `<button type="button" id="vz-revert">Revert</button><button type="button" id="vz-refresh">Refresh</button>` +
    `<button type="button" id="vz-download">Download image</button><span class="vz-brand">Tableau emulator</span></div>`
  );
}

export function viewPage(input: ViewPageInput): EmuResponse {
  const { workbook, view, user } = input;
  // No <header> or <main>: inside an embedding page they would be a second banner and main landmark beside the
  // page's own, and the view is part of that page's main content.
  const caption =
    `<div class="vz-caption" data-testid="vz-caption"><div class="vz-crumbs">` +
    `<span class="vz-workbook">${esc(workbook.name)}</span><span class="vz-sep" aria-hidden="true">/</span>` +
    `<h1 id="vz-sheet-name">${esc(view.name)}</h1></div>` +
    `<span class="vz-user">Signed in as <strong>${esc(user.name)}</strong></span>` +
    `<div class="vz-filters" id="vz-filters" aria-label="Filters">${chips(input.filters)}</div>` +
    `<div class="vz-filters" id="vz-parameters" aria-label="Parameters">${parameterChips(input)}</div>` +
    `<div class="vz-security">${securityNote(input.security)}</div></div>`;
  const body =
    caption +
    tabs(input) +
    `<div id="vz-chart" aria-busy="false">${input.svg}</div>` +
    toolbar(input.options);
  const sheets = workbook.views.map((v) => ({
    name: v.name,
    sheetUrl: v.sheetUrl,
    sheetType: v.sheetType,
    worksheets: v.sheetType === "dashboard" ? v.worksheets : [],
    filters: v.filters,
    url: `${input.publicUrl}${input.basePath}/${encodeURIComponent(v.sheetUrl)}`,
  }));
  return documentShell({
    status: 200,
    title: `${view.name} - ${workbook.name}`,
    body,
    state: {
      page: "view",
      workbook: { name: workbook.name, contentUrl: workbook.contentUrl },
      user: { name: user.name },
      sheets,
      active: view.sheetUrl,
      basePath: input.basePath,
      filters: input.filters,
      domains: input.domains,
      security: input.security,
      parameters: workbook.parameters.map((p) => ({
        id: p.id,
        name: p.name,
        dataType: p.dataType,
        allowable: p.allowable,
        value: input.parameters[p.name] ?? p.value,
        defaultValue: p.value,
        formatted: formatParameterValue(p, input.parameters[p.name] ?? p.value),
      })),
      allowedOrigins: input.allowedOrigins,
      customView: input.customView ?? null,
    },
    headers: { "content-security-policy": `frame-ancestors ${input.frameAncestors}` },
  });
}
