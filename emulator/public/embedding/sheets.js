// Workbook and sheets as `viz.workbook` exposes them. Each call goes to the view page through the viz's
// `_command` (see viz.js); the objects hold no state of their own beyond what the page last reported.
import { FilterUpdateType, SheetType, TableauEmbeddingError, EmbeddingErrorCodes } from "./enums.js";
import { installCustomViewMethods } from "./custom-views.js";
import { toFilter, toParameter } from "./values.js";

class Sheet {
  constructor(viz, info) {
    this._viz = viz;
    this.name = info.name;
    this.sheetType = info.sheetType;
    this.index = info.index;
    this.url = info.url;
  }
  get isActive() {
    return this._viz._state?.activeSheet.name === this.name;
  }
}

export class Worksheet extends Sheet {
  constructor(viz, info) {
    super(viz, { ...info, sheetType: SheetType.Worksheet });
  }
  /** Applies a categorical filter. In the emulator a filter applies to the whole view (see README). */
  applyFilterAsync(fieldName, values, updateType, options) {
    const list = Array.isArray(values) ? values.map(String) : [String(values)];
    if (!Object.values(FilterUpdateType).includes(updateType)) {
      return Promise.reject(
        new TableauEmbeddingError(EmbeddingErrorCodes.InvalidParameter, `Invalid updateType: ${updateType}`),
      );
    }
    // Said plainly rather than ignored: an exclude filter silently applied as include would show wrong data.
    if (options?.isExcludeMode) {
      return Promise.reject(
        new TableauEmbeddingError(
          EmbeddingErrorCodes.FilterCannotBePerformed,
          "The Tableau emulator does not support exclude filters (isExcludeMode).",
        ),
      );
    }
    return this._viz._command("applyFilter", {
      field: fieldName,
      values: list,
      updateType,
      worksheetName: this.name,
    });
  }
  clearFilterAsync(fieldName) {
    return this._viz._command("clearFilter", { field: fieldName, worksheetName: this.name });
  }
  async getFiltersAsync() {
    const filters = await this._viz._command("getFilters", { worksheetName: this.name });
    return filters.map((f) => toFilter(f, this));
  }
}

export class Dashboard extends Sheet {
  constructor(viz, info) {
    super(viz, { ...info, sheetType: SheetType.Dashboard });
    this.worksheets = (info.worksheets || []).map((name, index) => new Worksheet(viz, { name, index }));
  }
  async getFiltersAsync() {
    const filters = await this._viz._command("getFilters", {});
    return filters.map((f) => toFilter(f, this.worksheets[0]));
  }
}

export class Workbook {
  constructor(viz) {
    this._viz = viz;
  }
  get name() {
    return this._viz._state.workbook.name;
  }
  get activeSheet() {
    const info = this._viz._state.activeSheet;
    return info.sheetType === SheetType.Dashboard
      ? new Dashboard(this._viz, info)
      : new Worksheet(this._viz, info);
  }
  get publishedSheetsInfo() {
    const active = this._viz._state.activeSheet.name;
    return this._viz._state.sheets.map((s) => ({ ...s, isActive: s.name === active }));
  }
  async getParametersAsync() {
    const list = await this._viz._command("getParameters", {});
    return list.map((p) => toParameter(p, this));
  }
  /** Resolves with the Parameter as it now is (its value clamped, snapped or alias-matched). */
  async changeParameterValueAsync(name, value) {
    const sent = value instanceof Date ? value.toISOString() : value;
    const info = await this._viz._command("changeParameter", { name: String(name), value: sent });
    return toParameter(info, this);
  }
  async activateSheetAsync(nameOrIndex) {
    const args = typeof nameOrIndex === "number" ? { index: nameOrIndex } : { name: String(nameOrIndex) };
    await this._viz._command("activateSheet", args);
    return this.activeSheet;
  }
}

installCustomViewMethods(Workbook);
