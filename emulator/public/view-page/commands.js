// What the parent can ask of the view page: filters, sheets, refresh, revert and exports. Each returns a
// plain value (sent back as the command's result) or throws an Error with an Embedding API `errorCode`.
import { emit } from "./messaging.js";
import { customViewCommands } from "./custom-view-commands.js";
import { exportCommands } from "./export-commands.js";
import { parameterCommands } from "./parameter-commands.js";
import {
  activeSheet,
  canonicalField,
  canonicalValue,
  cloneFilters,
  filterQuery,
  filtersFor,
  initial,
  pageError,
  parametersInfo,
  redraw,
  sheetByName,
  sheetInfo,
  sheetPath,
  snapshot,
  state,
} from "./state.js";

export async function applyFilter({ field, values, updateType, worksheetName }) {
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

export async function clearFilter({ field, worksheetName }) {
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

export async function activateSheet({ name, index }) {
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

export async function revertAll() {
  const changed = new Set([...Object.keys(state.filters), ...Object.keys(initial.filters)]);
  const oldName = activeSheet().name;
  state.filters = cloneFilters(initial.filters);
  state.active = initial.active;
  const changedParams = [];
  for (const [name, value, formatted] of initial.parameters) {
    const p = state.parameters.find((q) => q.name === name);
    if (p && p.value !== value) changedParams.push(name);
    if (p) Object.assign(p, { value, formatted });
  }
  await redraw();
  for (const parameterName of changedParams) {
    emit("parameterchanged", { parameterName, parameters: parametersInfo() });
  }
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
export async function exportImage() {
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

export async function exportPdf() {
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

export const commands = {
  ...parameterCommands,
  ...exportCommands,
  ...customViewCommands,
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
