/**
 * Types for the `<tableau-viz>` custom element, written from the public Embedding API v3 reference
 * (tableau-reference §4): the documented attributes, child elements, events and the few methods the portal
 * calls. Both the Tableau server's script and the bundled npm library define this element; the portal relies on
 * nothing beyond this surface.
 */
import type { Key, ReactNode, Ref } from "react";

export type VizToolbar = "top" | "bottom" | "hidden";
export type VizDevice = "default" | "desktop" | "tablet" | "phone";
/** FilterUpdateType enum strings. */
export type VizFilterUpdateType = "add" | "all" | "replace" | "remove";
/** TableauDialogType enum strings. */
export type VizDialogType = "export-pdf" | "export-powerpoint" | "export-data" | "export-cross-tab";

export interface VizDataValue {
  value: unknown;
  formattedValue?: string;
}

/** A filter as getFiltersAsync / FilterChangedEvent.getFilterAsync return it (CategoricalFilter fields optional). */
export interface VizFilter {
  fieldName: string;
  filterType: string;
  appliedValues?: VizDataValue[];
  isAllSelected?: boolean;
  isExcludeMode?: boolean;
  /** CategoricalFilter only: the values the filter can take ("relevant": within other filters). */
  getDomainAsync?(domainType?: "relevant" | "database"): Promise<{ values: VizDataValue[] }>;
}

/** ParameterDomainRestriction: `type` is the ParameterValueType enum string. */
export interface VizParameterDomain {
  type: "all" | "list" | "range";
  allowableValues?: VizDataValue[];
  minValue?: VizDataValue;
  maxValue?: VizDataValue;
  stepSize?: number;
}

/** A Parameter as getParametersAsync / ParameterChangedEvent.getParameterAsync return it. */
export interface VizParameter {
  id?: string;
  name: string;
  /** DataType enum string: "string", "int", "float", "bool", "date", "date-time", … */
  dataType: string;
  currentValue: VizDataValue;
  allowableValues: VizParameterDomain;
}

/** CustomView: a named state of a view kept by Tableau for its owner (`default`: the owner's default one). */
export interface VizCustomView {
  readonly name: string;
  readonly shared: boolean;
  readonly default: boolean;
  readonly ownerName: string;
  /** `{server}/t/{site}/views/{workbook}/{sheet}/{customViewLuid}/{urlName}` */
  readonly url: string;
}

export interface VizWorkbook {
  readonly activeSheet: VizSheet;
  getParametersAsync(): Promise<VizParameter[]>;
  changeParameterValueAsync(name: string, value: string | number | boolean | Date): Promise<VizParameter>;
  /** Custom views (Workbook in the reference): absent from libraries that predate them, so check first. */
  readonly activeCustomView?: VizCustomView;
  getCustomViewsAsync?(): Promise<VizCustomView[]>;
  saveCustomViewAsync?(name: string): Promise<VizCustomView>;
  showCustomViewAsync?(name?: string | null): Promise<VizCustomView | undefined>;
  removeCustomViewAsync?(name: string): Promise<VizCustomView>;
  setActiveCustomViewAsDefaultAsync?(): Promise<void>;
}

/** CustomViewEvent: `customviewloaded`, `customviewsaved`, `customviewremoved`, `customviewsetdefault`. */
export interface CustomViewEventDetail {
  customView?: VizCustomView;
}

export interface ParameterChangedDetail {
  getParameterAsync(): Promise<VizParameter>;
}

export interface VizWorksheet {
  name: string;
  sheetType: "worksheet";
  applyFilterAsync(
    fieldName: string,
    values: string[],
    updateType: VizFilterUpdateType,
    options: { isExcludeMode?: boolean },
  ): Promise<string>;
  clearFilterAsync(fieldName: string): Promise<string>;
  getFiltersAsync(): Promise<VizFilter[]>;
  /** Summary data; absent from libraries that predate it. */
  getSummaryDataAsync?(options?: { maxRows?: number }): Promise<VizDataTable>;
  getSummaryDataReaderAsync?(pageRowCount?: number): Promise<VizDataTableReader>;
}

