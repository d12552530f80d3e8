// Messages from the emulator's view page (inside the viz iframe) to its <tableau-viz>: "ready" makes the viz
// interactive (or reports the page's sign-in error), "result" settles a method's promise, "event" becomes the
// documented filterchanged / parameterchanged / tabswitched events (message format: emulator/embed/README.md).
import { EmbeddingErrorCodes, TableauEmbeddingError, TableauEventType } from "./enums.js";
import { dispatchCustomViewEvent, isCustomViewEvent } from "./custom-views.js";
import { Workbook, Worksheet } from "./sheets.js";
import { toParameter } from "./values.js";

export const FROM_VIZ = "vizport-viz";
const FROM_PAGE = "vizport-emulator";

export function handlePageMessage(viz, event) {
  const data = event.data;
  if (!viz._iframe || event.source !== viz._iframe.contentWindow || event.origin !== viz._origin) return;
  if (!data || data.source !== FROM_PAGE) return;
  if (data.type === "ready") onReady(viz, data);
  else if (data.type === "result") onResult(viz, data);
  else if (data.type === "event") onEvent(viz, data);
}

function onReady(viz, data) {
  viz._debug("page ready", data.page);
  if (data.page === "auth-error") {
    viz._fail(
      EmbeddingErrorCodes.AuthFailed,
      JSON.stringify({ statusCode: data.statusCode, errorMessage: data.body }),
    );
    return;
  }
  // Sign-in notice, permission or not-found pages: Tableau raises no event for these; neither do we.
  if (data.page !== "view") return;
  const first = !viz._interactive;
  viz._state = data;
  viz._interactive = true;
  if (!first) return;
  const rect = viz.getBoundingClientRect();
  viz._dispatch(TableauEventType.FirstVizSizeKnown, {
    vizSize: {
      sheetSize: { behavior: "automatic" },
      chromeHeight: 0,
      frame: { width: Math.round(rect.width), height: Math.round(rect.height) },
    },
  });
  viz._dispatch(TableauEventType.FirstInteractive, {});
  // A custom view the URL named, or the user's default one, was loaded: said after firstinteractive.
  if (data.activeCustomView) {
    const detail = { customView: data.activeCustomView, activeCustomView: data.activeCustomView };
    dispatchCustomViewEvent(viz, TableauEventType.CustomViewLoaded, detail, new Workbook(viz));
  }
}

function onResult(viz, data) {
  const pending = viz._pending.get(data.id);
  if (!pending) return;
  viz._pending.delete(data.id);
  if (data.ok) pending.resolve(data.value);
  else pending.reject(new TableauEmbeddingError(data.error.errorCode, data.error.message));
}

function onEvent(viz, data) {
  const detail = data.detail || {};
  if (viz._state && detail.filters) viz._state.filters = detail.filters;
  if (viz._state && detail.activeSheet) viz._state.activeSheet = detail.activeSheet;
  if (data.name === TableauEventType.FilterChanged) {
    const worksheet = new Worksheet(viz, { name: detail.worksheetName, index: 0 });
    const fieldName = detail.fieldName;
    viz._dispatch(TableauEventType.FilterChanged, {
      fieldName,
      worksheet,
      getFilterAsync: async () =>
        (await worksheet.getFiltersAsync()).find((f) => f.fieldName === fieldName) ?? null,
    });
  } else if (data.name === TableauEventType.ParameterChanged) {
    const workbook = new Workbook(viz);
    const info = (detail.parameters || []).find((p) => p.name === detail.parameterName);
    viz._dispatch(TableauEventType.ParameterChanged, {
      getParameterAsync: async () => (info ? toParameter(info, workbook) : null),
    });
  } else if (isCustomViewEvent(data.name)) {
    dispatchCustomViewEvent(viz, data.name, detail, new Workbook(viz));
  } else if (data.name === TableauEventType.TabSwitched) {
    viz._dispatch(TableauEventType.TabSwitched, {
      oldSheetName: detail.oldSheetName,
      newSheetName: detail.newSheetName,
    });
  }
}
