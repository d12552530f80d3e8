// The <tableau-viz> element: signs in, creates the iframe, greets the view page and turns its messages into
// the documented events and promise results (message format: emulator/embed/README.md).
import { EmbeddingErrorCodes, TableauDialogType, TableauEmbeddingError, TableauEventType } from "./enums.js";
import { embedSignIn, targetFrameUrl, viewFrameUrl } from "./load.js";
import {
  BOOLEAN_ATTRS,
  camel,
  cssSize,
  defineAttributeProperties,
  styleFrame,
  styleHost,
  STRING_ATTRS,
} from "./element-support.js";
import { dialogOutcome } from "./exports.js";
import { FROM_VIZ, handlePageMessage } from "./page-messages.js";
import { Workbook } from "./sheets.js";

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
    this._spentToken = null;
    this._onMessage = (event) => handlePageMessage(this, event);
  }

  connectedCallback() {
    styleHost(this);
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
    this._interactive = false;
    this._rejectPending("The viz was removed from the page.");
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === "width" || name === "height") this._applySize();
    // The token is spent at load, so a new src or token means a new load.
    else if (this.isConnected) this._queueLoad();
  }

  /** The loaded workbook; `undefined` until `firstinteractive` (the methods, by contrast, reject). */
  get workbook() {
    if (!this._interactive || !this._state) {
      this._debug("viz.workbook read before firstinteractive");
      return undefined;
    }
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

  /** The emulator's dialogs are reduced to their outcome: the PDF dialog downloads the PDF directly (others: exports.js). */
  async displayDialogAsync(dialogType) {
    if (dialogType === TableauDialogType.ExportPDF) return this.exportPDFAsync();
    this._assertInteractive();
    const outcome = dialogOutcome(this, dialogType);
    if (outcome) return outcome;
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
    let frameUrl = viewFrameUrl(this, url);
    if (token && this.hasAttribute("iframe-auth")) {
      frameUrl = targetFrameUrl(frameUrl, token);
    } else if (token && this._spentToken !== `${url.origin} ${token}`) {
      const signin = await embedSignIn(url, token);
      if (generation !== this._generation) return;
      if (!signin.ok) {
        this._fail(EmbeddingErrorCodes.AuthFailed, signin.message);
        return;
      }
      // A token signs in once; if the element is moved in the page, the session it opened is reused.
      this._spentToken = `${url.origin} ${token}`;
    }
    this._mountFrame(frameUrl, generation);
  }

  _mountFrame(frameUrl, generation) {
    const iframe = document.createElement("iframe");
    iframe.title = "Data Visualization";
    styleFrame(iframe);
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

  _command(name, args) {
    try {
      this._assertInteractive();
    } catch (err) {
      return Promise.reject(err);
    }
    const target = this._iframe?.contentWindow;
    if (!target) {
      return Promise.reject(
        new TableauEmbeddingError(EmbeddingErrorCodes.InternalError, "The viz has no view loaded."),
      );
    }
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      target.postMessage({ source: FROM_VIZ, type: "command", id, name, args }, this._origin);
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

defineAttributeProperties(TableauViz);
