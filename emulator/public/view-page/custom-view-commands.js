// Custom view commands of the view page: list, save, show, remove and make default, each through the
// emulator's page endpoint (emulator/embed/custom-view-api.ts), then the documented customview* event. A
// custom view belongs to the sheet it was saved on: only the active sheet's are listed and shown.
import { publicCustomView } from "./custom-view-info.js";
import { emit } from "./messaging.js";
import { activeSheet, cloneFilters, pageError, parametersInfo, redraw, snapshot, state } from "./state.js";

const API = "/vizportal/api/web/v1/customviews";

async function call(body) {
  const res = await fetch(API, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok || !data || !("result" in data)) {
    throw pageError(
      data?.error?.errorCode || "internal-error",
      data?.error?.message || `The custom view request failed (HTTP ${res.status}).`,
    );
  }
  return data.result;
}

const where = () => ({ workbook: state.workbook.contentUrl, sheet: activeSheet().sheetUrl });

function tell(name, customView) {
  emit(name, {
    customView: publicCustomView(customView),
    activeCustomView: publicCustomView(state.customView),
    filters: snapshot().filters,
  });
}

function unknownName(name) {
  return pageError("invalid-custom-view-name", `There is no custom view named "${name}" of this sheet.`);
}

async function byName(name, ownOnly) {
  const list = await call({ action: "list", ...where() });
  const hit = list.find((cv) => cv.name === String(name) && (!ownOnly || cv.mine));
  if (!hit) throw unknownName(name);
  return hit;
}

/** Puts the page in the custom view's state (or the view's original one) and redraws. */
async function applyState(filters, values) {
  const changed = [];
  state.filters = cloneFilters(filters);
  for (const p of state.parameters || []) {
    const next = Object.prototype.hasOwnProperty.call(values, p.name) ? values[p.name] : p.defaultValue;
    if (next !== p.value) changed.push(p.name);
    p.value = next;
  }
  await redraw();
  for (const parameterName of changed) {
    emit("parameterchanged", { parameterName, parameters: parametersInfo() });
  }
}

export const customViewCommands = {
  getCustomViews: async () => (await call({ action: "list", ...where() })).map(publicCustomView),

  saveCustomView: async ({ name }) => {
    if (typeof name !== "string" || !name.trim())
      throw pageError("invalid-custom-view-name", "A custom view needs a name.");
    const parameters = Object.fromEntries((state.parameters || []).map((p) => [p.name, p.value]));
    const saved = await call({
      action: "save",
      ...where(),
      name,
      filters: cloneFilters(state.filters),
      parameters,
    });
    state.customView = saved;
    tell("customviewsaved", saved);
    return publicCustomView(saved);
  },

  showCustomView: async ({ name }) => {
    if (name === null || name === undefined || name === "") {
      await applyState({}, {});
      state.customView = null;
      tell("customviewloaded", null);
      return null;
    }
    const cv = await byName(name, false);
    await applyState(cv.filters, cv.parameters);
    state.customView = cv;
    tell("customviewloaded", cv);
    return publicCustomView(cv);
  },

  removeCustomView: async ({ name }) => {
    const cv = await byName(name, true);
    const removed = await call({ action: "remove", id: cv.id });
    if (state.customView?.id === cv.id) state.customView = null;
    tell("customviewremoved", removed);
    return publicCustomView(removed);
  },

  setActiveCustomViewAsDefault: async () => {
    if (!state.customView)
      throw pageError("invalid-custom-view-name", "No custom view is showing: show or save one first.");
    const cv = await call({ action: "setDefault", id: state.customView.id });
    state.customView = { ...state.customView, ...cv };
    tell("customviewsetdefault", cv);
  },

  /** CustomView.saveAsync: the owner renames or shares it (and makes it their default). */
  updateCustomView: async ({ id, name, shared, isDefault }) => {
    let cv = await call({ action: "update", id: String(id), name, shared: Boolean(shared) });
    if (isDefault && !cv.default) cv = await call({ action: "setDefault", id: cv.id });
    if (state.customView?.id === cv.id) state.customView = cv;
    tell("customviewsaved", cv);
    return publicCustomView(cv);
  },
};
