// Enumerations and the error class of the Embedding API v3, with the string values its public reference
// documents, so code written against Tableau's library runs unchanged against the emulator.

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
  CustomViewLoaded: "customviewloaded",
  CustomViewSaved: "customviewsaved",
  CustomViewRemoved: "customviewremoved",
  CustomViewSetDefault: "customviewsetdefault",
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
export const ParameterValueType = Object.freeze({ All: "all", List: "list", Range: "range" });
export const FilterDomainType = Object.freeze({ Relevant: "relevant", Database: "database" });
export const DataType = Object.freeze({
  String: "string",
  Int: "int",
  Float: "float",
  Bool: "bool",
  Date: "date",
  DateTime: "date-time",
  Spatial: "spatial",
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
  InvalidCustomViewName: "invalid-custom-view-name",
  InvalidParameter: "invalid-parameter",
  InvalidUrl: "invalid-url",
  SheetNotInWorkbook: "sheet-not-in-workbook",
  CrosstabCreationError: "crosstab-creation-error",
  DataCreationError: "data-creation-error",
  PowerPointCreationError: "powerpoint-creation-error",
  InvalidSelectionSheet: "invalid-selection-sheet",
});
export const CrosstabFileFormat = Object.freeze({ CSV: "csv", Excel: "xlsx" });

/** An Error with the API's `errorCode`, like the reference's TableauEmbeddingError. */
export class TableauEmbeddingError extends Error {
  constructor(errorCode, message) {
    super(message);
    this.name = "TableauEmbeddingError";
    this.errorCode = errorCode;
  }
}
