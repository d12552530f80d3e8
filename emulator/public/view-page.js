// The script of the emulator's view page (inside the viz iframe). It redraws the chart when filters or the
// sheet change, and talks to its parent (the emulator's own <tableau-viz>) with the emulator's own message
// format, documented in emulator/embed/README.md:
//   parent → page  { source: "vizport-viz", type: "hello" }
//                  { source: "vizport-viz", type: "command", id, name, args }
//   page → parent  { source: "vizport-emulator", type: "ready", page, ... }
//                  { source: "vizport-emulator", type: "result", id, ok, value | error }
//                  { source: "vizport-emulator", type: "event", name, detail }
// Messages are accepted only from the parent window at an origin in the Connected App's domain allowlist, and
// answered to that origin only.

const FROM_PARENT = "vizport-viz";
const FROM_PAGE = "vizport-emulator";

const stateEl = document.getElementById("vz-state");
const state = JSON.parse(stateEl ? stateEl.textContent || "{}" : "{}");
const initial = { active: state.active, filters: cloneFilters(state.filters || {}) };
let parentOrigin = null;

function cloneFilters(filters) {
  const out = {};
  for (const [k, v] of Object.entries(filters)) out[k] = [...v];
  return out;
}

function originAllowed(origin) {
  const list = state.allowedOrigins || [];
  return list.includes("*") || list.includes(origin) || origin === location.origin;
}

function post(message) {
  if (parentOrigin && window.parent !== window) {
    window.parent.postMessage({ source: FROM_PAGE, ...message }, parentOrigin);
  }
}

function emit(name, detail) {
  post({ type: "event", name, detail });
}

function sheetByName(name) {
  return (state.sheets || []).find((s) => s.name === name || s.sheetUrl === name);
}

function activeSheet() {
  return sheetByName(state.active);
}

function canonicalField(name) {
  const lower = String(name).trim().toLowerCase();
  return Object.keys(state.domains || {}).find((f) => f.toLowerCase() === lower) || null;
}

function canonicalValue(field, value) {
  const lower = String(value).trim().toLowerCase();
  return (state.domains[field] || []).find((v) => v.toLowerCase() === lower) || String(value).trim();
}

function filterQuery() {
  const q = new URLSearchParams();
  for (const [field, values] of Object.entries(state.filters))
    if (values.length) q.set(field, values.join(","));
  return q;
}

function sheetPath(sheet, suffix) {
  return `${state.basePath}/${encodeURIComponent(sheet.sheetUrl)}${suffix}`;
}

/** Keeps the address bar (and so a reload) in step with the sheet and filters; `:` options are kept. */
function syncUrl() {
  const url = new URL(location.href);
  const keep = [...url.searchParams].filter(([k]) => k.startsWith(":"));
  url.pathname = sheetPath(activeSheet(), "");
  url.search = "";
  for (const [k, v] of keep) url.searchParams.append(k, v);
  for (const [k, v] of filterQuery()) url.searchParams.set(k, v);
  history.replaceState(null, "", url);
}

/** The chart area's size in CSS pixels, so a redraw fills it without stretching text. */
function chartSize() {
  const chart = document.getElementById("vz-chart");
  const style = getComputedStyle(chart);
  const w = chart.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const h = chart.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  return { width: Math.max(160, Math.round(w)), height: Math.max(160, Math.round(h)) };
}

