// The Tableau emulator's own Embedding API v3 surface: <tableau-viz>, <viz-filter>, <viz-parameter>.
// Written from Tableau's public Embedding API reference only (attributes, events, methods and enum values as
// documented). It is not Tableau's library: it talks to the emulator's view page with the emulator's own
// message format (see emulator/embed/README.md), and supports the subset of the API the emulator draws.

const FROM_VIZ = "vizport-viz";
const FROM_PAGE = "vizport-emulator";

export const TableauEventType = Object.freeze({
  FirstInteractive: "firstinteractive",
  FirstVizSizeKnown: "firstvizsizeknown",
  VizLoadError: "vizloaderror",
  FilterChanged: "filterchanged",
  TabSwitched: "tabswitched",
  MarkSelectionChanged: "markselectionchanged",
  ParameterChanged: "parameterchanged",
  UrlAction: "urlaction",
  ToolbarStateChanged: "toolbarstatechanged",
});
export const FilterUpdateType = Object.freeze({
  Add: "add",
  All: "all",
  Remove: "remove",
  Replace: "replace",
});
export const FilterType = Object.freeze({
  Categorical: "categorical",
  Range: "range",
  Hierarchical: "hierarchical",
  RelativeDate: "relative-date",
});
export const SheetType = Object.freeze({ Dashboard: "dashboard", Story: "story", Worksheet: "worksheet" });
export const Toolbar = Object.freeze({ Top: "top", Bottom: "bottom", Hidden: "hidden" });
export const DeviceType = Object.freeze({
  Default: "default",
  Desktop: "desktop",
  Tablet: "tablet",
  Phone: "phone",
});
export const TableauDialogType = Object.freeze({
  ExportPDF: "export-pdf",
  ExportPowerPoint: "export-powerpoint",
  ExportData: "export-data",
  ExportCrossTab: "export-cross-tab",
  ExportWorkbook: "export-workbook",
  Share: "share",
});
export const EmbeddingErrorCodes = Object.freeze({
  AuthFailed: "auth-failed",
  FilterCannotBePerformed: "filter-cannot-be-performed",
  ImplementationError: "wrong-implementation",
  IndexOutOfRange: "index-out-of-range",
  InternalError: "internal-error",
  InvalidParameter: "invalid-parameter",
  InvalidUrl: "invalid-url",
  SheetNotInWorkbook: "sheet-not-in-workbook",
});

/** An Error with the API's `errorCode`, like the reference's TableauEmbeddingError. */
export class TableauEmbeddingError extends Error {
  constructor(errorCode, message) {
    super(message);
    this.name = "TableauEmbeddingError";
    this.errorCode = errorCode;
  }
}

const BOOLEAN_ATTRS = [
  "hide-tabs",
  "disable-url-actions",
  "touch-optimize",
  "debug",
  "iframe-auth",
  "force-token-sync",
];
const STRING_ATTRS = ["src", "token", "width", "height", "toolbar", "device", "iframe-attr-loading"];
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

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

