/** The emulator's chart rendering: SVG for view pages, PNG for images, both from the same layout. */
export { renderChartSvg, esc } from "./svg";
export { renderViewPng } from "./image";
export { buildViewModel, worksheetsOf, type RenderOptions } from "./view-model";
export {
  canonicalField,
  fieldDomain,
  normaliseFilters,
  securityFilters,
  FIELDS,
  type FieldName,
  type FilterSet,
} from "./fields";
export { aggregate, filterOrders, formatCurrency, type Aggregate, type ChartSpec } from "./aggregate";