async function redraw() {
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

function renderChips() {
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

function pageError(errorCode, message) {
  const err = new Error(message);
  err.errorCode = errorCode;
  return err;
}

function filtersFor(sheetName) {
  return Object.entries(state.filters).map(([fieldName, values]) => ({
    fieldName,
    filterType: "categorical",
    worksheetName: sheetName,
    isExcludeMode: false,
    isAllSelected: false,
    appliedValues: values.map((v) => ({ value: v, formattedValue: v })),
  }));
}

function sheetInfo() {
  const sheet = activeSheet();
  return {
    name: sheet.name,
    sheetType: sheet.sheetType,
    index: state.sheets.indexOf(sheet),
    url: sheet.url,
    worksheets: sheet.worksheets,
  };
}

function snapshot() {
  return {
    page: state.page,
    workbook: state.workbook,
    sheets: state.sheets.map((s, index) => ({ name: s.name, sheetType: s.sheetType, index, url: s.url })),
    activeSheet: sheetInfo(),
    filters: filtersFor(activeSheet().name),
    size: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
  };
}

async function applyFilter({ field, values, updateType, worksheetName }) {
  const fieldName = canonicalField(field);
  if (!fieldName) throw pageError("filter-cannot-be-performed", `"${field}" is not a field of this view.`);
  const list = (Array.isArray(values) ? values : [values]).map((v) => canonicalValue(fieldName, v));
  const current = state.filters[fieldName] || [];
  let next;
  if (updateType === "replace") next = list;
  else if (updateType === "add") next = [...new Set([...current, ...list])];
  else if (updateType === "remove") next = current.filter((v) => !list.includes(v));
  else if (updateType === "all") next = [];
  else throw pageError("invalid-parameter", `Unknown filter update type "${updateType}".`);
  // An empty selection means no filter (all values) in the emulator: see README.
  if (next.length) state.filters[fieldName] = next;
  else delete state.filters[fieldName];
  await redraw();
  emit("filterchanged", {
    fieldName,
    worksheetName: worksheetName || activeSheet().name,
    filters: snapshot().filters,
  });
  return fieldName;
}

async function clearFilter({ field, worksheetName }) {
  const fieldName = canonicalField(field);
  if (!fieldName) throw pageError("filter-cannot-be-performed", `"${field}" is not a field of this view.`);
  delete state.filters[fieldName];
  await redraw();
  emit("filterchanged", {
    fieldName,
    worksheetName: worksheetName || activeSheet().name,
    filters: snapshot().filters,
  });
  return fieldName;
}

async function activateSheet({ name, index }) {
  const sheet = typeof index === "number" ? state.sheets[index] : sheetByName(name);
  if (!sheet) {
    throw typeof index === "number"
      ? pageError("index-out-of-range", `There is no sheet at index ${index}.`)
      : pageError("sheet-not-in-workbook", `"${name}" is not a sheet of this workbook.`);
  }
  const old = activeSheet();
  if (sheet === old) return sheetInfo();
  state.active = sheet.sheetUrl;
  await redraw();
  emit("tabswitched", { oldSheetName: old.name, newSheetName: sheet.name, activeSheet: sheetInfo() });
  return sheetInfo();
}

async function revertAll() {
  const changed = new Set([...Object.keys(state.filters), ...Object.keys(initial.filters)]);
  const oldName = activeSheet().name;
  state.filters = cloneFilters(initial.filters);
  state.active = initial.active;
  await redraw();
  if (activeSheet().name !== oldName) {
    emit("tabswitched", {
      oldSheetName: oldName,
      newSheetName: activeSheet().name,
      activeSheet: sheetInfo(),
    });
  }
  for (const fieldName of changed) {
    emit("filterchanged", { fieldName, worksheetName: activeSheet().name, filters: snapshot().filters });
  }
}

/** The chart as a PNG data URL: the SVG drawn on a canvas at twice its size, else the server's raster. */
async function exportImage() {
  const svg = document.querySelector("#vz-chart svg");
  const filename = `${activeSheet().name}.png`;
  try {
    const xml = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = svg.viewBox.baseVal.width * 2;
    canvas.height = svg.viewBox.baseVal.height * 2;
    canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
    return { dataUrl: canvas.toDataURL("image/png"), filename };
  } catch {
    const res = await fetch(`${sheetPath(activeSheet(), ".png")}?${filterQuery()}`, {
      credentials: "same-origin",
    });
    if (!res.ok) throw pageError("internal-error", `The image could not be made (HTTP ${res.status}).`);
    const blob = await res.blob();
    const dataUrl = await new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result);
      reader.readAsDataURL(blob);
    });
    return { dataUrl, filename };
  }
}

async function exportPdf() {
  const res = await fetch(`${sheetPath(activeSheet(), ".pdf")}?${filterQuery()}`, {
    credentials: "same-origin",
  });
  if (!res.ok) throw pageError("internal-error", `The PDF could not be made (HTTP ${res.status}).`);
  const blob = await res.blob();
  const dataUrl = await new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsDataURL(blob);
  });
  return { dataUrl, filename: `${activeSheet().name}.pdf` };
}

const commands = {
  applyFilter,
  clearFilter,
  activateSheet,
  revertAll,
  exportImage,
  exportPdf,
  getFilters: async ({ worksheetName } = {}) => filtersFor(worksheetName || activeSheet().name),
  refresh: async () => {
    await redraw();
  },
  getState: async () => snapshot(),
};

window.addEventListener("message", async (event) => {
  const data = event.data;
  if (event.source !== window.parent || !data || data.source !== FROM_PARENT) return;
  if (!originAllowed(event.origin)) return;
  parentOrigin = event.origin;
  if (data.type === "hello") {
    post(
      state.page === "view"
        ? { type: "ready", ...snapshot() }
        : { type: "ready", page: state.page, ...state.notice },
    );
    return;
  }
  if (data.type !== "command" || state.page !== "view") return;
  const run = commands[data.name];
  try {
    if (!run) throw pageError("wrong-implementation", `The emulator does not support "${data.name}".`);
    post({ type: "result", id: data.id, ok: true, value: await run(data.args || {}) });
  } catch (err) {
    post({
      type: "result",
      id: data.id,
      ok: false,
      error: { errorCode: err.errorCode || "internal-error", message: String(err.message || err) },
    });
  }
});

// The page's own chrome: tabs and toolbar buttons work without a parent too.
if (state.page === "view") {
  for (const tab of document.querySelectorAll("[data-tab]")) {
    tab.addEventListener("click", () => activateSheet({ name: tab.dataset.tab }).catch(() => {}));
  }
  document.getElementById("vz-revert")?.addEventListener("click", () => revertAll().catch(() => {}));
  document.getElementById("vz-refresh")?.addEventListener("click", () => redraw().catch(() => {}));
  // The server draws at a default size; once the page knows its own, it redraws to fill it (and on resize).
  let drawn = chartSize();
  const fit = () => {
    const now = chartSize();
    if (Math.abs(now.width - drawn.width) < 24 && Math.abs(now.height - drawn.height) < 24) return;
    drawn = now;
    redraw().catch(() => {});
  };
  const svg = document.querySelector("#vz-chart svg");
  if (svg) drawn = { width: svg.viewBox.baseVal.width, height: svg.viewBox.baseVal.height };
  let timer = 0;
  new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(fit, 120);
  }).observe(document.getElementById("vz-chart"));
  document.getElementById("vz-download")?.addEventListener("click", async () => {
    const { dataUrl, filename } = await exportImage();
    const a = document.createElement("a");
    a.href = dataUrl;
    a.download = filename;
    a.click();
  });
}