class Worksheet extends Sheet {
  constructor(viz, info) {
    super(viz, { ...info, sheetType: SheetType.Worksheet });
  }
  /** Applies a categorical filter. In the emulator a filter applies to the whole view (see README). */
  applyFilterAsync(fieldName, values, updateType, _options) {
    const list = Array.isArray(values) ? values.map(String) : [String(values)];
    if (!Object.values(FilterUpdateType).includes(updateType)) {
      return Promise.reject(
        new TableauEmbeddingError(EmbeddingErrorCodes.InvalidParameter, `Invalid updateType: ${updateType}`),
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
    return filters.map((f) => ({ ...f, worksheet: this }));
  }
}

class Dashboard extends Sheet {
  constructor(viz, info) {
    super(viz, { ...info, sheetType: SheetType.Dashboard });
    this.worksheets = (info.worksheets || []).map((name, index) => new Worksheet(viz, { name, index }));
  }
  async getFiltersAsync() {
    const filters = await this._viz._command("getFilters", {});
    return filters.map((f) => ({ ...f, worksheet: this.worksheets[0] }));
  }
}

class Workbook {
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
  async activateSheetAsync(nameOrIndex) {
    const args = typeof nameOrIndex === "number" ? { index: nameOrIndex } : { name: String(nameOrIndex) };
    await this._viz._command("activateSheet", args);
    return this.activeSheet;
  }
}

let styleInjected = false;
function injectStyle() {
  if (styleInjected) return;
  styleInjected = true;
  const style = document.createElement("style");
  // Low specificity on purpose: the host page's own CSS wins.
  style.textContent =
    ":where(tableau-viz){display:block;position:relative}" +
    ":where(tableau-viz)>iframe{display:block;border:0;width:100%;height:100%}" +
    ":where(viz-filter,viz-parameter){display:none}";
  document.head.append(style);
}

function cssSize(value, fallback) {
  if (value === null || value === "") return fallback;
  return /^\d+(\.\d+)?$/.test(value.trim()) ? `${value.trim()}px` : value.trim();
}

export class TableauViz extends HTMLElement {
  static get observedAttributes() {
    return ["src", "token", "width", "height"];
  }

  constructor() {
    super();
    this._generation = 0;
    this._iframe = null;
    this._state = null;
    this._interactive = false;
    this._pending = new Map();
    this._nextId = 1;
    this._reloadQueued = false;
    this._onMessage = (event) => this._handleMessage(event);
  }

  connectedCallback() {
    injectStyle();
    // A property set before this element was upgraded shadows the accessors: move it to the attribute.
    for (const name of [...STRING_ATTRS, ...BOOLEAN_ATTRS]) {
      const prop = camel(name);
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
    this._applySize();
    window.addEventListener("message", this._onMessage);
    this._queueLoad();
  }

  disconnectedCallback() {
    window.removeEventListener("message", this._onMessage);
    this._generation++;
    this._rejectPending("The viz was removed from the page.");
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === "width" || name === "height") this._applySize();
    // The token is spent at load, so a new src or token means a new load.
    else if (this.isConnected) this._queueLoad();
  }

  get workbook() {
    this._assertInteractive();
    return new Workbook(this);
  }

  /** The iframe that shows the view, once created. */
  get iframe() {
    return this._iframe;
  }

  refreshDataAsync() {
    return this._command("refresh", {}).then(() => undefined);
  }

  revertAllAsync() {
    return this._command("revertAll", {}).then(() => undefined);
  }

  /** Downloads the current view as a PNG; resolves once the download has been handed to the browser. */
  async exportImageAsync() {
    const { dataUrl, filename } = await this._command("exportImage", {});
    this._download(dataUrl, filename);
  }

  /** Downloads the current view as a PDF (the emulator has no PDF options to choose from). */
  async exportPDFAsync() {
    const { dataUrl, filename } = await this._command("exportPdf", {});
    this._download(dataUrl, filename);
  }

  /** The emulator's dialogs are reduced to their outcome: the PDF dialog downloads the PDF directly. */
  async displayDialogAsync(dialogType) {
    if (dialogType === TableauDialogType.ExportPDF) return this.exportPDFAsync();
    this._assertInteractive();
    throw new TableauEmbeddingError(
      EmbeddingErrorCodes.ImplementationError,
      `The Tableau emulator does not implement the "${dialogType}" dialog.`,
    );
  }

  async getCurrentSrcAsync() {
    this._assertInteractive();
    return this._iframe ? this._iframe.src : this.src;
  }

  _assertInteractive() {
    if (!this._interactive || !this._state) {
      throw new TableauEmbeddingError(
        EmbeddingErrorCodes.InternalError,
        "The viz is not interactive yet: wait for the firstinteractive event before calling its methods.",
      );
    }
  }

  _applySize() {
    this.style.width = cssSize(this.getAttribute("width"), "800px");
    this.style.height = cssSize(this.getAttribute("height"), "600px");
  }

  _debug(...args) {
    if (this.hasAttribute("debug")) console.debug("[tableau-viz]", ...args);
  }

  _queueLoad() {
    if (this._reloadQueued) return;
    this._reloadQueued = true;
    // Setting src and token together (as frameworks do) gives one load, not two.
    queueMicrotask(() => {
      this._reloadQueued = false;
      if (this.isConnected) this._load();
    });
  }

  _dispatch(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: false }));
  }

  _fail(errorCode, message) {
    this._dispatch(TableauEventType.VizLoadError, { errorCode, message });
  }

  async _load() {
    const generation = ++this._generation;
    this._interactive = false;
    this._state = null;
    this._rejectPending("The viz is reloading.");
    this._iframe?.remove();
    this._iframe = null;
    const src = this.getAttribute("src");
    if (!src) return;
    let url;
    try {
      url = new URL(src, document.baseURI);
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("scheme");
    } catch {
      this._fail(EmbeddingErrorCodes.InvalidUrl, `The src "${src}" is not a valid URL.`);
      return;
    }
    this._origin = url.origin;
    const token = this.getAttribute("token");
    let frameUrl = this._frameUrl(url);
    if (token && this.hasAttribute("iframe-auth")) {
      // Iframe sign-in: the emulator checks the token, sets its cookie and redirects to the view.
      const target = frameUrl.pathname + frameUrl.search;
      frameUrl = new URL("/vizportal/api/web/v1/auth/embed/target", url.origin);
      frameUrl.searchParams.set("token", token);
      frameUrl.searchParams.set("target", target);
    } else if (token) {
      const ok = await this._signIn(url, token);
      if (!ok || generation !== this._generation) return;
    }
    this._mountFrame(frameUrl, generation);
  }

  async _signIn(url, token) {
    const site = /^\/t\/([^/]+)\//.exec(url.pathname);
    let response;
    try {
      response = await fetch(`${url.origin}/vizportal/api/web/v1/auth/embed/signin`, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ siteName: site ? decodeURIComponent(site[1]) : "", jwt: token }),
      });
    } catch (err) {
      this._fail(
        EmbeddingErrorCodes.AuthFailed,
        JSON.stringify({ statusCode: 0, errorMessage: String(err) }),
      );
      return false;
    }
    if (response.ok) return true;
    const body = await response.text().catch(() => "");
    this._fail(
      EmbeddingErrorCodes.AuthFailed,
      JSON.stringify({ statusCode: response.status, errorMessage: body }),
    );
    return false;
  }

  _frameUrl(url) {
    const frame = new URL(url.href);
    frame.searchParams.set(":embed", "y");
    const toolbar = this.getAttribute("toolbar");
    if (toolbar) frame.searchParams.set(":toolbar", toolbar === Toolbar.Hidden ? "no" : toolbar);
    if (this.hasAttribute("hide-tabs")) frame.searchParams.set(":tabs", "no");
    const device = this.getAttribute("device");
    if (device) frame.searchParams.set(":device", device);
    if (this.hasAttribute("disable-url-actions")) frame.searchParams.set(":disableUrlActions", "y");
    if (this.hasAttribute("touch-optimize")) frame.searchParams.set(":touchOptimize", "y");
    for (const child of this.children) {
      const tag = child.localName;
      const name =
        tag === "viz-filter"
          ? child.getAttribute("field")
          : tag === "viz-parameter"
            ? child.getAttribute("name")
            : null;
      const value = child.getAttribute("value");
      if (name && value !== null && value !== "") frame.searchParams.set(name, value);
    }
    return frame;
  }

  _mountFrame(frameUrl, generation) {
    const iframe = document.createElement("iframe");
    iframe.title = "Data Visualization";
    iframe.setAttribute("allowfullscreen", "true");
    iframe.setAttribute("loading", this.getAttribute("iframe-attr-loading") || "lazy");
    iframe.addEventListener("load", () => {
      if (generation !== this._generation) return;
      this._debug("iframe loaded, greeting", this._origin);
      iframe.contentWindow?.postMessage({ source: FROM_VIZ, type: "hello" }, this._origin);
    });
    iframe.src = frameUrl.href;
    this._iframe = iframe;
    this.append(iframe);
  }

  _handleMessage(event) {
    const data = event.data;
    if (!this._iframe || event.source !== this._iframe.contentWindow || event.origin !== this._origin) return;
    if (!data || data.source !== FROM_PAGE) return;
    if (data.type === "ready") this._onReady(data);
    else if (data.type === "result") this._onResult(data);
    else if (data.type === "event") this._onEvent(data);
  }

  _onReady(data) {
    this._debug("page ready", data.page);
    if (data.page === "auth-error") {
      this._fail(
        EmbeddingErrorCodes.AuthFailed,
        JSON.stringify({ statusCode: data.statusCode, errorMessage: data.body }),
      );
      return;
    }
    // Sign-in notice, permission or not-found pages: Tableau raises no event for these; neither do we.
    if (data.page !== "view") return;
    const first = !this._interactive;
    this._state = data;
    this._interactive = true;
    if (!first) return;
    const rect = this.getBoundingClientRect();
    this._dispatch(TableauEventType.FirstVizSizeKnown, {
      vizSize: {
        sheetSize: { behavior: "automatic" },
        chromeHeight: 0,
        frame: { width: Math.round(rect.width), height: Math.round(rect.height) },
      },
    });
    this._dispatch(TableauEventType.FirstInteractive, {});
  }

  _onResult(data) {
    const pending = this._pending.get(data.id);
    if (!pending) return;
    this._pending.delete(data.id);
    if (data.ok) pending.resolve(data.value);
    else pending.reject(new TableauEmbeddingError(data.error.errorCode, data.error.message));
  }

  _onEvent(data) {
    const detail = data.detail || {};
    if (this._state && detail.filters) this._state.filters = detail.filters;
    if (this._state && detail.activeSheet) this._state.activeSheet = detail.activeSheet;
    if (data.name === TableauEventType.FilterChanged) {
      const worksheet = new Worksheet(this, { name: detail.worksheetName, index: 0 });
      const fieldName = detail.fieldName;
      this._dispatch(TableauEventType.FilterChanged, {
        fieldName,
        worksheet,
        getFilterAsync: async () =>
          (await worksheet.getFiltersAsync()).find((f) => f.fieldName === fieldName) ?? null,
      });
    } else if (data.name === TableauEventType.TabSwitched) {
      this._dispatch(TableauEventType.TabSwitched, {
        oldSheetName: detail.oldSheetName,
        newSheetName: detail.newSheetName,
      });
    }
  }

  _command(name, args) {
    try {
      this._assertInteractive();
    } catch (err) {
      return Promise.reject(err);
    }
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._iframe.contentWindow.postMessage(
        { source: FROM_VIZ, type: "command", id, name, args },
        this._origin,
      );
    });
  }

  _rejectPending(message) {
    for (const { reject } of this._pending.values()) {
      reject(new TableauEmbeddingError(EmbeddingErrorCodes.InternalError, message));
    }
    this._pending.clear();
  }

  _download(dataUrl, filename) {
    const a = document.createElement("a");
    a.href = dataUrl;
    a.download = filename;
    a.style.display = "none";
    document.body.append(a);
    a.click();
    a.remove();
  }
}

// Attribute-backed properties, so `viz.src = …` (and React 19, which sets properties on custom elements) works.
for (const name of STRING_ATTRS) {
  Object.defineProperty(TableauViz.prototype, camel(name), {
    get() {
      return this.getAttribute(name) ?? "";
    },
    set(value) {
      if (value === null || value === undefined || value === "") this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    },
    configurable: true,
  });
}
for (const name of BOOLEAN_ATTRS) {
  Object.defineProperty(TableauViz.prototype, camel(name), {
    get() {
      return this.hasAttribute(name);
    },
    set(value) {
      this.toggleAttribute(name, Boolean(value));
    },
    configurable: true,
  });
}

export class VizFilter extends HTMLElement {}
export class VizParameter extends HTMLElement {}

if (!customElements.get("tableau-viz")) customElements.define("tableau-viz", TableauViz);
if (!customElements.get("viz-filter")) customElements.define("viz-filter", VizFilter);
if (!customElements.get("viz-parameter")) customElements.define("viz-parameter", VizParameter);