/** DataTable: `data` holds one DataValue per column for each row. */
export interface VizDataTable {
  name: string;
  totalRowCount: number;
  columns: Array<{ fieldName: string; dataType?: string; index: number }>;
  data: VizDataValue[][];
}

export interface VizDataTableReader {
  totalRowCount: number;
  pageCount: number;
  getPageAsync(pageNumber: number): Promise<VizDataTable>;
  releaseAsync(): Promise<void>;
}

/** CrosstabFileFormat enum strings. */
export type VizCrosstabFormat = "csv" | "xlsx";

export interface VizDashboard {
  name: string;
  sheetType: "dashboard";
  worksheets: VizWorksheet[];
}

export interface VizStory {
  name: string;
  sheetType: "story";
}

export type VizSheet = VizWorksheet | VizDashboard | VizStory;

/** The element, once the Embedding API has defined it and the viz is interactive. */
export interface TableauVizElement extends HTMLElement {
  readonly workbook?: VizWorkbook;
  exportImageAsync(): Promise<void>;
  /** Absent from libraries that predate it: check before calling. */
  displayDialogAsync?(dialogType: VizDialogType): Promise<void>;
  /** The programmatic exports (library 3.6, Tableau 2023.2, and later): check before calling. */
  exportCrosstabAsync?(sheetName: string, format: VizCrosstabFormat): Promise<void>;
  exportDataAsync?(sheetName: string, options?: { ignoreAliases?: boolean }): Promise<void>;
  exportPowerPointAsync?(sheetNames?: string[]): Promise<void>;
  exportPDFAsync?(sheetNames?: string[]): Promise<void>;
  refreshDataAsync(): Promise<void>;
  revertAllAsync(): Promise<void>;
  resize?(): void;
}

/** `vizloaderror` detail: `errorCode` (e.g. "auth-failed") and `message` (JSON text with Tableau's answer). */
export interface VizLoadErrorDetail {
  errorCode?: string;
  message?: string;
}

export interface FilterChangedDetail {
  fieldName: string;
  worksheet?: VizWorksheet;
  getFilterAsync(): Promise<VizFilter>;
}

export interface TabSwitchedDetail {
  oldSheetName: string;
  newSheetName: string;
}

interface TableauVizJsxProps {
  ref?: Ref<TableauVizElement>;
  key?: Key;
  id?: string;
  className?: string;
  children?: ReactNode;
  src: string;
  token?: string;
  toolbar?: VizToolbar;
  /** Boolean attribute: present means on ("false" still hides tabs), so pass `true` or leave it out. */
  "hide-tabs"?: true;
  device?: VizDevice;
  /** The iframe's `loading` (lazy by default since 3.15). */
  "iframe-attr-loading"?: "eager" | "lazy";
  width?: string;
  height?: string;
  suppressHydrationWarning?: boolean;
  /** The `<viz-filter>` children as markup (components/viz/viz-filter-markup.ts says why). */
  dangerouslySetInnerHTML?: { __html: string };
  // React 19 adds `on<event>` function props of custom elements as listeners for `<event>`, but not to an
  // element it hydrates: the portal's viz listens by hand (components/viz/use-viz-element.ts).
  onfirstinteractive?: (event: CustomEvent<unknown>) => void;
  onvizloaderror?: (event: CustomEvent<VizLoadErrorDetail>) => void;
  onfilterchanged?: (event: CustomEvent<FilterChangedDetail>) => void;
  ontabswitched?: (event: CustomEvent<TabSwitchedDetail>) => void;
  oncustomviewloaded?: (event: CustomEvent<CustomViewEventDetail>) => void;
  oncustomviewsaved?: (event: CustomEvent<CustomViewEventDetail>) => void;
  oncustomviewremoved?: (event: CustomEvent<CustomViewEventDetail>) => void;
  oncustomviewsetdefault?: (event: CustomEvent<CustomViewEventDetail>) => void;
}

interface VizFilterJsxProps {
  key?: Key;
  field: string;
  /** One value or several separated by commas. */
  value: string;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "tableau-viz": TableauVizJsxProps;
      "viz-filter": VizFilterJsxProps;
    }
  }
}
