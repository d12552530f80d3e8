// Filter and parameter objects as the reference describes them (CategoricalFilter, CategoricalDomain,
// Parameter), built from the plain data the view page sends.
import { FilterDomainType } from "./enums.js";

/** A CategoricalFilter: its fields plus getDomainAsync(). The domain is what this viewer's data holds. */
export function toFilter(info, worksheet) {
  const { domain, ...fields } = info;
  return {
    ...fields,
    worksheet,
    getDomainAsync: async (domainType = FilterDomainType.Relevant) => ({
      type: domainType,
      values: (domain || []).map((v) => ({ ...v })),
    }),
  };
}

/** A Parameter: its fields plus changeValueAsync(), which resolves with the settled DataValue. */
export function toParameter(info, workbook) {
  return {
    ...info,
    changeValueAsync: async (newValue) =>
      (await workbook.changeParameterValueAsync(info.name, newValue)).currentValue,
  };
}
