// Custom views as the Embedding API reference documents them: the CustomView object, the Workbook methods
// (getCustomViewsAsync, saveCustomViewAsync, showCustomViewAsync, removeCustomViewAsync,
// setActiveCustomViewAsDefaultAsync, activeCustomView) and the customview* events, whose `detail.customView`
// is the custom view concerned. The view page keeps the custom views (view-page/custom-view-commands.js).
import { EmbeddingErrorCodes, TableauEmbeddingError, TableauEventType } from "./enums.js";

export class CustomView {
  constructor(viz, info, workbook) {
    this._viz = viz;
    this._id = info.id;
    this.name = info.name;
    this.shared = info.shared;
    this.default = info.default;
    this.ownerName = info.ownerName;
    this.url = info.url;
    this.workbook = workbook;
  }
  /** Saves a changed `name`, `shared` or `default` (the owner's custom views only). */
  async saveAsync() {
    const info = await this._viz._command("updateCustomView", {
      id: this._id,
      name: this.name,
      shared: this.shared,
      isDefault: this.default,
    });
    return new CustomView(this._viz, info, this.workbook);
  }
}

const EVENTS = new Set([
  TableauEventType.CustomViewLoaded,
  TableauEventType.CustomViewSaved,
  TableauEventType.CustomViewRemoved,
  TableauEventType.CustomViewSetDefault,
]);

function nameError(name) {
  return new TableauEmbeddingError(
    EmbeddingErrorCodes.InvalidCustomViewName,
    `"${name}" is not a valid custom view name.`,
  );
}

/** Adds the custom view methods and `activeCustomView` to the Workbook class. */
export function installCustomViewMethods(Workbook) {
  const wrap = (workbook, info) => (info ? new CustomView(workbook._viz, info, workbook) : undefined);
  Object.defineProperty(Workbook.prototype, "activeCustomView", {
    get() {
      return wrap(this, this._viz._state?.activeCustomView);
    },
  });
  Object.assign(Workbook.prototype, {
    async getCustomViewsAsync() {
      const list = await this._viz._command("getCustomViews", {});
      return list.map((info) => wrap(this, info));
    },
    async saveCustomViewAsync(name) {
      if (typeof name !== "string" || name.trim() === "") throw nameError(name);
      return wrap(this, await this._viz._command("saveCustomView", { name }));
    },
    async showCustomViewAsync(name) {
      if (name !== null && name !== undefined && typeof name !== "string") throw nameError(name);
      return wrap(this, await this._viz._command("showCustomView", { name: name ?? null }));
    },
    async removeCustomViewAsync(name) {
      if (typeof name !== "string" || name === "") throw nameError(name);
      return wrap(this, await this._viz._command("removeCustomView", { name }));
    },
    async setActiveCustomViewAsDefaultAsync() {
      await this._viz._command("setActiveCustomViewAsDefault", {});
    },
  });
}

export function isCustomViewEvent(name) {
  return EVENTS.has(name);
}

/** The page's customview* message as the documented event; the viz's state learns the active custom view. */
export function dispatchCustomViewEvent(viz, name, detail, workbook) {
  if (viz._state) viz._state.activeCustomView = detail.activeCustomView ?? null;
  const info = detail.customView;
  viz._dispatch(name, { customView: info ? new CustomView(viz, info, workbook) : undefined });
}
