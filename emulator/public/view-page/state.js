// The view page's state (sheet, filters, as the server put them in #vz-state) and drawing: a redraw fetches
// the chart for the current sheet, filters and size from the server and swaps it in.

const stateEl = document.getElementById("vz-state");
export const state = JSON.parse(stateEl ? stateEl.textContent || "{}" : "{}");
export const initial = { active: state.active, filters: cloneFilters(state.filters || {}) };
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

export function filterQuery() {
  const q = new URLSearchParams();
  for (const [field, values] of Object.entries(state.filters))
    if (values.length) q.set(field, values.join(","));
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
  chart.setAttribute("aria-busy", "false");
  document.getElementById("vz-sheet-name").textContent = sheet.name;
  document.title = `${sheet.name} - ${state.workbook.name}`;
  for (const tab of document.querySelectorAll("[data-tab]")) {
    tab.setAttribute("aria-selected", String(tab.dataset.tab === sheet.sheetUrl));
  }
  renderChips();
  syncUrl();
}

export function renderChips() {
  const box = document.getElementById("vz-filters");
  if (!box) return;
  box.replaceChildren();
  for (const [field, values] of Object.entries(state.filters)) {
    const chip = document.createElement("span");
    chip.className = "vz-chip";
    chip.textContent = `${field}: ${values.join(", ")}`;
    box.append(chip);
  }
}

export function pageError(errorCode, message) {
  const err = new Error(message);
  err.errorCode = errorCode;
  return err;
}

export function filtersFor(sheetName) {
  return Object.entries(state.filters).map(([fieldName, values]) => ({
    fieldName,
    filterType: "categorical",
    worksheetName: sheetName,
    isExcludeMode: false,
    isAllSelected: false,
    appliedValues: values.map((v) => ({ value: v, formattedValue: v })),
  }));
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
    size: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
  };
}
