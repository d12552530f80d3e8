// The view page's state (sheet, filters, as the server put them in #vz-state) and drawing: a redraw fetches
// the chart for the current sheet, filters and size from the server and swaps it in.
import { publicCustomView } from "./custom-view-info.js";

const stateEl = document.getElementById("vz-state");
export const state = JSON.parse(stateEl ? stateEl.textContent || "{}" : "{}");
export const initial = {
  active: state.active,
  filters: cloneFilters(state.filters || {}),
  parameters: (state.parameters || []).map((p) => [p.name, p.value, p.formatted]),
};
export function cloneFilters(filters) {
  const out = {};
  for (const [k, v] of Object.entries(filters)) out[k] = [...v];
  return out;
}

export function sheetByName(name) {
  return (state.sheets || []).find((s) => s.name === name || s.sheetUrl === name);
}

export function activeSheet() {
  return sheetByName(state.active);
}

export function canonicalField(name) {
  const lower = String(name).trim().toLowerCase();
  return Object.keys(state.domains || {}).find((f) => f.toLowerCase() === lower) || null;
}

export function canonicalValue(field, value) {
  const lower = String(value).trim().toLowerCase();
  return (state.domains[field] || []).find((v) => v.toLowerCase() === lower) || String(value).trim();
}

/** Filters and the parameters that differ from their defaults, as a view URL's query says them. */
export function filterQuery() {
  const q = new URLSearchParams();
  for (const [field, values] of Object.entries(state.filters))
    if (values.length) q.set(field, values.join(","));
  for (const p of state.parameters || []) if (p.value !== p.defaultValue) q.set(p.name, String(p.value));
  return q;
}

export function sheetPath(sheet, suffix) {
  return `${state.basePath}/${encodeURIComponent(sheet.sheetUrl)}${suffix}`;
}

/** Keeps the address bar (and so a reload) in step with the sheet and filters; `:` options are kept. */
export function syncUrl() {
  const url = new URL(location.href);
  const keep = [...url.searchParams].filter(([k]) => k.startsWith(":"));
  url.pathname = sheetPath(activeSheet(), "");
  url.search = "";
  for (const [k, v] of keep) url.searchParams.append(k, v);
  for (const [k, v] of filterQuery()) url.searchParams.set(k, v);
  history.replaceState(null, "", url);
}

/** The chart area's size in CSS pixels, so a redraw fills it without stretching text. */
export function chartSize() {
  const chart = document.getElementById("vz-chart");
  const style = getComputedStyle(chart);
  const w = chart.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const h = chart.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  return { width: Math.max(160, Math.round(w)), height: Math.max(160, Math.round(h)) };
}

export async function redraw() {
  const sheet = activeSheet();
  const chart = document.getElementById("vz-chart");
  chart.setAttribute("aria-busy", "true");
  const { width, height } = chartSize();
  const query = filterQuery();
  query.set(":w", String(width));
  query.set(":h", String(height));
  const res = await fetch(`${sheetPath(sheet, ".svg")}?${query}`, { credentials: "same-origin" });
  if (!res.ok) throw pageError("internal-error", `The view could not be drawn (HTTP ${res.status}).`);
  chart.innerHTML = await res.text();
  settleParameters(res.headers.get("x-emulator-parameters"));
  chart.setAttribute("aria-busy", "false");
  document.getElementById("vz-sheet-name").textContent = sheet.name;
  document.title = `${sheet.name} - ${state.workbook.name}`;
  for (const tab of document.querySelectorAll("[data-tab]")) {
    tab.setAttribute("aria-selected", String(tab.dataset.tab === sheet.sheetUrl));
  }
  renderChips();
  syncUrl();
}

/** The server's word on each parameter's value (it clamps, snaps and matches aliases); unknown ones are kept. */
function settleParameters(header) {
  if (!header) return;
  let values;
  try {
    values = JSON.parse(decodeURIComponent(header));
  } catch {
    return;
  }
  for (const p of state.parameters || []) {
    if (!Object.prototype.hasOwnProperty.call(values, p.name)) continue;
    p.value = values[p.name];
    const hit = p.allowable.type === "list" ? p.allowable.values.find((v) => v.value === p.value) : null;
    p.formatted = hit?.alias ?? String(p.value);
  }
}

function chip(text) {
  const el = document.createElement("span");
  el.className = "vz-chip";
  el.textContent = text;
  return el;
}

export function renderChips() {
  const box = document.getElementById("vz-filters");
  if (box)
    box.replaceChildren(...Object.entries(state.filters).map(([f, v]) => chip(`${f}: ${v.join(", ")}`)));
  const params = document.getElementById("vz-parameters");
  if (params)
    params.replaceChildren(...(state.parameters || []).map((p) => chip(`${p.name}: ${p.formatted}`)));
}

export function pageError(errorCode, message) {
  const err = new Error(message);
  err.errorCode = errorCode;
  return err;
}

/** The values a filter can take for this viewer: the field's values within the viewer's row-level security. */
export function domainOf(field) {
  const all = (state.domains || {})[field] || [];
  const allowed = (state.security || {})[field];
  return allowed ? all.filter((v) => allowed.includes(v)) : all;
}

/** A sheet's quick filters (a dashboard's: its worksheets'), then any filter the API applied beyond them. */
function declaredFields(sheetName) {
  const sheet = sheetByName(sheetName);
  if (!sheet) return [];
  if (sheet.sheetType !== "dashboard") return sheet.filters || [];
  return [...new Set((sheet.worksheets || []).flatMap((name) => sheetByName(name)?.filters || []))];
}

export function filtersFor(sheetName) {
  const fields = [...new Set([...declaredFields(sheetName), ...Object.keys(state.filters)])];
  return fields.map((fieldName) => {
    const values = state.filters[fieldName] || [];
    return {
      fieldName,
      fieldId: `[${fieldName}]`,
      filterType: "categorical",
      worksheetName: sheetName,
      isExcludeMode: false,
      isAllSelected: values.length === 0,
      appliedValues: values.map((v) => ({ value: v, formattedValue: v })),
      domain: domainOf(fieldName).map((v) => ({ value: v, formattedValue: v })),
    };
  });
}

export function parametersInfo() {
  return (state.parameters || []).map((p) => ({
    id: p.id,
    name: p.name,
    dataType: p.dataType,
    currentValue: { value: p.value, formattedValue: p.formatted, nativeValue: p.value },
    allowableValues: allowableInfo(p.allowable),
  }));
}

function allowableInfo(a) {
  const dv = (v) => ({ value: v, formattedValue: String(v), nativeValue: v });
  if (a.type === "list") {
    return {
      type: "list",
      allowableValues: a.values.map((v) => ({ ...dv(v.value), formattedValue: v.alias ?? String(v.value) })),
    };
  }
  if (a.type === "range")
    return { type: "range", minValue: dv(a.min), maxValue: dv(a.max), stepSize: a.step };
  return { type: "all" };
}

export function sheetInfo() {
  const sheet = activeSheet();
  return {
    name: sheet.name,
    sheetType: sheet.sheetType,
    index: state.sheets.indexOf(sheet),
    url: sheet.url,
    worksheets: sheet.worksheets,
  };
}

export function snapshot() {
  return {
    page: state.page,
    workbook: state.workbook,
    sheets: state.sheets.map((s, index) => ({ name: s.name, sheetType: s.sheetType, index, url: s.url })),
    activeSheet: sheetInfo(),
    filters: filtersFor(activeSheet().name),
    activeCustomView: publicCustomView(state.customView),
    size: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
  };
}
